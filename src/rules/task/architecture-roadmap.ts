/** The Kiến trúc số roadmap and the Chiến lược dữ liệu tasks agree: a task that delivers planned changes is in the plan, starts by the first and is due by the last. Source: CV 1215/TTg-KSTT (lộ trình rõ ràng, gắn với phân bổ nguồn lực cụ thể). */
import { targetDateOf } from '../../analysis/architecture.js';
import { entityTitle } from '../../analysis/names.js';
import { parseDeadline, viShortDate } from '../../core/dates.js';
import type { Ref } from '../../core/ref.js';
import { TIMED_KINDS } from '../../core/time-fields.js';
import { text } from '../../core/text.js';
import { dateOfState, transitionsBetween, type Transition } from '../../model/states.js';
import { defineRule } from '../define-rule.js';

export const taskArchitectureRoadmap = defineRule({
  id: 'task.architecture-roadmap',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Nhiệm vụ thực hiện các bước chuyển đổi của Kiến trúc số phải còn trong Chiến lược dữ liệu, bắt đầu không muộn hơn bước đầu tiên và có thời hạn không muộn hơn bước cuối cùng.',
    'A task that delivers steps of the architecture\'s roadmap must still be in the data strategy, start no later than the first step and be due no later than the last.',
  ),
  help: text(
    'Lộ trình của Kiến trúc số (các chuyển đổi từ hiện trạng đến kiến trúc mục tiêu) và danh mục nhiệm vụ của Chiến lược dữ liệu là một lộ trình (CV 1215/TTg-KSTT: lộ trình rõ ràng, gắn với nguồn lực). Nhiệm vụ đã hủy thì bước chuyển đổi không còn ai thực hiện; nhiệm vụ có thời hạn muộn hơn bước cuối cùng nó thực hiện, hoặc bắt đầu sau bước đầu tiên, thì hai văn bản ghi hai thời điểm khác nhau cho cùng một việc (một nhiệm vụ có thể thực hiện nhiều bước trong nhiều năm). Sửa thời hạn của nhiệm vụ hoặc ngày của chuyển đổi (transitions[].at), hoặc giao nhiệm vụ khác.',
    'The architecture\'s roadmap (the transitions from the current to the target state) and the strategy\'s tasks are one roadmap (Official Letter 1215). A cancelled task leaves the steps undelivered; a task due after the last step it delivers, or starting after the first, gives the two documents two dates for one change (one task may deliver several steps over years). Align the task\'s deadline or the transition\'s date (transitions[].at), or assign another task.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  // The tasks, the agency (target year) and the timeline, made of every dated kind as written.
  reads: ['k:task', 'agency', ...TIMED_KINDS.map((k) => `kw:${k}`)],
  check({ model, asOf, report }) {
    const targetDate = targetDateOf(model);
    const from = dateOfState(model) ?? asOf;
    if (from >= targetDate) return;
    // The steps each task delivers, in date order: a task may deliver several, staged over years.
    const byTask = new Map<Ref<'task'>, Transition[]>();
    for (const t of transitionsBetween(model, from, targetDate)) {
      if (t.task === undefined) continue;
      byTask.set(t.task, [...(byTask.get(t.task) ?? []), t]);
    }
    for (const [ref, steps] of byTask) {
      const task = model.get(ref);
      if (!task || task.entityKind !== 'task') continue;
      const first = steps[0] as Transition;
      const last = steps[steps.length - 1] as Transition;
      const name = entityTitle(model, ref);
      const what = (t: Transition): string => `${entityTitle(model, t.entity).vi} (${viShortDate(t.date)})`;
      const more = steps.length > 1 ? ` và ${steps.length - 1} bước khác` : '';
      if (task.status === 'cancelled') {
        report({
          entity: ref,
          path: ['status'],
          message: text(
            `${name.vi} đã hủy nhưng vẫn là nhiệm vụ thực hiện bước chuyển đổi của Kiến trúc số: ${what(first)}${more}.`,
            `${name.en} is cancelled yet still delivers ${steps.length} step(s) of the architecture's roadmap, the first on ${first.date}.`,
          ),
          fix: text('Giao nhiệm vụ khác cho các bước chuyển đổi (transitions[].task), hoặc bỏ các bước đó.', 'Assign another task to the steps (transitions[].task), or drop them.'),
        });
        continue;
      }
      const due = parseDeadline(task.deadline);
      if (due?.kind === 'date' && due.date > last.date) {
        report({
          entity: ref,
          path: ['deadline'],
          message: text(
            `${name.vi} có thời hạn ${viShortDate(due.date)}, muộn hơn bước chuyển đổi cuối cùng mà nó thực hiện trong Kiến trúc số: ${what(last)}.`,
            `${name.en} is due ${due.date}, after the last step of the architecture's roadmap it delivers (${last.date}).`,
          ),
          fix: text(
            `Đưa thời hạn của nhiệm vụ về không muộn hơn ${viShortDate(last.date)}, hoặc lùi ngày chuyển đổi (transitions[].at) cho khớp.`,
            `Bring the task's deadline to ${last.date} or earlier, or move the transition's date (transitions[].at) to match.`,
          ),
        });
      }
      const start = typeof task.start === 'string' ? task.start : undefined;
      if (start !== undefined && start > first.date) {
        report({
          entity: ref,
          path: ['start'],
          message: text(
            `${name.vi} bắt đầu ngày ${viShortDate(start)}, sau bước chuyển đổi đầu tiên mà nó thực hiện trong Kiến trúc số: ${what(first)}.`,
            `${name.en} starts on ${start}, after the first step of the architecture's roadmap it delivers (${first.date}).`,
          ),
          fix: text('Sửa ngày bắt đầu của nhiệm vụ hoặc ngày chuyển đổi (transitions[].at) cho khớp.', 'Align the task\'s start with the transition\'s date (transitions[].at).'),
        });
      }
    }
  },
});

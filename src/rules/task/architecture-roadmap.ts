/** The Kiến trúc số roadmap and the Chiến lược dữ liệu tasks agree: a task that delivers a planned change is in the plan and due by that change. Source: CV 1215/TTg-KSTT (lộ trình rõ ràng, gắn với phân bổ nguồn lực cụ thể). */
import { targetStateOf } from '../../analysis/architecture.js';
import { entityTitle } from '../../analysis/names.js';
import { parseDeadline, viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { dateOfState, transitionsBetween } from '../../model/states.js';
import { defineRule } from '../define-rule.js';

export const taskArchitectureRoadmap = defineRule({
  id: 'task.architecture-roadmap',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Nhiệm vụ thực hiện một bước chuyển đổi của Kiến trúc số phải còn trong Chiến lược dữ liệu và có thời hạn không muộn hơn bước đó.',
    'A task that delivers a step of the architecture\'s roadmap must still be in the data strategy and be due no later than that step.',
  ),
  help: text(
    'Lộ trình của Kiến trúc số (các chuyển đổi từ hiện trạng đến kiến trúc mục tiêu) và danh mục nhiệm vụ của Chiến lược dữ liệu là một lộ trình (CV 1215/TTg-KSTT: lộ trình rõ ràng, gắn với nguồn lực). Nhiệm vụ đã hủy thì bước chuyển đổi không còn ai thực hiện; nhiệm vụ có thời hạn muộn hơn ngày chuyển đổi thì hai văn bản ghi hai thời điểm khác nhau cho cùng một việc. Sửa thời hạn của nhiệm vụ hoặc ngày của chuyển đổi (transitions[].at), hoặc giao nhiệm vụ khác.',
    'The architecture\'s roadmap (the transitions from the current to the target state) and the strategy\'s tasks are one roadmap (Official Letter 1215). A cancelled task leaves the step undelivered; a task due after the step gives the two documents two dates for one change. Align the task\'s deadline or the transition\'s date (transitions[].at), or assign another task.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  check({ model, asOf, report }) {
    const target = targetStateOf(model);
    const from = dateOfState(model) ?? asOf;
    if (from >= target.date) return;
    for (const t of transitionsBetween(model, from, target.date)) {
      if (t.task === undefined) continue;
      const task = model.get(t.task);
      if (!task || task.entityKind !== 'task') continue;
      const step = `${entityTitle(model, t.entity).vi} (${viShortDate(t.date)})`;
      if (task.status === 'cancelled') {
        report({
          entity: t.task,
          path: ['status'],
          message: text(
            `${entityTitle(model, t.task).vi} đã hủy nhưng vẫn là nhiệm vụ thực hiện bước chuyển đổi của Kiến trúc số: ${step}.`,
            `${entityTitle(model, t.task).en} is cancelled yet still delivers a step of the architecture's roadmap: ${entityTitle(model, t.entity).en} (${t.date}).`,
          ),
          fix: text('Giao nhiệm vụ khác cho bước chuyển đổi (transitions[].task), hoặc bỏ bước chuyển đổi.', 'Assign another task to the step (transitions[].task), or drop the step.'),
        });
        continue;
      }
      const due = parseDeadline(task.deadline);
      if (due?.kind !== 'date' || due.date <= t.date) continue;
      report({
        entity: t.task,
        path: ['deadline'],
        message: text(
          `${entityTitle(model, t.task).vi} có thời hạn ${viShortDate(due.date)}, muộn hơn bước chuyển đổi mà nó thực hiện trong Kiến trúc số: ${step}.`,
          `${entityTitle(model, t.task).en} is due ${due.date}, after the step of the architecture's roadmap it delivers: ${entityTitle(model, t.entity).en} (${t.date}).`,
        ),
        fix: text(
          `Đưa thời hạn của nhiệm vụ về không muộn hơn ${viShortDate(t.date)}, hoặc lùi ngày chuyển đổi (transitions[].at) cho khớp.`,
          `Bring the task's deadline to ${t.date} or earlier, or move the transition's date (transitions[].at) to match.`,
        ),
      });
    }
  },
});

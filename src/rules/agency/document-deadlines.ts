/** A plan does not set targets or tasks already due when it is issued. Source: NĐ 30/2020/NĐ-CP (thời gian ban hành); CV 1215/TTg-KSTT (lộ trình rõ ràng). */
import { kpiProgress } from '../../analysis/kpis.js';
import { entityTitle } from '../../analysis/names.js';
import { isClosed, taskDeadline, taskStateAt } from '../../analysis/tasks.js';
import { parseDeadline, viDeadline, viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

export const agencyDocumentDeadlines = defineRule({
  id: 'agency.document-deadlines',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Chỉ tiêu và nhiệm vụ trong văn bản không có thời hạn trước ngày văn bản, trừ khi đã hoàn thành.',
    'Targets and tasks in the document are not due before the document\'s date, unless already met.',
  ),
  help: text(
    'Chiến lược, Kế hoạch ban hành ngày document.date giao chỉ tiêu, nhiệm vụ cho thời gian sau đó. Chỉ tiêu, nhiệm vụ có thời hạn trước ngày văn bản mà chưa hoàn thành cần được điều chỉnh thời hạn (kèm lộ trình) hoặc đưa ra khỏi văn bản; đã hoàn thành thì ghi nhận kết quả.',
    'A strategy or plan dated document.date sets targets and tasks for the time after it. Unmet targets or open tasks due before that date need a new deadline or removal.',
  ),
  legalRef: 'NĐ 30/2020/NĐ-CP; CV 1215/TTg-KSTT',
  check({ model, asOf, report }) {
    const date = model.agency?.document?.date;
    if (date === undefined) return;
    for (const k of model.all('kpi')) {
      const d = k.target ? parseDeadline(k.target.deadline) : undefined;
      if (d?.kind !== 'date' || d.date >= date) continue;
      if (kpiProgress(k, asOf).status === 'achieved') continue;
      report({
        entity: k.ref,
        path: ['target', 'deadline'],
        message: text(
          `${entityTitle(model, k.ref).vi} có thời hạn ${viDeadline(d)}, trước ngày văn bản ${viShortDate(date)}, và chưa đạt.`,
          `${entityTitle(model, k.ref).en} is due ${d.raw}, before the document's date ${date}, and not met.`,
        ),
        fix: text('Điều chỉnh target.deadline (và lộ trình milestones) cho thời gian sau ngày văn bản.', 'Move target.deadline (and milestones) after the document date.'),
      });
    }
    for (const t of model.all('task')) {
      const d = taskDeadline(t);
      if (d?.kind !== 'date' || d.date >= date) continue;
      if (isClosed(taskStateAt(t, asOf).status)) continue;
      report({
        entity: t.ref,
        path: ['deadline'],
        message: text(
          `${entityTitle(model, t.ref).vi} có thời hạn ${viDeadline(d)}, trước ngày văn bản ${viShortDate(date)}, và chưa hoàn thành.`,
          `${entityTitle(model, t.ref).en} is due ${d.raw}, before the document's date ${date}, and not finished.`,
        ),
        fix: text('Điều chỉnh deadline cho thời gian sau ngày văn bản, hoặc cập nhật trạng thái hoàn thành.', 'Move the deadline after the document date, or record completion.'),
      });
    }
  },
});

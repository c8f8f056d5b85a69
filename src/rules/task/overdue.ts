/** Tasks are finished by their deadline; an open task past it is reported for follow-up. Source: CV 1215/TTg-KSTT (kiểm tra, đôn đốc việc thực hiện). */
import { entityTitle } from '../../analysis/names.js';
import { isOverdue, taskDeadline, taskStateAt } from '../../analysis/tasks.js';
import { viDeadline } from '../../core/dates.js';
import { enumLabel } from '../../framework/types.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const taskOverdue = defineEntityRule({
  id: 'task.overdue',
  severity: 'warning',
  confirmed: true,
  description: text('Nhiệm vụ đã quá thời hạn hoàn thành mà chưa hoàn thành.', 'A task is past its deadline and not finished.'),
  help: text(
    'Văn bản triển khai CV 1215/TTg-KSTT giao cơ quan thường trực kiểm tra, đôn đốc việc thực hiện. Nhiệm vụ quá hạn cần được hoàn thành, hoặc cập nhật trạng thái (status, updates) và điều chỉnh thời hạn kèm lý do.',
    'The directive implementing Official Letter 1215 requires follow-up of implementation. An overdue task must be finished, or its status and deadline updated with a reason.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  kind: 'task',
  check({ model, asOf, report, entity: t }) {
    if (!isOverdue(t, asOf)) return;
    const dl = taskDeadline(t)!;
    const state = taskStateAt(t, asOf);
    const name = entityTitle(model, t.ref);
    const progress = state.progress !== null ? `, tiến độ ${state.progress}%` : '';
    report({
      entity: t.ref,
      path: ['deadline'],
      message: text(
        `${name.vi} đã quá thời hạn (${viDeadline(dl)}) nhưng chưa hoàn thành (${enumLabel(model.pack, 'taskStatus', state.status).toLowerCase()}${progress}).`,
        `${name.en} is past its deadline (${dl.raw}) and not finished (${enumLabel(model.pack, 'taskStatus', state.status, 'en').toLowerCase()}${state.progress !== null ? `, ${state.progress}%` : ''}).`,
      ),
      fix: text('Hoàn thành nhiệm vụ, hoặc cập nhật status/updates và điều chỉnh deadline kèm lý do.', 'Finish the task, or update status/updates and revise the deadline with a reason.'),
    });
  },
});

/** The task that delivers a planned change is due by the change's date. Source: CV 1215/TTg-KSTT (lộ trình rõ ràng, gắn với phân bổ nguồn lực cụ thể). */
import { entityTitle } from '../../analysis/names.js';
import { taskDeadline } from '../../analysis/tasks.js';
import { viDeadline, viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { transitionsOf } from '../../model/states.js';
import { defineRule } from '../define-rule.js';

export const taskTransitionLate = defineRule({
  id: 'task.transition-late',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Thời hạn của nhiệm vụ thực hiện một chuyển đổi không được muộn hơn ngày chuyển đổi có hiệu lực.',
    'The deadline of the task delivering a transition must not be later than the transition.',
  ),
  help: text(
    'Lộ trình phải rõ ràng (văn bản triển khai CV 1215/TTg-KSTT): một chuyển đổi có hiệu lực từ ngày "at" mà nhiệm vụ thực hiện nó chỉ hoàn thành sau ngày đó thì kiến trúc mục tiêu tại ngày đó không có thật. Lùi "at" của chuyển đổi, hoặc đưa thời hạn nhiệm vụ lên trước. Nhiệm vụ thường xuyên, định kỳ hoặc chưa có thời hạn không được xét (quy tắc task.deadline xét thời hạn).',
    'The roadmap must be consistent (Official Letter 1215): a transition in force from "at" whose task finishes later describes a target state that will not exist at that date. Move the transition\'s "at" later, or the task\'s deadline earlier. Ongoing or recurring tasks, and tasks without a deadline, are not checked (task.deadline checks deadlines).',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  check({ model, report }) {
    for (const t of transitionsOf(model)) {
      if (t.kind !== 'change' || t.task === undefined) continue;
      const task = model.get<'task'>(t.task);
      const due = task ? taskDeadline(task) : undefined;
      if (!task || due?.kind !== 'date' || due.date <= t.date) continue;
      const name = entityTitle(model, t.entity);
      const at = due.precision === 'year' ? due.raw : due.date;
      report({
        entity: t.entity,
        path: [...t.path, 'task'],
        message: text(
          `${name.vi}: chuyển đổi có hiệu lực ${viShortDate(t.date)} nhưng nhiệm vụ thực hiện "${task.name}" có thời hạn ${viDeadline(due)}.`,
          `${name.en}: the transition is in force from ${t.date} but its task "${task.name}" is due ${due.date}.`,
        ),
        fix: text(
          `Đặt "at: ${at}" (hoặc muộn hơn) cho chuyển đổi, hoặc đưa thời hạn của ${t.task} về không muộn hơn ${viShortDate(t.date)}.`,
          `Set the transition's "at: ${at}" or later, or bring the deadline of ${t.task} to ${t.date} at the latest.`,
        ),
      });
    }
  },
});

/** Every task in the strategy annex has a completion deadline. Source: QĐ 1751/QĐ-TTg Phụ lục (cột "Thời gian hoàn thành"). */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const taskDeadline = defineEntityRule({
  id: 'task.deadline',
  severity: 'error',
  confirmed: true,
  description: text('Mỗi nhiệm vụ phải có thời gian hoàn thành.', 'Every task must have a completion deadline.'),
  help: text(
    'Bảng tổng hợp các nhiệm vụ (Phụ lục QĐ 1751/QĐ-TTg) có cột "Thời gian hoàn thành" cho từng nhiệm vụ. Khai báo deadline: năm (2026), quý ("2026-Q3"), tháng ("2026-09"), ngày (2026-09-30), "ongoing" (Thực hiện thường xuyên) hoặc định kỳ ("hằng năm", "hằng quý"); hoặc deadlineAfter khi thời hạn tính theo nhiệm vụ, sự kiện khác.',
    'The task table (annex of Decision 1751) gives each task a completion time. Declare deadline: a year, a quarter ("2026-Q3"), a month ("2026-09"), a day, "ongoing" or a recurrence ("annual", "quarterly"); or deadlineAfter when it is relative to another task or an event.',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Phụ lục',
  kind: 'task',
  check({ model, report, entity: t }) {
    // A deadline relative to another task or to an event (deadlineAfter) is a deadline too.
    if (t.deadline !== undefined || t.deadlineAfter !== undefined) return;
    const name = entityTitle(model, t.ref);
    report({
      entity: t.ref,
      part: 'key',
      message: text(`${name.vi} chưa có thời gian hoàn thành.`, `${name.en} has no deadline.`),
      fix: text(
        'Thêm "deadline: 2026" (năm), "2026-Q3" (quý), "2026-09" (tháng), 2026-09-30 (ngày), "ongoing" hoặc "hằng năm"; hoặc "deadlineAfter: { task: task:…, days: 20 }".',
        'Add "deadline: 2026", "2026-Q3", "2026-09", 2026-09-30, "ongoing" or "annual"; or "deadlineAfter: { task: task:…, days: 20 }".',
      ),
    });
  },
});

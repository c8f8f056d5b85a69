/** Every task in the strategy annex has a completion deadline. Source: QĐ 1751/QĐ-TTg Phụ lục (cột "Thời gian hoàn thành"). */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

export const taskDeadline = defineRule({
  id: 'task.deadline',
  severity: 'error',
  confirmed: true,
  description: text('Mỗi nhiệm vụ phải có thời gian hoàn thành.', 'Every task must have a completion deadline.'),
  help: text(
    'Bảng tổng hợp các nhiệm vụ (Phụ lục QĐ 1751/QĐ-TTg) có cột "Thời gian hoàn thành" cho từng nhiệm vụ. Khai báo deadline: năm (2026), tháng ("2026-09"), ngày (2026-09-30) hoặc "ongoing" (Thực hiện thường xuyên).',
    'The task table (annex of Decision 1751) gives each task a completion time. Declare deadline: a year, a month ("2026-09"), a day, or "ongoing".',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Phụ lục',
  check({ model, report }) {
    for (const t of model.all('task')) {
      if (t.deadline !== undefined) continue;
      const name = entityTitle(model, t.ref);
      report({
        entity: t.ref,
        part: 'key',
        message: text(`${name.vi} chưa có thời gian hoàn thành.`, `${name.en} has no deadline.`),
        fix: text('Thêm "deadline: 2026" (năm), "2026-09" (tháng), 2026-09-30 (ngày) hoặc "ongoing".', 'Add "deadline: 2026", "2026-09", 2026-09-30 or "ongoing".'),
      });
    }
  },
});

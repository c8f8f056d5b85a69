/** Every task names its deliverable (Sản phẩm), as provincial task tables do. Source: QĐ 1751/QĐ-TTg Phụ lục (bảng nhiệm vụ); the "Sản phẩm" column is common provincial practice, unconfirmed. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const taskDeliverable = defineEntityRule({
  id: 'task.deliverable',
  severity: 'warning',
  // The seeds' task table has no "Sản phẩm" column; provincial plans commonly add one.
  confirmed: false,
  description: text('Mỗi nhiệm vụ nên nêu sản phẩm đầu ra.', 'Every task should name its deliverable.'),
  help: text(
    'Nhiều kế hoạch cấp tỉnh có cột "Sản phẩm" trong bảng nhiệm vụ để nghiệm thu kết quả; Phụ lục QĐ 1751/QĐ-TTg chỉ có cột "Ghi chú", nên quy tắc chỉ cảnh báo. Khai báo deliverable, ví dụ "Quyết định ban hành Quy chế…".',
    'Many provincial plans have a "Deliverable" column; the annex of Decision 1751 has only "Notes", so this only warns. Declare deliverable, e.g. "Decision issuing the regulation…".',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Phụ lục',
  kind: 'task',
  check({ model, report, entity: t }) {
    if (t.deliverable !== undefined || t.status === 'cancelled') return;
    const name = entityTitle(model, t.ref);
    report({
      entity: t.ref,
      part: 'key',
      message: text(`${name.vi} chưa nêu sản phẩm đầu ra.`, `${name.en} names no deliverable.`),
      fix: text('Thêm "deliverable: …" (văn bản, hệ thống, cơ sở dữ liệu… được bàn giao).', 'Add "deliverable: …".'),
    });
  },
});

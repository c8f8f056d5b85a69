/** Every dataset states whether it is core, important or other data. Source: Luật Dữ liệu 60/2024/QH15 Điều 3; QĐ 20/2025/QĐ-TTg. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const dataCriticality = defineEntityRule({
  id: 'data.criticality',
  severity: 'error',
  confirmed: true,
  description: text(
    'Mỗi cơ sở dữ liệu, tập dữ liệu phải được xác định là dữ liệu cốt lõi, dữ liệu quan trọng hay dữ liệu khác.',
    'Every dataset must be classified as core, important or other data.',
  ),
  help: text(
    'Luật Dữ liệu 2024 phân loại dữ liệu theo mức độ quan trọng; Danh mục dữ liệu quan trọng, dữ liệu cốt lõi ban hành kèm QĐ 20/2025/QĐ-TTg. Đối chiếu tập dữ liệu với Danh mục rồi khai báo criticality: core, important hoặc other.',
    'The 2024 Data Law classifies data by importance; the list of important and core data is in Decision 20/2025/QĐ-TTg. Check the dataset against the list and declare criticality: core, important or other.',
  ),
  legalRef: 'Luật Dữ liệu 60/2024/QH15 Điều 3; QĐ 20/2025/QĐ-TTg',
  kind: 'dataset',
  check({ model, report, entity: d }) {
    if (d.criticality !== undefined) return;
    const name = entityTitle(model, d.ref);
    report({
      entity: d.ref,
      part: 'key',
      message: text(
        `${name.vi} chưa được xác định mức độ quan trọng (dữ liệu cốt lõi, quan trọng hay khác).`,
        `${name.en} has no criticality (core, important or other).`,
      ),
      fix: text('Đối chiếu Danh mục tại QĐ 20/2025/QĐ-TTg rồi thêm "criticality: core | important | other".', 'Check the list in Decision 20/2025 and add "criticality: core | important | other".'),
    });
  },
});

/** Every dataset is classified as shared, restricted or open data. Source: Luật Dữ liệu 60/2024/QH15 Điều 3; QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a, VII.3.đ. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const dataSharingClass = defineEntityRule({
  id: 'data.sharing-class',
  severity: 'error',
  confirmed: true,
  description: text(
    'Mỗi cơ sở dữ liệu, tập dữ liệu phải được phân loại là dữ liệu dùng chung, dữ liệu dùng riêng hoặc dữ liệu mở.',
    'Every dataset must be classified as shared, restricted or open data.',
  ),
  help: text(
    'Luật Dữ liệu 2024 phân loại dữ liệu theo phạm vi chia sẻ; QĐ 1751/QĐ-TTg đặt mục tiêu 100% bộ, ngành, địa phương hoàn thành phân loại dữ liệu đến hết năm 2025. Khai báo sharing: shared (dùng chung), restricted (dùng riêng) hoặc open (dữ liệu mở).',
    'The 2024 Data Law classifies data by sharing scope; Decision 1751 requires every body to finish classifying its data by end-2025. Declare sharing: shared, restricted or open.',
  ),
  legalRef: 'Luật Dữ liệu 60/2024/QH15 Điều 3; QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a, VII.3.đ',
  kind: 'dataset',
  check({ model, report, entity: d }) {
    if (d.sharing !== undefined) return;
    const name = entityTitle(model, d.ref);
    report({
      entity: d.ref,
      part: 'key',
      message: text(
        `${name.vi} chưa được phân loại theo phạm vi chia sẻ (dùng chung, dùng riêng hay dữ liệu mở).`,
        `${name.en} has no sharing class (shared, restricted or open).`,
      ),
      fix: text('Thêm "sharing: shared | restricted | open".', 'Add "sharing: shared | restricted | open".'),
    });
  },
});

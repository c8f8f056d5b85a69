/** Every dataset names its data owner, whose rights synchronisation and sharing must respect. Source: Luật Dữ liệu 60/2024/QH15; QĐ 1751/QĐ-TTg Điều 1 mục III.5. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const dataOwner = defineEntityRule({
  id: 'data.owner',
  severity: 'error',
  confirmed: true,
  description: text('Mỗi cơ sở dữ liệu, tập dữ liệu phải xác định chủ sở hữu dữ liệu.', 'Every dataset must name its data owner.'),
  help: text(
    'Việc thu thập, đồng bộ, chia sẻ dữ liệu phải bảo đảm quyền của chủ sở hữu dữ liệu (QĐ 1751/QĐ-TTg, mục III.5; Luật Dữ liệu 2024). Khai báo owner (chủ sở hữu) và custodian (chủ quản) là cơ quan của tỉnh (org:…), chính cơ quan (agency:…) hoặc cơ quan trung ương.',
    'Collection, synchronisation and sharing must respect the data owner\'s rights (Decision 1751 III.5; 2024 Data Law). Declare owner and custodian.',
  ),
  legalRef: 'Luật Dữ liệu 60/2024/QH15; QĐ 1751/QĐ-TTg Điều 1 mục III.5',
  kind: 'dataset',
  check({ model, report, entity: d }) {
    if (d.owner !== undefined) return;
    const name = entityTitle(model, d.ref);
    const hint = d.custodian !== undefined ? ` (đã có chủ quản ${model.nameOf(d.custodian)})` : '';
    report({
      entity: d.ref,
      part: 'key',
      message: text(`${name.vi} chưa xác định chủ sở hữu dữ liệu${hint}.`, `${name.en} has no data owner.`),
      fix: text('Thêm "owner: org:<cơ quan>" (hoặc agency:…).', 'Add "owner: org:<body>" (or agency:…).'),
    });
  },
});

/** Every dataset is placed in one of the eight data layers and six data blocks of the national data architecture. Source: QĐ 2439/QĐ-TTg. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const dataLayerBlock = defineEntityRule({
  id: 'data.layer-block',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Mỗi tập dữ liệu phải được xếp vào một lớp dữ liệu và một khối dữ liệu của Khung kiến trúc dữ liệu quốc gia.',
    'Every dataset must be placed in a data layer and a data block of the national data architecture framework.',
  ),
  help: text(
    'Khung kiến trúc dữ liệu quốc gia (QĐ 2439/QĐ-TTg) có 8 lớp dữ liệu (dữ liệu gốc, đặc tả, chủ, danh mục, giao dịch, tổng hợp, phân tích, mở) và 6 khối dữ liệu. Khai báo layer và block cho từng tập dữ liệu để lập bảng đánh giá theo lớp.',
    'The national data architecture framework (Decision 2439) has 8 data layers and 6 data blocks. Declare layer and block for every dataset.',
  ),
  legalRef: 'QĐ 2439/QĐ-TTg',
  kind: 'dataset',
  check({ model, report, entity: d }) {
    const noLayer = d.layer === undefined;
    const noBlock = d.block === undefined;
    if (!noLayer && !noBlock) return;
    const name = entityTitle(model, d.ref);
    const what = noLayer && noBlock ? 'lớp dữ liệu và khối dữ liệu' : noLayer ? 'lớp dữ liệu' : 'khối dữ liệu';
    const whatEn = noLayer && noBlock ? 'data layer and data block' : noLayer ? 'data layer' : 'data block';
    report({
      entity: d.ref,
      part: 'key',
      message: text(`${name.vi} chưa được xếp ${what} theo QĐ 2439/QĐ-TTg.`, `${name.en} has no ${whatEn} (Decision 2439).`),
      fix: text(
        `Thêm ${[noLayer ? '"layer: …"' : '', noBlock ? '"block: …"' : ''].filter(Boolean).join(' và ')} (xem kientruc schema --list enums).`,
        `Add ${[noLayer ? '"layer: …"' : '', noBlock ? '"block: …"' : ''].filter(Boolean).join(' and ')}.`,
      ),
    });
  },
});

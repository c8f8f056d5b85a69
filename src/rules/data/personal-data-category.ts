/** A dataset must declare whether it holds basic or sensitive personal data. Source: Luật 91/2025/QH15 Điều 2; NĐ 356/2025/NĐ-CP. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const dataPersonalDataCategory = defineEntityRule({
  id: 'data.personal-data-category',
  severity: 'error',
  confirmed: true,
  description: text(
    'Mỗi tập dữ liệu phải xác định có chứa dữ liệu cá nhân cơ bản, nhạy cảm hay không.',
    'Every dataset must state whether it holds basic or sensitive personal data.',
  ),
  help: text(
    'Khai báo personalData: none, basic hoặc sensitive theo Luật Bảo vệ dữ liệu cá nhân 2025; dữ liệu nhạy cảm cần thêm protection (đánh giá tác động, biện pháp bảo vệ).',
    'Declare personalData: none, basic or sensitive per the 2025 Personal Data Protection Law; sensitive data also needs protection (impact assessment, measures).',
  ),
  legalRef: 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 Điều 2; NĐ 356/2025/NĐ-CP',
  kind: 'dataset',
  check({ model, report, entity: d }) {
    if (d.personalData !== undefined) return;
    const name = entityTitle(model, d.ref);
    report({
      entity: d.ref,
      part: 'key',
      message: text(`${name.vi} chưa xác định có chứa dữ liệu cá nhân cơ bản, nhạy cảm hay không.`, `${name.en} does not state its personal-data category.`),
      fix: text('Thêm "personalData: none | basic | sensitive".', 'Add "personalData: none | basic | sensitive".'),
    });
  },
});

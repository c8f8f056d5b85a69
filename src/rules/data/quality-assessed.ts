/** Data shared beyond the agency or synchronised nationally has a recent quality assessment (đúng, đủ, sạch, sống). Source: QĐ 1751/QĐ-TTg Điều 1 mục VII.3.c; CV 1215/TTg-KSTT. */
import { isQualityStale, latestQuality, needsQualityAssessment, qualityMaxAgeDays } from '../../analysis/datasets.js';
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

export const dataQualityAssessed = defineRule({
  id: 'data.quality-assessed',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Dữ liệu dùng chung, dữ liệu mở, dữ liệu chủ và cơ sở dữ liệu quốc gia, chuyên ngành phải được đánh giá chất lượng (đúng, đủ, sạch, sống) định kỳ.',
    'Shared, open and master data and national or sectoral databases must have a recent quality assessment (correct, complete, clean, live).',
  ),
  help: text(
    'QĐ 1751/QĐ-TTg yêu cầu đồng bộ dữ liệu bảo đảm nguyên tắc "đúng - đủ - sạch - sống - thống nhất - dùng chung"; văn bản triển khai CV 1215/TTg-KSTT yêu cầu báo cáo định kỳ chất lượng dữ liệu. Ghi mỗi lần đánh giá vào quality (assessedOn, correct, complete, clean, live). Đánh giá cũ hơn ngưỡng qualityMaxAgeDays của bộ khung (giá trị cấu hình, chưa có văn bản quy định) được coi là đã cũ.',
    'Decision 1751 requires synchronised data to be correct, complete, clean and live; the directive implementing Official Letter 1215 requires periodic reporting on data quality. Record each assessment under quality. Assessments older than the pack threshold qualityMaxAgeDays (a configurable value) count as stale.',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Điều 1 mục VII.3.c; CV 1215/TTg-KSTT',
  check({ model, asOf, report }) {
    const maxAge = qualityMaxAgeDays(model);
    for (const d of model.all('dataset')) {
      if (!needsQualityAssessment(d)) continue;
      const name = entityTitle(model, d.ref);
      const q = latestQuality(d, asOf);
      if (!q) {
        report({
          entity: d.ref,
          path: d.quality ? ['quality'] : [],
          part: 'key',
          message: text(`${name.vi} chưa được đánh giá chất lượng dữ liệu (đúng, đủ, sạch, sống).`, `${name.en} has never had its data quality assessed.`),
          fix: text('Đánh giá chất lượng và ghi kết quả vào quality: [{ assessedOn, correct, complete, clean, live }].', 'Assess the quality and record it under quality: [{ assessedOn, correct, complete, clean, live }].'),
        });
        continue;
      }
      if (isQualityStale(model, q, asOf)) {
        const index = (d.quality ?? []).indexOf(q);
        report({
          entity: d.ref,
          path: ['quality', index, 'assessedOn'],
          message: text(
            `${name.vi}: lần đánh giá chất lượng gần nhất (${viShortDate(q.assessedOn)}) đã quá ${maxAge} ngày.`,
            `${name.en}: the latest quality assessment (${q.assessedOn}) is older than ${maxAge} days.`,
          ),
          fix: text('Đánh giá lại chất lượng dữ liệu và bổ sung kết quả vào quality.', 'Re-assess the data quality and add the result under quality.'),
        });
      }
    }
  },
});

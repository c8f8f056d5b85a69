/** Each quality dimension (đúng, đủ, sạch, sống) of the latest assessment should reach the configured threshold. Source: QĐ 1751/QĐ-TTg Điều 1 mục VII.3.c; CV 1215/TTg-KSTT. */
import { dimensionsBelow, latestQuality, needsQualityAssessment, QUALITY_LABELS, qualityMinPercent } from '../../analysis/datasets.js';
import { viPercent } from '../../analysis/format.js';
import { entityTitle, entityTitleLower } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

export const dataQualityThreshold = defineRule({
  id: 'data.quality-threshold',
  severity: 'warning',
  // The threshold (qualityMinPercent) is a kientruc proposal, not a figure any instrument sets.
  confirmed: false,
  description: text(
    'Các tiêu chí chất lượng đúng, đủ, sạch, sống của lần đánh giá gần nhất phải đạt ngưỡng tối thiểu.',
    'Each quality dimension (correct, complete, clean, live) of the latest assessment must reach the minimum threshold.',
  ),
  help: text(
    'Ngưỡng qualityMinPercent trong bộ khung là giá trị do kientruc đề xuất (chưa có văn bản quy định tỷ lệ tối thiểu), nên quy tắc chỉ cảnh báo. Nâng chất lượng dữ liệu (làm sạch, bổ sung, cập nhật) rồi đánh giá lại.',
    'The pack threshold qualityMinPercent is a kientruc proposal (no instrument sets a minimum), so this rule only warns. Improve the data and re-assess it.',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Điều 1 mục VII.3.c; CV 1215/TTg-KSTT',
  check({ model, asOf, report }) {
    const min = qualityMinPercent(model);
    for (const d of model.all('dataset')) {
      if (!needsQualityAssessment(d)) continue;
      const q = latestQuality(d, asOf);
      if (!q) continue;
      const below = dimensionsBelow(model, q);
      if (below.length === 0) continue;
      const index = (d.quality ?? []).indexOf(q);
      const name = entityTitle(model, d.ref);
      const list = below.map((k) => `${QUALITY_LABELS[k].vi.toLowerCase()} ${viPercent(q[k])}`).join(', ');
      const listEn = below.map((k) => `${QUALITY_LABELS[k].en.toLowerCase()} ${q[k]}%`).join(', ');
      report({
        entity: d.ref,
        path: ['quality', index, below[0]!],
        message: text(
          `Chất lượng ${entityTitleLower(model, d.ref).vi} (đánh giá ngày ${viShortDate(q.assessedOn)}) dưới ngưỡng ${min}%: ${list}.`,
          `Quality of ${name.en} (assessed ${q.assessedOn}) is below ${min}%: ${listEn}.`,
        ),
        fix: text('Làm sạch, bổ sung, cập nhật dữ liệu rồi đánh giá lại.', 'Clean, complete and update the data, then re-assess it.'),
      });
    }
  },
});

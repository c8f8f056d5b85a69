/** Each quality dimension (đúng, đủ, sạch, sống) of the latest assessment should reach the configured threshold. Source: QĐ 1751/QĐ-TTg Điều 1 mục VII.3.c; CV 1215/TTg-KSTT. */
import { dimensionsBelow, latestQuality, needsQualityAssessment, QUALITY_LABELS, qualityMinPercent } from '../../analysis/datasets.js';
import { viNum } from '../../analysis/format.js';
import { entityTitle, entityTitleLower } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { looksLikeFractions } from '../../model/plausibility.js';
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
      // Scores written as fractions (0,95 for 95%) are one model.quality-fraction finding, not four shortfalls.
      if (!q || looksLikeFractions(q)) continue;
      const below = dimensionsBelow(model, q);
      if (below.length === 0) continue;
      const index = (d.quality ?? []).indexOf(q);
      const name = entityTitle(model, d.ref);
      // One format for every figure of the sentence, with the decimals the writer gave (at most 3): no
      // score is rounded up to the threshold it misses, and no two scores are rounded differently.
      const digits = Math.min(3, Math.max(0, ...below.map((k) => decimals(q[k])), decimals(min)));
      const en = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
      const list = below.map((k) => `${QUALITY_LABELS[k].vi.toLowerCase()} ${viNum(q[k], digits)}%`).join(', ');
      const listEn = below.map((k) => `${QUALITY_LABELS[k].en.toLowerCase()} ${en.format(q[k])}%`).join(', ');
      report({
        entity: d.ref,
        path: ['quality', index, below[0]!],
        message: text(
          `Chất lượng ${entityTitleLower(model, d.ref).vi} (đánh giá ngày ${viShortDate(q.assessedOn)}) dưới ngưỡng ${viNum(min, digits)}%: ${list}.`,
          `Quality of ${name.en} (assessed ${q.assessedOn}) is below ${en.format(min)}%: ${listEn}.`,
        ),
        fix: text('Làm sạch, bổ sung, cập nhật dữ liệu rồi đánh giá lại.', 'Clean, complete and update the data, then re-assess it.'),
      });
    }
  },
});

/** How many decimals a number is written with (95 → 0, 85.5 → 1). */
function decimals(n: number): number {
  const s = String(n);
  return /e/i.test(s) ? 3 : (s.split('.')[1] ?? '').length;
}

/** A KPI records its baseline, so progress can be measured against it. Source: Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT (chỉ số đo lường cụ thể). */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const kpiBaseline = defineEntityRule({
  id: 'kpi.baseline',
  severity: 'warning',
  confirmed: true,
  description: text('Mỗi chỉ tiêu phải có giá trị cơ sở (giá trị và thời điểm).', 'Every KPI must record its baseline (value and date).'),
  help: text(
    'Không có giá trị cơ sở thì không đánh giá được tiến độ so với lộ trình. Khai báo baseline: { value, date, source } — số liệu tại thời điểm bắt đầu kỳ chiến lược.',
    'Without a baseline, progress against the path cannot be assessed. Declare baseline: { value, date, source }.',
  ),
  legalRef: 'Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT',
  kind: 'kpi',
  check({ model, report, entity: k }) {
    // A current-state statistic has no target, task or baseline by design.
    if (k.statistic === true) return;
    if (k.baseline !== undefined) return;
    const name = entityTitle(model, k.ref);
    report({
      entity: k.ref,
      part: 'key',
      message: text(`${name.vi} chưa có giá trị cơ sở.`, `${name.en} has no baseline.`),
      fix: text('Thêm "baseline: { value: …, date: …, source: … }".', 'Add "baseline: { value: …, date: …, source: … }".'),
    });
  },
});

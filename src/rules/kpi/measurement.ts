/** A KPI is measured, and its latest measurement is recent. Source: Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT (chỉ số đo lường cụ thể; báo cáo định kỳ). */
import { latestMeasurement } from '../../analysis/kpis.js';
import { entityTitle } from '../../analysis/names.js';
import { addDays, viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { thresholdNumber } from '../../framework/types.js';
import { defineRule } from '../define-rule.js';

export const kpiMeasurement = defineRule({
  id: 'kpi.measurement',
  severity: 'warning',
  confirmed: true,
  description: text('Mỗi chỉ tiêu phải có số đo, và số đo gần nhất không được quá cũ.', 'Every KPI must be measured, and its latest measurement must be recent.'),
  help: text(
    'Chỉ tiêu chưa từng được đo hoặc số đo gần nhất cũ hơn ngưỡng measurementMaxAgeDays của bộ khung (giá trị cấu hình, mặc định khoảng hai quý) thì báo cáo không phản ánh được tình hình. Bổ sung measurements: [{ date, value, source }].',
    'A KPI never measured, or whose latest measurement is older than the pack threshold measurementMaxAgeDays (configurable, about two quarters), cannot be reported on. Add measurements: [{ date, value, source }].',
  ),
  legalRef: 'Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT',
  check({ model, asOf, report }) {
    const maxAge = thresholdNumber(model.pack, 'measurementMaxAgeDays', 200);
    for (const k of model.all('kpi')) {
      const name = entityTitle(model, k.ref);
      const latest = latestMeasurement(k, asOf);
      if (!latest) {
        report({
          entity: k.ref,
          path: k.measurements ? ['measurements'] : [],
          part: 'key',
          message: text(`${name.vi} chưa có số đo nào đến ngày ${viShortDate(asOf)}.`, `${name.en} has no measurement up to ${asOf}.`),
          fix: text('Thêm "measurements: [{ date, value, source }]".', 'Add "measurements: [{ date, value, source }]".'),
        });
        continue;
      }
      if (addDays(latest.date, maxAge) < asOf) {
        const index = (k.measurements ?? []).findIndex((m) => m.date === latest.date && m.value === latest.value);
        report({
          entity: k.ref,
          path: ['measurements', index, 'date'],
          message: text(
            `${name.vi}: số đo gần nhất (${viShortDate(latest.date)}) đã quá ${maxAge} ngày.`,
            `${name.en}: the latest measurement (${latest.date}) is older than ${maxAge} days.`,
          ),
          fix: text('Cập nhật số đo mới vào measurements.', 'Add a recent measurement.'),
        });
      }
    }
  },
});

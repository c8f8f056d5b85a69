/** Two documents of one build print one number for one fact: a KPI's declared measurement agrees with the same measure computed from the model. Source: CV 1215/TTg-KSTT (Chiến lược dữ liệu, Kiến trúc thống nhất, chỉ số đo lường cụ thể). */
import { computeCoverage } from '../../analysis/coverage.js';
import { figureMismatches } from '../../analysis/figures.js';
import { entityTitle, lowerFirst } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

export const kpiDocumentFigures = defineRule({
  id: 'kpi.document-figures',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Số đo của chỉ tiêu mà kientruc tính được từ mô hình phải khớp với giá trị tính từ mô hình tại cùng ngày, để các văn bản của cùng một lần tạo không ghi hai số khác nhau.',
    'A KPI measurement that kientruc can compute from the model must match the computed value on the same date, so the documents of one build do not print two different numbers.',
  ),
  help: text(
    'Chiến lược dữ liệu và bảng chỉ tiêu của báo cáo khoảng cách in số đo chỉ tiêu khai báo trong measurements; Khung kiến trúc số và bảng mức độ bao phủ của báo cáo khoảng cách in giá trị kientruc tính từ mô hình (phân loại dữ liệu, đồng bộ về CSDL tổng hợp quốc gia, kết nối qua NDOP, dịch vụ công trực tuyến toàn trình…). Khi chỉ tiêu gắn chỉ tiêu quốc gia đo được từ mô hình có số đo đúng ngày chốt số liệu mà giá trị khác giá trị tính được, hai văn bản trình cùng lúc sẽ ghi hai số khác nhau cho một chỉ tiêu. Sửa số đo (nếu mô hình đúng), hoặc bổ sung, cập nhật hệ thống, dữ liệu, kết nối, dịch vụ trong mô hình (nếu số đo đúng).',
    'The strategy and the gap report\'s target table print the KPI\'s declared measurements; the digital architecture and the gap report\'s coverage table print the value kientruc computes from the model (data classified, synchronised to the national database, sharing through NDOP, services fully online…). When a KPI linked to such a national target has a measurement dated on the reference date that differs from the computed value, two documents issued together print two numbers for one target. Correct the measurement (if the model is right), or complete the model (if the measurement is).',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  // The KPIs, the agency, and what the coverage of the report date's state counts (an integration's
  // ends read systems and bodies). Declared, the rule runs on the model itself, and its coverage is
  // summed entity by entity across models: an edit re-counts only the entities it changed.
  reads: ['k:kpi', 'agency', 'k:org', 'k:system', 'k:dataset', 'k:integration', 'k:service'],
  check({ model, asOf, report }) {
    for (const m of figureMismatches(model, asOf, (date) => computeCoverage(model, date, { summed: true }))) {
      const name = entityTitle(model, m.kpi.ref);
      report({
        entity: m.kpi.ref,
        path: ['measurements', m.index, 'value'],
        message: text(
          `${name.vi} ghi số đo ${m.declared} ngày ${viShortDate(m.measurement.date)}, nhưng tính từ mô hình cùng ngày là ${m.computed} (${lowerFirst(m.coverage.label.vi)}): Chiến lược dữ liệu và bảng chỉ tiêu của báo cáo khoảng cách in ${m.declared}, Khung kiến trúc số và bảng mức độ bao phủ in ${m.computed}.`,
          `${name.en} records ${m.declared} on ${m.measurement.date}, but the model gives ${m.computed} on that date (${m.coverage.label.en.toLowerCase()}): the strategy and the gap report's target table print ${m.declared}, the digital architecture and the coverage table ${m.computed}.`,
        ),
        fix: text(
          `Sửa số đo cho khớp ${m.computed} nếu mô hình đã đầy đủ, hoặc cập nhật mô hình (hệ thống, dữ liệu, kết nối, dịch vụ) cho khớp số đo.`,
          `Set the measurement to ${m.computed} if the model is complete, or update the model (systems, data, connections, services) to match it.`,
        ),
      });
    }
  },
});

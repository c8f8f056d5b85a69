import { kpiDocumentFigures } from '../../../src/rules/kpi/document-figures.js';
import { describe, expect, it } from 'vitest';
import { figureMismatches } from '../../../src/analysis/figures.js';
import { modelAt } from '../../../src/model/states.js';
import { describeRule, modelFor } from '../../helpers/rules.js';
import { AS_OF } from '../../helpers/project.js';
import { CLASSIFIED, dataset, kpi } from '../fixtures.js';

// Measure `datasets-classified` (target:phan-loai-du-lieu): one dataset of two is classified, so the
// model gives 50% on the reference date (AS_OF); the Kiến trúc số prints that, the strategy the measurement.
const measured = (value: number, date: string = AS_OF) =>
  kpi('phan-loai', `nationalTarget: target:phan-loai-du-lieu\nmeasurements:\n  - date: ${date}\n    value: ${value}\n    source: Báo cáo của Sở\n`);
const DATA = { 'a.yaml': dataset('a', CLASSIFIED), 'b.yaml': dataset('b', 'personalData: none\n') };

describeRule(kpiDocumentFigures, [
  { name: 'số đo khớp giá trị tính từ mô hình', files: { 'k.yaml': measured(50), ...DATA }, expect: [] },
  { name: 'khác nhau dưới mức làm tròn khi in (50,04% in là 50%)', files: { 'k.yaml': measured(50.04), ...DATA }, expect: [] },
  { name: 'số đo cùng ngày khác giá trị tính từ mô hình: hai văn bản in hai số', files: { 'k.yaml': measured(95.6), ...DATA }, expect: [{ entity: 'kpi:phan-loai', at: 'k.yaml:9:12', severity: 'warning' }] },
  { name: 'số đo của ngày khác: là một thời điểm khác, không so', files: { 'k.yaml': measured(95.6, '2025-06-30'), ...DATA }, expect: [] },
  { name: 'chỉ tiêu không gắn chỉ tiêu quốc gia đo được từ mô hình', files: { 'k.yaml': kpi('x', `measurements:\n  - date: ${AS_OF}\n    value: 95.6\n    source: Báo cáo\n`), ...DATA }, expect: [] },
]);

describe('kpi.document-figures on another state of the architecture', () => {
  it('compares a measurement only with the model of its own date (target:2030 is not today)', async () => {
    const model = await modelFor({ files: { 'k.yaml': measured(95.6), ...DATA } });
    expect(figureMismatches(model, AS_OF).map((m) => [m.declared, m.computed])).toEqual([['95,6%', '50%']]);
    expect(figureMismatches(modelAt(model, '2030-12-31'), AS_OF)).toEqual([]);
  });
});

import { kpiMeasurement } from '../../../src/rules/kpi/measurement.js';
import { describeRule } from '../../helpers/rules.js';
import { kpi } from '../fixtures.js';

const m = (...dates: string[]) => `measurements:\n${dates.map((d) => `  - date: ${d}\n    value: 50\n    source: Báo cáo\n`).join('')}`;

describeRule(kpiMeasurement, [
  { name: 'số đo gần đây', files: { 'k.yaml': kpi('x', m('2025-06-30', '2025-12-31')) }, expect: [] },
  { name: 'chưa có số đo', files: { 'k.yaml': kpi('x') }, expect: [{ entity: 'kpi:x', at: 'k.yaml:3:1' }] },
  { name: 'chỉ có số đo sau ngày báo cáo', files: { 'k.yaml': kpi('x', m('2026-03-31')) }, expect: [{ entity: 'kpi:x', at: 'k.yaml:6:1' }] },
  { name: 'số đo gần nhất quá cũ', files: { 'k.yaml': kpi('x', m('2025-03-31', '2025-01-31')) }, expect: [{ entity: 'kpi:x', at: 'k.yaml:7:11' }] },
]);

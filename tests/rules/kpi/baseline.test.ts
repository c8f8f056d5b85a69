import { kpiBaseline } from '../../../src/rules/kpi/baseline.js';
import { describeRule } from '../../helpers/rules.js';
import { kpi } from '../fixtures.js';

describeRule(kpiBaseline, [
  { name: 'có giá trị cơ sở', files: { 'k.yaml': kpi('x', 'baseline:\n  value: 42\n  date: 2024-12-31\n') }, expect: [] },
  { name: 'không có giá trị cơ sở', files: { 'k.yaml': kpi('x') }, expect: [{ entity: 'kpi:x', at: 'k.yaml:3:1' }] },
]);

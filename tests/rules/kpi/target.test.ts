import { kpiTarget } from '../../../src/rules/kpi/target.js';
import { describeRule } from '../../helpers/rules.js';
import { kpi } from '../fixtures.js';

describeRule(kpiTarget, [
  { name: 'có mục tiêu', files: { 'k.yaml': kpi('x', 'target:\n  value: 80\n  deadline: 2025-12-31\n') }, expect: [] },
  { name: 'không có mục tiêu', files: { 'k.yaml': kpi('x', 'nationalTarget: target:ho-so-xu-ly-truc-tuyen\n') }, expect: [{ entity: 'kpi:x', at: 'k.yaml:3:1' }] },
]);

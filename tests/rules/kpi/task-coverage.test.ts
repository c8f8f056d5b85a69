import { kpiTaskCoverage } from '../../../src/rules/kpi/task-coverage.js';
import { describeRule } from '../../helpers/rules.js';
import { kpi, task } from '../fixtures.js';

const K = kpi('x', 'nationalTarget: target:ho-so-xu-ly-truc-tuyen\n');

describeRule(kpiTaskCoverage, [
  { name: 'có nhiệm vụ thực hiện chỉ tiêu', files: { 'k.yaml': K, 't.yaml': task('t', 'addresses: [kpi:x]\n') }, expect: [] },
  { name: 'nhiệm vụ thực hiện chỉ tiêu quốc gia tương ứng', files: { 'k.yaml': K, 't.yaml': task('t', 'addresses: [target:ho-so-xu-ly-truc-tuyen]\n') }, expect: [] },
  { name: 'không có nhiệm vụ', files: { 'k.yaml': K, 't.yaml': task('t', 'addresses: [kpi:y]\n') + '---\n' + kpi('y') }, expect: [{ entity: 'kpi:x', at: 'k.yaml:3:1' }] },
]);

import { taskDeadline } from '../../../src/rules/task/deadline.js';
import { describeRule } from '../../helpers/rules.js';
import { task } from '../fixtures.js';

describeRule(taskDeadline, [
  { name: 'có thời hạn (tháng)', files: { 't.yaml': task('t', 'deadline: "2026-09"\n') }, expect: [] },
  { name: 'thực hiện thường xuyên', files: { 't.yaml': task('t', 'deadline: ongoing\n') }, expect: [] },
  { name: 'không có thời hạn', files: { 't.yaml': task('t', 'deliverable: Quy chế\n') }, expect: [{ entity: 'task:t', at: 't.yaml:3:1' }] },
]);

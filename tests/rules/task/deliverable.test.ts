import { taskDeliverable } from '../../../src/rules/task/deliverable.js';
import { describeRule } from '../../helpers/rules.js';
import { task } from '../fixtures.js';

describeRule(taskDeliverable, [
  { name: 'có sản phẩm', files: { 't.yaml': task('t', 'deliverable: Quyết định ban hành Quy chế\n') }, expect: [] },
  { name: 'nhiệm vụ đã dừng thực hiện', files: { 't.yaml': task('t', 'status: cancelled\n') }, expect: [] },
  { name: 'không có sản phẩm', files: { 't.yaml': task('t', 'deadline: 2026\n') }, expect: [{ entity: 'task:t', at: 't.yaml:3:1' }] },
]);

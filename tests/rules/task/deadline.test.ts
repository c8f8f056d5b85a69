import { taskDeadline } from '../../../src/rules/task/deadline.js';
import { describeRule } from '../../helpers/rules.js';
import { task } from '../fixtures.js';

describeRule(taskDeadline, [
  { name: 'có thời hạn (tháng)', files: { 't.yaml': task('t', 'deadline: "2026-09"\n') }, expect: [] },
  { name: 'thực hiện thường xuyên', files: { 't.yaml': task('t', 'deadline: ongoing\n') }, expect: [] },
  { name: 'theo quý', files: { 't.yaml': task('t', 'deadline: 2026-Q3\n') }, expect: [] },
  { name: 'hằng năm', files: { 't.yaml': task('t', 'deadline: hằng năm\n') }, expect: [] },
  { name: '20 ngày sau nhiệm vụ khác', files: { 't.yaml': task('t', 'deadlineAfter: { task: task:u, days: 20 }\n'), 'u.yaml': task('u', 'deadline: 2026\n') }, expect: [] },
  { name: 'khi có sự kiện', files: { 't.yaml': task('t', 'deadlineAfter: { event: Khi có nhiệm vụ chậm tiến độ }\n') }, expect: [] },
  { name: 'không có thời hạn', files: { 't.yaml': task('t', 'deliverable: Quy chế\n') }, expect: [{ entity: 'task:t', at: 't.yaml:3:1' }] },
]);

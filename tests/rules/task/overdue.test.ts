import { taskOverdue } from '../../../src/rules/task/overdue.js';
import { describeRule } from '../../helpers/rules.js';
import { task } from '../fixtures.js';

describeRule(taskOverdue, [
  { name: 'còn trong hạn', files: { 't.yaml': task('t', 'deadline: 2026-06-30\nstatus: in-progress\n') }, expect: [] },
  { name: 'quá hạn nhưng đã hoàn thành', files: { 't.yaml': task('t', 'deadline: "2025-09"\nstatus: done\n') }, expect: [] },
  { name: 'quá hạn, đang thực hiện', files: { 't.yaml': task('t', 'deadline: "2025-09"\nstatus: in-progress\nprogress: 60\n') }, expect: [{ entity: 'task:t', at: 't.yaml:7:11' }] },
  {
    name: 'cập nhật gần nhất cho biết chưa xong',
    files: { 't.yaml': task('t', 'deadline: 2025\nupdates:\n  - date: 2025-12-20\n    progress: 90\n') },
    expect: [{ entity: 'task:t', at: 't.yaml:7:11' }],
  },
  { name: 'cập nhật đã hoàn thành 100%', files: { 't.yaml': task('t', 'deadline: 2025\nupdates:\n  - date: 2025-12-20\n    progress: 100\n') }, expect: [] },
  { name: 'thực hiện thường xuyên', files: { 't.yaml': task('t', 'deadline: ongoing\n') }, expect: [] },
  { name: 'hạn đúng ngày báo cáo: chưa quá hạn', files: { 't.yaml': task('t', 'deadline: 2026-01-15\n') }, expect: [] },
]);

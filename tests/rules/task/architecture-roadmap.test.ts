import { taskArchitectureRoadmap } from '../../../src/rules/task/architecture-roadmap.js';
import { describeRule } from '../../helpers/rules.js';
import { system, task } from '../fixtures.js';

// A system moved to the provincial data centre on 30/6/2028 by task:chuyen.
const moved = (at = '2028-06-30', taskRef = 'task:chuyen') =>
  system('qlvb', `hosting: { deployment: on-prem }\ntransitions:\n  - at: ${at}\n    task: ${taskRef}\n    set: { hosting: { deployment: provincial-dc } }\n`);

describeRule(taskArchitectureRoadmap, [
  { name: 'nhiệm vụ xong trước bước chuyển đổi', files: { 's.yaml': moved(), 't.yaml': task('chuyen', 'deadline: 2028-03-31\n') }, expect: [] },
  { name: 'cùng ngày', files: { 's.yaml': moved(), 't.yaml': task('chuyen', 'deadline: 2028-06-30\n') }, expect: [] },
  {
    name: 'nhiệm vụ muộn hơn bước chuyển đổi',
    files: { 's.yaml': moved(), 't.yaml': task('chuyen', 'deadline: 2029-12-31\n') },
    expect: [{ entity: 'task:chuyen', at: 't.yaml:7:11', severity: 'warning' }],
  },
  {
    name: 'nhiệm vụ đã hủy',
    files: { 's.yaml': moved(), 't.yaml': task('chuyen', 'deadline: 2028-03-31\nstatus: cancelled\n') },
    expect: [{ entity: 'task:chuyen', at: 't.yaml:8:9', severity: 'warning' }],
  },
  { name: 'bước chuyển đổi sau năm mục tiêu: ngoài lộ trình', files: { 's.yaml': moved('2031-06-30'), 't.yaml': task('chuyen', 'deadline: 2032-12-31\n') }, expect: [] },
  { name: 'thời hạn thường xuyên: không so sánh', files: { 's.yaml': moved(), 't.yaml': task('chuyen', 'deadline: ongoing\n') }, expect: [] },
  {
    name: 'một nhiệm vụ, hai bước (2028, 2029): thời hạn so với bước cuối cùng',
    files: { 's.yaml': moved(), 's2.yaml': system('khac', 'transitions:\n  - at: 2029\n    task: task:chuyen\n    set: { status: upgrading }\n'), 't.yaml': task('chuyen', 'deadline: 2029-12-31\n') },
    expect: [],
  },
  {
    name: 'bắt đầu sau bước đầu tiên',
    files: { 's.yaml': moved(), 't.yaml': task('chuyen', 'start: 2028-09-01\ndeadline: 2028-06-30\n') },
    expect: [{ entity: 'task:chuyen', at: 't.yaml:7:8', severity: 'warning' }],
  },
]);

import { taskTransitionLate } from '../../../src/rules/task/transition-late.js';
import { describeRule } from '../../helpers/rules.js';
import { system, task } from '../fixtures.js';

const moved = (at: string) => `transitions:\n  - at: ${at}\n    task: task:t\n    set: { hosting: { deployment: provincial-dc } }\n`;

describeRule(taskTransitionLate, [
  { name: 'nhiệm vụ xong đúng năm chuyển đổi', files: { 's.yaml': system('a', moved('2027')), 't.yaml': task('t', 'deadline: 2027\n') }, expect: [] },
  { name: 'nhiệm vụ xong trước', files: { 's.yaml': system('a', moved('2027-12-31')), 't.yaml': task('t', 'deadline: "2027-Q3"\n') }, expect: [] },
  { name: 'nhiệm vụ xong sau ngày chuyển đổi', files: { 's.yaml': system('a', moved('2027-06-30')), 't.yaml': task('t', 'deadline: 2027\n') }, expect: [{ entity: 'system:a', at: 's.yaml:11:11' }] },
  { name: 'thời hạn quý sau năm chuyển đổi', files: { 's.yaml': system('a', moved('2026')), 't.yaml': task('t', 'deadline: "2027-Q1"\n') }, expect: [{ entity: 'system:a', at: 's.yaml:11:11' }] },
  { name: 'nhiệm vụ thường xuyên không xét', files: { 's.yaml': system('a', moved('2026')), 't.yaml': task('t', 'deadline: ongoing\n') }, expect: [] },
  { name: 'nhiệm vụ chưa có thời hạn không xét', files: { 's.yaml': system('a', moved('2026')), 't.yaml': task('t') }, expect: [] },
]);

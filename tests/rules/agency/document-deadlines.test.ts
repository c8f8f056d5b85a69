import { agencyDocumentDeadlines } from '../../../src/rules/agency/document-deadlines.js';
import { describeRule } from '../../helpers/rules.js';
import { agency, kpi, task } from '../fixtures.js';

const AG = agency('document:\n  date: 2026-10-15\n');

describeRule(agencyDocumentDeadlines, [
  { name: 'thời hạn sau ngày văn bản', files: { 'agency.yaml': AG, 't.yaml': task('t', 'deadline: 2027-06-30\n'), 'k.yaml': kpi('k', 'target:\n  value: 90\n  deadline: 2027\n') }, expect: [] },
  { name: 'nhiệm vụ đến hạn trước ngày văn bản, chưa xong', files: { 'agency.yaml': AG, 't.yaml': task('t', 'deadline: 2026-09-30\nstatus: in-progress\n') }, expect: [{ entity: 'task:t', at: 't.yaml:7:11' }] },
  { name: 'nhiệm vụ đến hạn trước nhưng đã xong', files: { 'agency.yaml': AG, 't.yaml': task('t', 'deadline: 2026-09-30\nstatus: done\n') }, expect: [] },
  { name: 'chỉ tiêu đến hạn trước ngày văn bản', files: { 'agency.yaml': AG, 'k.yaml': kpi('k', 'target:\n  value: 90\n  deadline: 2025-12-31\n') }, expect: [{ entity: 'kpi:k', at: 'k.yaml:8:13' }] },
  { name: 'không có ngày văn bản: không kiểm tra', files: { 'agency.yaml': agency(), 't.yaml': task('t', 'deadline: 2020-01-01\n') }, expect: [] },
]);

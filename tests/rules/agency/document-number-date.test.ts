import { agencyDocumentNumberDate } from '../../../src/rules/agency/document-number-date.js';
import { describeRule } from '../../helpers/rules.js';
import { agency } from '../fixtures.js';

describeRule(agencyDocumentNumberDate, [
  { name: 'dự thảo chưa có số, chưa có ngày', files: { 'agency.yaml': agency('document:\n  status: draft\n  number: "   /QĐ-UBND"\n') }, expect: [] },
  { name: 'đã có số và ngày', files: { 'agency.yaml': agency('document:\n  status: issued\n  number: 125/QĐ-UBND\n  date: 2026-10-15\n') }, expect: [] },
  { name: 'có ngày mà chưa có số', files: { 'agency.yaml': agency('document:\n  status: draft\n  number: "   /QĐ-UBND"\n  date: 2026-10-15\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:11:9' }] },
  { name: 'có số mà chưa có ngày', files: { 'agency.yaml': agency('document:\n  number: 125/QĐ-UBND\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:9:11' }] },
  { name: 'đã ban hành mà chưa có số', files: { 'agency.yaml': agency('document:\n  status: issued\n  date: 2026-10-15\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:8:1' }] },
  { name: 'báo cáo có ngày mà chưa có số', files: { 'agency.yaml': agency('report:\n  date: 2026-10-05\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:9:9' }] },
]);

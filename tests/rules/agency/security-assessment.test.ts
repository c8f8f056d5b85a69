import { agencySecurityAssessment } from '../../../src/rules/agency/security-assessment.js';
import { describeRule } from '../../helpers/rules.js';
import { agency } from '../fixtures.js';

describeRule(agencySecurityAssessment, [
  { name: 'đánh giá trong năm', files: { 'agency.yaml': agency('security:\n  lastAssessment:\n    date: 2025-08-20\n    by: org:bo-cong-an\n') }, expect: [] },
  { name: 'chưa đánh giá', files: { 'agency.yaml': agency() }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:3:1' }] },
  { name: 'đánh giá quá cũ', files: { 'agency.yaml': agency('security:\n  lastAssessment:\n    date: 2024-11-30\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:10:11' }] },
]);

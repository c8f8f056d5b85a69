import { agencyMaturityLevel } from '../../../src/rules/agency/maturity-level.js';
import { describeRule } from '../../helpers/rules.js';
import { agency } from '../fixtures.js';

describeRule(agencyMaturityLevel, [
  { name: 'đã khai báo cấp độ', files: { 'agency.yaml': agency('governance:\n  maturityLevel: 2\n') }, expect: [] },
  { name: 'chưa khai báo', files: { 'agency.yaml': agency('governance:\n  reportingPeriod: quarterly\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:8:1', severity: 'info' }] },
]);

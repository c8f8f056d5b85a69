import { agencyNetworkRules } from '../../../src/rules/agency/network-rules.js';
import { describeRule } from '../../helpers/rules.js';
import { agency } from '../fixtures.js';

describeRule(agencyNetworkRules, [
  { name: 'đã ban hành quy chế', files: { 'agency.yaml': agency('security:\n  internalNetworkRules:\n    status: approved\n') }, expect: [] },
  { name: 'chưa ban hành', files: { 'agency.yaml': agency('security:\n  internalNetworkRules:\n    status: none\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:10:13' }] },
  { name: 'không khai báo', files: { 'agency.yaml': agency('security:\n  lastAssessment:\n    date: 2025-08-20\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:8:1' }] },
]);

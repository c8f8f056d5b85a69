import { systemContinuityPlans } from '../../../src/rules/system/continuity-plans.js';
import { describeRule } from '../../helpers/rules.js';
import { system } from '../fixtures.js';

describeRule(systemContinuityPlans, [
  { name: 'có đủ hai phương án', files: { 's.yaml': system('hsmc', 'security:\n  incidentResponsePlan: true\n  backup: true\n') }, expect: [] },
  { name: 'không có khối security', files: { 's.yaml': system('hsmc') }, expect: [{ entity: 'system:hsmc', at: 's.yaml:3:1' }] },
  { name: 'thiếu phương án ứng phó sự cố', files: { 's.yaml': system('hsmc', 'security:\n  backup: true\n') }, expect: [{ entity: 'system:hsmc', at: 's.yaml:9:1' }] },
  { name: 'phương án sao lưu khai báo false', files: { 's.yaml': system('hsmc', 'security:\n  incidentResponsePlan: true\n  backup: false\n') }, expect: [{ entity: 'system:hsmc', at: 's.yaml:11:11' }] },
  { name: 'hệ thống đang xây dựng: chưa áp dụng', files: { 's.yaml': system('moi', '', { status: 'building' }) }, expect: [] },
]);

import { systemSecurityLevel } from '../../../src/rules/system/security-level.js';
import { describeRule } from '../../helpers/rules.js';

const sys = (status: string, security: string) => `apiVersion: kientruc/v1
kind: System
id: hsmc
name: Hệ thống giải quyết TTHC
layer: L3
component: tthc
status: ${status}
owner: agency:tinh-thu
${security}`;

describeRule(systemSecurityLevel, [
  {
    name: 'cấp độ đã phê duyệt',
    files: { 's.yaml': sys('operating', 'security:\n  level: 3\n  dossier: approved\n  decision: { number: 12/QĐ-UBND, date: 2025-03-04 }\n') },
    expect: [],
  },
  { name: 'chưa xác định cấp độ, không có khối security', files: { 's.yaml': sys('operating', '') }, expect: [{ entity: 'system:hsmc', at: 's.yaml:3:1' }] },
  { name: 'khối security thiếu level', files: { 's.yaml': sys('building', 'security:\n  backup: true\n') }, expect: [{ entity: 'system:hsmc', at: 's.yaml:9:1' }] },
  { name: 'hồ sơ đang trình', files: { 's.yaml': sys('operating', 'security:\n  level: 2\n  dossier: submitted\n') }, expect: [{ entity: 'system:hsmc', at: 's.yaml:11:12' }] },
  { name: 'phê duyệt nhưng thiếu quyết định', files: { 's.yaml': sys('upgrading', 'security:\n  level: 2\n  dossier: approved\n') }, expect: [{ entity: 'system:hsmc', at: 's.yaml:11:12' }] },
  { name: 'hệ thống dự kiến: chưa áp dụng', files: { 's.yaml': sys('planned', '') }, expect: [] },
  { name: 'hệ thống đã dừng: không áp dụng', files: { 's.yaml': sys('retired', '') }, expect: [] },
]);

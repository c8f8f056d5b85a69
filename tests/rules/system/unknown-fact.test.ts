import { systemUnknownFact } from '../../../src/rules/system/unknown-fact.js';
import { describeRule } from '../../helpers/rules.js';
import { system } from '../fixtures.js';

// A commune inventory lists a camera system whose owner and security level nobody could confirm yet.
describeRule(systemUnknownFact, [
  { name: 'mọi thông tin đã biết', files: { 's.yaml': system('camera-an-ninh', 'security:\n  level: 2\n') }, expect: [] },
  {
    name: 'chủ quản chưa xác định',
    files: { 's.yaml': system('camera-an-ninh', '', { layer: 'L1', component: 'iot', owner: '"chưa xác định"' }) },
    expect: [{ entity: 'system:camera-an-ninh', at: 's.yaml:8:8' }],
  },
  {
    name: 'cấp độ và hồ sơ chưa xác định (viết "unknown")',
    files: { 's.yaml': system('camera-an-ninh', 'security:\n  level: unknown\n  dossier: chưa xác định\n') },
    expect: [
      { entity: 'system:camera-an-ninh', at: 's.yaml:10:10' },
      { entity: 'system:camera-an-ninh', at: 's.yaml:11:12' },
    ],
  },
  {
    name: 'mô tả có chữ "chưa xác định" không phải thông tin thiếu',
    files: { 's.yaml': system('camera-an-ninh', 'description: chưa xác định\nvendor: chưa xác định\n') },
    expect: [{ entity: 'system:camera-an-ninh', at: 's.yaml:10:9' }],
  },
]);

import { serviceUnknownFact } from '../../../src/rules/service/unknown-fact.js';
import { describeRule } from '../../helpers/rules.js';
import { service, system } from '../fixtures.js';

const S = { 's.yaml': system('tthc') };

describeRule(serviceUnknownFact, [
  { name: 'mọi thông tin đã biết', files: { ...S, 'dv.yaml': service('khai-sinh', 'eligibleFullOnline: true\n') }, expect: [] },
  {
    name: 'điều kiện toàn trình và hệ thống chưa xác định',
    files: { ...S, 'dv.yaml': service('ho-tro', 'eligibleFullOnline: unknown\n', { onlineLevel: 'none' }).replace('system:tthc', 'chưa xác định') },
    expect: [
      { entity: 'service:ho-tro', at: 'dv.yaml:7:12' },
      { entity: 'service:ho-tro', at: 'dv.yaml:8:21' },
    ],
  },
  { name: 'cơ quan cung cấp chưa xác định', files: { ...S, 'dv.yaml': service('ho-tro', '', { provider: 'chưa xác định' }) }, expect: [{ entity: 'service:ho-tro', at: 'dv.yaml:5:11' }] },
  { name: 'mô tả có chữ "chưa xác định" không phải thông tin thiếu', files: { ...S, 'dv.yaml': service('ho-tro', 'description: chưa xác định\n') }, expect: [] },
]);

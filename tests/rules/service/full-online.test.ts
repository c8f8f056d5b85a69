import { serviceFullOnline } from '../../../src/rules/service/full-online.js';
import { describeRule } from '../../helpers/rules.js';
import { service, system } from '../fixtures.js';

const S = { 's.yaml': system('tthc') };

// The national target (100% of eligible procedures fully online) falls due on 31/12/2025; AS_OF is 15/1/2026.
describeRule(serviceFullOnline, [
  { name: 'đủ điều kiện và đã toàn trình', files: { ...S, 'dv.yaml': service('khai-sinh', 'eligibleFullOnline: true\n') }, expect: [] },
  { name: 'không đủ điều kiện, một phần', files: { ...S, 'dv.yaml': service('ket-hon', 'eligibleFullOnline: false\n', { onlineLevel: 'partial' }) }, expect: [] },
  { name: 'chưa rõ điều kiện (service.unknown-fact báo)', files: { ...S, 'dv.yaml': service('ho-tro', 'eligibleFullOnline: chưa xác định\n', { onlineLevel: 'none' }) }, expect: [] },
  {
    name: 'đủ điều kiện mà mới một phần, sau thời hạn: cảnh báo tại onlineLevel',
    files: { ...S, 'dv.yaml': service('cap-phep', 'eligibleFullOnline: true\n', { onlineLevel: 'partial' }) },
    expect: [{ entity: 'service:cap-phep', at: 'dv.yaml:6:14', severity: 'warning' }],
  },
  {
    name: 'trước thời hạn: thông tin',
    asOf: '2025-06-30',
    files: { ...S, 'dv.yaml': service('cap-phep', 'eligibleFullOnline: true\n', { onlineLevel: 'none' }) },
    expect: [{ entity: 'service:cap-phep', at: 'dv.yaml:6:14', severity: 'info' }],
  },
  { name: 'mức độ chưa xác định không tính ở đây', files: { ...S, 'dv.yaml': service('cap-phep', 'eligibleFullOnline: true\n', { onlineLevel: 'chưa xác định' }) }, expect: [] },
]);

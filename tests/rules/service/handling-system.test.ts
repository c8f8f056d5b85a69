import { serviceHandlingSystem } from '../../../src/rules/service/handling-system.js';
import { describeRule } from '../../helpers/rules.js';
import { service, system } from '../fixtures.js';

const S = {
  's.yaml': system('tthc') + '---\n' + system('mot-cua-cu', 'replacedBy: system:tthc\n', { status: 'retired' }) + '---\n' + system('cong-tinh', '', { status: 'retiring' }),
};
const noHandler = (id: string): string => service(id).replace('handledBy: system:tthc\n', '');

describeRule(serviceHandlingSystem, [
  { name: 'hệ thống đang vận hành', files: { ...S, 'dv.yaml': service('khai-sinh') }, expect: [] },
  { name: 'chưa xác định (service.unknown-fact báo)', files: { ...S, 'dv.yaml': service('khai-sinh').replace('system:tthc', 'chưa xác định') }, expect: [] },
  { name: 'nền tảng quốc gia', files: { ...S, 'dv.yaml': service('khai-sinh').replace('system:tthc', 'national:cong-dvcqg') }, expect: [] },
  { name: 'không nêu hệ thống: cảnh báo tại id', files: { ...S, 'dv.yaml': noHandler('khai-sinh') }, expect: [{ entity: 'service:khai-sinh', at: 'dv.yaml:3:1', severity: 'warning' }] },
  {
    name: 'hệ thống đã dừng: cảnh báo tại handledBy',
    files: { ...S, 'dv.yaml': service('khai-sinh').replace('system:tthc', 'system:mot-cua-cu') },
    expect: [{ entity: 'service:khai-sinh', at: 'dv.yaml:7:12', severity: 'warning' }],
  },
  {
    name: 'hệ thống đang dừng: thông tin',
    files: { ...S, 'dv.yaml': service('khai-sinh').replace('system:tthc', 'system:cong-tinh') },
    expect: [{ entity: 'service:khai-sinh', at: 'dv.yaml:7:12', severity: 'info' }],
  },
]);

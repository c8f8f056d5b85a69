import { serviceNationalPortal } from '../../../src/rules/service/national-portal.js';
import { describeRule } from '../../helpers/rules.js';
import { service, system } from '../fixtures.js';

const S = { 's.yaml': system('tthc') };

describeRule(serviceNationalPortal, [
  { name: 'có kênh Cổng Dịch vụ công quốc gia', files: { ...S, 'dv.yaml': service('khai-sinh', 'channels: [national-portal, in-person]\n') }, expect: [] },
  { name: 'có địa chỉ trên Cổng', files: { ...S, 'dv.yaml': service('khai-sinh', 'portalUrl: https://dichvucong.gov.vn/vi-du\n') }, expect: [] },
  { name: 'dịch vụ không trực tuyến', files: { ...S, 'dv.yaml': service('ho-tro', 'channels: [in-person]\n', { onlineLevel: 'none' }) }, expect: [] },
  {
    name: 'trực tuyến một phần chỉ trên hệ thống của tỉnh: cảnh báo tại channels',
    files: { ...S, 'dv.yaml': service('cap-phep', 'channels: [provincial-system, in-person]\n', { onlineLevel: 'partial' }) },
    expect: [{ entity: 'service:cap-phep', at: 'dv.yaml:8:11', severity: 'warning' }],
  },
  {
    name: 'không khai báo kênh, trước thời hạn: thông tin tại onlineLevel',
    asOf: '2025-06-30',
    files: { ...S, 'dv.yaml': service('cap-phep') },
    expect: [{ entity: 'service:cap-phep', at: 'dv.yaml:6:14', severity: 'info' }],
  },
]);

import { integrationMandatoryNdop } from '../../../src/rules/integration/mandatory-ndop.js';
import { describeRule } from '../../helpers/rules.js';
import { integration, system } from '../fixtures.js';

const S = { 's.yaml': system('ho-tich') };

describeRule(integrationMandatoryNdop, [
  { name: 'bắt buộc, qua NDOP', files: { ...S, 'i.yaml': integration('x', 'system:ho-tich', 'national:csdl-tong-hop-quoc-gia', 'ndop', 'mandatory: true\n') }, expect: [] },
  { name: 'không thuộc diện bắt buộc', files: { ...S, 'i.yaml': integration('x', 'system:ho-tich', 'national:csdlqg-dan-cu', 'ndxp') }, expect: [] },
  {
    name: 'bắt buộc qua NDXP trước 31/12/2026: cảnh báo',
    files: { ...S, 'i.yaml': integration('x', 'system:ho-tich', 'national:csdlqg-dan-cu', 'ndxp', 'mandatory: true\n') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:7:10', severity: 'warning' }],
  },
  {
    name: 'bắt buộc qua NDXP sau thời hạn: lỗi',
    asOf: '2027-01-05',
    files: { ...S, 'i.yaml': integration('x', 'system:ho-tich', 'national:csdlqg-dan-cu', 'ndxp', 'mandatory: true\n') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:7:10', severity: 'error' }],
  },
  { name: 'đúng ngày thời hạn vẫn là cảnh báo', asOf: '2026-12-31', files: { ...S, 'i.yaml': integration('x', 'system:ho-tich', 'national:csdlqg-dan-cu', 'lgsp', 'mandatory: true\n') }, expect: [{ entity: 'integration:x', at: 'i.yaml:7:10', severity: 'warning' }] },
]);

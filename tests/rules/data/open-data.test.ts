import { dataOpenData } from '../../../src/rules/data/open-data.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

describeRule(dataOpenData, [
  {
    name: 'đã công bố đủ thông tin',
    files: { 'd.yaml': dataset('gia-dat', 'sharing: open\nopenData:\n  license: CC BY 4.0\n  formats: [CSV, JSON]\n  url: https://data.example.gov.vn/gia-dat\n  publishedOn: 2025-10-01\n') },
    expect: [],
  },
  { name: 'dữ liệu dùng chung: không áp dụng', files: { 'd.yaml': dataset('ho-tich', 'sharing: shared\n') }, expect: [] },
  { name: 'dữ liệu mở chưa công bố', files: { 'd.yaml': dataset('gia-dat', 'sharing: open\n') }, expect: [{ entity: 'dataset:gia-dat', at: 'd.yaml:3:1' }] },
  {
    name: 'thiếu giấy phép',
    files: { 'd.yaml': dataset('gia-dat', 'sharing: open\nopenData:\n  formats: [CSV]\n  publishedOn: 2025-10-01\n') },
    expect: [{ entity: 'dataset:gia-dat', at: 'd.yaml:7:1' }],
  },
]);

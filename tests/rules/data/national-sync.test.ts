import { dataNationalSync } from '../../../src/rules/data/national-sync.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

describeRule(dataNationalSync, [
  { name: 'đồng bộ thường xuyên', files: { 'd.yaml': dataset('ho-tich', 'nationalDatabase: national:csdlqg-dan-cu\nsync:\n  status: live\n') }, expect: [] },
  { name: 'dữ liệu nội bộ không thuộc diện đồng bộ', files: { 'd.yaml': dataset('cong-van', 'sharing: restricted\nlayer: transactional\n', 'internal') }, expect: [] },
  {
    name: 'liên kết CSDL quốc gia, chưa có kế hoạch: cảnh báo trước năm 2030',
    files: { 'd.yaml': dataset('ho-tich', 'nationalDatabase: national:csdlqg-dan-cu\n') },
    expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1', severity: 'warning' }],
  },
  {
    name: 'dữ liệu chủ trạng thái none',
    files: { 'd.yaml': dataset('doanh-nghiep', 'layer: master\nsync:\n  status: none\n', 'local') },
    expect: [{ entity: 'dataset:doanh-nghiep', at: 'd.yaml:8:11', severity: 'warning' }],
  },
  {
    name: 'sau thời hạn chỉ tiêu quốc gia: lỗi',
    asOf: '2031-01-15',
    files: { 'd.yaml': dataset('ho-tich', 'sharing: shared\n') },
    expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1', severity: 'error' }],
  },
  {
    name: 'quá hạn kế hoạch đồng bộ',
    files: { 'd.yaml': dataset('dat-dai', 'sync:\n  status: planned\n  plannedDate: 2025-10-31\n') },
    expect: [{ entity: 'dataset:dat-dai', at: 'd.yaml:8:16', severity: 'warning' }],
  },
  { name: 'bản sao khai thác từ CSDL quốc gia: không có nghĩa vụ đồng bộ', files: { 'd.yaml': dataset('dan-cu', 'nationalDatabase: national:csdlqg-dan-cu\nnationalRole: replica\n') }, expect: [] },
  { name: 'kế hoạch còn trong hạn', files: { 'd.yaml': dataset('dat-dai', 'sync:\n  status: planned\n  plannedDate: 2026-10-31\n') }, expect: [] },
]);

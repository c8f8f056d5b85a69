import { dataSensitiveProtection } from '../../../src/rules/data/sensitive-protection.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

describeRule(dataSensitiveProtection, [
  { name: 'có biện pháp bảo vệ', files: { 'd.yaml': dataset('benh-an', 'personalData: sensitive\nprotection:\n  measures: Mã hóa, phân quyền, nhật ký truy cập\n') }, expect: [] },
  { name: 'dữ liệu cơ bản: không áp dụng', files: { 'd.yaml': dataset('ho-tich', 'personalData: basic\n') }, expect: [] },
  { name: 'nhạy cảm, không có khối protection', files: { 'd.yaml': dataset('benh-an', 'personalData: sensitive\n') }, expect: [{ entity: 'dataset:benh-an', at: 'd.yaml:3:1', severity: 'error' }] },
  {
    name: 'chỉ có đánh giá tác động, thiếu biện pháp',
    files: { 'd.yaml': dataset('benh-an', 'personalData: sensitive\nprotection:\n  impactAssessment: 2026-01-05\n') },
    expect: [{ entity: 'dataset:benh-an', at: 'd.yaml:7:1', severity: 'error' }],
  },
  {
    name: 'trước ngày Luật có hiệu lực: cảnh báo',
    asOf: '2025-12-15',
    files: { 'd.yaml': dataset('benh-an', 'personalData: sensitive\n') },
    expect: [{ entity: 'dataset:benh-an', at: 'd.yaml:3:1', severity: 'warning' }],
  },
]);

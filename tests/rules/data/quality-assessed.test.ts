import { dataQualityAssessed } from '../../../src/rules/data/quality-assessed.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

const q = (date: string) => `quality:\n  - assessedOn: ${date}\n    correct: 95\n    complete: 92\n    clean: 90\n    live: 97\n`;

describeRule(dataQualityAssessed, [
  { name: 'đánh giá gần đây', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\n${q('2025-11-30')}`) }, expect: [] },
  { name: 'dữ liệu nội bộ không cần đánh giá', files: { 'd.yaml': dataset('nhat-ky', 'sharing: restricted\n', 'internal') }, expect: [] },
  { name: 'chưa từng đánh giá', files: { 'd.yaml': dataset('ho-tich', 'sharing: shared\n') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1' }] },
  { name: 'đánh giá quá cũ', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\n${q('2024-10-01')}`) }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:8:17' }] },
  {
    name: 'lần đánh giá sau ngày báo cáo không tính',
    files: { 'd.yaml': dataset('ho-tich', `sharing: open\n${q('2026-03-01')}`) },
    expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:7:1' }],
  },
]);

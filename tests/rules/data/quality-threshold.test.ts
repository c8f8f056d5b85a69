import { dataQualityThreshold } from '../../../src/rules/data/quality-threshold.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

const q = (date: string, correct: number, clean: number) =>
  `  - assessedOn: ${date}\n    correct: ${correct}\n    complete: 95\n    clean: ${clean}\n    live: 96\n`;

describeRule(dataQualityThreshold, [
  { name: 'đạt ngưỡng', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nquality:\n${q('2025-11-30', 95, 91)}`) }, expect: [] },
  { name: 'chưa đánh giá: để quy tắc khác báo', files: { 'd.yaml': dataset('ho-tich', 'sharing: shared\n') }, expect: [] },
  { name: 'tiêu chí sạch dưới ngưỡng', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nquality:\n${q('2025-11-30', 95, 80)}`) }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:11:12' }] },
  {
    name: 'chỉ xét lần đánh giá gần nhất',
    files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nquality:\n${q('2025-12-20', 85, 92)}${q('2025-06-30', 60, 60)}`) },
    expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:9:14' }],
  },
]);

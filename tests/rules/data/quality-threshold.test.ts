import { describe, expect, it } from 'vitest';
import { dataQualityThreshold } from '../../../src/rules/data/quality-threshold.js';
import { runRules } from '../../../src/rules/run-rules.js';
import { AS_OF } from '../../helpers/project.js';
import { describeRule, modelFor } from '../../helpers/rules.js';
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
  {
    // model.quality-fraction says "0,95 → 95?" once; four shortfalls of "1%" would mislead.
    name: 'điểm ghi dạng phân số (0,95): không báo dưới ngưỡng',
    files: { 'd.yaml': dataset('ho-tich', 'sharing: shared\nquality:\n  - { assessedOn: 2025-11-30, correct: 0.95, complete: 0.9, clean: 0.92, live: 0.97 }\n') },
    expect: [],
  },
]);

describe('data.quality-threshold message', () => {
  const message = async (scores: string): Promise<{ vi: string; en: string } | undefined> => {
    const model = await modelFor({ files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nquality:\n  - { assessedOn: 2025-11-30, ${scores} }\n`) } });
    return runRules(model, [dataQualityThreshold], { asOf: AS_OF }).diagnostics[0]?.message;
  };
  it('prints every figure in one format, with the decimals written: no score rounded up to the threshold it misses', async () => {
    const m = await message('correct: 89.95, complete: 85.5, clean: 88, live: 96');
    expect(m?.vi).toMatch(/dưới ngưỡng 90%: đúng 89,95%, đủ 85,5%, sạch 88%\.$/);
    expect(m?.en).toMatch(/is below 90%: correct 89\.95%, complete 85\.5%, clean 88%\.$/);
  });
});

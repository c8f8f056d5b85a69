import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/rules/define-rule.js';
import { runRules } from '../../../src/rules/run-rules.js';
import { AS_OF } from '../../helpers/project.js';
import { serviceDossierFigures } from '../../../src/rules/service/dossier-figures.js';
import { describeRule, modelFor } from '../../helpers/rules.js';
import { service, system } from '../fixtures.js';

const S = { 's.yaml': system('tthc') };
const rows = (...r: string[]): string => `dossiers:\n${r.map((x) => `  - ${x}\n`).join('')}`;

describeRule(serviceDossierFigures, [
  {
    name: 'số liệu hợp lệ',
    files: { ...S, 'dv.yaml': service('khai-sinh', rows('{ period: 2025-Q3, received: 100, receivedOnline: 90, processedOnline: 88, withPersonalId: 100 }', '{ period: 2025-Q4, received: 120 }')) },
    expect: [],
  },
  {
    name: 'hồ sơ trực tuyến nhiều hơn hồ sơ tiếp nhận',
    files: { ...S, 'dv.yaml': service('khai-sinh', rows('{ period: 2025-Q3, received: 100, receivedOnline: 120, processedOnline: 101 }')) },
    expect: [
      { entity: 'service:khai-sinh', at: 'dv.yaml:9:55' },
      { entity: 'service:khai-sinh', at: 'dv.yaml:9:77' },
    ],
  },
  {
    name: 'một kỳ khai báo hai lần',
    files: { ...S, 'dv.yaml': service('khai-sinh', rows('{ period: 2025-Q3, received: 100 }', '{ period: 2025-Q3, received: 90 }')) },
    expect: [{ entity: 'service:khai-sinh', at: 'dv.yaml:10:15' }],
  },
]);

async function messagesOf(rule: Rule, files: Record<string, string>): Promise<string[]> {
  const model = await modelFor({ files });
  return runRules(model, [rule], { asOf: AS_OF }).diagnostics.filter((d) => d.code === rule.id).map((d) => `${d.message.vi} | ${d.fix?.vi ?? ''}`);
}

describe('service.dossier-figures: wording', () => {
  it('a period declared twice: no YAML key in the Vietnamese sentence, "dossiers" in the fix', async () => {
    const out = await messagesOf(serviceDossierFigures, { ...S, 'dv.yaml': service('khai-sinh', rows('{ period: 2025-Q3, received: 100 }', '{ period: 2025-Q3, received: 90 }')) });
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('được khai báo hai lần trong số liệu hồ sơ theo kỳ. | Gộp hai dòng của kỳ này trong "dossiers" thành một.');
  });
});

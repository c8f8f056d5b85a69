import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/rules/define-rule.js';
import { runRules } from '../../../src/rules/run-rules.js';
import { AS_OF } from '../../helpers/project.js';
import { integrationSharingPlatform } from '../../../src/rules/integration/sharing-platform.js';
import { describeRule, modelFor } from '../../helpers/rules.js';
import { integration, org, system } from '../fixtures.js';

const ORGS = org('so-y-te') + '---\n' + org('so-tu-phap') + '---\n' + org('trung-tam-cds', 'parent: org:so-y-te\n', 'unit');
const SYSTEMS =
  system('his', '', { owner: 'org:so-y-te' }) +
  '---\n' +
  system('ho-tich', '', { owner: 'org:so-tu-phap' }) +
  '---\n' +
  system('lgsp', '', { layer: 'L2', component: 'integration-platform' }) +
  '---\n' +
  system('bao-cao', '', { owner: 'org:trung-tam-cds' }) +
  '---\n' +
  system('portal', '', { layer: 'L4', component: 'portal' });

describeRule(integrationSharingPlatform, [
  { name: 'liên cơ quan qua LGSP', files: { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:ho-tich', 'system:his', 'lgsp', 'via: system:lgsp\n') }, expect: [] },
  { name: 'lên CSDL quốc gia qua NDXP', files: { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:his', 'national:csdlqg-dan-cu', 'ndxp') }, expect: [] },
  { name: 'kết nối trực tiếp giữa hai sở', files: { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:ho-tich', 'system:his', 'direct') }, expect: [{ entity: 'integration:x', at: 'i.yaml:7:10' }] },
  {
    name: 'kết nối trực tiếp tới Bộ Công an',
    files: { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:his', 'national:csdlqg-dan-cu', 'direct') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:7:10' }],
  },
  {
    name: 'kết nối trực tiếp tới hệ thống cơ quan khác (mã định danh)',
    files: { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:his', 'system:emr@000.00.31.H99', 'direct') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:7:10' }],
  },
  { name: 'đơn vị trực thuộc với cơ quan chủ quản: nội bộ', files: { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:his', 'system:bao-cao', 'direct') }, expect: [] },
  { name: 'kết nối đã dừng', files: { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:ho-tich', 'system:his', 'direct', '', 'retired') }, expect: [] },
  {
    name: 'via trỏ tới hệ thống không phải nền tảng',
    files: { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:ho-tich', 'system:his', 'lgsp', 'via: system:portal\n') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:9:6' }],
  },
]);

async function messagesOf(rule: Rule, files: Record<string, string>): Promise<string[]> {
  const model = await modelFor({ files });
  return runRules(model, [rule], { asOf: AS_OF }).diagnostics.filter((d) => d.code === rule.id).map((d) => `${d.message.vi} | ${d.fix?.vi ?? ''}`);
}

describe('integration.sharing-platform: wording', () => {
  it('says what "via" means in the Vietnamese sentence, "via" in the fix', async () => {
    const out = await messagesOf(integrationSharingPlatform, { 'o.yaml': ORGS, 's.yaml': SYSTEMS, 'i.yaml': integration('x', 'system:ho-tich', 'system:his', 'lgsp', 'via: system:portal\n') });
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('nhưng nền tảng trung gian được ghi là ');
    expect(out[0]?.split(' | ')[0]).not.toContain('"via"');
    expect(out[0]?.split(' | ')[1]).toContain('"via"');
  });
});

import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/rules/define-rule.js';
import { runRules } from '../../../src/rules/run-rules.js';
import { AS_OF } from '../../helpers/project.js';
import { systemUnknownFact } from '../../../src/rules/system/unknown-fact.js';
import { describeRule, modelFor } from '../../helpers/rules.js';
import { system } from '../fixtures.js';

// A commune inventory lists a camera system whose owner and security level nobody could confirm yet.
describeRule(systemUnknownFact, [
  { name: 'mọi thông tin đã biết', files: { 's.yaml': system('camera-an-ninh', 'security:\n  level: 2\n') }, expect: [] },
  {
    name: 'chủ quản chưa xác định',
    files: { 's.yaml': system('camera-an-ninh', '', { layer: 'L1', component: 'iot', owner: '"chưa xác định"' }) },
    expect: [{ entity: 'system:camera-an-ninh', at: 's.yaml:8:8' }],
  },
  {
    name: 'cấp độ và hồ sơ chưa xác định (viết "unknown")',
    files: { 's.yaml': system('camera-an-ninh', 'security:\n  level: unknown\n  dossier: chưa xác định\n') },
    expect: [
      { entity: 'system:camera-an-ninh', at: 's.yaml:10:10' },
      { entity: 'system:camera-an-ninh', at: 's.yaml:11:12' },
    ],
  },
  {
    name: 'mô tả có chữ "chưa xác định" không phải thông tin thiếu',
    files: { 's.yaml': system('camera-an-ninh', 'description: chưa xác định\nvendor: chưa xác định\n') },
    expect: [{ entity: 'system:camera-an-ninh', at: 's.yaml:10:9' }],
  },
]);

async function messagesOf(rule: Rule, files: Record<string, string>): Promise<string[]> {
  const model = await modelFor({ files });
  return runRules(model, [rule], { asOf: AS_OF }).diagnostics.filter((d) => d.code === rule.id).map((d) => `${d.message.vi} | ${d.fix?.vi ?? ''}`);
}

describe('system.unknown-fact: wording', () => {
  it('names the fact in Vietnamese and keeps the YAML field in the fix', async () => {
    const out = await messagesOf(systemUnknownFact, {
      's.yaml': system('camera-an-ninh', 'security:\n  level: unknown\nhosting:\n  deployment: chưa xác định\n', { layer: 'L1', component: 'iot', owner: '"chưa xác định"' }),
    });
    expect(out).toHaveLength(3);
    expect(out.find((m) => m.includes('chủ quản hệ thống chưa xác định.'))).toContain('| Xác định và ghi giá trị cho "owner"');
    expect(out.find((m) => m.includes('cấp độ an toàn hệ thống thông tin chưa xác định.'))).toContain('"security.level"');
    expect(out.find((m) => m.includes('hình thức triển khai, lưu trữ chưa xác định.'))).toContain('"hosting.deployment"');
    // No YAML field name left in the Vietnamese sentence itself.
    for (const m of out) expect(m.split(' | ')[0]).not.toMatch(/"(owner|security\.level|hosting\.deployment)"/);
  });
});

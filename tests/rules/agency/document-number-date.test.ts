import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/rules/define-rule.js';
import { runRules } from '../../../src/rules/run-rules.js';
import { AS_OF } from '../../helpers/project.js';
import { agencyDocumentNumberDate } from '../../../src/rules/agency/document-number-date.js';
import { describeRule, modelFor } from '../../helpers/rules.js';
import { agency } from '../fixtures.js';

describeRule(agencyDocumentNumberDate, [
  { name: 'dự thảo chưa có số, chưa có ngày', files: { 'agency.yaml': agency('document:\n  status: draft\n  number: "   /QĐ-UBND"\n') }, expect: [] },
  { name: 'đã có số và ngày', files: { 'agency.yaml': agency('document:\n  status: issued\n  number: 125/QĐ-UBND\n  date: 2026-10-15\n') }, expect: [] },
  { name: 'có ngày mà chưa có số', files: { 'agency.yaml': agency('document:\n  status: draft\n  number: "   /QĐ-UBND"\n  date: 2026-10-15\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:11:9' }] },
  { name: 'có số mà chưa có ngày', files: { 'agency.yaml': agency('document:\n  number: 125/QĐ-UBND\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:9:11' }] },
  { name: 'đã ban hành mà chưa có số', files: { 'agency.yaml': agency('document:\n  status: issued\n  date: 2026-10-15\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:8:1' }] },
  { name: 'báo cáo có ngày mà chưa có số', files: { 'agency.yaml': agency('report:\n  date: 2026-10-05\n') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:9:9' }] },
]);

async function messagesOf(rule: Rule, files: Record<string, string>): Promise<string[]> {
  const model = await modelFor({ files });
  return runRules(model, [rule], { asOf: AS_OF }).diagnostics.filter((d) => d.code === rule.id).map((d) => `${d.message.vi} | ${d.fix?.vi ?? ''}`);
}

describe('agency.document-number-date: wording', () => {
  it('an issued document without a number: plain Vietnamese, "status: issued" in the fix', async () => {
    const out = await messagesOf(agencyDocumentNumberDate, { 'agency.yaml': agency('document:\n  status: issued\n  date: 2026-10-15\n') });
    expect(out).toEqual(['Văn bản đã ban hành nhưng chưa có số. | Khai báo document.number, ví dụ "125/QĐ-UBND" (văn bản có status: issued).']);
  });
});

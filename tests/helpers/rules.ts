import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/core/diagnostic.js';
import type { Rule } from '../../src/rules/define-rule.js';
import { runRules } from '../../src/rules/run-rules.js';
import { AGENCY, AS_OF, pipelineFor } from './project.js';
import { deepFreeze } from './freeze.js';

export interface RuleCase {
  readonly name: string;
  /** Files under architecture/; agency.yaml is added when absent. */
  readonly files: Record<string, string>;
  /** Expected findings: entity and `file:line:col` (file relative to architecture/). */
  readonly expect: readonly { readonly entity: string; readonly at: string; readonly severity?: string }[];
  readonly asOf?: string;
}

/**
 * One table per rule (§6.3): loads each case through the real loader (so positions are real),
 * checks the fixture is structurally valid, runs only this rule on a deep-frozen model.
 */
export function describeRule(rule: Rule, cases: readonly RuleCase[]): void {
  describe(rule.id, () => {
    it('has metadata a reviewer can act on', () => {
      expect(rule.description.vi.length).toBeGreaterThan(10);
      expect(rule.description.en.length).toBeGreaterThan(10);
      expect(rule.help.vi.length).toBeGreaterThan(10);
      expect(rule.legalRef).toMatch(/^(Luật|NĐ|TT|QĐ|NQ|Quy định|CV|Thông báo|Seed|Nghị|Quyết|Thông tư)/);
    });
    for (const c of cases) {
      it(c.name, async () => {
        const files: Record<string, string> = {};
        for (const [k, v] of Object.entries(c.files)) files[`architecture/${k}`] = v;
        if (!files['architecture/agency.yaml']) files['architecture/agency.yaml'] = AGENCY;
        const result = await pipelineFor(files, { rules: false, asOf: c.asOf ?? AS_OF });
        const structural = result.diagnostics.filter((d) => d.severity === 'error');
        expect(structural.map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message.en}`)).toEqual([]);
        const model = deepFreeze(result.model);
        const out = sortDiagnostics(runRules(model, [rule], { asOf: c.asOf ?? AS_OF }).diagnostics);
        expect(out.every((d) => d.code === rule.id)).toBe(true);
        expect(out.every((d) => d.legalRef === rule.legalRef)).toBe(true);
        expect(
          out.map((d) => ({
            entity: d.entity,
            at: `${d.file.replace(/^architecture\//, '')}:${d.range.start.line}:${d.range.start.col}`,
            ...(c.expect.some((e) => e.severity) ? { severity: d.severity } : {}),
          })),
        ).toEqual(c.expect.map((e) => ({ entity: e.entity, at: e.at, ...(c.expect.some((x) => x.severity) ? { severity: e.severity ?? rule.severity } : {}) })));
      });
    }
  });
}

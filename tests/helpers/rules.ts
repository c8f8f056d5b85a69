import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/core/diagnostic.js';
import type { FrameworkPack } from '../../src/framework/types.js';
import { availablePacks } from '../../src/framework/load-pack.js';
import { buildModel } from '../../src/model/build.js';
import type { Model } from '../../src/model/model.js';
import type { Rule } from '../../src/rules/define-rule.js';
import { runRules } from '../../src/rules/run-rules.js';
import { compileSchemas } from '../../src/validate/ajv.js';
import { validateDocuments } from '../../src/validate/validate.js';
import { AGENCY, AS_OF, pipelineFor } from './project.js';
import { deepFreeze } from './freeze.js';

export interface RuleCase {
  readonly name: string;
  /** Files under architecture/; agency.yaml is added when absent. */
  readonly files: Record<string, string>;
  /** Expected findings: entity and `file:line:col` (file relative to architecture/). */
  readonly expect: readonly { readonly entity: string; readonly at: string; readonly severity?: string }[];
  readonly asOf?: string;
  /** Rules run before this one (for rules that read other rules' findings); their findings are not compared. */
  readonly with?: readonly Rule[];
  /** Changes the framework pack for this case (e.g. a platform marked replaced). */
  readonly pack?: (pack: FrameworkPack) => FrameworkPack;
}

/** Loads a case through the real loader and returns its (deep-frozen) model. */
export async function modelFor(c: Pick<RuleCase, 'files' | 'asOf' | 'pack'>): Promise<Model> {
  const files: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.files)) files[`architecture/${k}`] = v;
  if (!files['architecture/agency.yaml']) files['architecture/agency.yaml'] = AGENCY;
  const result = await pipelineFor(files, { rules: false, asOf: c.asOf ?? AS_OF });
  const structural = result.diagnostics.filter((d) => d.severity === 'error');
  expect(structural.map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message.en}`)).toEqual([]);
  if (!c.pack) return deepFreeze(result.model);
  const pack = c.pack(result.pack);
  const { loaded } = result;
  const validated = validateDocuments(loaded.docs, compileSchemas(result.pack, availablePacks()), loaded.sources);
  return deepFreeze(buildModel({ root: loaded.root, pack, docs: validated.value, sources: loaded.sources, files: loaded.files }).value);
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
        const model = await modelFor(c);
        const all = runRules(model, [...(c.with ?? []), rule], { asOf: c.asOf ?? AS_OF }).diagnostics;
        const out = sortDiagnostics(all.filter((d) => d.code === rule.id || d.code.startsWith('internal.')));
        expect(out.map((d) => d.code).filter((code) => code !== rule.id)).toEqual([]);
        expect(out.every((d) => d.legalRef === rule.legalRef)).toBe(true);
        expect(out.every((d) => d.message.vi.length > 0 && d.message.en.length > 0 && !/undefined|\[object/.test(d.message.vi + d.message.en))).toBe(true);
        const withSeverity = c.expect.some((e) => e.severity);
        expect(
          out.map((d) => ({
            entity: d.entity,
            at: `${d.file.replace(/^architecture\//, '')}:${d.range.start.line}:${d.range.start.col}`,
            ...(withSeverity ? { severity: d.severity } : {}),
          })),
        ).toEqual(c.expect.map((e) => ({ entity: e.entity, at: e.at, ...(withSeverity ? { severity: e.severity ?? rule.severity } : {}) })));
      });
    }
  });
}

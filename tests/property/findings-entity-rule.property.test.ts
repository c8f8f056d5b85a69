/**
 * Cold = incremental for a findings rule judged entity by entity (`defineFindingsEntityRule`:
 * task.gap-unaddressed). The findings it reads change at random from run to run — which entities have
 * them, how many, of which rules, at which severity — while the model stays the same, so each entity's
 * judgement reads the same things in the model and only its group of findings tells it to judge again.
 * The runs alternate between two models of the same sample (as after an edit that changed nothing), so
 * the memo takes every entry the edit cannot reach without checking its reads (the traced path), and
 * the findings of the gap rule must still be those of a run without a memo, byte for byte.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapFindingsByEntity } from '../../src/analysis/gaps.js';
import { runPipeline } from '../../src/pipeline.js';
import { defineRule, type Rule } from '../../src/rules/define-rule.js';
import { runRules } from '../../src/rules/run-rules.js';
import { RuleMemo } from '../../src/rules/rule-memo.js';
import { taskGapUnaddressed } from '../../src/rules/task/gap-unaddressed.js';
import { text } from '../../src/core/text.js';
import type { Model } from '../../src/model/model.js';
import type { Ref } from '../../src/core/ref.js';
import { REPO } from '../helpers/project.js';

const AS_OF = '2026-01-15';
const base = { root: 'architecture', cwd: REPO, today: AS_OF, asOf: AS_OF, rules: false, parallel: 'off' as const };

/** What the stand-in gap rules report in one run: [entity index, rule index, severity index]. */
type Plan = readonly (readonly [number, number, number])[];

const SEVERITIES = ['error', 'warning', 'info'] as const;

describe('a findings rule judged entity by entity', () => {
  it('gives the findings of a run without a memo when only the findings it reads change', async () => {
    const models: Model[] = [];
    for (let i = 0; i < 2; i++) models.push((await runPipeline({ ...base })).model);
    const first = models[0] as Model;
    // Entities that can have gaps, some addressed by a task, and a few whose findings never make one.
    const refs = [...first.all('system'), ...first.all('dataset'), ...first.all('integration'), ...first.all('org'), ...first.all('kpi').slice(0, 2), ...first.all('task').slice(0, 2)].map((e) => e.ref);
    expect(refs.length).toBeGreaterThan(20);
    let plan: Plan = [];
    // Model rules whose findings are the plan's; `never` makes them run every time (their results are not kept).
    const standIns: Rule[] = ['system.stand-in-a', 'data.stand-in-b', 'integration.stand-in-c'].map((id, r) =>
      defineRule({
        id,
        severity: 'warning',
        confirmed: true,
        description: text('Thử.', 'Test.'),
        help: text('Thử.', 'Test.'),
        legalRef: 'CV 1215/TTg-KSTT',
        reads: ['never'],
        check({ report }) {
          for (const [e, rule, sev] of plan) {
            if (rule !== r) continue;
            report({ entity: refs[e % refs.length] as Ref, message: text(`Phát hiện ${e}.`, `Finding ${e}.`), severity: SEVERITIES[sev] ?? 'warning' });
          }
        },
      }),
    );
    const rules = [...standIns, taskGapUnaddressed];
    const memo = new RuleMemo();
    let run = 0;
    let judgedLess = 0;
    const finding = fc.tuple(fc.nat({ max: refs.length * 2 }), fc.nat({ max: 2 }), fc.nat({ max: 2 }));
    await fc.assert(
      // A starting set of findings, then steps that each add or remove a few of them.
      fc.property(fc.array(finding, { maxLength: 80 }), fc.array(fc.array(finding, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 8 }), (start, steps) => {
        const now = new Map<string, readonly [number, number, number]>(start.map((f) => [f.join(','), f]));
        for (const toggles of [[], ...steps]) {
          for (const f of toggles) {
            if (!now.delete(f.join(','))) now.set(f.join(','), f);
          }
          plan = [...now.values()];
          const model = models[run++ % 2] as Model;
          const all = runRules(model, rules, { asOf: AS_OF, memo }).diagnostics;
          const incremental = all.filter((d) => d.code === taskGapUnaddressed.id);
          const groups = gapFindingsByEntity(all.filter((d) => d.code !== taskGapUnaddressed.id)).size;
          const cold = runRules(model, rules, { asOf: AS_OF }).diagnostics.filter((d) => d.code === taskGapUnaddressed.id);
          expect(JSON.stringify(incremental)).toBe(JSON.stringify(cold));
          if (memo.lastRun.judged < groups) judgedLess++;
        }
      }),
      { numRuns: 40, seed: 20261203, endOnFailure: true },
    );
    // The memo must have taken judgements as they were, or this proves nothing about the incremental path.
    expect(judgedLess).toBeGreaterThan(10);
  }, 120_000);
});

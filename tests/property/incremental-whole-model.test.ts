/**
 * Cold = incremental for the rules that read the whole model (the Kiến trúc số target, the roadmap, the
 * gaps): each edit below changes what one of them concludes, and the incremental run, which takes every
 * rule the edit does not reach from its memo (declared inputs, findings per rule, the index from reads
 * to entries), must give the findings of a cold run, byte for byte. The edits are applied one after the
 * other to the same buffers, as an editor does, with reverts in between.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { MemoryCache } from '../../src/load/cache.js';
import { runPipeline } from '../../src/pipeline.js';
import { RuleMemo } from '../../src/rules/rule-memo.js';
import { REPO } from '../helpers/project.js';

const ROOT = join(REPO, 'architecture');
const AS_OF = '2026-01-15';
const base = { root: 'architecture', cwd: REPO, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };

interface Step {
  readonly name: string;
  readonly file: string;
  /** The text of the file after the step, from the text before it (undefined: back to the original). */
  readonly edit?: (text: string) => string;
  /** The rule whose findings the step must change. */
  readonly changes: string;
}

/** Replaces `from` (must be there) by `to`, first occurrence. */
const swap = (from: string, to: string) => (text: string): string => {
  if (!text.includes(from)) throw new Error(`the sample no longer has ${JSON.stringify(from)}`);
  return text.replace(from, to);
};

const STEPS: readonly Step[] = [
  { name: 'a KPI target the target architecture meets', file: 'kpis/du-lieu.yaml', edit: swap('target: { value: 100, deadline: 2030 }', 'target: { value: 1, deadline: 2030 }'), changes: 'kpi.architecture-target' },
  { name: 'the KPI target back', file: 'kpis/du-lieu.yaml', changes: 'kpi.architecture-target' },
  {
    name: 'a planned synchronisation dropped from a transition (the target coverage falls)',
    file: 'datasets/dan-cu-ho-tich.yaml',
    edit: swap('sync: { status: live, channel: national:ndxp, integration: integration:ho-tich-btp', 'sync: { status: planned, channel: national:ndxp, integration: integration:ho-tich-btp'),
    changes: 'kpi.architecture-target',
  },
  { name: "a task's deadline after the step it delivers", file: 'tasks/ha-tang.yaml', edit: swap('deadline: 2027-12-31', 'deadline: 2029-12-31'), changes: 'task.architecture-roadmap' },
  { name: "the transition's date after the task's deadline", file: 'systems/l1-ha-tang.yaml', edit: swap('  - at: 2027-12-31\n    task: task:ttdl-du-phong', '  - at: 2030-06-30\n    task: task:ttdl-du-phong'), changes: 'task.architecture-roadmap' },
  { name: 'the transition back', file: 'systems/l1-ha-tang.yaml', changes: 'task.architecture-roadmap' },
  { name: 'a task no longer addresses its system', file: 'tasks/ha-tang.yaml', edit: swap('addresses: [system:csdl-dat-dai-tinh, system:csdl-giao-duc-tinh, system:csdl-lao-dong-an-sinh]\n', ''), changes: 'task.gap-unaddressed' },
  { name: "a task's lead broken", file: 'tasks/ha-tang.yaml', edit: swap('lead: org:so-khcn\n', 'lead: org:so-khcnx\n'), changes: 'model.unresolved-ref' },
  { name: "a task's deliverable dropped", file: 'tasks/ha-tang.yaml', edit: swap(/^deliverable: .*\n/m.exec(readFileSync(join(ROOT, 'tasks/ha-tang.yaml'), 'utf8'))?.[0] ?? 'deliverable:', ''), changes: 'task.deliverable' },
  { name: 'the task file back', file: 'tasks/ha-tang.yaml', changes: 'task.gap-unaddressed' },
  { name: 'the dataset back', file: 'datasets/dan-cu-ho-tich.yaml', changes: 'kpi.architecture-target' },
];

const of = (ds: readonly Diagnostic[], code: string): string => JSON.stringify(ds.filter((d) => d.code === code));

describe('whole-model rules after edits that change what they conclude', () => {
  it('give the findings of a cold run, and the edits do change them', async () => {
    const overlay = new Map<string, string>();
    const store = new MemoryCache();
    const ruleMemo = new RuleMemo();
    let before = (await runPipeline({ ...base, store, ruleMemo, overlay })).diagnostics;
    let traced = 0;
    for (const step of STEPS) {
      const abs = join(ROOT, step.file);
      const original = readFileSync(abs, 'utf8');
      overlay.set(abs, step.edit ? step.edit(overlay.get(abs) ?? original) : original);
      const incremental = await runPipeline({ ...base, store, ruleMemo, overlay });
      if (ruleMemo.lastRun.reused > 0) traced++;
      const cold = await runPipeline({ ...base, overlay });
      expect(JSON.stringify(incremental.diagnostics), step.name).toBe(JSON.stringify(cold.diagnostics));
      expect(of(incremental.diagnostics, step.changes), `${step.name}: ${step.changes} must change`).not.toBe(of(before, step.changes));
      before = incremental.diagnostics;
    }
    // The memo must have taken rules as they were, or this proves nothing about the incremental path.
    expect(traced).toBe(STEPS.length);
  }, 300_000);

  it('a rule that read other entities after an edit is traced from its new reads (the index follows what it read last)', async () => {
    const overlay = new Map<string, string>();
    const store = new MemoryCache();
    const ruleMemo = new RuleMemo();
    await runPipeline({ ...base, store, ruleMemo, overlay });
    const steps: readonly Step[] = [
      // integration.outlives-endpoint now reads system:cong-du-lich, which nothing connected before …
      { name: 'an integration retargeted', file: 'integrations/noi-tinh.yaml', edit: swap('to: system:tthc-tinh', 'to: system:cong-du-lich'), changes: '' },
      // … so when that system ends before the integration, the rule must run again.
      { name: 'the new endpoint ends first', file: 'systems/l4-kenh-tuong-tac.yaml', edit: swap('publicUrl: https://dulich.sonha.gov.vn\ngoLive: 2022-04-30\n', 'publicUrl: https://dulich.sonha.gov.vn\ngoLive: 2022-04-30\nuntil: 2026-09-30\n'), changes: 'integration.outlives-endpoint' },
    ];
    let before: readonly Diagnostic[] = [];
    for (const step of steps) {
      const abs = join(ROOT, step.file);
      overlay.set(abs, step.edit ? step.edit(overlay.get(abs) ?? readFileSync(abs, 'utf8')) : readFileSync(abs, 'utf8'));
      const incremental = await runPipeline({ ...base, store, ruleMemo, overlay });
      expect(ruleMemo.lastRun.reused, step.name).toBeGreaterThan(0);
      const cold = await runPipeline({ ...base, overlay });
      expect(JSON.stringify(incremental.diagnostics), step.name).toBe(JSON.stringify(cold.diagnostics));
      if (step.changes) expect(of(incremental.diagnostics, step.changes), `${step.name}: ${step.changes} must change`).not.toBe(of(before, step.changes));
      before = incremental.diagnostics;
    }
  }, 300_000);
});

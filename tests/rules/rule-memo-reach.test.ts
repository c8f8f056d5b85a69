/**
 * What a re-check after an edit takes from the run before instead of making it again (docs/speed.md,
 * "Rules in a re-check, second pass"): the analysis indexes of the report date's state and of the model
 * as written, patched from the last model's; the timeline, made of the dated entities alone; and the
 * findings placed again only on the entities of the changed file (a finding elsewhere keeps its place).
 * After every edit of a random sequence on the sample — a comment line that moves every document below
 * it, a dataset's system, an integration's ends, a task's addresses, a transition's date or task, an
 * entity's `until`, a document added — the run with the memo must give the findings of a cold run byte for byte, every
 * index entry and the timeline must be those of a model built whole, and the model before the edit must
 * still answer as it did (its indexes gave their map to the new model's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetsOn, integrationsAt, integrationsCarrying, integrationsNaming, kpisImplementing, systemsNaming, tasksListing } from '../../src/analysis/indexes.js';
import { ENTITY_KINDS } from '../../src/core/ref.js';
import { MemoryCache } from '../../src/load/cache.js';
import { ModelMemo } from '../../src/model/build.js';
import type { Model } from '../../src/model/model.js';
import { transitionsOf } from '../../src/model/states.js';
import { runPipeline } from '../../src/pipeline.js';
import { RuleMemo } from '../../src/rules/rule-memo.js';
import { prng } from '../bench/generate.js';
import { AS_OF, REPO, yamlFiles } from '../helpers/project.js';

const ROOT = join(REPO, 'architecture');
const base = { root: 'architecture', cwd: REPO, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };
/** Fields the indexes, the timeline and the state are made of (a transition's `at` and `task` written as list items). */
const FIELD = /^( *(?:- )?)(system|from|to|via|at|task|until|status|monitoredBy|replacedBy): ([^#{[\n]+)$/gm;
/** Dates before the report date (a transition then applies in its state, an entity is gone) and after. */
const DATES = ['2025-06-30', '2031-12-31'];
const LOOKUPS = { datasetsOn, integrationsAt, integrationsCarrying, integrationsNaming, kpisImplementing, systemsNaming, tasksListing };

/** Every index entry of every declared ref, and the timeline: what a model built whole must give too. */
function derived(model: Model): string[] {
  const out: string[] = [];
  for (const m of [model, model.asWritten()]) {
    for (const kind of ENTITY_KINDS) {
      for (const e of m.all(kind)) for (const [name, lookup] of Object.entries(LOOKUPS)) out.push(`${name} ${e.ref}: ${lookup(m, e.ref).map((x) => x.ref).join(' ')}`);
    }
  }
  for (const t of transitionsOf(model)) out.push(`${t.date} ${t.kind} ${t.entity} ${t.index ?? ''} ${t.task ?? ''} ${t.replacedBy ?? ''}`);
  return out;
}

describe('a re-check takes what the edit does not reach from the run before', () => {
  it('gives the findings, indexes and timeline of a cold run after every edit of a random sequence', async () => {
    const files = yamlFiles(ROOT).filter((f) => /\/(systems|integrations|datasets|tasks)\//.test(f));
    const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    const values = new Map<string, Set<string>>();
    for (const text of texts.values()) for (const m of text.matchAll(FIELD)) (values.get(m[2] as string) ?? values.set(m[2] as string, new Set()).get(m[2] as string))?.add((m[3] as string).trim());
    for (const d of DATES) {
      values.get('until')?.add(d);
      values.get('at')?.add(d);
    }
    const overlay = new Map<string, string>();
    const store = new MemoryCache();
    const ruleMemo = new RuleMemo();
    const modelMemo = new ModelMemo();
    // The model before each edit, and what it answered then: its indexes must answer the same after it.
    let last = (await runPipeline({ ...base, store, ruleMemo, modelMemo, overlay })).model;
    let lastDerived = derived(last);
    const next = prng(61204);
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
    let moved = 0;
    for (let step = 0; step < 4; step++) {
      // A comment line after one document's separator in one file: every entity below it moves, none changes.
      const movedFile = pick(files) as string;
      const text = texts.get(movedFile) as string;
      const sep = pick([...text.matchAll(/^---\n/gm)]);
      if (sep?.index !== undefined) {
        const at = sep.index + 4;
        texts.set(movedFile, `${text.slice(0, at)}# dòng ghi chú ${step}\n${text.slice(at)}`);
        moved++;
      }
      // One field of the indexes, the timeline or the state set to another value the sample uses, in another file.
      const file = pick(files) as string;
      const before = texts.get(file) as string;
      const m = pick([...before.matchAll(FIELD)]);
      let what = 'no field';
      if (m?.index !== undefined) {
        const value = pick([...(values.get(m[2] as string) ?? [])]) as string;
        texts.set(file, `${before.slice(0, m.index)}${m[1]}${m[2]}: ${value}${before.slice(m.index + m[0].length)}`);
        what = `${m[2]}: ${(m[3] as string).trim()} → ${value}`;
      }
      if (step === 1) {
        // Once, a document added at the end of the file whose lines moved: a copy of its first one under a new id.
        const edited = texts.get(movedFile) as string;
        const first = edited.slice(0, edited.indexOf('\n---\n') + 1);
        texts.set(movedFile, `${edited}---\n${first.replace(/^id: (.+)$/m, 'id: $1-ban-sao')}`);
        what += '; a document added there';
      }
      for (const f of [movedFile, file]) overlay.set(f, texts.get(f) as string);
      const incremental = await runPipeline({ ...base, store, ruleMemo, modelMemo, overlay });
      const cold = await runPipeline({ ...base, overlay });
      const where = `step ${step}: lines moved in ${movedFile.slice(ROOT.length + 1)}; ${file.slice(ROOT.length + 1)} ${what}`;
      // One line per finding: a difference shows as the findings that differ.
      expect(incremental.diagnostics.map((d) => JSON.stringify(d)), where).toEqual(cold.diagnostics.map((d) => JSON.stringify(d)));
      const now = derived(incremental.model);
      expect(now, where).toEqual(derived(cold.model));
      expect(derived(last), `${where}: the model before`).toEqual(lastDerived);
      last = incremental.model;
      lastDerived = now;
    }
    expect(moved).toBeGreaterThan(2);
  }, 60_000);
});

/**
 * The model patched per file (model/build.ts `ModelMemo`, as the language server keeps it) equals the
 * model built whole. Random sequences of edits to a copy of the sample on disk — files changed, added
 * and removed, documents moved between files, ids renamed and duplicated across files, references
 * broken and mended by an edit in another file — and after each one the patched run must give the
 * findings of a cold run and a model identical in every list a rule or view reads: entities by kind,
 * references in order, referrers and references of every ref, every index entry, the dated entities
 * and the states at two dates.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexEntry, indexKeysOf, type IndexName } from '../../src/analysis/indexes.js';
import { ENTITY_KINDS } from '../../src/core/ref.js';
import { MemoryCache } from '../../src/load/cache.js';
import { ModelMemo } from '../../src/model/build.js';
import type { Model } from '../../src/model/model.js';
import { modelAt } from '../../src/model/states.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { RuleMemo } from '../../src/rules/rule-memo.js';
import { REPO, yamlFiles } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const ROOT = join(REPO, 'architecture');
const AS_OF = '2026-01-15';

/** Sample files by path inside the architecture folder; agency.yaml is left alone (its change rebuilds the model whole). */
const ORIGINAL = new Map(yamlFiles(ROOT).map((f) => [relative(ROOT, f), readFileSync(f, 'utf8')]));
const FILES = [...ORIGINAL.keys()].filter((f) => f !== 'agency.yaml');
const IDS = [...ORIGINAL.values()].flatMap((t) => [...t.matchAll(/^id: (\S+)$/gm)].map((m) => m[1] as string));

type Op = 'ref-typo' | 'rename' | 'drop-doc' | 'dup-id' | 'rename-id' | 'add-doc' | 'revert' | 'delete-file' | 'new-file' | 'move-doc' | 'break-yaml';
const OPS: readonly Op[] = ['ref-typo', 'rename', 'drop-doc', 'dup-id', 'rename-id', 'add-doc', 'revert', 'delete-file', 'new-file', 'move-doc', 'break-yaml'];
interface Edit {
  readonly file: number;
  readonly at: number;
  readonly op: Op;
}
const editArb: fc.Arbitrary<Edit> = fc.record({ file: fc.nat({ max: FILES.length - 1 }), at: fc.nat({ max: 10_000 }), op: fc.constantFrom(...OPS) });

const docsOf = (text: string): string[] => text.split(/^---$/m);

/** Applies one edit to the files of `dir` (the architecture folder of the copy). */
function apply(dir: string, e: Edit): void {
  const name = FILES[e.file] as string;
  const path = join(dir, name);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const lines = text.split('\n');
  const line = (re: RegExp, f: (l: string) => string): void => {
    const fit = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
    if (fit.length === 0) return;
    const i = fit[e.at % fit.length] as number;
    lines[i] = f(lines[i] as string);
    writeFileSync(path, lines.join('\n'));
  };
  switch (e.op) {
    case 'ref-typo':
      return line(/\b(system|dataset|org|kpi|integration|task):[a-z0-9-]+/, (l) => l.replace(/\b((?:system|dataset|org|kpi|integration|task):[a-z0-9-]+)/, '$1x'));
    case 'rename':
      return line(/^\s*name:/, (l) => l.replace(/name:.*/, `name: "Tên mới ${e.at}"`));
    case 'dup-id':
      // Often an id declared in another file: which declaration wins depends on the file order.
      return line(/^id: /, () => `id: ${IDS[e.at % IDS.length] as string}`);
    case 'rename-id':
      // References to it elsewhere break; a revert mends them.
      return line(/^id: \S+$/, (l) => `${l}-moi`);
    case 'break-yaml':
      return line(/^\w+:/, (l) => `${l} : [unclosed`);
    case 'drop-doc': {
      const docs = docsOf(text);
      if (docs.length < 2) return;
      docs.splice(e.at % docs.length, 1);
      writeFileSync(path, docs.join('---'));
      return;
    }
    case 'add-doc': {
      const docs = docsOf(text);
      const doc = docs[e.at % docs.length] as string;
      if (!/^id: /m.test(doc)) return;
      writeFileSync(path, `${text.replace(/\n*$/, '\n')}---\n${doc.replace(/^id: (\S+)$/m, `id: $1-them-${e.at % 7}`).replace(/^\n+/, '')}`);
      return;
    }
    case 'revert':
      writeFileSync(path, ORIGINAL.get(name) as string);
      return;
    case 'delete-file':
      rmSync(path, { force: true });
      return;
    case 'new-file': {
      // A file of its own, sorted before or after the others, re-declaring one entity of this file (a
      // duplicate across files) or declaring a renamed copy (a new entity that mends a typo'd ref).
      const docs = docsOf(ORIGINAL.get(name) as string).filter((d) => /^id: /m.test(d));
      const doc = (docs[e.at % Math.max(1, docs.length)] ?? '').replace(/^\n+/, '');
      const renamed = e.at % 2 === 0 ? doc : doc.replace(/^id: (\S+)$/m, 'id: $1x');
      writeFileSync(join(dir, e.at % 3 === 0 ? `00-moi-${e.at % 5}.yaml` : `zz-moi-${e.at % 5}.yaml`), renamed);
      return;
    }
    case 'move-doc': {
      // A document leaves its file for a new one: its entity keeps its id, its origin moves.
      const docs = docsOf(text);
      if (docs.length < 2) return;
      const [doc] = docs.splice(e.at % docs.length, 1);
      writeFileSync(path, docs.join('---'));
      writeFileSync(join(dir, `zz-chuyen-${e.at % 3}.yaml`), (doc as string).replace(/^\n+/, ''));
      return;
    }
  }
}

/** Every list of the model a rule or view reads, with references named by their place in `model.references`. */
function dump(m: Model): Record<string, unknown> {
  if (m.asWritten() !== m) return { ...dumpOne(m), written: [JSON.stringify(dumpOne(m.asWritten()))] };
  return dumpOne(m);
}

function dumpOne(m: Model): Record<string, unknown> {
  const place = new Map(m.references.map((r, i) => [r, i]));
  const refs = new Set<string>([...m.declaredEntities().keys()]);
  for (const r of m.references) if (r.to) refs.add(r.to);
  const keys = new Set<string>();
  for (const kind of ENTITY_KINDS) for (const e of m.all(kind)) for (const [name, key] of indexKeysOf(m, e)) keys.add(`${name}\u0000${key}`);
  const states = ['2026-01-15', '2030-12-31'].map((date) => {
    const s = modelAt(m, date);
    return { date, all: ENTITY_KINDS.map((k) => s.all(k).map((e) => JSON.stringify(e))), refs: s.references.map((r) => JSON.stringify(r)), absent: [...refs].sort().filter((r) => s.isAbsent(r)) };
  });
  return {
    all: ENTITY_KINDS.map((k) => m.all(k).map((e) => JSON.stringify(e))),
    declared: [...m.declaredEntities().keys()].sort().map((r) => `${r} ${m.isValid(r)} ${JSON.stringify(m.declaredEntities().get(r)?.origin)}`),
    references: m.references.map((r) => JSON.stringify(r)),
    inbound: [...refs].sort().map((r) => [r, m.referrers(r).map((x) => place.get(x)), m.referencesFrom(r).map((x) => place.get(x))]),
    indexes: [...keys].sort().map((k) => {
      const [name, key] = k.split('\u0000') as [IndexName, string];
      return [k, indexEntry(m, name, key).map((e) => e.ref)];
    }),
    dated: [...m.dated].sort(),
    states,
  };
}

/** `a` around where it first differs from `b`. */
function diffAt(a: string | undefined, b: string | undefined): string {
  if (a === undefined) return '(none)';
  let i = 0;
  while (i < a.length && a[i] === b?.[i]) i++;
  return a.slice(Math.max(0, i - 200), i + 300);
}

/** The first difference between two dumps, as "section: line": short enough to read in a failure. */
function sameModel(patched: Model, whole: Model): void {
  const a = dump(patched);
  const b = dump(whole);
  for (const key of Object.keys(b)) {
    const la = (a[key] as unknown[]).map((x) => JSON.stringify(x));
    const lb = (b[key] as unknown[]).map((x) => JSON.stringify(x));
    const i = lb.findIndex((l, j) => la[j] !== l);
    const at = i >= 0 ? i : la.length !== lb.length ? lb.length : -1;
    expect(at < 0 ? '' : `${key}[${at}]: ${diffAt(la[at], lb[at])}`).toBe(at < 0 ? '' : `${key}[${at}]: ${diffAt(lb[at], la[at])}`);
  }
}

const strip = (r: PipelineResult): string => JSON.stringify([r.structuralErrors, r.diagnostics]);

describe('the model patched per file equals the model built whole', () => {
  it('after random edits, added, removed and moved files and documents', async () => {
    const project = makeTempDir('model-patch-');
    const dir = join(project, 'architecture');
    const base = { root: 'architecture', cwd: project, base: project, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };
    let patched = 0;
    let resolvedElsewhere = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 6 }), async (edits) => {
        rmSync(dir, { recursive: true, force: true });
        cpSync(ROOT, dir, { recursive: true });
        const store = new MemoryCache();
        const ruleMemo = new RuleMemo();
        const modelMemo = new ModelMemo();
        await runPipeline({ ...base, store, ruleMemo, modelMemo });
        for (const e of edits) {
          apply(dir, e);
          const incremental = await runPipeline({ ...base, store, ruleMemo, modelMemo });
          if (modelMemo.lastRun.patched) patched++;
          if (modelMemo.lastRun.resolvedDocs > 1) resolvedElsewhere++;
          const cold = await runPipeline(base);
          expect(strip(incremental)).toBe(strip(cold));
          sameModel(incremental.model, cold.model);
        }
      }),
      { numRuns: 8, seed: 20261203, endOnFailure: true },
    );
    // Most edits must have taken the patching path, and some must have re-resolved other documents.
    expect(patched).toBeGreaterThan(15);
    expect(resolvedElsewhere).toBeGreaterThan(2);
  }, 600_000);

  /** A copy of the sample, a patched run after each step, compared with a cold run. */
  async function steps(...edits: ((dir: string) => void)[]): Promise<ModelMemo> {
    const project = makeTempDir('model-patch-');
    const dir = join(project, 'architecture');
    cpSync(ROOT, dir, { recursive: true });
    const base = { root: 'architecture', cwd: project, base: project, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };
    const store = new MemoryCache();
    const modelMemo = new ModelMemo();
    await runPipeline({ ...base, store, modelMemo, ruleMemo: new RuleMemo() });
    for (const edit of edits) {
      edit(dir);
      const incremental = await runPipeline({ ...base, store, modelMemo });
      expect(modelMemo.lastRun.patched).toBe(true);
      const cold = await runPipeline(base);
      expect(strip(incremental)).toBe(strip(cold));
      sameModel(incremental.model, cold.model);
    }
    return modelMemo;
  }

  const SYSTEMS = 'systems/l4-kenh-tuong-tac.yaml';
  const firstId = (file: string): string => /^id: (\S+)$/m.exec(ORIGINAL.get(file) as string)?.[1] as string;

  it('a reference becomes unresolvable, then resolvable again, by edits in another file', async () => {
    const id = firstId(SYSTEMS);
    const referring = FILES.filter((f) => f !== SYSTEMS && (ORIGINAL.get(f) as string).includes(`system:${id}`));
    expect(referring.length).toBeGreaterThan(0);
    const memo = await steps(
      (dir) => writeFileSync(join(dir, SYSTEMS), (ORIGINAL.get(SYSTEMS) as string).replace(`id: ${id}\n`, `id: ${id}-moi\n`)),
      (dir) => writeFileSync(join(dir, SYSTEMS), ORIGINAL.get(SYSTEMS) as string),
    );
    expect(memo.lastRun.resolvedDocs).toBeGreaterThan(1);
  }, 120_000);

  it('without an agency, the missing-agency finding moves to agency.yaml once that file holds a document', async () => {
    const doc = docsOf(ORIGINAL.get(SYSTEMS) as string)[1] as string;
    // The first step removes the agency (a whole build); the next ones are patched.
    const project = makeTempDir('model-patch-');
    const dir = join(project, 'architecture');
    cpSync(ROOT, dir, { recursive: true });
    rmSync(join(dir, 'agency.yaml'));
    const base = { root: 'architecture', cwd: project, base: project, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };
    const store = new MemoryCache();
    const modelMemo = new ModelMemo();
    await runPipeline({ ...base, store, modelMemo });
    writeFileSync(join(dir, 'agency.yaml'), doc.replace(/^\n+/, '').replace(/^id: (\S+)$/m, 'id: $1-khac'));
    const incremental = await runPipeline({ ...base, store, modelMemo });
    expect(modelMemo.lastRun.patched).toBe(true);
    expect(incremental.diagnostics.find((d) => d.code === 'model.missing-agency')?.file).toBe('architecture/agency.yaml');
    expect(strip(incremental)).toBe(strip(await runPipeline(base)));
  }, 120_000);

  it('a file removed and added back; an id declared in two files, the first removed', async () => {
    const id = firstId(SYSTEMS);
    const doc = docsOf(ORIGINAL.get(SYSTEMS) as string).find((d) => d.includes(`id: ${id}\n`)) as string;
    await steps(
      (dir) => rmSync(join(dir, SYSTEMS)),
      (dir) => writeFileSync(join(dir, SYSTEMS), ORIGINAL.get(SYSTEMS) as string),
      // A duplicate in a file sorted first: it wins, and the original becomes the duplicate.
      (dir) => writeFileSync(join(dir, '00-trung.yaml'), doc.replace(/^\n+/, '').replace(/^name: .*$/m, 'name: "Bản trùng"')),
      (dir) => rmSync(join(dir, '00-trung.yaml')),
      // A duplicate sorted last, then the original removed: the duplicate's file now declares it.
      (dir) => writeFileSync(join(dir, 'zz-trung.yaml'), doc.replace(/^\n+/, '')),
      (dir) => writeFileSync(join(dir, SYSTEMS), docsOf(ORIGINAL.get(SYSTEMS) as string).filter((d) => d !== doc).join('---')),
    );
  }, 120_000);
});

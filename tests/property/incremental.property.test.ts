/**
 * Cold = warm = incremental. Random sequences of edits to the sample architecture (typos in refs,
 * changed values, deleted lines and documents, duplicate ids, broken YAML, reverts) are applied as an
 * editor does — unsaved buffers over the disk — and after every edit the findings of the incremental
 * run (in-memory parse cache, rule results reused when what the rule read is unchanged) must equal
 * those of a cold run, and those of a run warmed by the on-disk cache (parse cache and rule memo),
 * byte for byte. The same holds across processes: the built CLI's `check --format json` with its
 * on-disk cache after each edit prints what `check --no-cache` prints.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/load/cache.js';
import { runPipeline } from '../../src/pipeline.js';
import { RULES } from '../../src/rules/index.js';
import { changedReads, ContentKeys, RuleMemo } from '../../src/rules/rule-memo.js';
import { indexKeysOf } from '../../src/analysis/indexes.js';
import { ENTITY_KINDS } from '../../src/core/ref.js';
import type { Model } from '../../src/model/model.js';
import { REPO, runBin, runCli, yamlFiles } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const ROOT = join(REPO, 'architecture');
const AS_OF = '2026-01-15';

const FILES = yamlFiles(ROOT);
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(f, 'utf8')]));

type Op = 'ref-typo' | 'rename' | 'status' | 'drop-line' | 'drop-doc' | 'dup-id' | 'break-yaml' | 'revert' | 'rename-id' | 'add-doc' | 'retarget';
type Edit = { readonly file: number; readonly at: number; readonly op: Op };

const OPS: readonly Op[] = ['ref-typo', 'rename', 'status', 'drop-line', 'drop-doc', 'dup-id', 'break-yaml', 'revert', 'rename-id', 'add-doc', 'retarget'];

const editArb: fc.Arbitrary<Edit> = fc.record({
  file: fc.nat({ max: FILES.length - 1 }),
  at: fc.nat({ max: 10_000 }),
  op: fc.constantFrom(...OPS),
});

/** Edits that keep every entity and change what they say or point to (the path that carries keys over). */
const contentEditArb: fc.Arbitrary<Edit> = fc.record({
  file: fc.nat({ max: FILES.length - 1 }),
  at: fc.nat({ max: 10_000 }),
  op: fc.constantFrom<Op>('ref-typo', 'rename', 'status', 'drop-line', 'revert', 'retarget'),
});

/** Applies one edit to the text of a file; the line or document is picked by `at` among those that fit. */
function apply(text: string, e: Edit, ids: readonly string[]): string {
  const lines = text.split('\n');
  const pickLine = (re: RegExp): number | undefined => {
    const fit = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
    return fit.length ? fit[e.at % fit.length] : undefined;
  };
  const set = (i: number | undefined, f: (l: string) => string): string => {
    if (i === undefined) return text;
    lines[i] = f(lines[i] as string);
    return lines.join('\n');
  };
  switch (e.op) {
    case 'ref-typo':
      return set(pickLine(/\b(system|dataset|org|kpi|integration|national|target):[a-z0-9-]+/), (l) => l.replace(/\b((?:system|dataset|org|kpi|integration|national|target):[a-z0-9-]+)/, '$1x'));
    case 'rename':
      return set(pickLine(/^\s*name:/), (l) => l.replace(/name:.*/, `name: "Tên mới ${e.at}"`));
    case 'status':
      return set(pickLine(/^\s*status:/), (l) => l.replace(/status:.*/, e.at % 2 ? 'status: operating' : 'status: planned'));
    case 'drop-line':
      return set(pickLine(/^\s+\S|^(owner|system|via|sharing|security|deadline|lead|addresses|target|baseline):/), () => '');
    case 'drop-doc': {
      const docs = text.split(/^---$/m);
      if (docs.length < 2) return text;
      docs.splice(e.at % docs.length, 1);
      return docs.join('---');
    }
    case 'dup-id':
      return set(pickLine(/^id:/), () => `id: ${ids[e.at % ids.length] ?? 'x'}`);
    case 'break-yaml':
      return set(pickLine(/^\w+:/), (l) => `${l} : [unclosed`);
    case 'revert':
      return ORIGINAL.get(FILES[e.file] as string) as string;
    case 'rename-id':
      // The entity gets another id: references to it elsewhere break, and fix again on a revert.
      return set(pickLine(/^id: \S+$/), (l) => `${l}-moi`);
    case 'add-doc': {
      // A copy of one document of the file under a new id: a new entity, with the same references.
      const docs = text.split(/^---$/m);
      const doc = docs[e.at % docs.length] as string;
      if (!/^id: /m.test(doc)) return text;
      return `${text.replace(/\n*$/, '\n')}---\n${doc.replace(/^id: (\S+)$/m, `id: $1-them-${e.at % 7}`).replace(/^\n+/, '')}`;
    }
    case 'retarget':
      // A reference now points at another existing entity of the same kind (in another file, often).
      return set(pickLine(/\b(system|dataset|org|kpi|task):[a-z0-9-]+/), (l) =>
        l.replace(/\b(system|dataset|org|kpi|task):([a-z0-9-]+)/, (m, kind: string) => {
          const same = ids.filter((id) => REFS_BY_KIND.get(kind)?.has(id));
          return same.length ? `${kind}:${same[e.at % same.length] as string}` : m;
        }),
      );
  }
}

/** Ids declared in the sample, by the ref kind that names them. */
const REFS_BY_KIND = new Map<string, Set<string>>();
for (const text of ORIGINAL.values()) {
  for (const doc of text.split(/^---$/m)) {
    const kind = /^kind: (\w+)/m.exec(doc)?.[1];
    const id = /^id: (\S+)$/m.exec(doc)?.[1];
    const ref = kind && id ? ({ System: 'system', Dataset: 'dataset', Organization: 'org', Kpi: 'kpi', Task: 'task' } as Record<string, string>)[kind] : undefined;
    if (ref && id) REFS_BY_KIND.set(ref, (REFS_BY_KIND.get(ref) ?? new Set()).add(id));
  }
}

/** Every read a rule can make of `m` that names something in it (entities, kinds, index entries, references). */
function readsOf(m: Model): string[] {
  const out = new Set<string>(['agency', 'refs', 'files']);
  for (const kind of ENTITY_KINDS) out.add(`k:${kind}`).add(`kw:${kind}`);
  for (const ref of m.declaredEntities().keys()) for (const p of ['e', 'l', 'in', 'out']) out.add(`${p}:${ref}`);
  for (const r of m.references) out.add(`in:${r.to ?? r.raw}`);
  for (const kind of ENTITY_KINDS) {
    for (const e of m.all(kind)) {
      for (const [name, key] of indexKeysOf(m, e)) out.add(`ix:${name}:${key}`).add(`ix:${name}:${key.replace(/@.*$/, '')}`);
    }
  }
  return [...out];
}

const strip = (ds: readonly unknown[]): string => JSON.stringify(ds);

describe('incremental checking gives the same findings as a cold run', () => {
  it('after every edit of random edit sequences on the sample', async () => {
    const ids = [...ORIGINAL.values()].flatMap((t) => [...t.matchAll(/^id: (\S+)$/gm)].map((m) => m[1] as string));
    const cacheDir = mkdtempSync(join(tmpdir(), 'kientruc-incr-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 5 }), async (edits) => {
          const overlay = new Map<string, string>();
          const store = new MemoryCache();
          const ruleMemo = new RuleMemo();
          const base = { root: 'architecture', cwd: REPO, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };
          // The first run fills the memo; each edit then re-checks incrementally.
          await runPipeline({ ...base, store, ruleMemo, overlay });
          for (const e of edits) {
            const file = FILES[e.file] as string;
            overlay.set(file, apply(overlay.get(file) ?? (ORIGINAL.get(file) as string), e, ids));
            const incremental = await runPipeline({ ...base, store, ruleMemo, overlay });
            const cold = await runPipeline({ ...base, overlay });
            expect(strip(incremental.diagnostics)).toBe(strip(cold.diagnostics));
            // Warm: the on-disk cache (parse cache and rule memo), written by one run and read by the next,
            // each with a memo read afresh from disk, as a new process reads it.
            await runPipeline({ ...base, overlay, cacheDir, ruleMemoOnDisk: true });
            const warm = await runPipeline({ ...base, overlay, cacheDir, ruleMemoOnDisk: true });
            expect(strip(warm.diagnostics)).toBe(strip(cold.diagnostics));
          }
          // Some rules must have been reused, or the memo is not doing its job.
          expect(ruleMemo.lastRun.reused + ruleMemo.lastRun.ran).toBe(RULES.length);
        }),
        { numRuns: 6, seed: 20260115, endOnFailure: true },
      );
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 600_000);

  it('reuses rules that read nothing the edit changed, and re-places findings whose lines moved', async () => {
    const file = join(ROOT, 'tasks', 'ung-dung.yaml');
    const base = { root: 'architecture', cwd: REPO, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };
    const ruleMemo = new RuleMemo();
    const store = new MemoryCache();
    const overlay = new Map<string, string>();
    await runPipeline({ ...base, store, ruleMemo, overlay });
    expect(ruleMemo.lastRun.ran).toBe(RULES.length);
    // A comment line at the top moves every finding of the file one line down, and changes no entity.
    overlay.set(file, `# một dòng chú thích\n${ORIGINAL.get(file) as string}`);
    const moved = await runPipeline({ ...base, store, ruleMemo, overlay });
    expect(ruleMemo.lastRun.ran).toBe(0);
    expect(ruleMemo.lastRun.moved).toBeGreaterThan(0);
    const cold = await runPipeline({ ...base, overlay });
    expect(strip(moved.diagnostics)).toBe(strip(cold.diagnostics));
  }, 120_000);
});

describe('keys carried over from the last run (rule-memo.ts changedReads)', () => {
  it('are exactly the keys the edit did not change, and the findings stay those of a cold run', async () => {
    const ids = [...ORIGINAL.values()].flatMap((t) => [...t.matchAll(/^id: (\S+)$/gm)].map((m) => m[1] as string));
    const base = { root: 'architecture', cwd: REPO, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };
    let carriedRuns = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(editArb, contentEditArb), { minLength: 1, maxLength: 6 }), async (edits) => {
        const overlay = new Map<string, string>();
        const store = new MemoryCache();
        const ruleMemo = new RuleMemo();
        let before = (await runPipeline({ ...base, store, ruleMemo, overlay })).model;
        for (const e of edits) {
          const file = FILES[e.file] as string;
          overlay.set(file, apply(overlay.get(file) ?? (ORIGINAL.get(file) as string), e, ids));
          const incremental = await runPipeline({ ...base, store, ruleMemo, overlay });
          const after = incremental.model;
          const stale = changedReads(before, after);
          if (stale) {
            // Every read the stale set leaves out has the same key on both models (computed afresh on each).
            const was = new ContentKeys(before, () => []);
            const is = new ContentKeys(after, () => []);
            for (const read of new Set([...readsOf(before), ...readsOf(after)])) {
              if (!stale.has(read)) expect(`${read} ${is.of(read)}`).toBe(`${read} ${was.of(read)}`);
            }
            if (ruleMemo.lastRun.keysCarried > 0) carriedRuns++;
          }
          const cold = await runPipeline({ ...base, overlay });
          expect(strip(incremental.diagnostics)).toBe(strip(cold.diagnostics));
          before = after;
        }
      }),
      { numRuns: 8, seed: 20261203, endOnFailure: true },
    );
    // The sequences must have taken the carrying path, or this test proves nothing about it.
    expect(carriedRuns).toBeGreaterThan(3);
  }, 600_000);
});

describe('the CLI with its on-disk cache', () => {
  it('gives the output of a cold check after random edits, across processes', async () => {
    const ids = [...ORIGINAL.values()].flatMap((t) => [...t.matchAll(/^id: (\S+)$/gm)].map((m) => m[1] as string));
    const project = makeTempDir('memo-cli-');
    cpSync(ROOT, join(project, 'architecture'), { recursive: true });
    const cache = join(project, 'cache');
    const argv = (...extra: string[]): string[] => ['check', 'architecture', '--as-of', AS_OF, '--format', 'json', ...extra];
    // The cached runs are processes of their own (the cache is read back across processes); the cold
    // reference is the same command in this process (main(), the code the bin runs, no cache at all).
    const cachedCheck = (): string => {
      const r = runBin(argv('--cache-dir', cache), project);
      expect(r.stderr).not.toMatch(/internal\.|Error:/);
      return r.stdout;
    };
    const coldCheck = async (): Promise<string> => {
      const r = await runCli(argv('--no-cache'), project);
      expect(r.stderr).not.toMatch(/internal\.|Error:/);
      return r.stdout;
    };
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 3 }), async (edits) => {
        for (const f of FILES) writeFileSync(join(project, 'architecture', relative(ROOT, f)), ORIGINAL.get(f) as string);
        cachedCheck(); // fills the cache (or reuses it from the sequence before)
        for (const e of edits) {
          const file = join(project, 'architecture', relative(ROOT, FILES[e.file] as string));
          writeFileSync(file, apply(readFileSync(file, 'utf8'), e, ids));
          const cached = cachedCheck();
          expect(cached).toBe(await coldCheck());
        }
      }),
      { numRuns: 2, seed: 20260116, endOnFailure: true },
    );
  }, 900_000);
});

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedOutput, digestOf } from '../../src/render/cached-output.js';
import type { RenderCache } from '../../src/render/types.js';
import { CHROMIUM } from '../helpers/browser.js';
import { REPO } from '../helpers/project.js';
import { buildAll, MemoryCache, sampleBuild } from '../helpers/sample-build.js';
import { makeTempDir } from '../helpers/tmp.js';

/**
 * Rebuilds reuse a document's PDF and DOCX when, and only when, everything its renderer reads is
 * unchanged (src/render/cached-output.ts): the keys, and a rebuild after real edits of the sample
 * compared byte for byte with a build that renders every document.
 */

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));

describe('digestOf', () => {
  it('is the same for equal inputs and differs when any part differs', () => {
    const view = { meta: { title: 'A', date: '2026-09-30' }, rows: [1, 2, 3], images: new Map([['x', bytes('png')]]) };
    const same = { meta: { title: 'A', date: '2026-09-30' }, rows: [1, 2, 3], images: new Map([['x', bytes('png')]]) };
    const d = digestOf(['docx', view]);
    expect(d).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf(['docx', same])).toBe(d);
    const variants: unknown[] = [
      { ...view, rows: [1, 2, 4] },
      { ...view, meta: { title: 'B', date: '2026-09-30' } },
      { ...view, images: new Map([['x', bytes('pnG')]]) },
      { ...view, images: new Map([['y', bytes('png')]]) },
      { ...view, extra: undefined },
      { ...view, rows: ['1', 2, 3] },
      { rows: [1, 2, 3], meta: view.meta, images: view.images }, // key order is part of the input
    ];
    for (const v of variants) expect(digestOf(['docx', v])).not.toBe(d);
    expect(digestOf(['ab', 'c'])).not.toBe(digestOf(['a', 'bc']));
    expect(digestOf([null])).not.toBe(digestOf([undefined]));
  });

  it('refuses (undefined) what it cannot describe: functions, class instances, cycles', () => {
    class Box {
      constructor(readonly v: number) {}
    }
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(digestOf([{ f: () => 1 }])).toBeUndefined();
    expect(digestOf([new Box(1)])).toBeUndefined();
    expect(digestOf([cyclic])).toBeUndefined();
    // Shared (not cyclic) references are fine.
    const shared = { a: 1 };
    expect(digestOf([[shared, shared]])).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('cachedOutput', () => {
  const ctx = (cache: RenderCache | undefined) => ({ cache, toolVersion: '1.0.0', browser: undefined });

  it('produces once per distinct input, and reuses the stored bytes otherwise', async () => {
    const cache = new MemoryCache();
    let made = 0;
    const produce = (s: string) => async () => {
      made++;
      return bytes(s);
    };
    expect(await cachedOutput(ctx(cache), { kind: 'docx:x', inputs: ['v1'] }, produce('one'))).toEqual(bytes('one'));
    expect(await cachedOutput(ctx(cache), { kind: 'docx:x', inputs: ['v1'] }, produce('never'))).toEqual(bytes('one'));
    expect(made).toBe(1);
    await cachedOutput(ctx(cache), { kind: 'docx:x', inputs: ['v2'] }, produce('two'));
    await cachedOutput(ctx(cache), { kind: 'docx:y', inputs: ['v1'] }, produce('three'));
    await cachedOutput({ ...ctx(cache), toolVersion: '1.0.1' }, { kind: 'docx:x', inputs: ['v1'] }, produce('four'));
    expect(made).toBe(4);
  });

  it('never reuses without a cache, without a code stamp, with undescribable inputs, or without the printing browser', async () => {
    let made = 0;
    const produce = async () => {
      made++;
      return bytes(String(made));
    };
    for (const c of [undefined, new MemoryCache(null)]) {
      await cachedOutput(ctx(c), { kind: 'pdf', inputs: ['x'] }, produce);
      await cachedOutput(ctx(c), { kind: 'pdf', inputs: ['x'] }, produce);
    }
    const cache = new MemoryCache();
    await cachedOutput(ctx(cache), { kind: 'docx', inputs: [() => 1] }, produce);
    await cachedOutput(ctx(cache), { kind: 'docx', inputs: [() => 1] }, produce);
    // A printed output with no Chromium to name is not keyed (its bytes depend on the browser).
    await cachedOutput(ctx(cache), { kind: 'pdf', inputs: ['x'], browser: true }, produce);
    await cachedOutput(ctx(cache), { kind: 'pdf', inputs: ['x'], browser: true }, produce);
    expect(made).toBe(8);
    expect(cache.entries.size).toBe(0);
  });

  it('a different code stamp is a different key (a rebuilt kientruc never reuses older output)', async () => {
    const store = new MemoryCache('a');
    let made = 0;
    const produce = async () => {
      made++;
      return bytes('x');
    };
    await cachedOutput(ctx(store), { kind: 'docx', inputs: ['v'] }, produce);
    const other = new MemoryCache('b');
    for (const [k, v] of store.entries) other.entries.set(k, v);
    await cachedOutput(ctx(other), { kind: 'docx', inputs: ['v'] }, produce);
    expect(made).toBe(2);
  });
});

/** The same store, without a code stamp: diagrams still come from it, every document is rendered. */
function documentsUncached(store: MemoryCache): RenderCache {
  return { get: (k) => store.get(k), set: (k, d) => store.set(k, d) };
}

function changedBetween(a: ReadonlyMap<string, Buffer>, b: ReadonlyMap<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => !a.get(p)?.equals(b.get(p) ?? Buffer.alloc(0))).sort();
}

function edit(file: string, from: RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file}: ${from} not found`).not.toBe(text);
  writeFileSync(file, next);
}

describe.skipIf(!CHROMIUM)('a rebuild after an edit writes the bytes of a full build', () => {
  it('reuses unchanged documents and renders again exactly those whose inputs changed', { timeout: 900_000 }, async () => {
    const dir = makeTempDir('rebuild-');
    const root = join(dir, 'architecture');
    cpSync(join(REPO, 'architecture'), root, { recursive: true });
    // The first full build is the run's shared build of the sample (made the same way, with a fresh
    // store: tests/helpers/sample-build.ts); this test's store starts with what that build stored.
    const first = await sampleBuild();
    const store = new MemoryCache();
    for (const [k, v] of first.cache) store.entries.set(k, v);
    let previous: ReadonlyMap<string, Buffer> = first.files;
    // What goes through the render cache besides diagrams: the documents' HTML (printed to PDF), PDF and DOCX, the gap report's PDF and DOCX (Markdown is rendered when written, never cached).
    const cachedDocuments = (paths: readonly string[]) => paths.filter((p) => /^(chien-luoc-du-lieu|bao-cao-dinh-ky|ke-hoach-du-lieu|kien-truc-so)[^/]*\.(html|pdf|docx)$|^gap-report\.(pdf|docx)$/.test(p));

    const edits: { name: string; apply: () => void; changes: RegExp[]; keeps: RegExp[] }[] = [
      {
        // The bench's edit: one KPI's baseline. The gap report shows it; the strategy and the report do not.
        name: 'one KPI baseline',
        apply: () => edit(join(root, 'kpis', 'du-lieu.yaml'), /value: (\d+)/, 'value: 57'),
        changes: [/^gap-report\.(pdf|docx)$/],
        keeps: [/^chien-luoc-du-lieu(-cong-khai)?\.(pdf|docx)$/, /^bao-cao-dinh-ky-.*\.(pdf|docx)$/],
      },
      {
        // A comment changes no output at all: nothing is rendered again (checked against the previous
        // full build, which this rebuild must reproduce).
        name: 'a comment',
        apply: () => writeFileSync(join(root, 'kpis', 'du-lieu.yaml'), `${readFileSync(join(root, 'kpis', 'du-lieu.yaml'), 'utf8')}\n# ghi chú\n`),
        changes: [],
        keeps: [/\.(pdf|docx)$/],
      },
    ];
    for (const e of edits) {
      e.apply();
      const setsBefore = store.sets;
      const rebuilt = await buildAll(root, store);
      const rendered = store.sets - setsBefore;
      const full = e.changes.length === 0 ? previous : await buildAll(root, documentsUncached(store));
      expect(changedBetween(rebuilt, full), e.name).toEqual([]);
      const changed = changedBetween(previous, full);
      for (const c of e.changes) expect(changed.filter((p) => c.test(p)).length, `${e.name}: ${c}`).toBeGreaterThan(0);
      for (const k of e.keeps) expect(changed.filter((p) => k.test(p)), `${e.name}: ${k}`).toEqual([]);
      // Each changed document file was rendered once more (one new cache entry); the unchanged ones were
      // not. Diagram images that changed are new entries too (SVG and PNG, each drawn once, each stored
      // with the identity of what drew it: two entries).
      const changedImages = changed.filter((p) => /^diagrams\/.*\.(svg|png)$/.test(p)).length;
      expect(rendered, e.name).toBe(cachedDocuments(changed).length + 2 * changedImages);
      previous = full;
    }
  });
});

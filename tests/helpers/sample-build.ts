/**
 * One Chromium-rendered build of the sample, made once per test run and read by every test that
 * needs the sample's rendered outputs (the rebuild test, the strategy's and the documents' print
 * checks, the page fill, the sample's diagrams and their legibility, the committed `generated/`), with the sample's two other
 * documents (Kế hoạch, Kiến trúc số) rendered in the same context. The first caller builds — in-process, every `kientruc build` renderer in its
 * order, with its worker's shared Chromium — into `<run's temp root>/sample-build/`; callers in other
 * workers wait for its result (or its failure). Each test still renders what it proves something
 * about rendering again (a rebuild, a second render compared byte for byte); only the identical
 * first build is shared.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_VERSION } from '../../src/cli/app.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentBaseName, renderDocuments, type DocumentKind } from '../../src/render/documents/index.js';
import { RENDERERS } from '../../src/render/index.js';
import type { GeneratedFile, RenderCache, RenderContext } from '../../src/render/types.js';
import { sharedBrowser } from './browser.js';
import { claimOnce, waitForOther } from './once-per-run.js';
import { REPO, renderContextOf, valid } from './project.js';
import { tmpRoot } from './tmp.js';

/** The day every sample build is made on (the sample's own reporting date). */
export const SAMPLE_TODAY = '2026-09-30';

/** A render cache in memory that counts what is stored (the rebuild test's store). */
export class MemoryCache implements RenderCache {
  readonly entries = new Map<string, Uint8Array>();
  sets = 0;
  constructor(private readonly stampValue: string | null = 'stamp-1') {}
  async get(key: string): Promise<Uint8Array | undefined> {
    return this.entries.get(key);
  }
  async set(key: string, data: Uint8Array): Promise<void> {
    this.sets++;
    this.entries.set(key, data);
  }
  stamp(): string | undefined {
    return this.stampValue ?? undefined;
  }
}

/**
 * The render context of a build of the architecture folder `root`: on `SAMPLE_TODAY`, rules on, the
 * worker's Chromium, `cache`, and the package's own version (as the bin gives it), so that a build of
 * the sample is byte for byte the committed `generated/` (tests/render/generated-committed.test.ts).
 */
async function sampleContext(root: string, cache: RenderCache): Promise<RenderContext> {
  const r = valid(await runPipeline({ root, cwd: root, today: SAMPLE_TODAY, rules: true }));
  return renderContextOf(r, { browser: sharedBrowser(), assets: r.assets, cache, toolVersion: TOOL_VERSION });
}

/** Generated files as bytes, by path, in their order. */
function asBytes(files: readonly GeneratedFile[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of files) out.set(f.path, f.chunks ? Buffer.from([...f.chunks()].join(''), 'utf8') : Buffer.from(f.contents));
  return out;
}

/** Every output `kientruc build` renders in `ctx` (its renderers, in order). */
async function renderBuild(ctx: RenderContext): Promise<Map<string, Buffer>> {
  const files: GeneratedFile[] = [];
  for (const renderer of RENDERERS) files.push(...(await renderer.render({ ...ctx, outputs: [...files] })));
  return asBytes(files);
}

/**
 * Every output of a build of the architecture folder `root` (what `kientruc build` renders, in its
 * order), contents as bytes: made on `SAMPLE_TODAY`, rules on, with the worker's Chromium and `cache`.
 */
export async function buildAll(root: string, cache: RenderCache): Promise<Map<string, Buffer>> {
  return renderBuild(await sampleContext(root, cache));
}

/**
 * The documents of the sample its build does not write (its document.kind is the strategy), internal
 * edition, in md, html, pdf and docx (the first two are made on the way to the PDF anyway), rendered
 * in the build's context: `ke-hoach-du-lieu.*`, `kien-truc-so.*`.
 */
export const OTHER_DOCUMENTS: readonly DocumentKind[] = ['ke-hoach', 'kien-truc'];

export interface SampleBuild {
  /** Every output, by its path under the output folder, in the build's order. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** What the build stored in its (fresh) `MemoryCache`: key → bytes. */
  readonly cache: ReadonlyMap<string, Uint8Array>;
  /** `OTHER_DOCUMENTS` (md, html, pdf, docx, internal), by path; not part of `files`. */
  readonly documents: ReadonlyMap<string, Buffer>;
}

interface Manifest {
  readonly files: string[];
  readonly cache: [key: string, file: string][];
  readonly documents: string[];
}

let mine: Promise<SampleBuild> | undefined;

/** The run's build of the sample (see the file's comment); the same maps for every caller in a worker. */
export function sampleBuild(): Promise<SampleBuild> {
  mine ??= sharedSampleBuild();
  return mine;
}

async function sharedSampleBuild(): Promise<SampleBuild> {
  const dir = join(tmpRoot(), 'sample-build');
  const done = join(dir, 'manifest.json');
  const failed = join(dir, 'build.error');
  if (claimOnce(dir)) {
    try {
      const root = join(dir, 'project', 'architecture');
      cpSync(join(REPO, 'architecture'), root, { recursive: true });
      const store = new MemoryCache();
      const ctx = await sampleContext(root, store);
      const files = await renderBuild(ctx);
      const documents = asBytes(await renderDocuments({ ...ctx, cache: undefined }, OTHER_DOCUMENTS.map((kind) => ({ kind, audience: 'internal', formats: ['md', 'html', 'pdf', 'docx'] }))));
      const manifest: Manifest = { files: [...files.keys()], cache: [...store.entries.keys()].map((k, i) => [k, `c${i}`]), documents: [...documents.keys()] };
      mkdirSync(join(dir, 'out'));
      [...files.values()].forEach((b, i) => writeFileSync(join(dir, 'out', `f${i}`), b));
      manifest.cache.forEach(([k, f]) => writeFileSync(join(dir, 'out', f), store.entries.get(k)!));
      [...documents.values()].forEach((b, i) => writeFileSync(join(dir, 'out', `d${i}`), b));
      writeFileSync(`${done}.tmp`, JSON.stringify(manifest));
      renameSync(`${done}.tmp`, done);
      return { files, cache: store.entries, documents };
    } catch (err) {
      writeFileSync(failed, String((err as Error).stack ?? err));
      throw err;
    }
  }
  // Another worker is building: wait for its result (or its failure).
  await waitForOther(done, failed, 'the sample build');
  const m = JSON.parse(readFileSync(done, 'utf8')) as Manifest;
  return {
    files: new Map(m.files.map((p, i) => [p, readFileSync(join(dir, 'out', `f${i}`))])),
    cache: new Map(m.cache.map(([k, f]) => [k, new Uint8Array(readFileSync(join(dir, 'out', f)))])),
    documents: new Map(m.documents.map((p, i) => [p, readFileSync(join(dir, 'out', `d${i}`))])),
  };
}

/** One output of the sample build (or one of its `OTHER_DOCUMENTS`); fails, naming it, when there is none. */
export function sampleFile(build: SampleBuild, path: string): Buffer {
  const b = build.files.get(path) ?? build.documents.get(path);
  if (!b) throw new Error(`the sample build wrote no ${path} (it wrote: ${[...build.files.keys(), ...build.documents.keys()].join(', ')})`);
  return b;
}

/**
 * The internal edition of one of the sample's documents in `ext` (pdf, docx, html, md) as the sample
 * build made it: the strategy and the báo cáo (its one period) are the build's own outputs, the others
 * its `OTHER_DOCUMENTS`.
 */
export function sampleDocument(build: SampleBuild, kind: DocumentKind, ext: string): Buffer {
  if (kind === 'bao-cao') {
    const found = [...build.files.keys()].filter((p) => p.startsWith('bao-cao-dinh-ky-') && p.endsWith(`.${ext}`));
    if (found.length !== 1) throw new Error(`the sample build wrote ${found.length} báo cáo .${ext} files: ${found.join(', ')}`);
    return sampleFile(build, found[0]!);
  }
  return sampleFile(build, `${documentBaseName(kind, 'internal')}.${ext}`);
}

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, resolve } from 'node:path';
import { InternalError } from '../core/errors.js';
import type { GeneratedFile } from '../render/types.js';

export const TMP_PREFIX = '.kientruc-tmp-';
export const OLD_PREFIX = '.kientruc-old-';

function safeRelative(path: string): string {
  const norm = posix.normalize(path);
  if (norm.startsWith('../') || norm === '..' || posix.isAbsolute(norm) || norm.includes('\0') || norm === '.') {
    throw new InternalError(`refusing to write outside the output folder: ${path}`);
  }
  return norm;
}

/**
 * Moments of a write, in order. `onStep` is called at each (tests use it to interrupt a real build at
 * a known moment; see tests/robust/interrupted-build.test.ts).
 */
export type WriteStep = 'staging' | 'staging-half' | 'staged' | 'swapped-out' | 'swapped-in' | 'done';

export interface WriteOptions {
  readonly onStep?: ((step: WriteStep) => void | Promise<void>) | undefined;
}

async function stage(parent: string, files: readonly GeneratedFile[], step: (s: WriteStep) => Promise<void>): Promise<string> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, TMP_PREFIX));
  await step('staging');
  const seen = new Set<string>();
  const half = Math.floor(files.length / 2);
  for (const [i, f] of files.entries()) {
    if (i === half) await step('staging-half');
    const rel = safeRelative(f.path);
    if (seen.has(rel)) throw new InternalError(`two renderers produced ${rel}`);
    seen.add(rel);
    const target = join(dir, rel);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.contents);
  }
  return dir;
}

/** Puts back an output folder left aside by a run that was killed between its two renames. */
async function recover(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const entries = await readdir(parent);
  const prefix = `${OLD_PREFIX}${basename(outDir)}-`;
  const olds = entries.filter((e) => e.startsWith(prefix)).sort();
  for (const old of olds) {
    if (!existsSync(outDir)) await rename(join(parent, old), outDir);
    else await rm(join(parent, old), { recursive: true, force: true });
  }
  for (const e of entries.filter((x) => x.startsWith(TMP_PREFIX))) {
    await rm(join(parent, e), { recursive: true, force: true });
  }
}

export type WriteMode =
  /** The folder becomes exactly `files` (stale files disappear); swapped in with two renames. */
  | 'replace'
  /** `files` are added or overwritten; other files stay. Each file is renamed into place after all are staged. */
  | 'merge';

/**
 * Writes generated files so that a failed or interrupted run never leaves a half-written output:
 * everything is staged in a sibling temp folder first, then moved into place.
 */
export async function writeGenerated(outDir: string, files: readonly GeneratedFile[], mode: WriteMode, opts: WriteOptions = {}): Promise<void> {
  const out = resolve(outDir);
  const parent = dirname(out);
  const step = async (s: WriteStep): Promise<void> => {
    await opts.onStep?.(s);
  };
  await recover(out);
  const staged = await stage(parent, files, step);
  await step('staged');
  try {
    if (mode === 'replace') {
      if (existsSync(out)) {
        const info = await stat(out);
        if (!info.isDirectory()) throw new InternalError(`${outDir} exists and is not a folder`);
        const old = await mkdtemp(join(parent, `${OLD_PREFIX}${basename(out)}-`));
        await rm(old, { recursive: true, force: true });
        await rename(out, old);
        await step('swapped-out');
        try {
          await rename(staged, out);
        } catch (err: unknown) {
          await rename(old, out);
          throw err;
        }
        await step('swapped-in');
        await rm(old, { recursive: true, force: true });
      } else {
        await rename(staged, out);
        await step('swapped-in');
      }
      await step('done');
      return;
    }
    for (const f of files) {
      const rel = safeRelative(f.path);
      const target = join(out, rel);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staged, rel), target);
    }
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

export interface GeneratedDiff {
  readonly missing: readonly string[];
  readonly changed: readonly string[];
  /** Files in the folder that the build would not produce (only for `replace`). */
  readonly extra: readonly string[];
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out;
}

/** Compares what a build would write with what is in `outDir` (for `build --check` in CI). */
export async function diffGenerated(outDir: string, files: readonly GeneratedFile[], mode: WriteMode): Promise<GeneratedDiff> {
  const missing: string[] = [];
  const changed: string[] = [];
  for (const f of files) {
    const target = join(outDir, safeRelative(f.path));
    if (!existsSync(target)) {
      missing.push(f.path);
      continue;
    }
    const current = await readFile(target);
    const next = typeof f.contents === 'string' ? Buffer.from(f.contents, 'utf8') : Buffer.from(f.contents);
    if (!current.equals(next)) changed.push(f.path);
  }
  const produced = new Set(files.map((f) => safeRelative(f.path)));
  const extra = mode === 'replace' ? (await listFiles(outDir)).filter((p) => !produced.has(p)) : [];
  return { missing: missing.sort(), changed: changed.sort(), extra: extra.sort() };
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, fastCheckSeed } from './fast-check-seed.js';
import { TMP_ROOT_ENV } from './tmp.js';

/** `kientruc-*` entries directly in `dir`: what a kientruc run (or a test of it) leaves in a temp folder. */
export function kientrucEntries(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.startsWith('kientruc-'))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Whether tsc would emit nothing new: every .ts file under src/ has its .js under dist/, written after
 * the source was last modified (with isolatedModules a file's output depends on that file alone; an
 * edit anywhere makes the edited file stale, and tsc then rebuilds what depends on it), and
 * tsconfig.json is older than every output. Type errors are `npm run typecheck`'s to report.
 */
export function distIsFresh(root: string): boolean {
  const config = statSync(join(root, 'tsconfig.json')).mtimeMs;
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).every((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return walk(path);
      if (!e.name.endsWith('.ts') || e.name.endsWith('.d.ts')) return true;
      const out = join(root, 'dist', relative(join(root, 'src'), path)).replace(/\.ts$/, '.js');
      if (!existsSync(out)) return false;
      const written = statSync(out).mtimeMs;
      return written >= statSync(path).mtimeMs && written >= config;
    });
  return walk(join(root, 'src'));
}

/**
 * Once per run: compile and bundle the bin the CLI tests spawn (when dist/ is out of date), print the property-test seed, and make the run's
 * temp root. Everything the tests, the CLI they spawn and Chromium put in "the temp folder" lands in
 * that root (TMPDIR points there); teardown removes it, and fails the run when kientruc left a temp
 * folder behind (a `kientruc-*` entry at the top of the root) or when the OS temp folder holds more
 * `kientruc-*` entries than before the run.
 */
export default function setup(): () => void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Every worker waits for this, so it is skipped when dist/ is newer than every source it is built
  // from (npm ci's `prepare` built it, or an earlier run did): a fresh clone's first run would otherwise
  // compile everything again (~15 s on 2 cores), and each later run spend ~4 s checking.
  // Incremental, with its build info inside dist/ (deleting dist/ deletes it too): a run after an edit
  // compiles only what changed.
  if (!distIsFresh(root)) {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.json`, '--incremental', '--tsBuildInfoFile', `${root}dist/.tests.tsbuildinfo`], {
      stdio: 'inherit',
    });
  }
  // The bin the tests spawn is the esbuild bundle of src/ (src/cli/bundle.ts), built by `npm run build:ts`:
  // bundled again when it is older than a source, or when a bare tsc wrote its own bin.js over it.
  execFileSync(process.execPath, [`${root}dist/cli/bundle.js`, '--if-stale'], { stdio: 'inherit' });

  const seed = fastCheckSeed();
  const runs = process.env['FC_RUNS'];
  console.log(
    `property tests: seed ${seed}${seed === DEFAULT_SEED ? ' (fixed; FC_SEED=<n> explores another)' : ' (FC_SEED)'}` +
      `, ${runs === undefined ? 'default run counts (FC_RUNS=<n> to change)' : `${runs} runs per property (FC_RUNS)`}`,
  );

  const osTmp = tmpdir();
  const before = new Set(kientrucEntries(osTmp));
  const tmpRoot = mkdtempSync(join(osTmp, 'kientruc-run-'));
  const saved = { tmp: process.env['TMPDIR'], root: process.env[TMP_ROOT_ENV], cache: process.env['KIENTRUC_CACHE_DIR'] };
  process.env[TMP_ROOT_ENV] = tmpRoot;
  process.env['TMPDIR'] = tmpRoot;
  // CLI runs share one render cache for the run (content-addressed, so sharing is safe), never the fixtures'.
  process.env['KIENTRUC_CACHE_DIR'] = join(tmpRoot, 'cache');

  return () => {
    const leftInRoot = kientrucEntries(tmpRoot);
    // A process still closing when the suite ends (a worker's render cache, a browser profile) can write
    // into the root while it is removed, or re-create it: retry until it stays gone (seen on Node 24).
    for (let attempt = 0; attempt < 10 && existsSync(tmpRoot); attempt++) {
      if (attempt > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      try {
        rmSync(tmpRoot, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      } catch {
        // ENOTEMPTY while a late writer adds files: the next attempt removes them.
      }
    }
    for (const [k, v] of [
      ['TMPDIR', saved.tmp],
      [TMP_ROOT_ENV, saved.root],
      ['KIENTRUC_CACHE_DIR', saved.cache],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    const added = kientrucEntries(osTmp).filter((n) => !before.has(n));
    const grew = added.length
      ? `the OS temp folder ${osTmp} has ${added.length} more kientruc-* entr${added.length === 1 ? 'y' : 'ies'} than before the run: ${added.slice(0, 20).join(', ')}${added.length > 20 ? ' …' : ''}`
      : undefined;
    // On a machine shared with other kientruc runs (their leftovers are not ours), KIENTRUC_TEST_SHARED_TMP=1
    // makes the OS-folder comparison a warning; what this run left in its own root always fails it.
    const shared = process.env['KIENTRUC_TEST_SHARED_TMP'] === '1';
    if (grew && shared) console.warn(`warning: ${grew} (KIENTRUC_TEST_SHARED_TMP=1: not counted as a failure)`);
    const problems = [...(leftInRoot.length ? [`kientruc left ${leftInRoot.length} temp folder(s) behind during the run: ${leftInRoot.join(', ')}`] : []), ...(grew && !shared ? [grew] : [])];
    if (problems.length) {
      // vitest only logs an error thrown here; the exit code is what CI sees.
      process.exitCode = 1;
      throw new Error(`temp folders leaked:\n  ${problems.join('\n  ')}`);
    }
  };
}

/** Packing kientruc and installing the tarball offline into scratch projects (tests/package/). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { claimOnce, waitForOtherSync } from './once-per-run.js';
import { REPO } from './project.js';
import { tmpRoot } from './tmp.js';

export const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
export const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function sh(command: string, cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 180_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Links every package the lockfile installs for production (not dev) into `dir/node_modules`. */
export function linkRuntimeDependencies(dir: string): void {
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
  for (const [path, meta] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || meta.dev || meta.link) continue;
    const name = path.slice('node_modules/'.length);
    if (name.includes('/node_modules/')) continue; // nested copies come along with their parent
    const target = join(dir, 'node_modules', name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(REPO, path), target);
  }
}

/** npm with no network: only the linked packages and npm's cache. */
// Linked dependencies are already built in this checkout's node_modules: their lifecycle scripts (n3's
// babel build, say) must not run again from the link, where their dev tools are absent.
export const OFFLINE = { npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_ignore_scripts: 'true', PUPPETEER_SKIP_DOWNLOAD: '1' };

/**
 * `npm pack` of this checkout, once per test run: the first caller packs into `<run's temp root>/pack/`
 * and the other package tests (in any worker) install the same tarball. dist/ is built by the global
 * set-up (tsc) and by npm ci (prepare), and does not change during a run, so one tarball is the
 * package every test installs; packing must not rebuild it under running tests.
 */
export function packTarball(): { tgz: string; files: string[] } {
  const dir = join(tmpRoot(), 'pack');
  const done = join(dir, 'pack.json');
  const failed = join(dir, 'pack.error');
  if (claimOnce(dir)) {
    try {
      const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8' });
      const info = (JSON.parse(out) as { filename: string; files: { path: string }[] }[])[0]!;
      const result = { tgz: join(dir, info.filename), files: info.files.map((f) => f.path) };
      writeFileSync(`${done}.tmp`, JSON.stringify(result));
      renameSync(`${done}.tmp`, done);
      return result;
    } catch (err) {
      writeFileSync(failed, String((err as Error).stack ?? err));
      throw err;
    }
  }
  // Another test is packing: wait for its result (or its failure).
  waitForOtherSync(done, failed, 'npm pack');
  return JSON.parse(readFileSync(done, 'utf8')) as { tgz: string; files: string[] };
}

/**
 * The packed tarball installed offline (`npm install --no-save <tgz>`, runtime dependencies linked),
 * once per test run like the tarball itself: the first caller installs into
 * `<run's temp root>/pack/installed/`, and every package test runs that installed kientruc (its bin,
 * or its API through a `node_modules` link). Throws, with npm's output, when the install fails.
 */
export function installedTarball(): string {
  const { tgz } = packTarball();
  const dir = join(tmpRoot(), 'pack', 'installed');
  const done = join(tmpRoot(), 'pack', 'installed.done');
  const failed = join(tmpRoot(), 'pack', 'installed.error');
  if (claimOnce(dir)) {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cai-dat', private: true, type: 'module' }));
    linkRuntimeDependencies(dir);
    const install = sh(`npm install --no-save ${JSON.stringify(tgz)}`, dir, OFFLINE);
    if (install.code !== 0) {
      writeFileSync(failed, `npm install of ${tgz} exited ${install.code}:\n${install.stdout}\n${install.stderr}`);
      throw new Error(readFileSync(failed, 'utf8'));
    }
    writeFileSync(done, '');
    return dir;
  }
  // Another test is installing: wait for it (or its failure).
  waitForOtherSync(done, failed, 'installing the tarball');
  return dir;
}

/** Packing kientruc and installing the tarball offline into scratch projects (tests/package/). */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeProject, REPO } from './project.js';

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

/** `npm pack` of this checkout into a fresh folder; dist/ is built by the global set-up (tsc) and by npm ci (prepare), and packing must not rebuild it under running tests. */
export function packTarball(): { tgz: string; files: string[] } {
  const dest = makeProject({});
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: REPO, encoding: 'utf8' });
  const info = (JSON.parse(out) as { filename: string; files: { path: string }[] }[])[0]!;
  return { tgz: join(dest, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * The package as users get it: `npm pack`, installed into scratch projects offline. Dependencies come
 * from this checkout (only the runtime closure of package-lock.json, linked), so the test needs no
 * network and still fails when a runtime import is only a devDependency.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { edit, git } from '../helpers/git.js';
import { makeProject, REPO } from '../helpers/project.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sh(command: string, cwd: string, env: Record<string, string> = {}): Run {
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 180_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Links every package the lockfile installs for production (not dev) into `dir/node_modules`. */
function linkRuntimeDependencies(dir: string): void {
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
const OFFLINE = { npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', PUPPETEER_SKIP_DOWNLOAD: '1' };

const USE_TS = `import { check, diagnosticCodes, diagrams, exitCode, formatDiagnostics, gapReport, load, periodicReport, renderGapReport, validate, type Architecture, type Diagnostic, type GapReport, type System } from 'kientruc';

const cwd = process.argv[2] ?? '.';
const arch: Architecture = await check({ root: 'architecture', cwd, today: '2026-01-15' });
const systems: readonly System[] = arch.model.all('system');
const errors: Diagnostic[] = arch.diagnostics.filter((d) => d.severity === 'error');
const report: GapReport = gapReport(arch);
const files = renderGapReport(report, ['md']);
const loaded = await load({ root: 'architecture', cwd, today: '2026-01-15' });
const sarif = JSON.parse(formatDiagnostics(arch, 'sarif')) as { version: string };
console.log(JSON.stringify({
  systems: systems.length,
  errors: errors.length,
  exit: exitCode(arch.diagnostics),
  warningsFail: exitCode(arch.diagnostics, 'warning'),
  gap: files.map((f) => f.path),
  diagrams: diagrams(arch).length,
  periodic: periodicReport(arch, '2026-Q2').period.id,
  rulesFindingsOnlyAfterCheck: loaded.diagnostics.length < arch.diagnostics.length,
  validate: (await validate({ root: 'architecture', cwd, today: '2026-01-15' })).length,
  codes: diagnosticCodes().length > 10,
  sarif: sarif.version,
}));
`;

/** Misuses the API: each line must be a type error, which proves the types are real (not `any`). */
const BAD_TS = `import { check, gapReport, renderGapReport } from 'kientruc';
await check({ root: 1, today: '2026-01-15' });
await check({ root: 'architecture' });
renderGapReport(gapReport(await check({ root: 'a', today: '2026-01-15' })), ['pdf']);
`;

const USE_JS = `import * as kientruc from 'kientruc';
const diagnostics = await kientruc.validate({ root: 'architecture', cwd: process.argv[2], today: '2026-01-15' });
console.log(JSON.stringify({ api: Object.keys(kientruc).sort(), errors: diagnostics.filter((d) => d.severity === 'error').length }));
try {
  await import('kientruc/dist/pipeline.js');
  console.log('deep import allowed');
} catch (err) {
  console.log(err.code);
}
`;

const TSCONFIG = (include: string) =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true,
      skipLibCheck: true, types: ['node'], typeRoots: [join(REPO, 'node_modules', '@types')], outDir: 'out',
    },
    include: [include],
  });

describe('the packed tarball', () => {
  let tgz: string;
  let files: string[];

  beforeAll(() => {
    // dist/ is built by the global set-up (tsc) and by npm ci (prepare); packing must not rebuild it under running tests.
    const dest = makeProject({});
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: REPO, encoding: 'utf8' });
    const info = (JSON.parse(out) as { filename: string; files: { path: string }[] }[])[0]!;
    tgz = join(dest, info.filename);
    files = info.files.map((f) => f.path);
  });

  it('ships the built code with its type declarations, no source maps, no tests', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/api.d.ts');
    expect(files).toContain('dist/cli/bin.js');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('tests/') || f.startsWith('src/') && !f.startsWith('src/framework/'))).toEqual([]);
  });

  it('installs offline and its API is called from type-checked TypeScript and from JavaScript', { timeout: 240_000 }, () => {
    const app = makeProject({
      'package.json': JSON.stringify({ name: 'cong-tinh', private: true, type: 'module' }),
      'use.ts': USE_TS,
      'bad.ts': BAD_TS,
      'use.mjs': USE_JS,
      'tsconfig.json': TSCONFIG('use.ts'),
      'tsconfig.bad.json': TSCONFIG('bad.ts'),
    });
    linkRuntimeDependencies(app);
    const install = sh(`npm install --no-save ${JSON.stringify(tgz)}`, app, OFFLINE);
    expect(install.code, install.stderr).toBe(0);

    const tsc = sh(`"${process.execPath}" "${TSC}" -p tsconfig.json`, app);
    expect(tsc.code, tsc.stdout).toBe(0);
    const ts = sh(`"${process.execPath}" out/use.js "${REPO}"`, app);
    expect(ts.code, ts.stderr).toBe(0);
    const r = JSON.parse(ts.stdout) as Record<string, unknown>;
    expect(r).toMatchObject({ exit: 1, warningsFail: 1, gap: ['gap-report.md'], periodic: '2026-Q2', rulesFindingsOnlyAfterCheck: true, codes: true, sarif: '2.1.0' });
    expect(r['systems']).toBeGreaterThan(20);
    expect(r['diagrams']).toBeGreaterThan(20);

    const bad = sh(`"${process.execPath}" "${TSC}" -p tsconfig.bad.json --noEmit`, app);
    expect(bad.code).not.toBe(0);
    for (const line of [2, 3, 4]) expect(bad.stdout, bad.stdout).toMatch(new RegExp(`bad\\.ts\\(${line},\\d+\\): error TS`));

    const js = sh(`"${process.execPath}" use.mjs "${REPO}"`, app);
    expect(js.code, js.stderr).toBe(0);
    const [api, deep] = js.stdout.trim().split('\n');
    expect(JSON.parse(api!)).toEqual({
      api: ['check', 'diagnosticCodes', 'diagrams', 'exitCode', 'formatDiagnostics', 'gapReport', 'load', 'periodicReport', 'renderGapReport', 'renderPeriodicReport', 'validate'],
      errors: 0,
    });
    expect(deep).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('a repository scaffolded by the packed kientruc passes every run: step of its GitHub workflow, kientruc from the tarball', { timeout: 300_000 }, () => {
    const home = makeProject({ 'package.json': JSON.stringify({ name: 'x', private: true }) });
    linkRuntimeDependencies(home);
    expect(sh(`npm install --no-save ${JSON.stringify(tgz)}`, home, OFFLINE).code).toBe(0);
    const init = sh(`./node_modules/.bin/kientruc init repo --name "Sở Y tế tỉnh Sơn Hà" --code 000.07.00.H99`, home);
    expect(init.code, init.stderr).toBe(0);
    const repo = join(home, 'repo');
    // kientruc from a tarball, as docs/ci.md shows; the CI install step then installs exactly that.
    edit(repo, 'package.json', (t) => t.replace(`"kientruc": "${VERSION}"`, `"kientruc": ${JSON.stringify(`file:${tgz}`)}`));
    linkRuntimeDependencies(repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Khởi tạo');
    const base = git(repo, 'rev-parse', 'HEAD').trim();
    git(repo, 'checkout', '-q', '-b', 'doi-ten');
    edit(repo, 'architecture/systems/he-thong.yaml', (t) => t.replace('name: Hệ thống quản lý văn bản và điều hành', 'name: Hệ thống quản lý văn bản và điều hành điện tử'));
    git(repo, 'commit', '-q', '-a', '-m', 'Đổi tên hệ thống');

    const wf = parse(readFileSync(join(repo, '.github/workflows/kientruc.yml'), 'utf8')) as {
      env: Record<string, string>;
      jobs: Record<string, { steps: { name?: string; run?: string; env?: Record<string, string> }[] }>;
    };
    const summary = join(home, 'summary.md');
    writeFileSync(summary, '');
    const ran: string[] = [];
    for (const [job, { steps }] of Object.entries(wf.jobs)) {
      for (const step of steps) {
        if (step.run === undefined) continue;
        // The Debian packages step needs root and Debian's archive; this machine has them already (.ci/system-deps).
        if (step.run.startsWith('apt-get')) {
          expect(sh('command -v chromium', repo).code).toBe(0);
          continue;
        }
        const env = { ...wf.env, ...OFFLINE, ...(step.env ?? {}), BASE_SHA: base, GITHUB_STEP_SUMMARY: summary };
        const r = sh(step.run, repo, env);
        expect(r.code, `${job} / ${step.name ?? step.run}\n${r.stdout}\n${r.stderr}`).toBe(0);
        ran.push(`${job}: ${step.name ?? step.run}`);
      }
    }
    expect(ran.length).toBeGreaterThanOrEqual(11);
    // The installed kientruc is the tarball's, and says so in the log.
    expect(sh('npx kientruc --version', repo).stdout).toContain(`kientruc ${VERSION}`);
    expect(readFileSync(join(repo, 'node_modules', 'kientruc', 'package.json'), 'utf8')).toContain(`"version": "${VERSION}"`);
    expect(readFileSync(summary, 'utf8')).toContain('<!-- kientruc-diff -->');
    expect(readFileSync(summary, 'utf8')).toContain('điều hành điện tử');
    expect(readFileSync(join(repo, 'generated', 'diagrams', 'landscape.svg'), 'utf8')).toContain('<svg');
  });
});

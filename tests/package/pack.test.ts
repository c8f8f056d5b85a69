/**
 * The package as users get it: `npm pack`, installed into scratch projects offline. Dependencies come
 * from this checkout (only the runtime closure of package-lock.json, linked), so the test needs no
 * network and still fails when a runtime import is only a devDependency.
 */
import { readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedTarball, packTarball, sh, TSC, VERSION } from '../helpers/pack.js';
import { makeProject, REPO } from '../helpers/project.js';

const USE_TS = `import { check, diagnosticCodes, diagrams, exitCode, formatDiagnostics, gapReport, load, periodicReport, renderGapReport, validate, type Architecture, type Diagnostic, type GapReport, type System } from 'kientruc';

const cwd = process.argv[2] ?? '.';
const arch: Architecture = await check({ root: 'architecture', cwd, today: '2026-01-15' });
const systems: readonly System[] = arch.model.all('system');
const errors: Diagnostic[] = arch.diagnostics.filter((d) => d.severity === 'error');
const report: GapReport = gapReport(arch);
const files = renderGapReport(report, ['md']);
const loaded = await load({ root: 'architecture', cwd, today: '2026-01-15' });
const sarif = JSON.parse(formatDiagnostics(arch, 'sarif')) as { version: string; runs: { tool: { driver: { version: string } } }[] };
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
  sarifTool: sarif.runs[0]?.tool.driver.version,
}));
`;

/** Misuses the API: each line must be a type error, which proves the types are real (not `any`). */
const BAD_TS = `import { check, exitCode, formatDiagnostics, gapReport, renderGapReport } from 'kientruc';
await check({ root: 1, today: '2026-01-15' });
await check({ root: 'architecture' });
renderGapReport(gapReport(await check({ root: 'a', today: '2026-01-15' })), ['pdf']);
exitCode([], 'warn');
formatDiagnostics(await check({ root: 'a', today: '2026-01-15' }), 'xml');
`;

const USE_JS = `import * as kientruc from 'kientruc';
const diagnostics = await kientruc.validate({ root: 'architecture', cwd: process.argv[2], today: '2026-01-15' });
const refused = (fn) => { try { fn(); return 'accepted'; } catch (err) { return err instanceof kientruc.KientrucError ? err.code : String(err); } };
console.log(JSON.stringify({ api: Object.keys(kientruc).sort(), errors: diagnostics.filter((d) => d.severity === 'error').length, warn: refused(() => kientruc.exitCode(diagnostics, 'warn')) }));
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
  let files: string[];

  beforeAll(() => {
    ({ files } = packTarball());
  });

  it('ships the built code with its type declarations, no source maps, no tests', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/api.d.ts');
    expect(files).toContain('dist/cli/bin.js');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // The validators precompiled by this build only, with the code digests; V8's code cache is for the
    // builder's Node alone (validate/ajv.ts), so it stays out.
    expect(files.filter((f) => f.startsWith('dist/precompiled/v1/ajv/'))).toHaveLength(1);
    expect(files).toContain('dist/precompiled/code-digests.json');
    expect(files.filter((f) => f.endsWith('.v8cache'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('tests/') || f.startsWith('src/') && !f.startsWith('src/framework/'))).toEqual([]);
    // dist/cli/ ships the bundle the bin runs (src/cli/bundle.ts: every file begins with its banner),
    // all of it, with its build id (a daemon's code: cli/daemon/fingerprint.ts), and nothing of tsc's
    // unbundled output there, which nothing in the package imports.
    const bundle = readdirSync(join(REPO, 'dist', 'cli'))
      .filter((name) => name.endsWith('.js') && /^(#![^\n]*\n)?\/\/ kientruc bundle /.test(readFileSync(join(REPO, 'dist', 'cli', name), 'utf8').slice(0, 300)))
      .map((name) => `dist/cli/${name}`);
    expect(bundle).toContain('dist/cli/parse-worker.js');
    expect(files.filter((f) => f.startsWith('dist/cli/')).sort()).toEqual([...bundle, 'dist/cli/build-id'].sort());
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
    // The run's one offline install of the tarball (installedTarball() throws with npm's output when
    // it fails), reached as this project's own node_modules.
    symlinkSync(join(installedTarball(), 'node_modules'), join(app, 'node_modules'));

    const tsc = sh(`"${process.execPath}" "${TSC}" -p tsconfig.json`, app);
    expect(tsc.code, tsc.stdout).toBe(0);
    const ts = sh(`"${process.execPath}" out/use.js "${REPO}"`, app);
    expect(ts.code, ts.stderr).toBe(0);
    const r = JSON.parse(ts.stdout) as Record<string, unknown>;
    expect(r).toMatchObject({ exit: 1, warningsFail: 1, gap: ['gap-report.md'], periodic: '2026-Q2', rulesFindingsOnlyAfterCheck: true, codes: true, sarif: '2.1.0', sarifTool: VERSION });
    expect(r['systems']).toBeGreaterThan(20);
    expect(r['diagrams']).toBeGreaterThan(20);

    const bad = sh(`"${process.execPath}" "${TSC}" -p tsconfig.bad.json --noEmit`, app);
    expect(bad.code).not.toBe(0);
    for (const line of [2, 3, 4, 5, 6]) expect(bad.stdout, bad.stdout).toMatch(new RegExp(`bad\\.ts\\(${line},\\d+\\): error TS`));

    const js = sh(`"${process.execPath}" use.mjs "${REPO}"`, app);
    expect(js.code, js.stderr).toBe(0);
    const [api, deep] = js.stdout.trim().split('\n');
    expect(JSON.parse(api!)).toEqual({
      api: [
        'KientrucError', 'STATE_FORMS', 'TIMED_KINDS', 'TIME_FIELDS', 'baseOf', 'check', 'dateOfState', 'describeState', 'diagnosticCodes', 'diagrams', 'existsAt',
        'exitCode', 'formatDiagnostics', 'gapReport', 'isTimePoint', 'lifespanOf', 'load', 'modelAt', 'parseState', 'periodicReport', 'renderGapReport',
        'renderPeriodicReport', 'stateDate', 'timePointDate', 'transitionsBetween', 'transitionsOf', 'validate', 'valueAt',
      ],
      errors: 0,
      warn: 'KIENTRUC_INVALID_ARGUMENT',
    });
    expect(deep).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

});

/**
 * The library's boundary (src/api.ts) as a script calls it: the same bytes as the CLI for the same run,
 * arguments checked at run time, and every failure a `KientrucError` with a documented `code`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { check, exitCode, formatDiagnostics, gapReport, KientrucError, load, modelAt, parseState, periodicReport, renderGapReport, diagrams, type Architecture } from '../../src/index.js';
import { AGENCY, makeProject, REPO, runBin } from '../helpers/project.js';

/** What `fn` throws (sync or async), checked to be the library's error. */
async function thrown(fn: () => unknown): Promise<KientrucError> {
  try {
    await fn();
  } catch (err: unknown) {
    expect(err).toBeInstanceOf(KientrucError);
    return err as KientrucError;
  }
  throw new Error('expected a throw');
}

/** A project with a configuration file and a file name holding "#", "?" and "%". */
const PROJECT = {
  'architecture/agency.yaml': AGENCY,
  'architecture/systems/quy hoạch #2, bản 50%.yaml': 'apiVersion: kientruc/v1\nkind: System\nid: quy-hoach\nname: Quy hoạch\n',
  'architecture/datasets/lỗi cú pháp.yaml': 'apiVersion: kientruc/v1\nkind: Dataset\nid: x\nname: [\n',
  'kientruc.config.yaml': 'rules:\n  data.layer-block:\n    severity: info\n',
};

describe('formatDiagnostics gives what `kientruc check -f <format>` prints', () => {
  it('byte for byte, every format, on the sample and on a project with a configuration file', async () => {
    const project = makeProject(PROJECT);
    const every = [['sarif', 'error'], ['json', 'error'], ['junit', 'warning'], ['github', 'error'], ['stylish', 'error']] as const;
    // The sample is larger (a few seconds a run): the formats CI uploads.
    const runs = [[REPO, 'architecture', every.slice(0, 3)], [project, 'architecture', every]] as const;
    for (const [cwd, root, formats] of runs) {
      const arch = await check({ root, cwd, today: '2026-01-15', asOf: '2026-01-15' });
      for (const [format, failOn] of formats) {
        const cli = runBin(['check', root, '-f', format, '--fail-on', failOn, '--as-of', '2026-01-15', '--lang', 'en', '--no-cache', '--no-daemon'], cwd);
        expect(cli.code, cli.stderr).toBeLessThan(2);
        expect(formatDiagnostics(arch, format, { lang: 'en', failOn }), `${format} in ${cwd}`).toBe(cli.stdout);
      }
      const sarif = JSON.parse(formatDiagnostics(arch, 'sarif')) as { runs: { tool: { driver: { version: string } } }[] };
      expect(sarif.runs[0]!.tool.driver.version).not.toBe('api');
    }
  });
});

describe('arguments are checked at run time (plain JavaScript callers)', () => {
  let arch: Architecture;
  const broken = async () => check({ root: 'architecture', cwd: makeProject(PROJECT), today: '2026-01-15' });

  it('a misspelt severity or format is refused, naming the allowed values, never taken for a pass', async () => {
    arch = await broken();
    expect(exitCode(arch.diagnostics, 'error')).toBe(1);
    const warn = await thrown(() => exitCode(arch.diagnostics, 'warn' as never));
    expect(warn.code).toBe('KIENTRUC_INVALID_ARGUMENT');
    expect(warn.message).toBe('failOn "warn" is not valid: use one of "error", "warning", "info", "none".');
    expect(warn.text?.vi).toContain('không hợp lệ');
    const xml = await thrown(() => formatDiagnostics(arch, 'xml' as never));
    expect(xml.message).toContain('"stylish", "json", "sarif", "junit", "github"');
    expect((await thrown(() => formatDiagnostics(arch, 'json', { lang: 'fr' as never }))).code).toBe('KIENTRUC_INVALID_ARGUMENT');
    expect((await thrown(() => formatDiagnostics({} as never, 'json'))).message).toBe('arch must be what load() or check() returned.');
    // A misspelt option is refused, not ignored (it would leave JUnit's threshold at its default).
    expect((await thrown(() => formatDiagnostics(arch, 'junit', { failon: 'warning' } as never))).message).toBe('options: no option "failon"; the options are "lang", "failOn".');
    expect((await thrown(() => renderGapReport({} as never, ['pdf' as never]))).code).toBe('KIENTRUC_INVALID_ARGUMENT');
  });

  it('options are checked before anything is read', async () => {
    for (const bad of [undefined, null, 'architecture', { root: 'architecture' }, { root: 'architecture', today: '2026-01-15', asof: '2026-01-15' }, { root: 1, today: '2026-01-15' }, { root: 'architecture', today: '15/01/2026' }, { root: 'architecture', today: '2026-01-15', state: 'target:abc' }]) {
      const err = await thrown(() => check(bad as never));
      expect(err.code, JSON.stringify(bad)).toBe('KIENTRUC_INVALID_ARGUMENT');
      expect(err.message).not.toMatch(/reading '|is not a function/);
    }
  });
});

describe('errors: a stable code, English messages, no command-line advice', () => {
  it('a missing folder or configuration file is KIENTRUC_NOT_FOUND, in the library’s words', async () => {
    const dir = makeProject({});
    const root = await thrown(() => load({ root: 'nope', cwd: dir, today: '2026-01-15' }));
    expect(root.code).toBe('KIENTRUC_NOT_FOUND');
    expect(root.message).toBe(`No architecture folder ${JSON.stringify(join(dir, 'nope'))} (root "nope", resolved from cwd).`);
    const config = await thrown(() => check({ root: 'architecture', cwd: REPO, today: '2026-01-15', config: 'nope.yaml' }));
    expect(config.code).toBe('KIENTRUC_NOT_FOUND');
    for (const e of [root, config]) {
      for (const m of [e.message, e.text?.vi ?? '', e.text?.en ?? '']) expect(m).not.toMatch(/kientruc init|sau lệnh|--config|--as-of/);
    }
  });

  it('reports and diagrams on a broken model are KIENTRUC_STRUCTURAL_ERRORS; a bad period or state KIENTRUC_INVALID_ARGUMENT', async () => {
    const arch = await check({ root: 'architecture', cwd: makeProject(PROJECT), today: '2026-01-15' });
    expect(arch.structuralErrors).toBe(true);
    for (const fn of [() => gapReport(arch), () => periodicReport(arch), () => diagrams(arch)]) expect((await thrown(fn)).code).toBe('KIENTRUC_STRUCTURAL_ERRORS');
    const ok = await check({ root: 'architecture', cwd: REPO, today: '2026-01-15' });
    expect((await thrown(() => periodicReport(ok, '2026-Q9'))).code).toBe('KIENTRUC_INVALID_ARGUMENT');
    expect((await thrown(() => diagrams(ok, { maxNodes: -1 }))).code).toBe('KIENTRUC_INVALID_ARGUMENT');
    const state = await thrown(() => parseState('target:abc'));
    expect(state.code).toBe('KIENTRUC_INVALID_ARGUMENT');
    expect(state.message).toMatch(/^State "target:abc" is not valid/);
  });

  it('"current" with no date names the option to pass, not the CLI flag', async () => {
    const arch = await load({ root: 'architecture', cwd: makeProject({ 'architecture/agency.yaml': AGENCY }), today: '2026-01-15' });
    const err = await thrown(() => modelAt(arch.model, { kind: 'current', text: 'current' }));
    expect(err.code).toBe('KIENTRUC_INVALID_ARGUMENT');
    expect(err.message).toContain('pass { asOf }');
  });

  it('KientrucError is exported (a class), with the failure kinds as its code', () => {
    expect(typeof api.KientrucError).toBe('function');
    expect(new KientrucError('x', { code: 'KIENTRUC_INTERNAL' }).code).toBe('KIENTRUC_INTERNAL');
  });
});

describe('paths do not depend on cwd', () => {
  it('files and diagnostics are relative to the repository, from any working directory', async () => {
    const here = await check({ root: 'architecture', cwd: REPO, today: '2026-01-15' });
    const elsewhere = await check({ root: join(REPO, 'architecture'), cwd: makeProject({}), today: '2026-01-15' });
    expect(elsewhere.files).toEqual(here.files);
    expect(here.files[0]).toMatch(/^architecture\//);
    expect(elsewhere.diagnostics.map((d) => d.file)).toEqual(here.diagnostics.map((d) => d.file));
  });

  it('cacheDir is resolved from cwd, as root and config are', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY });
    await load({ root: 'architecture', cwd: dir, today: '2026-01-15', cacheDir: '.kientruc-cache' });
    expect(existsSync(join(dir, '.kientruc-cache'))).toBe(true);
  });
});

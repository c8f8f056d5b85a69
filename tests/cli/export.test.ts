import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBaseUri } from '../../src/cli/commands/export.js';
import { AGENCY, makeProject, REPO, runMain, type RunResult } from '../helpers/project.js';
import { tmpRoot } from '../helpers/tmp.js';

const SAMPLE = join(REPO, 'architecture');

/**
 * `kientruc export` through `main()`, in-process: the bin itself (exit status, streams) is tested in
 * cli.test.ts; the render cache is the run's, as a spawned bin's is.
 */
const kientruc = (argv: readonly string[], cwd: string): Promise<RunResult> => runMain(argv, cwd, { NO_COLOR: '1', KIENTRUC_CACHE_DIR: join(tmpRoot(), 'cache') });

describe('kientruc export', () => {
  it('--format archimate writes the internal edition into exports/; a later export keeps it', async () => {
    const dir = makeProject({});
    const r = await kientruc(['export', SAMPLE, '--format', 'archimate'], dir);
    expect(r.stderr).toContain('exports/kien-truc.archimate.xml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'exports', 'kien-truc.archimate.xml'), 'utf8')).toContain('xsi:type="Flow"');
    expect((await kientruc(['export', SAMPLE, '--format', 'dcat'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'exports')).filter((f) => !f.startsWith('.')).sort()).toEqual([
      'danh-muc-du-lieu-cong-khai.dcat.jsonld',
      'danh-muc-du-lieu-cong-khai.dcat.ttl',
      'kien-truc.archimate.xml',
    ]);
  });

  it('--format dcat writes the public edition (Turtle and JSON-LD) by default, under --base-uri', async () => {
    const dir = makeProject({});
    const r = await kientruc(['export', SAMPLE, '--format', 'dcat', '--out', 'ra', '--base-uri', 'https://dulieu.sonha.gov.vn/id/'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'ra')).filter((f) => !f.startsWith('.')).sort()).toEqual(['danh-muc-du-lieu-cong-khai.dcat.jsonld', 'danh-muc-du-lieu-cong-khai.dcat.ttl']);
    expect(readFileSync(join(dir, 'ra', 'danh-muc-du-lieu-cong-khai.dcat.ttl'), 'utf8')).toContain('<https://dulieu.sonha.gov.vn/id/catalog> a dcat:Catalog');
    const internal = await kientruc(['export', SAMPLE, '--format', 'dcat', '--audience', 'internal', '--out', 'ra'], dir);
    expect(internal.code).toBe(0);
    expect(internal.stderr).toContain('--base-uri');
    expect(existsSync(join(dir, 'ra', 'danh-muc-du-lieu.dcat.ttl'))).toBe(true);
  });

  it('--public is --audience public; the two cannot disagree', async () => {
    const dir = makeProject({});
    const r = await kientruc(['export', SAMPLE, '--format', 'archimate', '--public', '--out', 'ra'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'ra', 'kien-truc-cong-khai.archimate.xml'), 'utf8')).toContain('(bản công khai)</name>');
    expect((await kientruc(['export', SAMPLE, '--format', 'archimate', '--public', '--audience', 'internal'], dir)).code).toBe(2);
  });

  it('claims --out before any work: refuses a folder of files kientruc did not write, unless --force', async () => {
    const dir = makeProject({ 'ra/ghi-chu.txt': 'của người dùng\n' });
    const r = await kientruc(['export', SAMPLE, '--format', 'dcat', '--out', 'ra'], dir);
    expect(r.code).toBe(2);
    expect(readdirSync(join(dir, 'ra'))).toEqual(['ghi-chu.txt']);
    const forced = await kientruc(['export', SAMPLE, '--format', 'dcat', '--out', 'ra', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'ra', 'ghi-chu.txt'), 'utf8')).toBe('của người dùng\n');
    expect(existsSync(join(dir, 'ra', 'danh-muc-du-lieu-cong-khai.dcat.ttl'))).toBe(true);
  });

  it('usage errors exit 2 with one line: no format, an unknown format, a relative --base-uri', async () => {
    const dir = makeProject({});
    expect((await kientruc(['export', SAMPLE], dir)).code).toBe(2);
    const bad = await kientruc(['export', SAMPLE, '--format', 'xmi'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('archimate');
    const base = await kientruc(['export', SAMPLE, '--format', 'dcat', '--base-uri', 'dulieu/id'], dir);
    expect(base.code).toBe(2);
    expect(base.stderr.trim().split('\n')).toHaveLength(1);
    expect(() => parseBaseUri('https://x.gov.vn/id/')).not.toThrow();
    expect(() => parseBaseUri('https://x.gov.vn/id')).toThrow(expect.objectContaining({ text: expect.objectContaining({ en: expect.stringMatching(/ending in/) }) }));
  });

  it('refuses an architecture with structural errors (exit 1, nothing written)', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/bad.yaml': 'apiVersion: kientruc/v1\nkind: System\nid: x\n' });
    const r = await kientruc(['export', '--format', 'archimate'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'exports'))).toBe(false);
  });

  it('--help names the formats and gives examples', async () => {
    const r = await kientruc(['export', '--help'], makeProject({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('archimate');
    expect(r.stdout).toContain('dcat');
    expect(r.stdout).toContain('$ kientruc export --format dcat --base-uri');
  });
});

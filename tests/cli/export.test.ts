import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBaseUri } from '../../src/cli/commands/export.js';
import { AGENCY, makeProject, REPO, runBin } from '../helpers/project.js';

const SAMPLE = join(REPO, 'architecture');

describe('kientruc export', () => {
  it('--format archimate writes the internal edition into exports/, leaving other files there alone', () => {
    const dir = makeProject({ 'exports/keep.txt': 'giữ nguyên\n' });
    const r = runBin(['export', SAMPLE, '--format', 'archimate'], dir);
    expect(r.stderr).toContain('exports/kien-truc.archimate.xml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(dir, 'exports')).sort()).toEqual(['keep.txt', 'kien-truc.archimate.xml']);
    expect(readFileSync(join(dir, 'exports', 'kien-truc.archimate.xml'), 'utf8')).toContain('xsi:type="Flow"');
  });

  it('--format dcat writes the public edition (Turtle and JSON-LD) by default, under --base-uri', () => {
    const dir = makeProject({});
    const r = runBin(['export', SAMPLE, '--format', 'dcat', '--out', 'ra', '--base-uri', 'https://dulieu.sonha.gov.vn/id/'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'ra')).sort()).toEqual(['danh-muc-du-lieu-cong-khai.dcat.jsonld', 'danh-muc-du-lieu-cong-khai.dcat.ttl']);
    expect(readFileSync(join(dir, 'ra', 'danh-muc-du-lieu-cong-khai.dcat.ttl'), 'utf8')).toContain('<https://dulieu.sonha.gov.vn/id/catalog> a dcat:Catalog');
    const internal = runBin(['export', SAMPLE, '--format', 'dcat', '--audience', 'internal', '--out', 'ra'], dir);
    expect(internal.code).toBe(0);
    expect(internal.stderr).toContain('--base-uri');
    expect(existsSync(join(dir, 'ra', 'danh-muc-du-lieu.dcat.ttl'))).toBe(true);
  });

  it('--out names the file when the format writes one; --public is --audience public', () => {
    const dir = makeProject({});
    const r = runBin(['export', SAMPLE, '--format', 'archimate', '--public', '--out', 'ra/so-y-te.xml'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'ra'))).toEqual(['so-y-te.xml']);
    expect(readFileSync(join(dir, 'ra', 'so-y-te.xml'), 'utf8')).toContain('(bản công khai)</name>');
    expect(runBin(['export', SAMPLE, '--format', 'archimate', '--public', '--audience', 'internal'], dir).code).toBe(2);
    // Two files cannot go to one name: "x.ttl" is then a folder.
    expect(runBin(['export', SAMPLE, '--format', 'dcat', '--out', 'x.ttl'], dir).code).toBe(0);
    expect(readdirSync(join(dir, 'x.ttl')).sort()).toEqual(['danh-muc-du-lieu-cong-khai.dcat.jsonld', 'danh-muc-du-lieu-cong-khai.dcat.ttl']);
  });

  it('usage errors exit 2 with one line: no format, an unknown format, a relative --base-uri', () => {
    const dir = makeProject({});
    expect(runBin(['export', SAMPLE], dir).code).toBe(2);
    const bad = runBin(['export', SAMPLE, '--format', 'xmi'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('archimate');
    const base = runBin(['export', SAMPLE, '--format', 'dcat', '--base-uri', 'dulieu/id'], dir);
    expect(base.code).toBe(2);
    expect(base.stderr.trim().split('\n')).toHaveLength(1);
    expect(() => parseBaseUri('https://x.gov.vn/id/', 'en')).not.toThrow();
    expect(() => parseBaseUri('https://x.gov.vn/id', 'en')).toThrow(/ending in/);
  });

  it('refuses an architecture with structural errors (exit 1, nothing written)', () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/bad.yaml': 'apiVersion: kientruc/v1\nkind: System\nid: x\n' });
    const r = runBin(['export', '--format', 'archimate'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'exports'))).toBe(false);
  });

  it('--help names the formats and gives examples', () => {
    const r = runBin(['export', '--help'], makeProject({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('archimate');
    expect(r.stdout).toContain('dcat');
    expect(r.stdout).toContain('$ kientruc export --format dcat --base-uri');
  });
});

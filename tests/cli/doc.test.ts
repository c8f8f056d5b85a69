import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFormats } from '../../src/cli/commands/doc.js';
import { manifestJson } from '../../src/write/write-generated.js';
import { makeProject, runBin, runMain } from '../helpers/project.js';
import { AGENCY_DOC, ENTITIES } from '../render/strategy/fixture.js';
import { makeTempDir } from '../helpers/tmp.js';

const PROJECT = { 'architecture/agency.yaml': AGENCY_DOC, 'architecture/entities.yaml': ENTITIES };

describe('kientruc doc', () => {
  it('writes the requested formats next to what generated/ already holds (kientruc\'s files and the user\'s)', async () => {
    const dir = makeProject({
      ...PROJECT,
      'generated/summary.md': '# tổng quan cũ\n',
      'generated/.kientruc-manifest.json': manifestJson('0.0.0', ['summary.md']),
      'generated/keep.txt': 'giữ nguyên\n',
    });
    // The built bin once, as users run it; the other cases go through main() in-process.
    const r = runBin(['doc', '--format', 'md,html', '--no-render', '--as-of', '2026-03-31'], dir);
    expect(r.stderr).toContain('generated/chien-luoc-du-lieu.md');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'generated')).sort()).toEqual(['.kientruc-manifest.json', 'chien-luoc-du-lieu.html', 'chien-luoc-du-lieu.md', 'keep.txt', 'summary.md']);
    expect(readFileSync(join(dir, 'generated', 'keep.txt'), 'utf8')).toBe('giữ nguyên\n');
    expect(JSON.parse(readFileSync(join(dir, 'generated', '.kientruc-manifest.json'), 'utf8')).files).toEqual(['chien-luoc-du-lieu.html', 'chien-luoc-du-lieu.md', 'summary.md']);
    expect(readFileSync(join(dir, 'generated', 'chien-luoc-du-lieu.md'), 'utf8')).toContain('# QUYẾT ĐỊNH');
    expect(r.stdout).toBe('');
  });

  it('--audience public writes the public edition', async () => {
    const dir = makeProject(PROJECT);
    const r = await runMain(['doc', '--format', 'md', '--audience', 'public', '--out', 'ra'], dir);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'ra', 'chien-luoc-du-lieu-cong-khai.md'), 'utf8');
    expect(md).toContain('BẢN CÔNG KHAI');
    expect(md).not.toContain('tuyệt mật');
  });

  it('an unknown format is a usage error (exit 2, one line)', async () => {
    const r = await runMain(['doc', '--format', 'md,odt'], makeProject(PROJECT));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--format "md,odt"');
    expect(() => parseFormats('docx, MD')).not.toThrow();
    expect(parseFormats('docx, MD')).toEqual(['md', 'docx']);
    const nr = await runMain(['doc', '--format', 'pdf', '--no-render'], makeProject(PROJECT));
    expect(nr.code).toBe(2);
    expect(nr.stderr).toContain('--no-render');
  });

  it('refuses to generate when a template override points outside the project', async () => {
    const outside = makeTempDir('outside-');
    writeFileSync(join(outside, 'x.hbs'), 'NGOÀI\n');
    const dir = makeProject(PROJECT);
    mkdirSync(join(dir, 'templates', 'strategy'), { recursive: true });
    symlinkSync(join(outside, 'x.hbs'), join(dir, 'templates', 'strategy', 'van-ban.md.hbs'));
    const r = await runMain(['doc', '--format', 'md'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/strategy/van-ban.md.hbs');
    expect(r.stderr).toContain('load.template-outside');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('--help shows examples', async () => {
    const r = await runMain(['doc', '--help'], makeProject(PROJECT));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--audience public --format pdf');
  });

  it('build --no-render writes Markdown and HTML of both editions, no PDF or DOCX', async () => {
    const dir = makeProject(PROJECT);
    const r = await runMain(['build', '--no-render'], dir);
    expect(r.code).toBe(0);
    const names = readdirSync(join(dir, 'generated')).filter((f) => f.startsWith('chien-luoc')).sort();
    expect(names).toEqual(['chien-luoc-du-lieu-cong-khai.html', 'chien-luoc-du-lieu-cong-khai.md', 'chien-luoc-du-lieu.html', 'chien-luoc-du-lieu.md']);
  });
});

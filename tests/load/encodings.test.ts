import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { AGENCY, makeProject } from '../helpers/project.js';

const at = (d: { file: string; range: { start: { line: number; col: number } } }) => `${d.file}:${d.range.start.line}:${d.range.start.col}`;

describe('loader: encodings and file-level problems', () => {
  it('accepts a BOM and CRLF line ends, with the same positions as LF', async () => {
    const crlf = `\ufeff${AGENCY}`.replace(/\n/g, '\r\n');
    const dir = makeProject({ 'architecture/agency.yaml': crlf });
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect(r.diagnostics).toEqual([]);
    expect((r.docs[0]?.value as Record<string, unknown>)['name']).toBe('Ủy ban nhân dân tỉnh Thử');
    expect(r.sources.locate('architecture/agency.yaml', 0, ['level'])).toEqual({ start: { line: 6, col: 8 }, end: { line: 6, col: 16 } });
  });

  it('normalises decomposed Vietnamese (NFD) to NFC', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY.normalize('NFD') });
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect((r.docs[0]?.value as Record<string, unknown>)['name']).toBe('Ủy ban nhân dân tỉnh Thử'.normalize('NFC'));
  });

  it('locates invalid UTF-8 (a file saved as Windows-1258) at its first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: kientruc/v1\nname: T'), Buffer.from([0xea, 0x6e]), Buffer.from('\n')]);
    const dir = makeProject({ 'architecture/bad.yaml': bytes });
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect(r.diagnostics.map((d) => `${at(d)} ${d.code}`)).toEqual(['architecture/bad.yaml:2:8 load.invalid-utf8']);
  });

  it('refuses binary files', async () => {
    const dir = makeProject({ 'architecture/x.yaml': Buffer.from([0x61, 0x3a, 0x00, 0x0a]) });
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['load.binary']);
  });

  it('refuses files above the size limit without reading them', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/big.yaml': `# ${'x'.repeat(2048)}\n` });
    const r = await loadArchitecture({ root: 'architecture', cwd: dir, maxFileBytes: 1024 });
    expect(r.diagnostics.map((d) => `${at(d)} ${d.code}`)).toEqual(['architecture/big.yaml:1:1 load.file-too-large']);
  });

  it('refuses a symlink that points outside the architecture folder', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'secret.yaml': 'password: x\n' });
    symlinkSync(join(dir, 'secret.yaml'), join(dir, 'architecture', 'leak.yaml'));
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect(r.diagnostics.map((d) => `${at(d)} ${d.code}`)).toEqual(['architecture/leak.yaml:1:1 load.symlink-outside']);
    expect(r.docs.some((d) => d.file.endsWith('leak.yaml'))).toBe(false);
  });

  it('follows a symlink that stays inside the folder', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY });
    symlinkSync(join(dir, 'architecture', 'agency.yaml'), join(dir, 'architecture', 'z-link.yaml'));
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect(r.diagnostics).toEqual([]);
    expect(r.docs).toHaveLength(2);
  });

  it('stops a "billion laughs" alias bomb with a located error', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const dir = makeProject({ 'architecture/bomb.yaml': `${bomb.join('\n')}\n` });
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect(r.diagnostics.map((d) => `${at(d)} ${d.code}`)).toEqual(['architecture/bomb.yaml:1:1 yaml.alias-limit']);
  });

  it('reports a folder without YAML', async () => {
    const dir = makeProject({ 'architecture/README.md': '# x\n' });
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['load.no-files']);
  });

  it('skips kientruc.config.yaml and hidden folders', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/kientruc.config.yaml': 'rules: {}\n', 'architecture/.cache/x.yaml': 'a: [' });
    writeFileSync(join(dir, 'architecture', 'notes.txt'), 'x');
    const r = await loadArchitecture({ root: 'architecture', cwd: dir });
    expect(r.diagnostics).toEqual([]);
    expect(r.files.map((f) => f.file)).toEqual(['architecture/agency.yaml']);
  });
});

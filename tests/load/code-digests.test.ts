/**
 * The code fingerprint that keys the caches (load/cache.ts `CodeTree`): the package build records each
 * code folder's digest so a start checks sizes and dates instead of hashing the code; a record that no
 * longer describes the files is never used.
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodeTree } from '../../src/load/cache.js';
import { makeTempDir } from '../helpers/tmp.js';

function tree(): { root: string; packs: string } {
  const top = makeTempDir('code-tree-');
  const root = join(top, 'dist');
  const packs = join(top, 'src', 'framework', 'packs');
  mkdirSync(join(root, 'load', 'sub'), { recursive: true });
  mkdirSync(join(root, 'framework'), { recursive: true });
  mkdirSync(join(packs, 'vn'), { recursive: true });
  writeFileSync(join(root, 'load', 'a.js'), 'export const a = 1;\n');
  writeFileSync(join(root, 'load', 'sub', 'b.js'), 'export const b = 2;\n');
  writeFileSync(join(root, 'load', 'a.d.ts'), 'export declare const a: number;\n');
  writeFileSync(join(root, 'framework', 'f.js'), 'export const f = 3;\n');
  writeFileSync(join(packs, 'vn', 'pack.yaml'), 'version: 1\n');
  return { root, packs };
}

/** Sets the record's date one minute after the files' (a build writes it after tsc). */
function recordAfterFiles(t: CodeTree): void {
  t.writeDigests();
  const later = new Date(Date.now() + 60_000);
  utimesSync(t.digestsFile, later, later);
}

describe('the code fingerprint', () => {
  it('is the same from the build’s record as from hashing the files, and the record is what is read', () => {
    const { root, packs } = tree();
    const hashed = new CodeTree(root, packs, join(root, 'none.json')).fingerprint(['load', 'framework']);
    const built = new CodeTree(root, packs);
    recordAfterFiles(built);
    expect(new CodeTree(root, packs).fingerprint(['load', 'framework'])).toBe(hashed);
    // A record that still describes the files is trusted as it is: a forged digest shows through.
    const record = JSON.parse(readFileSync(built.digestsFile, 'utf8')) as Record<string, { digest: string }>;
    (record['load'] as { digest: string }).digest = 'forged';
    writeFileSync(built.digestsFile, JSON.stringify(record));
    const later = new Date(Date.now() + 60_000);
    utimesSync(built.digestsFile, later, later);
    expect(new CodeTree(root, packs).fingerprint(['load', 'framework'])).not.toBe(hashed);
  });

  it('changes with the code, the packs included, even when the record was not rewritten', () => {
    const { root, packs } = tree();
    const before = new CodeTree(root, packs);
    recordAfterFiles(before);
    const original = before.fingerprint(['load', 'framework']);
    const edits: (() => void)[] = [
      // Same size, newer than the record.
      () => writeFileSync(join(root, 'load', 'a.js'), 'export const a = 9;\n'),
      () => writeFileSync(join(packs, 'vn', 'pack.yaml'), 'version: 2\n'),
      () => writeFileSync(join(root, 'load', 'sub', 'c.js'), 'export const c = 4;\n'),
    ];
    for (const edit of edits) {
      edit();
      const later = new Date(Date.now() + 120_000);
      // The files are newer than the record: re-hashed, whatever the record says.
      for (const p of [join(root, 'load', 'a.js'), join(packs, 'vn', 'pack.yaml'), join(root, 'load', 'sub')]) utimesSync(p, later, later);
      const after = new CodeTree(root, packs).fingerprint(['load', 'framework']);
      expect(after).not.toBe(original);
      expect(after).toBe(new CodeTree(root, packs, join(root, 'none.json')).fingerprint(['load', 'framework']));
    }
  });

  it('ignores declaration files, and an installed package whose files all carry one old date', () => {
    const { root, packs } = tree();
    const t = new CodeTree(root, packs);
    const hashed = t.hash('load').digest;
    writeFileSync(join(root, 'load', 'a.d.ts'), 'export declare const a: string;\n');
    expect(t.hash('load').digest).toBe(hashed);
    t.writeDigests();
    const old = new Date('1985-10-26T08:15:00Z');
    for (const p of [join(root, 'load', 'a.js'), join(root, 'load', 'sub', 'b.js'), join(root, 'load', 'sub'), join(root, 'load'), t.digestsFile]) utimesSync(p, old, old);
    const record = JSON.parse(readFileSync(t.digestsFile, 'utf8')) as Record<string, { digest: string }>;
    (record['load'] as { digest: string }).digest = 'from-the-record';
    writeFileSync(t.digestsFile, JSON.stringify(record));
    utimesSync(t.digestsFile, old, old);
    expect(new CodeTree(root, packs).digest('load')).toBe('from-the-record');
  });
});

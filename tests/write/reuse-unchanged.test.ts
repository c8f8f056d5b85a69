import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/render/types.js';
import { claimOutput, writeGenerated } from '../../src/write/write-generated.js';
import { makeTempDir } from '../helpers/tmp.js';

/**
 * A rewrite carries over (hard-links) a kientruc file that already holds exactly the bytes it would
 * write, and writes every other file: one the user changed, one with another mode, one that changes.
 */

async function write(out: string, files: readonly GeneratedFile[]): Promise<void> {
  const dir = await claimOutput({ out, cwd: '/', sources: [], version: '0.0.0-test' });
  await writeGenerated(dir, files, 'replace');
}

const ino = (p: string): number => statSync(p).ino;

describe('rewriting an output folder', () => {
  it('reuses unchanged files, rewrites changed, user-edited and re-moded ones, and always ends with the new bytes', async () => {
    const out = join(makeTempDir('reuse-'), 'generated');
    const big = 'x'.repeat(3 << 20); // larger than one comparison piece
    const first: GeneratedFile[] = [
      { path: 'same.md', contents: 'unchanged\n' },
      { path: 'bin/same.pdf', contents: new Uint8Array([1, 2, 3]) },
      { path: 'big.json', contents: big },
      { path: 'streamed.json', contents: '', chunks: () => ['a', 'b', 'c'] },
      { path: 'changes.md', contents: 'before\n' },
      { path: 'edited.md', contents: 'ours\n' },
      { path: 'moded.md', contents: 'mode\n' },
    ];
    await write(out, first);
    const before = new Map(first.map((f) => [f.path, ino(join(out, f.path))]));
    writeFileSync(join(out, 'edited.md'), 'OURS\n');
    const editedIno = ino(join(out, 'edited.md'));
    chmodSync(join(out, 'moded.md'), 0o600);
    const second: GeneratedFile[] = [...first.filter((f) => f.path !== 'changes.md'), { path: 'changes.md', contents: 'after\n' }];
    await write(out, second);

    for (const p of ['same.md', 'bin/same.pdf', 'big.json', 'streamed.json']) expect(ino(join(out, p)), p).toBe(before.get(p));
    expect(ino(join(out, 'changes.md'))).not.toBe(before.get('changes.md'));
    expect(ino(join(out, 'edited.md'))).not.toBe(editedIno);
    expect(readFileSync(join(out, 'edited.md'), 'utf8')).toBe('ours\n');
    expect(readFileSync(join(out, 'changes.md'), 'utf8')).toBe('after\n');
    expect(statSync(join(out, 'moded.md')).mode & 0o777).toBe(statSync(join(out, 'same.md')).mode & 0o777);
    expect(readFileSync(join(out, 'streamed.json'), 'utf8')).toBe('abc');
    expect(readFileSync(join(out, 'big.json'), 'utf8')).toBe(big);

    // A streamed output that grows, or shrinks, by a piece is written again.
    await write(out, [...second.filter((f) => f.path !== 'streamed.json'), { path: 'streamed.json', contents: '', chunks: () => ['a', 'b'] }]);
    expect(readFileSync(join(out, 'streamed.json'), 'utf8')).toBe('ab');
    await write(out, [...second.filter((f) => f.path !== 'streamed.json'), { path: 'streamed.json', contents: '', chunks: () => ['a', 'b', 'c', 'd'] }]);
    expect(readFileSync(join(out, 'streamed.json'), 'utf8')).toBe('abcd');
  });
});

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileRenderCache } from '../../src/write/render-cache.js';
import { makeTempDir } from '../helpers/tmp.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = makeTempDir('cache-unit-');
  dirs.push(d);
  return d;
}
const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('FileRenderCache', () => {
  it('gives back what was stored; a miss is undefined', async () => {
    const cache = new FileRenderCache(join(tempDir(), '.kientruc-cache'));
    expect(await cache.get(KEY_A)).toBeUndefined();
    await cache.set(KEY_A, bytes('<svg>Sơ đồ</svg>'));
    expect(new TextDecoder().decode(await cache.get(KEY_A))).toBe('<svg>Sơ đồ</svg>');
    expect(cache.stats).toEqual({ hits: 1, misses: 1, writes: 1, errors: 0 });
  });

  it('a truncated or altered entry is a miss, never an error', async () => {
    const dir = tempDir();
    const cache = new FileRenderCache(dir);
    await cache.set(KEY_A, bytes('nội dung đầy đủ'));
    writeFileSync(join(dir, 'aa', KEY_A), Buffer.from('ngắn'));
    expect(await cache.get(KEY_A)).toBeUndefined();
    await cache.set(KEY_B, bytes('x'));
    const path = join(dir, 'bb', KEY_B);
    const raw = readFileSync(path);
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 0xff;
    writeFileSync(path, raw);
    expect(await cache.get(KEY_B)).toBeUndefined();
    expect(cache.stats.errors).toBe(2);
  });

  it('an unwritable cache folder only costs speed', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the cache folder should be');
    const cache = new FileRenderCache(blocker);
    await expect(cache.set(KEY_A, bytes('x'))).resolves.toBeUndefined();
    expect(await cache.get(KEY_A)).toBeUndefined();
    expect(cache.stats.errors).toBe(1);
  });

  it('keys that are not content hashes are ignored (no path tricks)', async () => {
    const dir = tempDir();
    const cache = new FileRenderCache(dir);
    await cache.set('../../evil', bytes('x'));
    expect(await cache.get('../../evil')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('prune removes entries this run did not use, only when over the limit', async () => {
    const dir = tempDir();
    const old = new FileRenderCache(dir);
    for (const k of ['c', 'd', 'e']) await old.set(k.repeat(64), bytes(k));
    const run = new FileRenderCache(dir);
    await run.get('c'.repeat(64));
    expect(await run.prune(10)).toBe(0);
    expect(await run.prune(2)).toBe(2);
    expect(await run.get('c'.repeat(64))).toBeDefined();
    expect(await run.get('d'.repeat(64))).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableJsonChunks, stableStringify } from '../../src/core/stable-json.js';
import { coalesce, streamedFile } from '../../src/render/streamed.js';

const join = (it: Iterable<string>): string => [...it].join('');

describe('stableJsonChunks', () => {
  it('gives the bytes of stableStringify, piece by piece, for any JSON-like value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 40 }), (v, longArray) => {
        expect(join(stableJsonChunks(v, longArray))).toBe(stableStringify(v));
      }),
    );
  });

  it('drops undefined and function members and writes null for them in arrays, as JSON.stringify does', () => {
    const v = { b: [1, undefined, () => 1], a: undefined, c: { f: () => 2, d: 'đ' }, e: [], g: {} };
    expect(join(stableJsonChunks(v))).toBe(stableStringify(v));
  });

  it('never holds a whole large array in one piece', () => {
    const v = { items: Array.from({ length: 1000 }, (_, i) => ({ i, name: `mục ${i}` })) };
    const pieces = [...stableJsonChunks(v)];
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100);
    expect(pieces.join('')).toBe(stableStringify(v));
  });
});

describe('streamedFile', () => {
  it('joins its pieces for readers of contents, and coalesce keeps the text', () => {
    const f = streamedFile('a.json', () => coalesce(['a', 'b', 'c'], 2));
    expect([...(f.chunks?.() ?? [])]).toEqual(['ab', 'c']);
    expect(f.contents).toBe('abc');
  });
});

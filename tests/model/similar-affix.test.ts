import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affixMatch, closest, closestId, MIN_SHARED_PART } from '../../src/core/similar.js';

const IDS = ['he-thong-tthc', 'lgsp-tinh', 'cong-dvc', 'ho-tich', 'quan-ly-van-ban', 'csdl-dat-dai', 'csdl-dan-cu'];

describe('closestId: a typo, else the one id sharing whole words', () => {
  const table: [string, readonly string[], string | undefined][] = [
    // Contains / is contained in one declared id, on "-" word boundaries.
    ['he-thong-tthc-tinh', IDS, 'he-thong-tthc'],
    ['lgsp', IDS, 'lgsp-tinh'],
    ['tinh-lgsp-tinh', IDS, 'lgsp-tinh'],
    ['quan-ly-van-ban-dieu-hanh', IDS, 'quan-ly-van-ban'],
    // The typos `closest` found before are still found, and first.
    ['ho-tihc', IDS, 'ho-tich'],
    ['cong-dvd', IDS, 'cong-dvc'],
    // A shared part shorter than 4 characters names nothing.
    ['dvc', ['cong-dvc'], undefined],
    ['cong', ['cong-dvc'], 'cong-dvc'],
    ['csdl', IDS, undefined], // two ids hold it
    ['dat', ['csdl-dat-dai'], undefined],
    // Not on a word boundary: "lgs" is not a word of "lgsp-tinh", "he-thong-tthc" is not a word run of "he-thong-tthcxyz12".
    ['lgs', IDS, undefined],
    ['he-thong-tthcxyz12', IDS, undefined],
    ['thong-tthc-x', IDS, undefined],
    // An ambiguous typo stays unanswered, whatever the words say.
    ['ab-cd', ['ab-ce', 'ab-cf', 'ab-cd-ef'], undefined],
    ['lgsp', [], undefined],
  ];
  it.each(table)('%s among %j → %s', (value, ids, expected) => {
    expect(closestId(value, ids)).toBe(expected);
  });
});

const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
const id = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('-'));
const ids = fc.uniqueArray(id, { maxLength: 8 });
const PARAMS = { numRuns: 400, seed: 20261204, endOnFailure: true };

describe('closestId properties (seed 20261204)', () => {
  it('suggests what closest suggests whenever closest suggests something', () => {
    fc.assert(
      fc.property(id, ids, (value, candidates) => {
        const before = closest(value, candidates);
        if (before !== undefined) expect(closestId(value, candidates)).toBe(before);
      }),
      PARAMS,
    );
  });
  it('an affix suggestion is a declared id, other than the value, sharing ≥ 4 characters of whole words, and the only one', () => {
    fc.assert(
      fc.property(id, ids, (value, candidates) => {
        const got = affixMatch(value, candidates);
        const sharing = candidates.filter((c) => {
          if (c === value) return false;
          const [short, long] = c.length < value.length ? [c, value] : [value, c];
          return short.length >= MIN_SHARED_PART && `-${long}-`.includes(`-${short}-`);
        });
        expect(got).toBe(sharing.length === 1 ? sharing[0] : undefined);
      }),
      PARAMS,
    );
  });
  it('a suggestion made from a candidate list is one of its ids', () => {
    fc.assert(
      fc.property(id, ids, (value, candidates) => {
        const got = closestId(value, candidates);
        if (got !== undefined) expect(candidates).toContain(got);
      }),
      PARAMS,
    );
  });
});

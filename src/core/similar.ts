/** Levenshtein distance with an early exit once `limit` is exceeded. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The nearest candidates within the typo limit of `value`: the best one, or `tied` when two are as near. */
function nearest(value: string, candidates: Iterable<string>): { readonly best: string | undefined; readonly tied: boolean } {
  const limit = Math.min(4, Math.max(1, Math.floor(value.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tied = false;
  const lower = value.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d > limit) continue;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && candidate !== best) {
      tied = true;
    }
  }
  return { best, tied };
}

/**
 * The candidate closest to `value`, if it is close enough to be a plausible typo (at most a third of
 * the word's length, at most 4 edits) and not tied with another candidate: an ambiguous guess
 * ("L5" is as close to L1 as to L4) helps nobody.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const { best, tied } = nearest(value, candidates);
  return tied ? undefined : best;
}

/** Shortest part two ids must share, whole words, for one to be taken for the other ("lgsp", not "cdc"). */
export const MIN_SHARED_PART = 4;

/**
 * The one candidate that contains `value`, or that `value` contains, as whole `-`-separated words
 * (`lgsp` → `lgsp-tinh`, `he-thong-tthc-tinh` → `he-thong-tthc`), when the shared part has at least
 * MIN_SHARED_PART characters. Undefined when none or several do: a word many ids share names none of them.
 */
export function affixMatch(value: string, candidates: Iterable<string>): string | undefined {
  const v = value.toLowerCase();
  let found: string | undefined;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    if (c === v) continue;
    const shorter = c.length < v.length ? c : v;
    const longer = shorter === c ? v : c;
    if (shorter.length < MIN_SHARED_PART || !`-${longer}-`.includes(`-${shorter}-`)) continue;
    if (found !== undefined && found !== candidate) return undefined;
    found = candidate;
  }
  return found;
}

/**
 * The id `value` most likely means among `candidates` (ids of one kind): a typo's nearest id as
 * `closest` finds it, else, when no id is even near, the one id sharing whole words with it
 * (`affixMatch`). An ambiguous typo stays unanswered: the words would only pick one of the tied.
 */
export function closestId(value: string, candidates: Iterable<string>): string | undefined {
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  const { best, tied } = nearest(value, list);
  if (best !== undefined) return tied ? undefined : best;
  return affixMatch(value, list);
}

/**
 * "Not yet known" as a value. A first inventory rarely knows every owner, security level or
 * classification; writing `chưa xác định` (or its ASCII spelling `unknown`) states the gap instead of
 * inventing a value. The schema accepts the sentinel in the fields listed in docs/model.md; the
 * `*.unknown-fact` rules report each one (warning), so the gap report counts it and a task can
 * address it.
 */

/** The sentinel as users write it: Vietnamese first (what officials type), then the ASCII spelling. */
export const UNKNOWN_VALUES = ['chưa xác định', 'unknown'] as const;
export type UnknownValue = (typeof UNKNOWN_VALUES)[number];

/** Longer than any spelling of the sentinel, even decomposed (NFD) and in capitals: prose, not a gap. */
const LONGEST = 64;

/** True when a YAML value is the "not yet known" sentinel. */
export function isUnknown(value: unknown): value is UnknownValue {
  if (typeof value !== 'string') return false;
  // Asked of every string of every entity: answer most without making three new strings. A value that
  // starts with a printable ASCII character other than c/u (in either case) cannot become a sentinel.
  const first = value.charCodeAt(0);
  if (first > 0x20 && first < 0x7f && first !== 0x63 && first !== 0x75 && first !== 0x43 && first !== 0x55) return false;
  if (value.length > LONGEST && value.trim().length > LONGEST) return false;
  return (UNKNOWN_VALUES as readonly string[]).includes(value.normalize('NFC').trim().toLowerCase());
}

/** A declared value: neither absent nor the sentinel. */
export function isKnown<T>(value: T | undefined): value is Exclude<T, UnknownValue> {
  return value !== undefined && !isUnknown(value);
}

/** The value when it is known, undefined when absent or declared unknown. */
export function known<T>(value: T | undefined): Exclude<T, UnknownValue> | undefined {
  return isKnown(value) ? value : undefined;
}

/** Regex alternation matching the sentinel exactly (for JSON Schema patterns). */
export const UNKNOWN_PATTERN_ALT = UNKNOWN_VALUES.join('|');

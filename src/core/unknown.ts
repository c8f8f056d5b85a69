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

/** True when a YAML value is the "not yet known" sentinel. */
export function isUnknown(value: unknown): value is UnknownValue {
  return typeof value === 'string' && (UNKNOWN_VALUES as readonly string[]).includes(value.normalize('NFC').trim().toLowerCase());
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

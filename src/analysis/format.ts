/** Number in Vietnamese style (`1.234.567,5`), at most `fractionDigits` decimals. */
export function viNum(value: number, fractionDigits = 1): string {
  // Formatting is ~1 µs a number, and findings print the same few hundred figures (percentages) again
  // and again: each is formatted once per precision. -0 prints "-0" but is the same key as 0: not kept.
  if (typeof value !== 'number' || Object.is(value, -0)) return viFormatter(fractionDigits).format(value);
  let known = PRINTED.get(fractionDigits);
  if (known === undefined) PRINTED.set(fractionDigits, (known = new Map()));
  let out = known.get(value);
  if (out === undefined) {
    out = viFormatter(fractionDigits).format(value);
    // Bounded: a long report of distinct figures keeps at most this many per precision.
    if (known.size >= PRINTED_MAX) known.clear();
    known.set(value, out);
  }
  return out;
}

const PRINTED = new Map<number, Map<number, string>>();
const PRINTED_MAX = 20_000;

/** Building an Intl.NumberFormat costs ~30 µs: one per precision, reused (national-scale reports format millions of numbers). */
const FORMATTERS = new Map<number, Intl.NumberFormat>();
export function viFormatter(fractionDigits: number): Intl.NumberFormat {
  let f = FORMATTERS.get(fractionDigits);
  if (f === undefined) {
    f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 });
    FORMATTERS.set(fractionDigits, f);
  }
  return f;
}

/** `89,6%`. */
export function viPercent(value: number, fractionDigits = 1): string {
  return `${viNum(value, fractionDigits)}%`;
}

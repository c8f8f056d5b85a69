/** Number in Vietnamese style (`1.234.567,5`), at most `fractionDigits` decimals. */
export function viNum(value: number, fractionDigits = 1): string {
  return viFormatter(fractionDigits).format(value);
}

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

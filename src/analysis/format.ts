/** Number in Vietnamese style (`1.234.567,5`), at most `fractionDigits` decimals. */
export function viNum(value: number, fractionDigits = 1): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value);
}

/** `89,6%`. */
export function viPercent(value: number, fractionDigits = 1): string {
  return `${viNum(value, fractionDigits)}%`;
}

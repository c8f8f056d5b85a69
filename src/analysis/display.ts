import { viShortDate, type IsoDate } from '../core/dates.js';
import { viNum } from './format.js';

/** A value as a report shows it, by unit: `80%`, `Cấp độ 4`, `650 điểm`, `Hạng 12`, `1.234`. */
export function displayValue(value: number | null | undefined, unit: string): string | null {
  if (value === null || value === undefined) return null;
  switch (unit) {
    case 'percent':
    case 'milestone':
      return `${viNum(value, 1)}%`;
    case 'level':
      return `Cấp độ ${viNum(value, 1)}`;
    case 'points':
      return `${viNum(value, 1)} điểm`;
    case 'rank':
      return `Hạng ${viNum(value, 0)}`;
    default:
      return viNum(value, 1);
  }
}

/** `30/9/2026`, or null. */
export function displayDate(date: IsoDate | null | undefined): string | null {
  return date ? viShortDate(date) : null;
}

/** Share of `part` in `whole` as a percentage with one decimal (null when `whole` is 0). */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

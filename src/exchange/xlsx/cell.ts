/** One spreadsheet cell as plain data, and the result of reading it as a column type. */
import type { Text } from '../../core/text.js';

export const pad = (n: number): string => String(n).padStart(2, '0');

/** A raw cell value as exceljs gives it, reduced to plain data. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed =
  | { readonly ok: true; readonly value: unknown; readonly note?: Text }
  | { readonly ok: false; readonly reason: Text; readonly fix: Text; readonly ambiguous?: true };

export const ok = (value: unknown, note?: Text): Parsed => (note ? { ok: true, value, note } : { ok: true, value });
export const bad = (reason: Text, fix: Text): Parsed => ({ ok: false, reason, fix });
/** A spelling that names more than one value ("Có" personal data: basic or sensitive?): never picked, only reported. */
export const ambiguous = (reason: Text, fix: Text): Parsed => ({ ok: false, reason, fix, ambiguous: true });

/** Cells that mean "nothing here". */
const EMPTY_MARKS = new Set(['', '-', '–', '—', '…', '...', 'n/a', 'na', '#n/a']);

export function isEmptyCell(value: CellValue): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return EMPTY_MARKS.has(value.trim().toLowerCase());
  return false;
}

/** Text of a cell, NFC, trimmed; numbers in their shortest form; dates as dd/mm/yyyy. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  return String(value).normalize('NFC').trim();
}


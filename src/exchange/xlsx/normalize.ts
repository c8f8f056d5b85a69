import { asciiFold } from '../../core/labels.js';

/**
 * The form headers, sheet names and enum spellings are compared in: no diacritics, lower case,
 * punctuation and runs of spaces as one space ("Đơn vị  chủ quản (*)" → "don vi chu quan").
 */
export function normalizeLabel(value: string): string {
  return asciiFold(value.normalize('NFC'))
    .replace(/\(\s*\*\s*\)|\*/g, ' ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** The label without a trailing parenthesis ("Năm đưa vào sử dụng (năm)" → "nam dua vao su dung"). */
export function normalizeLabelLoose(value: string): string {
  return normalizeLabel(value.replace(/\([^()]*\)\s*$/, ''));
}

/** Leading numbering of a group row: "I.", "II -", "A.", "1.", "1)". */
const NUMBERING = /^\s*(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)\s*[.)\-–:]\s*/;

/** A group or heading text without its numbering ("II. LỚP DỮ LIỆU" → "LỚP DỮ LIỆU"). */
export function stripNumbering(value: string): string {
  return value.replace(NUMBERING, '');
}

/**
 * A spreadsheet as plain cells, read by exceljs (XLSX, and CSV through its fast-csv reader). Merged
 * ranges are kept: every cell of a range reads the value of its top-left cell, and knows that cell.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from '../values.js';

export interface GridCell {
  readonly value: CellValue;
  /** A1 address of the cell. */
  readonly address: string;
  /** Top-left cell of the merged range holding this cell (itself when not merged). */
  readonly master: { readonly row: number; readonly col: number };
}

export interface Grid {
  /** Sheet name (the file name for CSV). */
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  cell(row: number, col: number): GridCell;
  /** For a CSV file, how its bytes were read (see decodeCsv). */
  readonly encoding?: CsvEncoding;
  /** Set for a sheet Excel does not show: `hidden` (Unhide lists it) or `veryHidden` (only VBA shows it). */
  readonly hidden?: 'hidden' | 'veryHidden';
}

/** `3` → `C`, `28` → `AB`. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const addressOf = (row: number, col: number): string => `${columnLetter(col)}${row}`;

/** A cell's value as plain data: rich text joined, formulas by their cached result, hyperlinks by their text. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return plain(value.text as ExcelJS.CellValue) ?? value.hyperlink;
    if ('formula' in value || 'sharedFormula' in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return value.error;
  }
  return null;
}

function gridOf(ws: ExcelJS.Worksheet, name: string): Grid {
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const colCount = ws.columnCount;
  return {
    name,
    rowCount,
    colCount,
    cell(row, col) {
      const c = ws.getCell(row, col);
      const m = c.isMerged ? c.master : c;
      return { value: plain(m.value), address: addressOf(row, col), master: { row: Number(m.row), col: Number(m.col) } };
    },
  };
}

/** Every worksheet of an XLSX file, in workbook order. */
export async function readXlsx(bytes: Uint8Array): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => (ws.state === 'hidden' || ws.state === 'veryHidden' ? { ...gridOf(ws, ws.name), hidden: ws.state } : gridOf(ws, ws.name)));
}

/** How the bytes of a CSV file were read as text. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/**
 * A CSV file's text: UTF-16 by its byte-order mark (Excel's "Unicode text"), UTF-8 (with or without a
 * mark) when the bytes are valid UTF-8, and otherwise Windows-1258, the code page Excel's plain "CSV"
 * is saved in on a Vietnamese Windows (its tone marks are combining characters). NFC, so a letter is
 * one code point however it was typed or saved, as in the YAML kientruc writes.
 */
export function decodeCsv(bytes: Uint8Array): { readonly text: string; readonly encoding: CsvEncoding } {
  const read = (encoding: CsvEncoding, fatal = false): string => new TextDecoder(encoding, { fatal }).decode(bytes).normalize('NFC');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: read('utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: read('utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: read('utf-8', true), encoding: 'utf-8' };
  } catch {
    return { text: read('windows-1258'), encoding: 'windows-1258' };
  }
}

/**
 * A CSV file as one sheet named `sheetName`. Values stay text (numbers and dates stored as text are
 * read by the column type, not guessed here); the delimiter is the one of `,`, `;` (Excel's export in a
 * Vietnamese locale) and tab the header line has most of, `,` on a tie.
 */
export async function readCsv(bytes: Uint8Array, sheetName: string): Promise<Grid[]> {
  // The byte-order mark is dropped by the decoder.
  const { text: content, encoding } = decodeCsv(bytes);
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  const count = (d: string): number => firstLine.split(d).length - 1;
  const delimiter = [';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
  const wb = new ExcelJS.Workbook();
  const ws = await wb.csv.read(Readable.from([content]), {
    sheetName: 'csv',
    parserOptions: { delimiter },
    map: (v: unknown) => (v === '' ? null : v),
  } as unknown as Parameters<typeof wb.csv.read>[1]);
  return [{ ...gridOf(ws, sheetName), encoding }];
}

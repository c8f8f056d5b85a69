/**
 * `kientruc import` without the command: a spreadsheet's bytes and the target architecture in,
 * the YAML files to write and the findings per cell out. Pure apart from parsing the workbook.
 */
import type { FrameworkPack } from '../../../framework/types.js';
import type { Mapping, SheetKind } from '../mapping.js';
import { importInventory, type ExistingEntity } from './convert.js';
import { readCsv, readXlsx, type Grid } from './grid.js';
import { text } from '../../../core/text.js';
import { compareIssues, type CellIssue } from './issues.js';
import { planFiles, type PlannedFile } from './plan.js';

export interface SpreadsheetImport {
  readonly files: readonly PlannedFile[];
  readonly issues: readonly CellIssue[];
  /** Entities written, by kind. */
  readonly counts: Readonly<Record<string, number>>;
  /** Rows naming entities the architecture already declares. */
  readonly existing: number;
}

function encodingGuessed(sheet: string): CellIssue {
  return {
    code: 'import.encoding',
    severity: 'warning',
    sheet,
    address: 'A1',
    message: text(
      'Tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258 (tệp "CSV" của Excel trên Windows tiếng Việt).',
      'The file is not UTF-8: it was read as Windows-1258 (what Excel saves as "CSV" on a Vietnamese Windows).',
    ),
    fix: text(
      'Xem lại chữ có dấu trong các tệp YAML được tạo; nếu sai, mở bảng tính bằng Excel và lưu lại dạng "CSV UTF-8", hoặc nhập tệp .xlsx.',
      'Check the Vietnamese letters in the YAML written; if they are wrong, open the spreadsheet in Excel and save it as "CSV UTF-8", or import the .xlsx file.',
    ),
  };
}

/** Reads XLSX, or CSV when the name ends in .csv (one sheet, named after the file). */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<Grid[]> {
  if (/\.csv$/i.test(fileName)) return readCsv(bytes, fileName.replace(/^.*[\\/]/, '').replace(/\.csv$/i, ''));
  return readXlsx(bytes);
}

export async function importSpreadsheet(input: {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mapping: Mapping;
  readonly sheetKinds: Readonly<Record<string, SheetKind>>;
  readonly pack: FrameworkPack;
  readonly existing: readonly ExistingEntity[];
  readonly place?: string;
}): Promise<SpreadsheetImport> {
  const sheets = await readSpreadsheet(input.bytes, input.fileName);
  const result = importInventory({ sheets, mapping: input.mapping, sheetKinds: input.sheetKinds, pack: input.pack, existing: input.existing, ...(input.place !== undefined ? { place: input.place } : {}) });
  // Reading a file that is not UTF-8 as Windows-1258 is a guess: say so where the user will look.
  const guessed = sheets.filter((g) => g.encoding === 'windows-1258').map((g) => encodingGuessed(g.name));
  const counts: Record<string, number> = {};
  for (const d of result.docs) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  return {
    files: planFiles(result.docs, input.fileName, input.mapping),
    issues: [...guessed, ...result.issues].sort(compareIssues(sheets.map((s) => s.name))),
    counts,
    existing: result.existing,
  };
}

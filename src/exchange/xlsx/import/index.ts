/**
 * `kientruc import` without the command: a spreadsheet's bytes and the target architecture in,
 * the documents to write (merge.ts makes the files) and the findings per cell out. Pure apart from
 * parsing the workbook.
 */
import { text } from '../../../core/text.js';
import type { FrameworkPack } from '../../../framework/types.js';
import type { Mapping, SheetKind } from '../mapping.js';
import { importInventory, type ExistingEntity, type ImportedDoc, type PreviousEntity, type RecordedRow, type RowCounts } from './convert.js';
import { readCsv, readXlsx, type Grid } from './grid.js';
import { compareIssues, type CellIssue } from './issues.js';

export interface SpreadsheetImport {
  /** The documents, with the row and cells each came from: what merge.ts writes (a new file, or merged into the last import's). */
  readonly docs: readonly ImportedDoc[];
  readonly issues: readonly CellIssue[];
  /** Entities written, by kind. */
  readonly counts: Readonly<Record<string, number>>;
  /** Rows naming entities the architecture already declares. */
  readonly existing: number;
  /** Rows read and written, by kind. */
  readonly rows: Readonly<Partial<Record<SheetKind, RowCounts>>>;
  /** Organisations created from names in cells. */
  readonly namedOrgs: number;
  /** Previous entities whose row could not be written this time (kept as they are by a re-import). */
  readonly unwritable: readonly string[];
  /** Columns holding data no field takes. */
  readonly droppedColumns: readonly string[];
  /** Hidden sheets left out. */
  readonly hiddenSheets: readonly string[];
  /** Sheet names in workbook order (findings are sorted by it). */
  readonly sheetOrder: readonly string[];
}

/** A sheet Excel does not show, left out unless asked for: an old edition kept in the workbook is not this quarter's inventory. */
function hiddenSheet(grid: Grid): CellIssue {
  const very = grid.hidden === 'veryHidden';
  return {
    code: 'import.hidden-sheet',
    severity: 'warning',
    sheet: grid.name,
    address: 'A1',
    message: text(
      `Sheet "${grid.name}" bị ẩn${very ? ' (ẩn sâu, chỉ hiện qua VBA)' : ''} nên không được nhập.`,
      `Sheet "${grid.name}" is hidden${very ? ' (very hidden, shown only through VBA)' : ''}, so it was not imported.`,
    ),
    fix: text('Nếu sheet này cần nhập, chạy lại với --include-hidden, hoặc bỏ ẩn sheet trong Excel.', 'If this sheet is to be imported, run again with --include-hidden, or unhide it in Excel.'),
  };
}

/** A CSV file that was not UTF-8, read as Windows-1258: a guess, so the user is told to check the letters. */
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

/**
 * Letters of the TCVN3 (ABC) code page that Vietnamese written in Unicode never uses: text typed with a
 * .VnTime font shows them where its accented letters should be ("HÖ thèng" for "Hệ thống", "B¶o
 * Th¾ng" for "Bảo Thắng"). Symbols that also occur in ordinary text (·, ×, ©, «, », §) are left out.
 */
const TCVN3_ONLY = /[µ¸¶¹¨¾¼½ÆÇËÐÎÏÑªÖØÜÞßäåæçëîïñøöûüþ¬]/;
/** Letters only Unicode Vietnamese has: a cell with one of them is not TCVN3. */
const UNICODE_VIETNAMESE = /[ăđơưĂĐƠƯ\u1EA0-\u1EF9]/;

/**
 * The first cell of a sheet whose text looks typed in a TCVN3 font. Converting it is left to the user's
 * own converter (Unikey's), which knows the font the text was typed in: a wrong guess here would write
 * wrong names into the YAML, while a warning costs a look.
 */
function legacyFontText(grid: Grid): CellIssue[] {
  for (let row = 1; row <= grid.rowCount; row++) {
    for (let col = 1; col <= grid.colCount; col++) {
      const { value, address } = grid.cell(row, col);
      if (typeof value !== 'string' || !TCVN3_ONLY.test(value) || UNICODE_VIETNAMESE.test(value)) continue;
      return [
        {
          code: 'import.legacy-encoding',
          severity: 'warning',
          sheet: grid.name,
          address,
          message: text(
            `Ô có chữ như gõ bằng bảng mã TCVN3 (phông .VnTime), không phải Unicode: "${value.slice(0, 40)}". Tên và giá trị được nhập sẽ sai, tiêu đề cột có thể không khớp.`,
            `The cell reads as if typed in the TCVN3 code page (a .VnTime font), not Unicode: "${value.slice(0, 40)}". Names and values imported will be wrong, and column headers may not match.`,
          ),
          fix: text(
            'Chuyển bảng tính sang Unicode (Unikey: Công cụ chuyển mã, nguồn TCVN3 (ABC), đích Unicode) rồi nhập lại.',
            'Convert the spreadsheet to Unicode (Unikey: Toolkit, source TCVN3 (ABC), destination Unicode), then import it again.',
          ),
        },
      ];
    }
  }
  return [];
}

/**
 * Delimited text: `.csv`, and what Excel's "Unicode Text" (`.txt`, UTF-16, tab-separated) and other
 * tools (`.tsv`) save. decodeCsv reads the encoding and readCsv the delimiter, whatever the extension.
 */
export const TEXT_TABLE = /\.(csv|tsv|txt)$/i;

/** Names the command accepts: a workbook or a delimited text file. */
export const SPREADSHEET_NAME = /\.(xlsx|csv|tsv|txt)$/i;

/** Reads XLSX, or delimited text (one sheet, named after the file without its extension). */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<Grid[]> {
  if (TEXT_TABLE.test(fileName)) return readCsv(bytes, fileName.replace(/^.*[\\/]/, '').replace(TEXT_TABLE, ''));
  return readXlsx(bytes);
}

export async function importSpreadsheet(input: {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mapping: Mapping;
  readonly sheetKinds: Readonly<Record<string, SheetKind>>;
  readonly pack: FrameworkPack;
  readonly existing: readonly ExistingEntity[];
  readonly previous?: readonly PreviousEntity[];
  readonly recorded?: readonly RecordedRow[];
  readonly place?: string;
  /** Read hidden sheets too (skipped by default, with a warning). */
  readonly includeHidden?: boolean;
}): Promise<SpreadsheetImport> {
  const all = await readSpreadsheet(input.bytes, input.fileName);
  const hidden = input.includeHidden ? [] : all.filter((g) => g.hidden !== undefined);
  const sheets = all.filter((g) => !hidden.includes(g));
  const result = importInventory({
    sheets,
    mapping: input.mapping,
    sheetKinds: input.sheetKinds,
    pack: input.pack,
    existing: input.existing,
    ...(input.previous ? { previous: input.previous } : {}),
    ...(input.recorded ? { recorded: input.recorded } : {}),
    ...(input.place !== undefined ? { place: input.place } : {}),
  });
  // How the text was encoded is about the file, not a row: said once per sheet.
  const encoding = [...sheets.filter((g) => g.encoding === 'windows-1258').map((g) => encodingGuessed(g.name)), ...sheets.flatMap(legacyFontText)];
  const counts: Record<string, number> = {};
  for (const d of result.docs) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  return {
    docs: result.docs,
    issues: [...hidden.map(hiddenSheet), ...encoding, ...result.issues].sort(compareIssues(all.map((s) => s.name))),
    counts,
    existing: result.existing,
    rows: result.rows,
    namedOrgs: result.namedOrgs,
    unwritable: result.unwritable,
    droppedColumns: result.droppedColumns,
    hiddenSheets: hidden.map((g) => g.name),
    sheetOrder: all.map((g) => g.name),
  };
}

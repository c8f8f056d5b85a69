/**
 * `kientruc import` without the command: a spreadsheet's bytes and the target architecture in,
 * the YAML files to write and the findings per cell out. Pure apart from parsing the workbook.
 */
import { text } from '../../../core/text.js';
import type { FrameworkPack } from '../../../framework/types.js';
import type { Mapping, SheetKind } from '../mapping.js';
import { importInventory, type ExistingEntity } from './convert.js';
import { readCsv, readXlsx, type Grid } from './grid.js';
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
  // How the text was encoded is about the file, not a row: said once per sheet.
  const encoding = [...sheets.filter((g) => g.encoding === 'windows-1258').map((g) => encodingGuessed(g.name)), ...sheets.flatMap(legacyFontText)];
  const counts: Record<string, number> = {};
  for (const d of result.docs) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  return {
    files: planFiles(result.docs, input.fileName, input.mapping),
    issues: [...encoding, ...result.issues].sort(compareIssues(sheets.map((s) => s.name))),
    counts,
    existing: result.existing,
  };
}

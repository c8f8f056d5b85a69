/**
 * Finding the table in a sheet: which kind it holds, which rows are the (possibly merged, several
 * rows deep) header, which column is which field; then the data rows, without blank, numbering,
 * subtotal and group rows (a group row sets its group field for the rows under it).
 */
import { text } from '../../../core/text.js';
import type { ColumnDef, KindMapping, Mapping, SheetKind } from '../mapping.js';
import { normalizeLabel, normalizeLabelLoose } from '../normalize.js';
import { cellText, isEmptyCell, type CellValue } from '../values.js';
import type { Grid } from './grid.js';
import type { CellIssue } from './issues.js';

export interface SheetLayout {
  readonly kind: KindMapping;
  /** Column number → field it holds. */
  readonly columns: ReadonlyMap<number, ColumnDef>;
  readonly headerTop: number;
  readonly headerBottom: number;
  /** Columns whose header names no field (numbering columns aside): reported by the caller, which knows whether they hold data. */
  readonly unmapped: readonly UnmappedColumn[];
}

export interface UnmappedColumn {
  readonly col: number;
  /** Address of the header cell (its bottom row). */
  readonly address: string;
  readonly header: string;
}

export interface RawCell {
  readonly value: CellValue;
  readonly address: string;
}

export interface RawRow {
  readonly row: number;
  /** Field → cell, for mapped columns whose cell is not empty. */
  readonly cells: ReadonlyMap<string, RawCell>;
  /** Address of the name cell (where row-level findings are placed). */
  readonly at: string;
  /** Text of the group row above, for the kind's group field. */
  readonly group?: RawCell;
}

const HEADER_SCAN_ROWS = 20;
const MAX_HEADER_DEPTH = 3;

/** The header text of each column for header rows top..top+depth-1, merged parts said once. */
function headerTexts(grid: Grid, top: number, depth: number): Map<number, { full: string; last: string }> {
  const out = new Map<number, { full: string; last: string }>();
  for (let c = 1; c <= grid.colCount; c++) {
    const parts: string[] = [];
    let lastMaster = '';
    for (let r = top; r < top + depth && r <= grid.rowCount; r++) {
      const cell = grid.cell(r, c);
      const key = `${cell.master.row}:${cell.master.col}`;
      const t = cellText(cell.value);
      if (t === '' || key === lastMaster) continue;
      lastMaster = key;
      parts.push(t);
    }
    if (parts.length) out.set(c, { full: parts.join(' '), last: parts[parts.length - 1] as string });
  }
  return out;
}

function headerIndex(kind: KindMapping): Map<string, ColumnDef> {
  const index = new Map<string, ColumnDef>();
  for (const col of kind.columns) for (const h of col.headers) if (!index.has(normalizeLabel(h))) index.set(normalizeLabel(h), col);
  return index;
}

function matchHeader(index: Map<string, ColumnDef>, h: { full: string; last: string }): ColumnDef | undefined {
  for (const t of [h.full, h.last]) {
    const hit = index.get(normalizeLabel(t)) ?? index.get(normalizeLabelLoose(t));
    if (hit) return hit;
  }
  return undefined;
}

interface Candidate {
  readonly kind: KindMapping;
  readonly top: number;
  readonly depth: number;
  readonly columns: Map<number, ColumnDef>;
  readonly score: number;
}

function bestFor(grid: Grid, kind: KindMapping): Candidate | undefined {
  const index = headerIndex(kind);
  let best: Candidate | undefined;
  for (let top = 1; top <= Math.min(HEADER_SCAN_ROWS, grid.rowCount); top++) {
    for (let depth = 1; depth <= MAX_HEADER_DEPTH; depth++) {
      const columns = new Map<number, ColumnDef>();
      const fields = new Set<string>();
      for (const [c, h] of headerTexts(grid, top, depth)) {
        const col = matchHeader(index, h);
        if (col && !fields.has(col.field)) {
          fields.add(col.field);
          columns.set(c, col);
        }
      }
      if (!fields.has(kind.nameField)) continue;
      // On a tie the block starting lower wins: title rows above the header add nothing.
      if (!best || fields.size > best.score || (fields.size === best.score && top > best.top)) best = { kind, top, depth, columns, score: fields.size };
    }
  }
  return best;
}

/** The kind a sheet name names, from the user map first, then the default sheet names. */
export function kindOfSheetName(name: string, mapping: Mapping, sheetKinds: Readonly<Record<string, SheetKind>>): KindMapping | undefined {
  const n = normalizeLabel(name);
  for (const [sheet, kind] of Object.entries(sheetKinds)) if (normalizeLabel(sheet) === n) return mapping.kinds.find((k) => k.kind === kind);
  return mapping.kinds.find((k) => k.sheets.some((s) => normalizeLabel(s) === n));
}

/** Finds the table of a sheet, or explains why there is none. */
export function detectLayout(grid: Grid, mapping: Mapping, sheetKinds: Readonly<Record<string, SheetKind>>, issues: CellIssue[]): SheetLayout | undefined {
  const named = kindOfSheetName(grid.name, mapping, sheetKinds);
  const candidates = (named ? [named] : mapping.kinds).map((k) => bestFor(grid, k)).filter((c): c is Candidate => c !== undefined);
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best || (!named && best.score < 2)) {
    issues.push({
      code: 'import.unrecognised-sheet',
      severity: 'warning',
      sheet: grid.name,
      address: 'A1',
      message: named
        ? text(
            `Sheet "${grid.name}" không có dòng tiêu đề chứa cột tên (ví dụ "${named.columns.find((c) => c.field === named.nameField)?.headers[0] ?? ''}") nên không được nhập.`,
            `Sheet "${grid.name}" has no header row with a name column (e.g. "${named.columns.find((c) => c.field === named.nameField)?.headers[0] ?? ''}"), so it was not imported.`,
          )
        : text(`Không nhận ra sheet "${grid.name}" chứa loại thực thể nào; sheet không được nhập.`, `Sheet "${grid.name}" does not look like any entity table; not imported.`),
      fix: text(
        'Đặt tên sheet (ví dụ "Hệ thống", "CSDL", "Kết nối", "Đơn vị", "Nhiệm vụ") hoặc khai báo trong tệp ánh xạ: sheets: { "Tên sheet": system }; tiêu đề cột tên phải khớp, ví dụ "Tên hệ thống".',
        'Name the sheet (e.g. "Hệ thống", "CSDL") or map it in the map file: sheets: { "Sheet": system }; the name column header must match, e.g. "Tên hệ thống".',
      ),
    });
    return undefined;
  }
  const headerBottom = best.top + best.depth - 1;
  // Headers that name nothing known are reported once (by the caller), so a user sees what was left out.
  const texts = headerTexts(grid, best.top, best.depth);
  const index = headerIndex(best.kind);
  const unmapped: UnmappedColumn[] = [];
  for (const [c, h] of texts) {
    if (best.columns.has(c)) continue;
    const n = normalizeLabel(h.full);
    if (n === 'stt' || n === 'tt' || n === 'so tt' || n === 'so thu tu') continue;
    const address = grid.cell(headerBottom, c).address;
    const dup = matchHeader(index, h);
    if (!dup) {
      unmapped.push({ col: c, address, header: h.full });
      continue;
    }
    issues.push({
      code: 'import.duplicate-column',
      severity: 'warning',
      sheet: grid.name,
      address,
      message: text(`Cột "${h.full}" lặp lại trường ${dup.field} của một cột trước; cột này bị bỏ qua.`, `Column "${h.full}" repeats field ${dup.field} of an earlier column; ignored.`),
      fix: text(
        `Nếu cột này là trường khác, đặt tiêu đề của nó trong tệp ánh xạ: columns: { ${best.kind.kind}: { <trường>: ["${h.full}"] } }.`,
        `If this column is another field, map its header in the map file: columns: { ${best.kind.kind}: { <field>: ["${h.full}"] } }.`,
      ),
    });
  }
  return { kind: best.kind, columns: best.columns, headerTop: best.top, headerBottom, unmapped };
}

/**
 * Subtotal labels keep their diacritics ("Cộng" is a subtotal, "Cổng" a portal): lower case,
 * punctuation as spaces.
 */
export function subtotalKey(value: string): string {
  return value.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** "Tổng cộng (52 hệ thống):" → "tổng cộng": the words of a subtotal label without counts. */
function subtotalLabel(value: string): string {
  return subtotalKey(value.replace(/\([^()]*\)/g, ' ')).replace(/( \d+)+( [\p{L} ]*)?$/u, '').trim();
}

/** Numbering of a group heading: "I", "II.", "IV". */
const ROMAN_HEADING = /^[IVX]{1,4}\.?$/;

/** Cells of the column-numbering row under a header: "(1)", "(2)" … or 1, 2 … */
const NUMBERING_CELL = /^\(?\d{1,3}\)?$/;

/** Data rows of the table, with group rows applied and blank, numbering and subtotal rows left out. */
export function dataRows(grid: Grid, layout: SheetLayout, mapping: Mapping, issues: CellIssue[]): RawRow[] {
  const rows: RawRow[] = [];
  const nameCol = [...layout.columns].find(([, c]) => c.field === layout.kind.nameField)?.[0] as number;
  const subtotals = mapping.subtotals.map(subtotalKey);
  let group: RawCell | undefined;
  for (let r = layout.headerBottom + 1; r <= grid.rowCount; r++) {
    const cells = new Map<string, RawCell>();
    const masters = new Set<string>();
    const texts: string[] = [];
    for (let c = 1; c <= grid.colCount; c++) {
      const cell = grid.cell(r, c);
      if (isEmptyCell(cell.value)) continue;
      masters.add(`${cell.master.row}:${cell.master.col}`);
      // A cell merged down from a row above repeats that value (an owner written once for a block).
      texts.push(cellText(cell.value));
      const col = layout.columns.get(c);
      if (col) cells.set(col.field, { value: cell.value, address: cell.address });
    }
    if (texts.length === 0) continue;
    const nameCell = grid.cell(r, nameCol);
    // One merged range across the row: a group heading ("I. LỚP HẠ TẦNG SỐ …").
    if (masters.size === 1 && nameCell.master.row === r && (nameCell.master.col !== nameCol || grid.cell(r, nameCol + 1).master.col === nameCol)) {
      group = { value: cellText(nameCell.value), address: addressOfMaster(grid, nameCell.master) };
      continue;
    }
    // Or, unmerged: a Roman numeral in the numbering column and the heading in the name column ("II | LỚP DỮ LIỆU …").
    if (texts.length === 2 && ROMAN_HEADING.test(texts[0] as string) && !isEmptyCell(nameCell.value) && nameCol > 1) {
      group = { value: cellText(nameCell.value), address: nameCell.address };
      continue;
    }
    const name = cells.get(layout.kind.nameField);
    const labels = [texts[0] as string, ...(name ? [cellText(name.value)] : [])].map(subtotalLabel);
    if (labels.some((l) => subtotals.includes(l))) continue;
    if (texts.every((t) => NUMBERING_CELL.test(t))) continue;
    if (!name) {
      issues.push({
        code: 'import.row-without-name',
        severity: 'warning',
        sheet: grid.name,
        address: nameCell.address,
        message: text(`Hàng ${r} có dữ liệu nhưng không có tên nên không được nhập.`, `Row ${r} has data but no name, so it was not imported.`),
        fix: text('Điền tên vào ô này, hoặc xoá hàng nếu không dùng.', 'Fill in the name, or delete the row.'),
      });
      continue;
    }
    rows.push({ row: r, cells, at: name.address, ...(group ? { group } : {}) });
  }
  return rows;
}

function addressOfMaster(grid: Grid, m: { row: number; col: number }): string {
  return grid.cell(m.row, m.col).address;
}

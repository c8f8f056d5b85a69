/**
 * A row naming an entity declared elsewhere in the architecture is not imported (the declaration
 * stays), but what the sheet says differently must not vanish: each field whose non-empty cell reads
 * as another value than the YAML's is reported at the cell, with the entity's file:line. An empty cell
 * says nothing, so it is never a difference.
 */
import { text } from '../../../core/text.js';
import { getPath, type Doc } from './doc-path.js';
import type { CellIssue } from './issues.js';
import type { Pending } from './prune.js';

/** An entity the target architecture already declares (outside the files this import writes). */
export interface ExistingEntity {
  /** Ref kind: agency, org, system, dataset, integration, task, function, service. */
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly shortName?: string;
  readonly file: string;
  /** The entity as declared, for comparing a row that names it. */
  readonly doc?: Readonly<Doc>;
  /** `file:line` where a dotted field of the entity is written (or the entity, when the field is not). */
  readonly at?: (field: string) => string;
  /** The spreadsheet an earlier import made the entity's file from (its first line), if it was. */
  readonly importedFrom?: string;
}

/**
 * A time written less precisely that holds the other: the year 2012 holds 2012-05-01, the month
 * "2024-06" holds 2024-06-15. An inventory that says only "2012" does not contradict a YAML that knows
 * the day (nor the 1 January an earlier version of import wrote for it).
 */
function holds(coarse: unknown, fine: unknown): boolean {
  if (typeof fine !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(fine)) return false;
  if (typeof coarse === 'number') return Number.isInteger(coarse) && fine.startsWith(`${coarse}-`);
  return typeof coarse === 'string' && /^\d{4}(-\d{2})?$/.test(coarse) && fine.startsWith(`${coarse}-`);
}

/** Values compared as the YAML holds them: lists as sets, numbers and text as themselves, a year as any day in it. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (holds(a, b) || holds(b, a)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const rest = [...b];
    for (const x of a) {
      const i = rest.findIndex((y) => sameValue(x, y));
      if (i < 0) return false;
      rest.splice(i, 1);
    }
    return true;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Doc)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Doc)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Doc)[k], (b as Doc)[k]));
  }
  return a === b;
}

/** A YAML value as a message shows it. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(trống)';
  if (Array.isArray(v)) return v.map(showValue).join('; ');
  if (typeof v === 'string') return `"${v}"`;
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

const showValueEn = (v: unknown): string => (v === undefined ? '(empty)' : showValue(v));

/** The fields of a row that differ from the entity it names, one warning each; `header` names a field's column. */
export function differences(p: Pending, e: ExistingEntity, ref: string, header: (field: string) => string): CellIssue[] {
  if (!e.doc) return [];
  const out: CellIssue[] = [];
  for (const field of [...p.informed].sort()) {
    if (field === 'name' || field === 'id') continue;
    const sheet = getPath(p.doc, field);
    if (sheet === undefined) continue;
    const yaml = getPath(e.doc, field);
    if (sameValue(sheet, yaml)) continue;
    const address = p.cells.get(field);
    if (address === undefined) continue;
    const written = p.texts.get(field) ?? String(sheet);
    const read = String(sheet) === written ? '' : ` (${showValue(sheet)})`;
    const where = e.at?.(field) ?? e.file;
    out.push({
      code: 'import.existing-differs',
      severity: 'warning',
      sheet: p.sheet,
      address,
      entity: ref,
      message: text(
        `${header(field)}: bảng tính ghi "${written}"${read}, còn ${ref} khai báo ${showValue(yaml)} (${where}); giữ khai báo, không nhập ô này.`,
        `${header(field)}: the spreadsheet says "${written}"${read}, while ${ref} declares ${showValueEn(yaml)} (${where}); the declaration is kept and this cell not imported.`,
      ),
      fix: e.importedFrom
        ? text(
            `${e.file} do lần nhập "${e.importedFrom}" tạo: nếu bảng tính này là bản mới của nó, nhập lại dưới đúng tên đó (kientruc import ${e.importedFrom} --update) để cập nhật mà vẫn giữ các sửa đổi bằng tay; nếu không, sửa YAML hoặc bảng tính cho khớp.`,
            `${e.file} was made by importing "${e.importedFrom}": if this spreadsheet is its new edition, import it under that name (kientruc import ${e.importedFrom} --update) to update it, hand edits kept; otherwise make the YAML or the spreadsheet agree.`,
          )
        : text(`Sửa ${where} nếu bảng tính đúng, hoặc sửa bảng tính.`, `Fix ${where} if the spreadsheet is right, or fix the spreadsheet.`),
    });
  }
  return out;
}

/**
 * What is written must validate: a row without a required field is dropped, then every reference to a
 * dropped row is removed (a required one drops its row in turn), until nothing changes.
 */
import { text } from '../../../core/text.js';
import type { KindMapping } from '../mapping.js';
import { deletePath, getPath, setPath, type Doc } from './doc-path.js';
import type { CellIssue } from './issues.js';
import type { RawRow } from './sheet.js';

/** A document being built from a row (or from an organisation only named in a cell). */
export interface Pending {
  readonly kind: KindMapping;
  readonly sheet: string;
  readonly row?: RawRow;
  readonly ref: string;
  readonly doc: Doc;
  /** References this document makes, to drop with it or without it. */
  readonly refs: { readonly field: string; readonly ref: string; readonly address: string }[];
  /** Dotted fields the spreadsheet says something about for this document (a column, a group row, a default). */
  readonly informed: Set<string>;
  /** Field → address of the cell it was read from. */
  readonly cells: Map<string, string>;
  /** Field → the cell's text as written. */
  readonly texts: Map<string, string>;
}

/** Rows of one sheet left out for lacking fields the sheet has no column for (said once, for the sheet). */
export interface SheetShortfall {
  readonly fields: Set<string>;
  rows: number;
}

/**
 * Drops incomplete documents and references to them. A missing field the sheet has no column for
 * (`absent`) is not reported per row: the rows are counted per sheet, for one finding about the sheet.
 */
export function pruneIncomplete(all: readonly Pending[], issues: CellIssue[], absent: (p: Pending) => ReadonlySet<string>): { dropped: Set<string>; shortfalls: Map<string, SheetShortfall> } {
  const dropped = new Set<string>();
  const shortfalls = new Map<string, SheetShortfall>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of all) {
      if (dropped.has(p.ref)) continue;
      for (const r of p.refs) {
        if (!dropped.has(r.ref) || getPath(p.doc, r.field) === undefined) continue;
        const v = getPath(p.doc, r.field);
        if (Array.isArray(v)) {
          const left = v.filter((x) => x !== r.ref);
          if (left.length) setPath(p.doc, r.field, left);
          else deletePath(p.doc, r.field);
        } else if (v === r.ref) deletePath(p.doc, r.field);
        issues.push({ code: 'import.dropped-ref', severity: 'warning', sheet: p.sheet, address: r.address, entity: p.ref, message: text(`${r.ref} không được nhập nên bỏ tham chiếu tới nó.`, `${r.ref} was not imported, so the reference to it is left out.`), fix: text('Sửa hàng của thực thể đó rồi nhập lại với --update.', 'Fix that entity\'s row and import again with --update.') });
      }
      // Co-leads (`leads`) stand for the one `lead`.
      let missing = p.kind.required.filter((f) => getPath(p.doc, f) === undefined && !(f === 'lead' && getPath(p.doc, 'leads') !== undefined));
      if (missing.length && p.row) {
        dropped.add(p.ref);
        changed = true;
        const noColumn = absent(p);
        const sheetWide = missing.filter((f) => noColumn.has(f));
        if (sheetWide.length) {
          const s = shortfalls.get(p.sheet) ?? { fields: new Set<string>(), rows: 0 };
          for (const f of sheetWide) s.fields.add(f);
          s.rows++;
          shortfalls.set(p.sheet, s);
        }
        missing = missing.filter((f) => !noColumn.has(f));
        if (missing.length === 0) continue;
        const labels = missing.map((f) => p.kind.columns.find((c) => c.field === f)?.headers[0] ?? f);
        issues.push({
          code: 'import.missing-required',
          severity: 'error',
          sheet: p.sheet,
          address: p.row.at,
          entity: p.ref,
          message: text(`"${String(p.doc['name'])}" thiếu ${labels.join(', ')} (bắt buộc) nên không được nhập.`, `"${String(p.doc['name'])}" lacks ${missing.join(', ')} (required), so it was not imported.`),
          fix: text(`Điền ${labels.join(', ')} cho hàng này, hoặc đặt giá trị mặc định trong tệp ánh xạ: defaults: { ${p.kind.kind}: { ${missing[0]}: … } }.`, `Fill in ${missing.join(', ')} for this row, or set a default in the map file: defaults: { ${p.kind.kind}: { ${missing[0]}: … } }.`),
        });
      }
    }
  }
  return { dropped, shortfalls };
}

/**
 * The inventory as an Excel workbook for officials who review in Excel: one sheet per kind, the
 * mapping's Vietnamese headers (so `kientruc import` reads it back unchanged), frozen header row,
 * widths from the mapping, enum values as their Vietnamese labels, references as names.
 */
import ExcelJS from 'exceljs';
import type { IsoDate } from '../../core/dates.js';
import { isUnknown } from '../../core/unknown.js';
import type { Model } from '../../model/model.js';
import type { Entity } from '../../model/types.js';
import { DEFAULT_MAPPING, SHEET_KINDS, type ColumnDef, type Mapping, type SheetKind } from './mapping.js';
import { normalizeLabel } from './normalize.js';
import { enumLabel } from './values.js';
import { deterministicZip } from './zip.js';

export interface XlsxExportOptions {
  readonly audience: 'internal' | 'public';
  /** Creation and modification dates of the workbook and its zip entries. */
  readonly asOf: IsoDate;
  readonly mapping?: Mapping;
}

/** Fields never shown outside the agency. */
const INTERNAL_FIELDS = new Set(['notes']);

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };

function valueAt(entity: unknown, path: string): unknown {
  let o: unknown = entity;
  for (const p of path.split('.')) o = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[p] : undefined;
  return o;
}

const isIsoDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** Names that more than one entity of a kind carries: those are written as refs, so import finds the right one. */
function ambiguousNames(model: Model): Set<string> {
  const count = new Map<string, number>();
  for (const kind of ['agency', 'org', 'system', 'dataset', 'integration', 'task', 'function', 'service'] as const) {
    for (const e of model.all(kind)) {
      const key = `${kind === 'agency' ? 'org' : kind}|${normalizeLabel(e.name)}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  return new Set([...count].filter(([, n]) => n > 1).map(([k]) => k));
}

function refCell(model: Model, ref: string, ambiguous: Set<string>): string {
  if (ref.includes('@') || !model.resolves(ref)) return ref;
  const kind = ref.split(':')[0] === 'agency' ? 'org' : (ref.split(':')[0] as string);
  const name = model.nameOf(ref);
  return ambiguous.has(`${kind}|${normalizeLabel(name)}`) ? ref : name;
}

function cellValue(model: Model, col: ColumnDef, value: unknown, ambiguous: Set<string>): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  // "Chưa xác định" reads back as itself in every column that accepts it (booleans included).
  if (isUnknown(value)) return 'Chưa xác định';
  const [base, arg = ''] = col.type.split(':') as [string, string?];
  switch (base) {
    case 'text-list':
      return (value as readonly string[]).join('; ');
    case 'bool':
      return value === true ? 'Có' : 'Không';
    case 'date':
      // A year where the schema takes one (goLive: 2012) stays a number, as import reads it back.
      if (typeof value === 'number') return value;
      return isIsoDay(value) ? isoToDate(value) : String(value);
    case 'deadline':
      if (typeof value === 'number') return value;
      if (value === 'ongoing') return 'Thực hiện thường xuyên';
      if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) return `tháng ${Number(value.slice(5))}/${value.slice(0, 4)}`;
      if (typeof value === 'string' && /^\d{4}-Q[1-4]$/.test(value)) return `Quý ${['I', 'II', 'III', 'IV'][Number(value.slice(6)) - 1]}/${value.slice(0, 4)}`;
      return isIsoDay(value) ? isoToDate(value) : String(value);
    case 'enum':
      return enumLabel(model.pack, arg, value);
    case 'enum-list':
      return (value as readonly unknown[]).map((v) => enumLabel(model.pack, arg, v)).join('; ');
    case 'component':
      return model.pack.components.find((c) => c.id === value)?.vi ?? String(value);
    case 'org':
    case 'ref':
      // A list where the schema grew one (co-leads) is written like a list column.
      return Array.isArray(value) ? value.map((r) => refCell(model, String(r), ambiguous)).join('; ') : refCell(model, String(value), ambiguous);
    case 'org-list':
    case 'ref-list':
      return (value as readonly string[]).map((r) => refCell(model, r, ambiguous)).join('; ');
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

const ENTITY_KIND: Record<SheetKind, SheetKind> = { org: 'org', system: 'system', dataset: 'dataset', integration: 'integration', task: 'task', function: 'function', service: 'service' };

/** The workbook's bytes; the same model and asOf give the same bytes. */
export async function exportXlsx(model: Model, opts: XlsxExportOptions): Promise<Uint8Array> {
  const mapping = opts.mapping ?? DEFAULT_MAPPING;
  const stamp = isoToDate(opts.asOf);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kientruc';
  wb.lastModifiedBy = 'kientruc';
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = model.agency ? `Danh mục kiến trúc số — ${model.agency.name}` : 'Danh mục kiến trúc số';
  const ambiguous = ambiguousNames(model);
  for (const kind of SHEET_KINDS) {
    const m = mapping.kinds.find((k) => k.kind === kind);
    if (!m) continue;
    const entities = model.all(ENTITY_KIND[kind]) as readonly Entity[];
    if (entities.length === 0) continue;
    const columns = m.columns.filter((c) => opts.audience === 'internal' || !INTERNAL_FIELDS.has(c.field));
    const ws = wb.addWorksheet(m.sheets[0] as string, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = columns.map((c) => ({ header: c.headers[0] as string, key: c.field, width: c.width ?? 20 }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    });
    for (const e of entities) {
      // A co-led task's `leads` fill its "Cơ quan chủ trì" column (import reads several names back as `leads`).
      const row = ws.addRow(columns.map((c) => cellValue(model, c, valueAt(e, c.field) ?? (c.field === 'lead' ? valueAt(e, 'leads') : undefined), ambiguous)));
      row.alignment = { vertical: 'top', wrapText: true };
      // Only date cells get the date format: a deadline year (2027) must stay a number.
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  const raw = await wb.xlsx.writeBuffer();
  return deterministicZip(new Uint8Array(raw as ArrayBuffer), stamp);
}

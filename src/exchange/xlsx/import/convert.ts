/**
 * Spreadsheet rows to kientruc documents. Three passes: name every row (ids, and which rows are
 * entities the architecture already declares), read every cell (resolving names of owners, systems
 * and databases to refs), then drop rows that lack a required field and the references to them, so
 * what is written always validates. Every cell that is not used says why, at its address.
 */
import { text } from '../../../core/text.js';
import type { FrameworkPack } from '../../../framework/types.js';
import { SHEET_KINDS, type ColumnDef, type KindMapping, type Mapping, type SheetKind } from '../mapping.js';
import { normalizeLabel } from '../normalize.js';
import { cellText, parseCell, splitList, type ValueContext } from '../values.js';
import type { Grid } from './grid.js';
import type { CellIssue } from './issues.js';
import { deriveId, NameIndex, nameKey } from './names.js';
import { getPath, setPath, type Doc } from './doc-path.js';
import { pruneIncomplete, type Pending } from './prune.js';
import { dataRows, detectLayout, type RawCell, type RawRow } from './sheet.js';
import { isUnknown, UNKNOWN_VALUES } from '../../../core/unknown.js';
import { KIND_BY_DOC_KIND } from '../../../core/ref.js';
import { buildSchema, type SchemaSet } from '../../../validate/schema/build-schema.js';
import { schemaAt } from '../../../validate/schema/walk.js';

/**
 * Whether the schema lets `field` of `docKind` be declared "chưa xác định" (marked `x-unknown` by
 * `unknownable()`): asked of the schema itself so the import follows every field the format accepts
 * it in, with no second list to keep in step. One schema per pack, built once.
 */
const unknownable = new WeakMap<FrameworkPack, { readonly schemas: SchemaSet; readonly memo: Map<string, boolean> }>();
function acceptsUnknown(pack: FrameworkPack, docKind: string, field: string): boolean {
  let entry = unknownable.get(pack);
  if (!entry) unknownable.set(pack, (entry = { schemas: buildSchema(pack, [pack.id]), memo: new Map() }));
  const key = `${docKind}:${field}`;
  let hit = entry.memo.get(key);
  if (hit === undefined) {
    const kind = KIND_BY_DOC_KIND.get(docKind);
    hit = kind !== undefined && schemaAt(entry.schemas.kinds[kind], field.split('.'))?.['x-unknown'] === true;
    entry.memo.set(key, hit);
  }
  return hit;
}

/** An entity the target architecture already declares (outside the files this import writes). */
export interface ExistingEntity {
  /** Ref kind: agency, org, system, dataset, integration, task. */
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly shortName?: string;
  readonly file: string;
}

export interface ImportInput {
  readonly sheets: readonly Grid[];
  readonly mapping: Mapping;
  /** Sheet name → kind, from the user map. */
  readonly sheetKinds: Readonly<Record<string, SheetKind>>;
  readonly pack: FrameworkPack;
  readonly existing: readonly ExistingEntity[];
  /** The agency's place ("Sơn Hà"): "Sở Y tế" then finds "Sở Y tế tỉnh Sơn Hà". */
  readonly place?: string;
}

export type { Doc };

export interface ImportedDoc {
  readonly kind: SheetKind;
  readonly doc: Doc;
}

export interface ImportResult {
  /** Documents by kind, in the order of the rows (organisations found only as owners come last). */
  readonly docs: readonly ImportedDoc[];
  readonly issues: readonly CellIssue[];
  /** Rows that matched an entity the architecture already declares. */
  readonly existing: number;
}


const refKind = (k: SheetKind): string => k;

export function importInventory(input: ImportInput): ImportResult {
  const issues: CellIssue[] = [];
  const ctx: ValueContext = { pack: input.pack, mapping: input.mapping };
  const indexes = new Map<string, NameIndex>();
  const index = (kind: string): NameIndex => {
    let i = indexes.get(kind);
    if (!i) indexes.set(kind, (i = new NameIndex(input.place === undefined ? undefined : nameKey(input.place))));
    return i;
  };
  const taken = new Map<string, Set<string>>();
  const takenOf = (kind: string): Set<string> => {
    let t = taken.get(kind);
    if (!t) taken.set(kind, (t = new Set()));
    return t;
  };
  const existingRefs = new Map<string, ExistingEntity>();
  for (const e of input.existing) {
    const k = e.kind === 'agency' ? 'org' : e.kind;
    index(k).add(`${e.kind}:${e.id}`, e.name, e.shortName);
    takenOf(e.kind).add(e.id);
    existingRefs.set(`${e.kind}:${e.id}`, e);
  }
  for (const o of input.pack.organizations) index('org').add(o.ref, o.name);
  for (const n of input.pack.national) index('national').add(n.ref, n.name, n.nameEn, /\(([^()]+)\)\s*$/.exec(n.name)?.[1]);

  // Pass 1: tables, rows, ids.
  const rowsByKind = new Map<SheetKind, { sheet: string; row: RawRow; kind: KindMapping }[]>();
  for (const grid of input.sheets) {
    const layout = detectLayout(grid, input.mapping, input.sheetKinds, issues);
    if (!layout) continue;
    const list = rowsByKind.get(layout.kind.kind) ?? [];
    for (const row of dataRows(grid, layout, input.mapping, issues)) list.push({ sheet: grid.name, row, kind: layout.kind });
    rowsByKind.set(layout.kind.kind, list);
  }
  const pending: Pending[] = [];
  let existing = 0;
  for (const kindId of SHEET_KINDS) {
    const seen = new Map<string, string>();
    for (const { sheet, row, kind } of rowsByKind.get(kindId) ?? []) {
      const nameCell = row.cells.get(kind.nameField) as RawCell;
      const name = cellText(nameCell.value).replace(/\s+/g, ' ');
      const short = row.cells.get('shortName');
      const shortName = short ? cellText(short.value).replace(/\s+/g, ' ') : undefined;
      const idCell = row.cells.get('id');
      let explicit: string | undefined;
      if (idCell) {
        const p = parseCell('id', idCell.value, ctx, 'id');
        if (p.ok) explicit = p.value as string;
        else issues.push({ code: 'import.bad-value', severity: 'error', sheet, address: idCell.address, message: p.reason, fix: p.fix });
      }
      const rk = refKind(kindId);
      const found = explicit !== undefined && existingRefs.has(`${rk}:${explicit}`) ? `${rk}:${explicit}` : index(rk).find(name, rk);
      const already = found !== undefined && found !== 'ambiguous' && (existingRefs.has(found) || (kindId === 'org' && !found.startsWith('org:')) || input.pack.organizations.some((o) => o.ref === found));
      if (already) {
        existing++;
        const where = existingRefs.get(found)?.file;
        issues.push({
          code: 'import.existing-entity',
          severity: 'info',
          sheet,
          address: nameCell.address,
          entity: found,
          message: text(`"${name}" đã có trong kiến trúc (${found}${where ? `, ${where}` : ''}); giữ nguyên khai báo đó, không nhập hàng này.`, `"${name}" is already declared (${found}${where ? `, ${where}` : ''}); kept as is, row not imported.`),
        });
        continue;
      }
      // One procedure is provided by many bodies (every commune registers births): a service repeats only with the same provider.
      const provider = kindId === 'service' ? row.cells.get('provider') : undefined;
      const key = provider ? `${nameKey(name)}\u0000${nameKey(cellText(provider.value))}` : nameKey(name);
      const dup = seen.get(key);
      if (dup !== undefined) {
        issues.push({
          code: 'import.duplicate-name',
          severity: 'warning',
          sheet,
          address: nameCell.address,
          message: text(`Tên "${name}" trùng với hàng ở ô ${dup}${kindId === 'org' ? '; dùng chung một cơ quan' : '; nhập thành thực thể riêng'}.`, `Name "${name}" repeats the row at ${dup}${kindId === 'org' ? '; treated as one organisation' : '; imported as a separate entity'}.`),
          fix: text('Xoá hàng trùng hoặc đặt tên phân biệt.', 'Delete the duplicate row or give it a distinct name.'),
        });
        if (kindId === 'org') continue;
      } else seen.set(key, nameCell.address);
      if (explicit !== undefined && takenOf(rk).has(explicit) && idCell) {
        issues.push({
          code: 'import.duplicate-name',
          severity: 'warning',
          sheet,
          address: idCell.address,
          message: text(`Mã "${explicit}" đã dùng cho một hàng trước; hàng này nhận mã tạo từ tên.`, `Id "${explicit}" is used by an earlier row; this row gets an id derived from its name.`),
          fix: text('Đặt mã khác cho hàng này, hoặc để trống cột mã.', 'Give this row another id, or leave the id empty.'),
        });
      }
      const id = explicit !== undefined && !takenOf(rk).has(explicit) ? explicit : deriveId(shortName ?? name, takenOf(rk), `${kindId}-${row.row}`);
      takenOf(rk).add(id);
      const ref = `${rk}:${id}`;
      index(rk).add(ref, name, shortName);
      pending.push({ kind, sheet, row, ref, doc: { apiVersion: 'kientruc/v1', kind: kind.docKind, id, name }, refs: [] });
    }
  }

  // Pass 2: cells.
  const orgMapping = input.mapping.kinds.find((k) => k.kind === 'org') as KindMapping;
  const createdOrgs: Pending[] = [];
  const resolveOrg = (written: string, sheet: string, address: string): string | undefined => {
    const hit = index('org').find(written, 'org');
    if (hit === 'ambiguous') {
      issues.push({ code: 'import.unknown-org', severity: 'error', sheet, address, message: text(`"${written}" khớp với nhiều cơ quan.`, `"${written}" matches several organisations.`), fix: text('Ghi tên đầy đủ của cơ quan hoặc mã org:<id>.', 'Write the full name or org:<id>.') });
      return undefined;
    }
    if (hit) return hit;
    const key = nameKey(written);
    const level = input.mapping.orgLevels.find(([prefix]) => `${key} `.startsWith(`${normalizeLabel(prefix)} `))?.[1];
    if (!level) return undefined;
    const id = deriveId(written, takenOf('org'), 'co-quan');
    takenOf('org').add(id);
    const ref = `org:${id}`;
    index('org').add(ref, written);
    createdOrgs.push({ kind: orgMapping, sheet, ref, doc: { apiVersion: 'kientruc/v1', kind: 'Organization', id, name: written.replace(/\s+/g, ' '), level }, refs: [] });
    issues.push({
      code: 'import.new-org',
      severity: 'info',
      sheet,
      address,
      entity: ref,
      message: text(`"${written}" chưa có trong danh sách cơ quan; tạo ${ref} (cấp: ${level}) theo tên.`, `"${written}" is not a listed organisation; created ${ref} (level: ${level}) from its name.`),
      fix: text('Kiểm tra cấp và bổ sung mã định danh cơ quan (code) trong tệp đơn vị được tạo.', 'Check the level and add the agency code in the generated organisations file.'),
    });
    return ref;
  };
  const resolveRef = (written: string, kinds: readonly string[]): string | 'ambiguous' | undefined => {
    // An exact name in any kind beats a name without its place ("… tỉnh Sơn Hà") in an earlier kind.
    for (const mode of ['exact', 'loose'] as const) {
      for (const k of kinds) {
        const hit = k === 'agency' ? undefined : index(k).find(written, k, mode);
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  };

  for (const p of pending) {
    const row = p.row as RawRow;
    for (const col of p.kind.columns) {
      if (col.field === 'id' || col.field === 'name') continue;
      let cell = row.cells.get(col.field);
      const fromGroup = !cell && col.field === p.kind.groupField && row.group !== undefined;
      if (fromGroup) cell = row.group;
      if (!cell) continue;
      readCell(p, col, cell, fromGroup);
    }
    for (const [field, value] of Object.entries(p.kind.defaults)) if (getPath(p.doc, field) === undefined) setPath(p.doc, field, value);
  }

  function readCell(p: Pending, col: ColumnDef, cell: RawCell, fromGroup: boolean): void {
    const [base, arg = ''] = col.type.split(':') as [string, string?];
    const header = col.headers[0] as string;
    const fail = (reason: { vi: string; en: string }, fix: { vi: string; en: string }, code = 'import.bad-value') => {
      if (fromGroup) return;
      issues.push({ code, severity: 'error', sheet: p.sheet, address: cell.address, entity: p.ref, message: text(`${header}: ${reason.vi}.`, `${header}: ${reason.en}.`), fix });
    };
    const written = cellText(cell.value);
    // "Chưa xác định" is a value where the schema accepts it (src/core/unknown.ts, docs/model.md).
    if (isUnknown(written) && acceptsUnknown(ctx.pack, p.kind.docKind, col.field)) {
      setPath(p.doc, col.field, UNKNOWN_VALUES[0]);
      return;
    }
    if (base === 'org' || base === 'org-list') {
      // A task's "Cơ quan chủ trì" naming several bodies is a co-led task (`leads`).
      const coLed = base === 'org' && p.kind.docKind === 'Task' && col.field === 'lead' && splitList(written).length > 1;
      const names = base === 'org' && !coLed ? [written.replace(/\s+/g, ' ')] : splitList(written);
      const refs: string[] = [];
      const rest: string[] = [];
      for (const n of names) {
        const ref = resolveOrg(n, p.sheet, cell.address);
        if (ref) {
          if (!refs.includes(ref)) refs.push(ref);
          p.refs.push({ field: col.field, ref, address: cell.address });
        } else if (col.rest) rest.push(n);
        else
          fail(
            text(`không tìm thấy cơ quan "${n}"`, `no organisation named "${n}"`),
            text('Ghi đúng tên cơ quan như trong sheet Đơn vị hoặc thư mục organizations/; hoặc thêm cơ quan đó vào sheet Đơn vị, hoặc thêm tiền tố tên vào orgLevels của tệp ánh xạ.', 'Write the name as listed in the organisations sheet or organizations/; add the body there, or add its name prefix to orgLevels in the map file.'),
            'import.unknown-org',
          );
      }
      if (coLed && refs.length) setPath(p.doc, 'leads', refs);
      else if (base === 'org' && refs[0]) setPath(p.doc, col.field, refs[0]);
      if (base === 'org-list' && refs.length) setPath(p.doc, col.field, refs);
      if (rest.length && col.rest) {
        setPath(p.doc, col.rest, rest.join('; '));
        issues.push({ code: 'import.partners-text', severity: 'info', sheet: p.sheet, address: cell.address, entity: p.ref, message: text(`${header}: "${rest.join('; ')}" không phải tên cơ quan cụ thể; ghi vào ${col.rest}.`, `${header}: "${rest.join('; ')}" names no specific body; written to ${col.rest}.`) });
      }
      return;
    }
    if (base === 'ref' || base === 'ref-list') {
      const kinds = arg.split(',');
      const items = base === 'ref' ? [written] : splitList(written);
      const refs: string[] = [];
      for (const n of items) {
        const ref = kinds.includes('org') || kinds.includes('agency') ? (resolveRef(n, kinds.filter((k) => k !== 'org' && k !== 'agency')) ?? index('org').find(n, 'org')) : resolveRef(n, kinds);
        if (ref && ref !== 'ambiguous') {
          if (!refs.includes(ref)) refs.push(ref);
          p.refs.push({ field: col.field, ref, address: cell.address });
        } else
          fail(
            ref === 'ambiguous' ? text(`"${n}" khớp với nhiều thực thể`, `"${n}" matches several entities`) : text(`không tìm thấy "${n}" (${kinds.join(', ')})`, `"${n}" not found (${kinds.join(', ')})`),
            text('Ghi đúng tên như trong sheet tương ứng hoặc trong kiến trúc, hoặc tham chiếu dạng system:<id>; nền tảng quốc gia ghi tên hoặc mã (ví dụ NDXP).', 'Write the name as in its sheet or the architecture, or a ref such as system:<id>; national platforms by name or code (e.g. NDXP).'),
            'import.unknown-ref',
          );
      }
      if (base === 'ref' && refs[0]) setPath(p.doc, col.field, refs[0]);
      if (base === 'ref-list' && refs.length) setPath(p.doc, col.field, refs);
      return;
    }
    const parsed = parseCell(col.type, cell.value, ctx, col.field);
    if (!parsed.ok) return fail(parsed.reason, parsed.fix);
    if (Array.isArray(parsed.value) && parsed.value.length === 0) return;
    if (parsed.value === '') return;
    setPath(p.doc, col.field, parsed.value);
    if (parsed.note) issues.push({ code: 'import.normalised', severity: 'info', sheet: p.sheet, address: cell.address, entity: p.ref, message: text(`${header}: ${parsed.note.vi}`, `${header}: ${parsed.note.en}`) });
  }

  // Pass 3: a row without a required field is not written, nor are references to it.
  const all = [...pending, ...createdOrgs];
  const dropped = pruneIncomplete(all, issues);
  const docs: ImportedDoc[] = [];
  for (const kindId of SHEET_KINDS) {
    for (const p of all) if (p.kind.kind === kindId && !dropped.has(p.ref)) docs.push({ kind: kindId, doc: p.doc });
  }
  return { docs, issues, existing };
}

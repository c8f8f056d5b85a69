/**
 * Spreadsheet rows to kientruc documents. Three passes: name every row (ids, and which rows are
 * entities the architecture already declares), read every cell (resolving names of owners, systems
 * and databases to refs), then drop rows that lack a required field and the references to them, so
 * what is written always validates. Every cell that is not used says why, at its address.
 *
 * A row keeps the id an earlier import gave it (`previous`, from the files this import writes): the
 * n-th row of a name is the n-th entity of that name, so rows sharing a name are never made again as
 * "-3", "-4". Organisations only named in a cell are created, but only those a written row refers to.
 */
import { expandBodyNames } from '../../../core/abbreviations.js';
import { text } from '../../../core/text.js';
import { isUnknown, UNKNOWN_VALUES } from '../../../core/unknown.js';
import type { FrameworkPack } from '../../../framework/types.js';
import { SHEET_KINDS, type ColumnDef, type KindMapping, type Mapping, type SheetKind } from '../mapping.js';
import { normalizeLabel } from '../normalize.js';
import { cellText, isEmptyCell, parseCell, splitList, type ValueContext } from '../values.js';
import { missingColumnsIssue, unmappedColumnIssue } from './columns-report.js';
import { differences, type ExistingEntity } from './compare.js';
import { getPath, setPath, type Doc } from './doc-path.js';
import type { Grid } from './grid.js';
import { cellPosition, type CellIssue } from './issues.js';
import { deriveId, NameIndex, nameKey, similarName } from './names.js';
import { pruneIncomplete, type Pending } from './prune.js';
import { acceptsUnknown, acceptsYear } from './schema-facts.js';
import { dataRows, detectLayout, type RawCell, type RawRow, type SheetLayout } from './sheet.js';

export type { ExistingEntity };

/** An entity of the files this import writes (made by an earlier run of it): its row keeps its id. */
export interface PreviousEntity {
  readonly kind: SheetKind;
  readonly id: string;
  /** The name its row had (recorded), or the YAML's name when nothing was recorded. */
  readonly name: string;
  /** Where its row was (recorded), or its place in the file: orders entities that share a name. */
  readonly order: number;
}

/** An entity an earlier import made in another file, and the row it came from (that import's record). */
export interface RecordedRow {
  readonly ref: string;
  readonly name: string;
  readonly order: number;
}

export interface ImportInput {
  readonly sheets: readonly Grid[];
  readonly mapping: Mapping;
  /** Sheet name → kind, from the user map. */
  readonly sheetKinds: Readonly<Record<string, SheetKind>>;
  readonly pack: FrameworkPack;
  readonly existing: readonly ExistingEntity[];
  /** Entities of the files this import writes, from an earlier run. */
  readonly previous?: readonly PreviousEntity[];
  /** Rows earlier imports made other entities from, to tell apart declared entities sharing a name. */
  readonly recorded?: readonly RecordedRow[];
  /** The agency's place ("Sơn Hà"): "Sở Y tế" then finds "Sở Y tế tỉnh Sơn Hà". */
  readonly place?: string;
}

export type { Doc };

export interface ImportedDoc {
  readonly kind: SheetKind;
  readonly doc: Doc;
  /** The row it was read from; absent for an organisation only named in a cell. */
  readonly source?: { readonly sheet: string; readonly row: number; readonly at: string };
  /** Dotted fields the spreadsheet says something about; a re-import leaves the others as the YAML has them. */
  readonly informed: readonly string[];
  /** Field → address of its cell. */
  readonly cells: Readonly<Record<string, string>>;
}

/** Rows of one kind: read from the sheets, written, and naming entities declared elsewhere. */
export interface RowCounts {
  read: number;
  imported: number;
  existing: number;
  differing: number;
}

export interface ImportResult {
  /** Documents by kind, in the order of the rows (organisations found only as owners come last). */
  readonly docs: readonly ImportedDoc[];
  readonly issues: readonly CellIssue[];
  /** Rows that matched an entity the architecture already declares. */
  readonly existing: number;
  readonly rows: Readonly<Partial<Record<SheetKind, RowCounts>>>;
  /** Organisations created from names in cells (and referred to by a written row). */
  readonly namedOrgs: number;
  /** Previous entities whose row is in the sheet but could not be written this time: a re-import keeps them as they are. */
  readonly unwritable: readonly string[];
  /** Columns holding data that no field takes: `Sheet!A1 «header»`. */
  readonly droppedColumns: readonly string[];
}

interface Row {
  readonly sheet: string;
  readonly grid: Grid;
  readonly row: RawRow;
  readonly kind: KindMapping;
  readonly layout: SheetLayout;
}

interface Built extends Pending {
  readonly layout?: SheetLayout;
  /** The declared entity this row names: compared, not written. */
  readonly compare?: ExistingEntity;
}

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

  // Earlier entities of the files this import writes, by name in row order; their ids stay taken.
  const previousByName = new Map<string, PreviousEntity[]>();
  const previousById = new Map<string, PreviousEntity>();
  const usedPrevious = new Set<string>();
  for (const p of [...(input.previous ?? [])].sort((a, b) => a.order - b.order)) {
    const key = `${p.kind}\u0000${nameKey(p.name)}`;
    previousByName.set(key, [...(previousByName.get(key) ?? []), p]);
    previousById.set(`${p.kind}:${p.id}`, p);
    takenOf(p.kind).add(p.id);
  }
  const takePrevious = (kind: SheetKind, name: string, explicit: string | undefined): PreviousEntity | undefined => {
    const hit = explicit !== undefined ? previousById.get(`${kind}:${explicit}`) : previousByName.get(`${kind}\u0000${nameKey(name)}`)?.find((p) => !usedPrevious.has(`${kind}:${p.id}`));
    if (!hit || usedPrevious.has(`${kind}:${hit.id}`)) return undefined;
    usedPrevious.add(`${kind}:${hit.id}`);
    return hit;
  };
  const recordedByName = new Map<string, RecordedRow[]>();
  for (const r of [...(input.recorded ?? [])].sort((a, b) => a.order - b.order)) recordedByName.set(nameKey(r.name), [...(recordedByName.get(nameKey(r.name)) ?? []), r]);
  const usedRecorded = new Set<string>();

  // Pass 1: tables, rows, ids.
  const rowsByKind = new Map<SheetKind, Row[]>();
  const droppedColumns: string[] = [];
  for (const grid of input.sheets) {
    const layout = detectLayout(grid, input.mapping, input.sheetKinds, issues);
    if (!layout) continue;
    const list = rowsByKind.get(layout.kind.kind) ?? [];
    const rows = dataRows(grid, layout, input.mapping, issues);
    for (const row of rows) list.push({ sheet: grid.name, grid, row, kind: layout.kind, layout });
    rowsByKind.set(layout.kind.kind, list);
    for (const u of layout.unmapped) {
      const filled = rows.filter((r) => !isEmptyCell(grid.cell(r.row, u.col).value)).length;
      issues.push(unmappedColumnIssue(grid.name, layout.kind, u, filled));
      if (filled > 0) droppedColumns.push(`${grid.name}!${u.address} «${u.header}»`);
    }
  }
  const counts: Partial<Record<SheetKind, RowCounts>> = {};
  const countOf = (k: SheetKind): RowCounts => (counts[k] ??= { read: 0, imported: 0, existing: 0, differing: 0 });
  const pending: Built[] = [];
  const compared: Built[] = [];
  const blank = (kind: KindMapping, sheet: string, ref: string, doc: Doc, extra: { row?: RawRow; layout?: SheetLayout; compare?: ExistingEntity } = {}): Built => ({
    kind,
    sheet,
    ref,
    doc,
    refs: [],
    informed: new Set(['name']),
    cells: new Map(),
    texts: new Map(),
    ...extra,
  });
  let existing = 0;
  for (const kindId of SHEET_KINDS) {
    const seen = new Map<string, string>();
    for (const { sheet, row, kind, layout } of rowsByKind.get(kindId) ?? []) {
      countOf(kindId).read++;
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
      const rk = kindId;
      const newDoc = (id: string): Doc => ({ apiVersion: 'kientruc/v1', kind: kind.docKind, id, name });
      // The row an earlier run of this import made an entity from keeps that entity's id.
      const prev = takePrevious(kindId, name, explicit);
      if (prev) {
        const ref = `${rk}:${prev.id}`;
        index(rk).add(ref, name, shortName);
        pending.push(blank(kind, sheet, ref, newDoc(prev.id), { row, layout }));
        continue;
      }
      let found = explicit !== undefined && existingRefs.has(`${rk}:${explicit}`) ? `${rk}:${explicit}` : index(rk).find(name, rk);
      if (found === 'ambiguous') {
        // Declared entities sharing the name: the one an earlier import made from the n-th such row, if recorded.
        const candidates = index(rk).candidates(name).filter((r) => existingRefs.has(r));
        const recorded = recordedByName.get(nameKey(name))?.find((r) => candidates.includes(r.ref) && !usedRecorded.has(r.ref));
        if (recorded) {
          usedRecorded.add(recorded.ref);
          found = recorded.ref;
        } else if (candidates.length > 1) {
          issues.push({
            code: 'import.ambiguous-existing',
            severity: 'warning',
            sheet,
            address: nameCell.address,
            message: text(
              `"${name}" trùng tên với ${candidates.length} thực thể đã khai báo (${candidates.map((r) => `${r}, ${existingRefs.get(r)?.file ?? ''}`).join('; ')}); không biết hàng này là thực thể nào nên không nhập, không tạo thêm.`,
              `"${name}" is the name of ${candidates.length} declared entities (${candidates.map((r) => `${r}, ${existingRefs.get(r)?.file ?? ''}`).join('; ')}); which one this row is cannot be told, so it is neither imported nor created again.`,
            ),
            fix: text(
              'Thêm cột "Mã (id)" ghi mã của thực thể (ví dụ system:…), hoặc nhập lại bảng tính dưới tên tệp của lần nhập trước, hoặc đặt tên phân biệt trong YAML và bảng tính.',
              'Add an "Mã (id)" column holding each entity\'s id, or import the spreadsheet under the name of the earlier import, or give the entities distinct names in the YAML and the spreadsheet.',
            ),
          });
          continue;
        }
      }
      const isOrgOfPack = kindId === 'org' && found !== undefined && found !== 'ambiguous' && (!found.startsWith('org:') || input.pack.organizations.some((o) => o.ref === found));
      if (found !== undefined && found !== 'ambiguous' && (existingRefs.has(found) || isOrgOfPack)) {
        existing++;
        countOf(kindId).existing++;
        const declared = existingRefs.get(found);
        issues.push({
          code: 'import.existing-entity',
          severity: 'info',
          sheet,
          address: nameCell.address,
          entity: found,
          message: text(
            `"${name}" đã có trong kiến trúc (${found}${declared ? `, ${declared.file}` : ''}); giữ nguyên khai báo đó, không nhập hàng này.`,
            `"${name}" is already declared (${found}${declared ? `, ${declared.file}` : ''}); kept as is, row not imported.`,
          ),
        });
        if (declared) compared.push(blank(kind, sheet, found, newDoc(declared.id), { row, layout, compare: declared }));
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
      pending.push(blank(kind, sheet, ref, newDoc(id), { row, layout }));
    }
  }

  // Pass 2: cells.
  const orgMapping = input.mapping.kinds.find((k) => k.kind === 'org') as KindMapping;
  const createdOrgs: Built[] = [];
  const resolveOrg = (written: string, sheet: string, address: string, sink: CellIssue[]): string | undefined => {
    const hit = index('org').find(written, 'org');
    if (hit === 'ambiguous') {
      sink.push({ code: 'import.unknown-org', severity: 'error', sheet, address, message: text(`"${written}" khớp với nhiều cơ quan.`, `"${written}" matches several organisations.`), fix: text('Ghi tên đầy đủ của cơ quan hoặc mã org:<id>.', 'Write the full name or org:<id>.') });
      return undefined;
    }
    if (hit) return hit;
    const key = nameKey(written);
    const level = input.mapping.orgLevels.find(([prefix]) => `${key} `.startsWith(`${normalizeLabel(prefix)} `))?.[1];
    if (!level) return undefined;
    // "Sở KH&CN" is created as "Sở Khoa học và Công nghệ", so the full name finds it too (and the other way round).
    const shortForm = written.replace(/\s+/g, ' ');
    const full = expandBodyNames(shortForm);
    const prev = takePrevious('org', full, undefined) ?? (full !== shortForm ? takePrevious('org', shortForm, undefined) : undefined);
    const id = prev?.id ?? deriveId(full, takenOf('org'), 'co-quan');
    takenOf('org').add(id);
    const ref = `org:${id}`;
    index('org').add(ref, full, full !== shortForm ? shortForm : undefined);
    const doc: Doc = { apiVersion: 'kientruc/v1', kind: 'Organization', id, name: full, ...(full !== shortForm ? { shortName: shortForm } : {}), level };
    const created = blank(orgMapping, sheet, ref, doc);
    created.informed.add('level');
    if (full !== shortForm) created.informed.add('shortName');
    // Findings about the body point at the cell that first named it.
    for (const f of created.informed) created.cells.set(f, address);
    createdOrgs.push(created);
    const named = full !== shortForm ? text(` "${full}" (viết tắt "${shortForm}")`, ` "${full}" (short "${shortForm}")`) : text('', '');
    sink.push({
      code: 'import.new-org',
      severity: 'info',
      sheet,
      address,
      entity: ref,
      message: text(`"${written}" chưa có trong danh sách cơ quan; tạo ${ref}${named.vi} (cấp: ${level}) theo tên.`, `"${written}" is not a listed organisation; created ${ref}${named.en} (level: ${level}) from its name.`),
      fix: text('Kiểm tra cấp và bổ sung mã định danh cơ quan (code) trong tệp đơn vị được tạo.', 'Check the level and add the agency code in the generated organisations file.'),
    });
    // A near spelling of a listed or created body is said, never merged: "Sở TC" may or may not be "Sở Tài chính".
    const others = [...input.existing.filter((e) => e.kind === 'org' || e.kind === 'agency').map((e) => ({ ref: `${e.kind}:${e.id}`, name: e.name })), ...createdOrgs.filter((o) => o.ref !== ref).map((o) => ({ ref: o.ref, name: String(o.doc['name']) }))];
    const like = others.find((o) => similarName(full, o.name));
    if (like) {
      sink.push({
        code: 'import.similar-org',
        severity: 'warning',
        sheet,
        address,
        entity: ref,
        message: text(`"${written}" gần giống "${like.name}" (${like.ref}) nhưng được tạo thành cơ quan riêng ${ref}.`, `"${written}" looks like "${like.name}" (${like.ref}) but was created as a separate organisation ${ref}.`),
        fix: text(
          `Nếu là một cơ quan, ghi đúng tên "${like.name}" trong bảng tính, hoặc khai báo shortName: "${written}" cho ${like.ref}; rồi nhập lại.`,
          `If they are one body, write "${like.name}" in the spreadsheet, or declare shortName: "${written}" on ${like.ref}; then import again.`,
        ),
      });
    }
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

  function readCell(p: Built, col: ColumnDef, cell: RawCell, fromGroup: boolean, sink: CellIssue[]): void {
    const [base, arg = ''] = col.type.split(':') as [string, string?];
    const header = col.headers[0] as string;
    const written = cellText(cell.value);
    const sources = col.field === 'lead' ? ['lead', 'leads'] : col.rest ? [col.field, col.rest] : [col.field];
    for (const f of sources) {
      p.informed.add(f);
      p.cells.set(f, cell.address);
      p.texts.set(f, written);
    }
    const fail = (reason: { vi: string; en: string }, fix: { vi: string; en: string }, code = 'import.bad-value') => {
      // An unreadable cell says nothing: a re-import keeps what the YAML has there.
      for (const f of sources) p.informed.delete(f);
      if (fromGroup) return;
      sink.push({ code, severity: 'error', sheet: p.sheet, address: cell.address, entity: p.ref, message: text(`${header}: ${reason.vi}.`, `${header}: ${reason.en}.`), fix });
    };
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
      let failed = false;
      for (const n of names) {
        const ref = resolveOrg(n, p.sheet, cell.address, sink);
        if (ref) {
          if (!refs.includes(ref)) refs.push(ref);
          p.refs.push({ field: coLed ? 'leads' : col.field, ref, address: cell.address });
        } else if (col.rest) rest.push(n);
        else {
          failed = true;
          fail(
            text(`không tìm thấy cơ quan "${n}"`, `no organisation named "${n}"`),
            text('Ghi đúng tên cơ quan như trong sheet Đơn vị hoặc thư mục organizations/; hoặc thêm cơ quan đó vào sheet Đơn vị, hoặc thêm tiền tố tên vào orgLevels của tệp ánh xạ.', 'Write the name as listed in the organisations sheet or organizations/; add the body there, or add its name prefix to orgLevels in the map file.'),
            'import.unknown-org',
          );
        }
      }
      if (failed) return;
      if (coLed && refs.length) setPath(p.doc, 'leads', refs);
      else if (base === 'org' && refs[0]) setPath(p.doc, col.field, refs[0]);
      if (base === 'org-list' && refs.length) setPath(p.doc, col.field, refs);
      if (rest.length && col.rest) {
        setPath(p.doc, col.rest, rest.join('; '));
        sink.push({ code: 'import.partners-text', severity: 'info', sheet: p.sheet, address: cell.address, entity: p.ref, message: text(`${header}: "${rest.join('; ')}" không phải tên cơ quan cụ thể; ghi vào ${col.rest}.`, `${header}: "${rest.join('; ')}" names no specific body; written to ${col.rest}.`) });
      }
      return;
    }
    if (base === 'ref' || base === 'ref-list') {
      const kinds = arg.split(',');
      const items = base === 'ref' ? [written] : splitList(written);
      const refs: string[] = [];
      let failed = false;
      for (const n of items) {
        const ref = kinds.includes('org') || kinds.includes('agency') ? (resolveRef(n, kinds.filter((k) => k !== 'org' && k !== 'agency')) ?? index('org').find(n, 'org')) : resolveRef(n, kinds);
        if (ref && ref !== 'ambiguous') {
          if (!refs.includes(ref)) refs.push(ref);
          p.refs.push({ field: col.field, ref, address: cell.address });
        } else {
          failed = true;
          fail(
            ref === 'ambiguous' ? text(`"${n}" khớp với nhiều thực thể`, `"${n}" matches several entities`) : text(`không tìm thấy "${n}" (${kinds.join(', ')})`, `"${n}" not found (${kinds.join(', ')})`),
            text('Ghi đúng tên như trong sheet tương ứng hoặc trong kiến trúc, hoặc tham chiếu dạng system:<id>; nền tảng quốc gia ghi tên hoặc mã (ví dụ NDXP).', 'Write the name as in its sheet or the architecture, or a ref such as system:<id>; national platforms by name or code (e.g. NDXP).'),
            'import.unknown-ref',
          );
        }
      }
      if (failed) return;
      if (base === 'ref' && refs[0]) setPath(p.doc, col.field, refs[0]);
      if (base === 'ref-list' && refs.length) setPath(p.doc, col.field, refs);
      return;
    }
    const type = col.type === 'date' && acceptsYear(ctx.pack, p.kind.docKind, col.field) ? 'time-point' : col.type;
    const parsed = parseCell(type, cell.value, ctx, col.field);
    if (!parsed.ok) {
      // A spelling with several readings ("Có" personal data) is "not yet known" where the field takes that.
      if (parsed.ambiguous && acceptsUnknown(ctx.pack, p.kind.docKind, col.field)) {
        setPath(p.doc, col.field, UNKNOWN_VALUES[0]);
        sink.push({ code: 'import.ambiguous-value', severity: 'warning', sheet: p.sheet, address: cell.address, entity: p.ref, message: text(`${header}: ${parsed.reason.vi}; ghi "${UNKNOWN_VALUES[0]}".`, `${header}: ${parsed.reason.en}; wrote "${UNKNOWN_VALUES[0]}".`), fix: parsed.fix });
        return;
      }
      return fail(parsed.reason, parsed.fix);
    }
    if ((Array.isArray(parsed.value) && parsed.value.length === 0) || parsed.value === '') return;
    setPath(p.doc, col.field, parsed.value);
    if (parsed.note) sink.push({ code: 'import.normalised', severity: 'info', sheet: p.sheet, address: cell.address, entity: p.ref, message: text(`${header}: ${parsed.note.vi}`, `${header}: ${parsed.note.en}`) });
  }

  const readRow = (p: Built, sink: CellIssue[]): void => {
    const row = p.row as RawRow;
    const present = new Set([...(p.layout?.columns.values() ?? [])].map((c) => c.field));
    for (const col of p.kind.columns) {
      if (col.field === 'id' || col.field === 'name') continue;
      let cell = row.cells.get(col.field);
      const fromGroup = !cell && col.field === p.kind.groupField && row.group !== undefined;
      if (fromGroup) cell = row.group;
      if (cell) readCell(p, col, cell, fromGroup, sink);
      // A column whose cell is empty says "nothing here": informed, with no value.
      else if (present.has(col.field)) for (const f of col.field === 'lead' ? ['lead', 'leads'] : col.rest ? [col.field, col.rest] : [col.field]) p.informed.add(f);
    }
    for (const [field, value] of Object.entries(p.kind.defaults)) {
      if (getPath(p.doc, field) !== undefined) continue;
      setPath(p.doc, field, value);
      p.informed.add(field);
    }
  };
  for (const p of pending) readRow(p, issues);

  // Pass 3: a row without a required field is not written, nor are references to it.
  const absent = (p: Pending): ReadonlySet<string> => {
    const layout = (p as Built).layout;
    if (!layout) return new Set();
    const fields = new Set([...layout.columns.values()].map((c) => c.field));
    return new Set(p.kind.required.filter((f) => !fields.has(f) && !(f in p.kind.defaults) && !(f === 'lead' && fields.has('leads'))));
  };
  const { dropped, shortfalls } = pruneIncomplete([...pending, ...createdOrgs], issues, absent);
  for (const [sheet, s] of shortfalls) {
    const first = pending.find((p) => p.sheet === sheet && p.layout);
    const layout = first?.layout as SheetLayout;
    const grid = input.sheets.find((g) => g.name === sheet) as Grid;
    issues.push(
      missingColumnsIssue({
        sheet,
        address: grid.cell(layout.headerTop, 1).address,
        kind: layout.kind,
        fields: s.fields,
        rows: s.rows,
        total: [...rowsByKind.values()].flat().filter((r) => r.sheet === sheet).length,
        unmapped: layout.unmapped,
        pack: input.pack,
      }),
    );
  }

  // Organisations named only by rows that are not written are not created.
  const written = [...pending].filter((p) => !dropped.has(p.ref));
  const named = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') named.add(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const p of written) collect(p.doc);
  const orgs = createdOrgs.filter((o) => named.has(o.ref));
  const unnamed = new Set(createdOrgs.filter((o) => !named.has(o.ref)).map((o) => o.ref));
  const kept = issues.filter((i) => !(i.entity !== undefined && unnamed.has(i.entity) && (i.code === 'import.new-org' || i.code === 'import.similar-org')));

  // Rows naming declared entities: what they say differently, field by field.
  for (const p of compared) {
    const sink: CellIssue[] = [];
    readRow(p, sink);
    const found = differences(p, p.compare as ExistingEntity, p.ref, (f) => p.kind.columns.find((c) => c.field === f || c.rest === f || (c.field === 'lead' && f === 'leads'))?.headers[0] ?? f);
    if (found.length) countOf(p.kind.kind).differing++;
    kept.push(...found);
  }

  const docs: ImportedDoc[] = [];
  for (const kindId of SHEET_KINDS) {
    for (const p of [...written, ...orgs]) {
      if (p.kind.kind !== kindId || dropped.has(p.ref)) continue;
      if (p.row) countOf(kindId).imported++;
      docs.push({
        kind: kindId,
        doc: p.doc,
        ...(p.row ? { source: { sheet: p.sheet, row: p.row.row, at: p.row.at } } : p.cells.has('name') ? { source: { sheet: p.sheet, row: cellPosition(p.cells.get('name') as string).line, at: p.cells.get('name') as string } } : {}),
        informed: [...p.informed].sort(),
        cells: Object.fromEntries([...p.cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      });
    }
  }
  const unwritable = pending.filter((p) => dropped.has(p.ref) && previousById.has(p.ref)).map((p) => p.ref);
  return { docs, issues: kept, existing, rows: counts, namedOrgs: orgs.length, unwritable, droppedColumns };
}

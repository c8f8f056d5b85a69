/**
 * A re-import as a three-way merge, per field of each entity: the record of the last import (what the
 * sheet said then), the YAML now (what the user has edited since), and the sheet now.
 * - A field the sheet has no column for is the user's: never touched.
 * - The sheet changed it and the user did not: the sheet's value is taken.
 * - The user changed it and the sheet did not: the user's value stays.
 * - Both changed it, differently: a conflict, reported at the cell with the YAML's file:line; the
 *   user's value stays unless `preferSheet`.
 * Without a record (a file from before records were kept) every difference is a conflict: nothing
 * tells a hand edit from a sheet change. Entities whose row left the sheet are deleted (unless the
 * caller keeps them, see `keep`); an entity the user deleted by hand is not made again; one the user
 * added by hand to the file is left alone. Text is edited in place (yaml-edit.ts): comments, order
 * and formatting of everything else stay as the user wrote them.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { text, type Text } from '../../../core/text.js';
import type { KindMapping } from '../mapping.js';
import { sameValue, showValue } from './compare.js';
import type { ImportedDoc } from './convert.js';
import { getPath, type Doc } from './doc-path.js';
import type { CellIssue } from './issues.js';
import { renderDoc, renderFile } from './plan.js';
import { RECORD_VERSION, type ImportRecord, type RecordEntry } from './record.js';
import { deleteField, setField } from './yaml-edit.js';

export interface MergeFileInput {
  /** Repo-relative path of the YAML file, for messages. */
  readonly path: string;
  /** The file's name for the record, `danh-muc.import.json`. */
  readonly recordName: string;
  /** The file's text now; undefined when it does not exist yet. */
  readonly ours?: string;
  readonly record?: ImportRecord;
  /** The documents this import makes for the file, in row order. */
  readonly theirs: readonly ImportedDoc[];
  readonly kind: KindMapping;
  /** The spreadsheet's file name. */
  readonly source: string;
  /** Value that marks a kept entity retired (`status: retired`), when the kind has one. */
  readonly retired?: string;
}

export interface MergeOptions {
  /** Conflicts take the sheet's value. */
  readonly preferSheet: boolean;
  /** Previous entities whose row is in the sheet but was not written this time: left as they are. */
  readonly unwritable: ReadonlySet<string>;
  /** Entities whose row left the sheet, kept (and marked retired where the kind can say so) instead of deleted. */
  readonly keep: ReadonlySet<string>;
  /** Entities deleted by hand that are made again (another written entity refers to them). */
  readonly restore: ReadonlySet<string>;
}

export interface FileMerge {
  readonly text: string;
  readonly record: ImportRecord;
  readonly issues: readonly CellIssue[];
  /** Refs deleted because their row left the sheet. */
  readonly deleted: readonly string[];
  /** Refs kept although their row left the sheet (`keep`), with what was done. */
  readonly kept: readonly { readonly ref: string; readonly retired: boolean }[];
  /** Refs the user deleted by hand, not made again. */
  readonly removedByHand: readonly string[];
  /** Every string the written documents hold (the refs they make among them). */
  readonly strings: ReadonlySet<string>;
  /** Set when the file cannot be merged (a YAML syntax error): nothing may be written. */
  readonly error?: Text;
}

const order = (kind: KindMapping): string[] => ['apiVersion', 'kind', ...kind.columns.flatMap((c) => (c.field === 'lead' ? ['lead', 'leads'] : c.rest ? [c.field, c.rest] : [c.field]))];

const headerOf = (kind: KindMapping, field: string): string =>
  kind.columns.find((c) => c.field === field || c.rest === field || (c.field === 'lead' && field === 'leads'))?.headers[0] ?? field;

function entryOf(d: ImportedDoc, carried?: RecordEntry): RecordEntry {
  const values: Record<string, unknown> = {};
  const fields = new Set(d.informed);
  for (const f of d.informed) {
    const v = getPath(d.doc, f);
    if (v !== undefined) values[f] = v;
  }
  // What the sheet said of a field it says nothing of now (a column gone this quarter) is still the last word.
  for (const f of carried?.fields ?? []) {
    if (fields.has(f)) continue;
    fields.add(f);
    if (carried?.values[f] !== undefined) values[f] = carried.values[f];
  }
  return { name: String(d.doc['name']), fields: [...fields].sort(), values, ...(d.source ? { sheet: d.source.sheet, row: d.source.row } : {}) };
}

function stringsOf(v: unknown, out: Set<string>): void {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) stringsOf(x, out);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stringsOf(x, out);
}

export function mergeFile(input: MergeFileInput, opts: MergeOptions): FileMerge {
  const { kind } = input;
  const refOf = (id: unknown): string => `${kind.kind}:${String(id)}`;
  const entities: Record<string, RecordEntry> = {};
  const issues: CellIssue[] = [];
  const strings = new Set<string>();
  if (input.ours === undefined) {
    for (const d of input.theirs) {
      entities[refOf(d.doc['id'])] = entryOf(d);
      stringsOf(d.doc, strings);
    }
    return {
      text: renderFile(input.theirs.map((d) => d.doc), input.source, input.recordName),
      record: { version: RECORD_VERSION, source: input.source, entities },
      issues,
      deleted: [],
      kept: [],
      removedByHand: [],
      strings,
    };
  }

  const ours = input.ours;
  const lines = new LineCounter();
  const docs = parseAllDocuments(ours, { lineCounter: lines });
  const broken = docs.find((d) => d.errors.length > 0);
  if (broken) {
    return {
      text: ours,
      record: input.record ?? { version: RECORD_VERSION, source: input.source, entities: {} },
      issues,
      deleted: [],
      kept: [],
      removedByHand: [],
      strings,
      error: text(`${input.path} có lỗi cú pháp YAML; sửa lỗi (kientruc validate) rồi nhập lại.`, `${input.path} has a YAML syntax error; fix it (kientruc validate), then import again.`),
    };
  }
  const record = input.record;
  const legacy = record === undefined;
  const starts = docs.map((d) => d.range[0]);
  const preamble = ours.slice(0, starts[0] ?? ours.length);
  const theirsById = new Map(input.theirs.map((d) => [String(d.doc['id']), d]));
  const seen = new Set<string>();
  const deleted: string[] = [];
  const kept: { ref: string; retired: boolean }[] = [];
  const removedByHand: string[] = [];
  const fieldOrder = order(kind);
  let out = preamble;

  docs.forEach((doc, i) => {
    let seg = ours.slice(starts[i], starts[i + 1] ?? ours.length);
    const value = doc.toJS() as unknown;
    const o = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Doc) : undefined;
    const id = o?.['kind'] === kind.docKind && typeof o['id'] === 'string' ? o['id'] : undefined;
    if (o === undefined || id === undefined) {
      // Not an entity of this file's kind: the user's, as written.
      out += seg;
      if (o) stringsOf(o, strings);
      return;
    }
    const ref = refOf(id);
    seen.add(id);
    const t = theirsById.get(id);
    const managed = legacy || ref in record.entities;
    if (!t) {
      if (opts.unwritable.has(ref) || !managed) {
        if (!legacy && ref in record.entities) entities[ref] = record.entities[ref] as RecordEntry;
        out += seg;
        stringsOf(o, strings);
      } else if (opts.keep.has(ref)) {
        const retire = input.retired !== undefined && o['status'] !== undefined;
        if (retire) seg = setField(seg, ['status'], input.retired, fieldOrder);
        kept.push({ ref, retired: retire });
        out += seg;
        stringsOf(o, strings);
      } else deleted.push(ref);
      return;
    }
    const base = record?.entities[ref];
    const at = (field: string): string => {
      const node = doc.getIn(field.split('.'), true) as { range?: [number, number, number] } | undefined;
      const pos = node?.range ? lines.linePos(node.range[0]) : lines.linePos(starts[i] ?? 0);
      return `${input.path}:${pos.line}`;
    };
    for (const field of [...t.informed].sort((a, b) => rank(fieldOrder, a) - rank(fieldOrder, b))) {
      if (field === 'id') continue;
      const mine = getPath(o, field);
      const sheet = getPath(t.doc, field);
      if (sameValue(mine, sheet)) continue;
      const known = base?.fields.includes(field) === true;
      const before = base?.values[field];
      if (known && sameValue(sheet, before)) continue;
      const take = (known && sameValue(mine, before)) || (!known && mine === undefined);
      if (!take) {
        const header = headerOf(kind, field);
        issues.push({
          code: 'import.conflict',
          severity: 'warning',
          sheet: t.source?.sheet ?? '',
          address: t.cells[field] ?? t.source?.at ?? 'A1',
          entity: ref,
          message: known
            ? text(
                `${header}: bảng tính đổi ${showValue(before)} thành ${showValue(sheet)}, còn ${at(field)} đã sửa bằng tay thành ${showValue(mine)}; ${opts.preferSheet ? 'lấy giá trị của bảng tính (--prefer-sheet)' : 'giữ giá trị trong YAML'}.`,
                `${header}: the spreadsheet changed ${showValue(before)} to ${showValue(sheet)}, while ${at(field)} was edited by hand to ${showValue(mine)}; ${opts.preferSheet ? "the spreadsheet's value is taken (--prefer-sheet)" : 'the YAML value is kept'}.`,
              )
            : text(
                `${header}: bảng tính ghi ${showValue(sheet)}, còn ${at(field)} ghi ${showValue(mine)}, và không có bản ghi lần nhập trước để biết bên nào đã sửa; ${opts.preferSheet ? 'lấy giá trị của bảng tính (--prefer-sheet)' : 'giữ giá trị trong YAML'}.`,
                `${header}: the spreadsheet says ${showValue(sheet)} and ${at(field)} says ${showValue(mine)}, with no record of the last import to tell which side changed; ${opts.preferSheet ? "the spreadsheet's value is taken (--prefer-sheet)" : 'the YAML value is kept'}.`,
              ),
          fix: text(
            'Giữ giá trị YAML: chạy với --update để ghi nhận (lần sau không báo lại); lấy giá trị bảng tính: --update --prefer-sheet; hoặc sửa một bên cho khớp.',
            "Keep the YAML value: run with --update to acknowledge it (not reported again); take the spreadsheet's: --update --prefer-sheet; or make one side agree.",
          ),
        });
        if (!opts.preferSheet) continue;
      }
      seg = sheet === undefined ? deleteField(seg, field.split('.')) : setField(seg, field.split('.'), sheet, fieldOrder);
    }
    entities[ref] = entryOf(t, base);
    out += seg;
    const merged = parseAllDocuments(seg)[0]?.toJS() as unknown;
    stringsOf(merged, strings);
  });

  for (const t of input.theirs) {
    const id = String(t.doc['id']);
    if (seen.has(id)) continue;
    const ref = refOf(id);
    if (!legacy && ref in record.entities && !opts.preferSheet && !opts.restore.has(ref)) {
      // Deleted from the YAML by hand since the last import: the user's decision stands.
      removedByHand.push(ref);
      entities[ref] = record.entities[ref] as RecordEntry;
      issues.push({
        code: 'import.removed-by-hand',
        severity: 'info',
        sheet: t.source?.sheet ?? '',
        address: t.source?.at ?? 'A1',
        entity: ref,
        message: text(
          `${ref} đã bị xoá bằng tay khỏi ${input.path} sau lần nhập trước; không tạo lại.`,
          `${ref} was deleted by hand from ${input.path} after the last import; not made again.`,
        ),
        fix: text('Để tạo lại từ bảng tính, chạy với --prefer-sheet; nếu không cần, xoá hàng khỏi bảng tính.', 'To make it again from the spreadsheet, run with --prefer-sheet; if it is not wanted, delete the row from the spreadsheet.'),
      });
      continue;
    }
    out += `${out === '' || out.endsWith('\n') ? '' : '\n'}---\n${renderDoc(t.doc)}`;
    entities[ref] = entryOf(t, record?.entities[ref]);
    stringsOf(t.doc, strings);
  }
  return { text: out, record: { version: RECORD_VERSION, source: input.source, entities }, issues, deleted, kept, removedByHand, strings };
}

function rank(fieldOrder: readonly string[], field: string): number {
  const i = fieldOrder.indexOf(field);
  return i < 0 ? fieldOrder.length : i;
}

/**
 * Merges every file of an import. An entity deleted by hand that another written entity refers to
 * is made again (its row is still in the sheet), so what is written always resolves.
 */
export function mergeImport(files: readonly MergeFileInput[], opts: Omit<MergeOptions, 'restore'>): FileMerge[] {
  let restore = new Set<string>();
  for (;;) {
    const merged = files.map((f) => mergeFile(f, { ...opts, restore }));
    const used = new Set(merged.flatMap((m) => [...m.strings]));
    const more = merged.flatMap((m) => m.removedByHand).filter((r) => used.has(r) && !restore.has(r));
    if (more.length === 0) return merged;
    restore = new Set([...restore, ...more]);
  }
}

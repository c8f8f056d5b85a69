/**
 * The user's map file (`kientruc import --map MAP.yaml`), laid over the default mapping. Its format is
 * documented in docs/import-export.md; every problem is reported with its key, all at once.
 */
import { parse } from 'yaml';
import type { FrameworkPack } from '../../framework/types.js';
import { SHEET_KINDS, type ColumnDef, type KindMapping, type Mapping, type SheetKind } from './mapping.js';
import { text, type Text } from '../../core/text.js';
import { normalizeLabel } from './normalize.js';

export interface UserMap {
  readonly mapping: Mapping;
  readonly sheetKinds: Readonly<Record<string, SheetKind>>;
}

const TOP_KEYS = ['sheets', 'columns', 'values', 'orgLevels', 'subtotals', 'defaults'];
const SCALAR_TYPES = ['text', 'text-list', 'id', 'url', 'integer', 'number', 'bool', 'date', 'deadline', 'component', 'org', 'org-list'];
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim() !== '');

function validType(type: string, pack: FrameworkPack): boolean {
  const [base, arg] = type.split(':');
  if (arg === undefined) return SCALAR_TYPES.includes(base as string);
  if (base === 'enum' || base === 'enum-list') return pack.enums[arg] !== undefined;
  if (base === 'ref' || base === 'ref-list') return arg.split(',').every((k) => ['system', 'dataset', 'integration', 'national', 'org', 'agency', 'task', 'kpi', 'service', 'function'].includes(k));
  return false;
}

/** Reads a map file's text; `problems` lists what is wrong, in both languages (the caller refuses to run when any). */
export function readUserMap(source: string, base: Mapping, pack: FrameworkPack): { map: UserMap; problems: Text[] } {
  const problems: Text[] = [];
  /** One problem at `key`: its Vietnamese and English halves. */
  const problem = (key: string, vi: string, en: string): void => void problems.push(text(`${key}: ${vi}`, `${key}: ${en}`));
  let data: unknown;
  try {
    data = parse(source) ?? {};
  } catch (err) {
    return { map: { mapping: base, sheetKinds: {} }, problems: [text(`cú pháp YAML: ${err instanceof Error ? err.message : String(err)}`, `YAML syntax: ${err instanceof Error ? err.message : String(err)}`)] };
  }
  if (!isRecord(data)) return { map: { mapping: base, sheetKinds: {} }, problems: [text('tệp ánh xạ phải là đối tượng khoá: giá trị', 'the mapping file must be an object of key: value')] };
  for (const k of Object.keys(data)) if (!TOP_KEYS.includes(k)) problems.push(text(`khoá "${k}" không được hỗ trợ (dùng: ${TOP_KEYS.join(', ')})`, `the key "${k}" is not supported (use: ${TOP_KEYS.join(', ')})`));
  const isKind = (k: string): k is SheetKind => (SHEET_KINDS as readonly string[]).includes(k);

  const sheetKinds: Record<string, SheetKind> = {};
  if (data['sheets'] !== undefined) {
    if (!isRecord(data['sheets'])) problem('sheets', 'phải là { "Tên sheet": system | dataset | integration | org | task }', 'must be { "Sheet name": system | dataset | integration | org | task }');
    else
      for (const [sheet, kind] of Object.entries(data['sheets'])) {
        if (typeof kind === 'string' && isKind(kind)) sheetKinds[sheet] = kind;
        else problem(`sheets."${sheet}"`, `"${String(kind)}" không phải loại (${SHEET_KINDS.join(', ')})`, `"${String(kind)}" is not a kind (${SHEET_KINDS.join(', ')})`);
      }
  }

  const kinds: KindMapping[] = base.kinds.map((k) => ({ ...k, columns: [...k.columns], defaults: { ...k.defaults } }));
  const columns = data['columns'];
  if (columns !== undefined && !isRecord(columns)) problem('columns', 'phải là { <loại>: { <trường>: [tiêu đề, …] } }', 'must be { <kind>: { <field>: [header, …] } }');
  if (isRecord(columns)) {
    for (const [kindId, fields] of Object.entries(columns)) {
      const km = kinds.find((k) => k.kind === kindId);
      if (!km || !isRecord(fields)) {
        problem(`columns.${kindId}`, km ? 'phải là { <trường>: [tiêu đề, …] }' : `không phải loại (${SHEET_KINDS.join(', ')})`, km ? 'must be { <field>: [header, …] }' : `is not a kind (${SHEET_KINDS.join(', ')})`);
        continue;
      }
      const cols = km.columns as ColumnDef[];
      for (const [field, spec] of Object.entries(fields)) {
        // An empty list takes the field out: its default headers no longer match any column.
        if (Array.isArray(spec) && spec.length === 0) {
          const at = cols.findIndex((c) => c.field === field);
          if (at >= 0 && km.nameField !== field) cols.splice(at, 1);
          else problem(`columns.${kindId}.${field}`, at < 0 ? 'trường không có trong ánh xạ' : 'không bỏ được cột tên', at < 0 ? 'no such field in the mapping' : 'the name column cannot be removed');
          continue;
        }
        const headers = isStringList(spec) ? spec : isRecord(spec) && isStringList(spec['headers']) ? spec['headers'] : undefined;
        if (!headers) {
          problem(`columns.${kindId}.${field}`, 'ghi danh sách tiêu đề ["…"] hoặc { type: …, headers: ["…"] }', 'write a list of headers ["…"] or { type: …, headers: ["…"] }');
          continue;
        }
        const taken = new Set(headers.map(normalizeLabel));
        // The user's header wins over a default header of another field.
        for (let i = 0; i < cols.length; i++) {
          const c = cols[i] as ColumnDef;
          if (c.field !== field && c.headers.some((h) => taken.has(normalizeLabel(h)))) cols[i] = { ...c, headers: c.headers.filter((h) => !taken.has(normalizeLabel(h))) };
        }
        const at = cols.findIndex((c) => c.field === field);
        if (at >= 0) {
          const c = cols[at] as ColumnDef;
          cols[at] = { ...c, headers: [...c.headers, ...headers.filter((h) => !c.headers.includes(h))] };
        } else {
          const type = isRecord(spec) && typeof spec['type'] === 'string' ? spec['type'] : undefined;
          if (type === undefined || !validType(type, pack)) {
            problem(
              `columns.${kindId}.${field}`,
              `trường chưa có trong ánh xạ mặc định cần "type" hợp lệ (${SCALAR_TYPES.join(', ')}, enum:<danh mục>, enum-list:<danh mục>, ref:<loại>, ref-list:<loại>)`,
              `a field not in the default mapping needs a valid "type" (${SCALAR_TYPES.join(', ')}, enum:<list>, enum-list:<list>, ref:<kind>, ref-list:<kind>)`,
            );
            continue;
          }
          cols.push({ field, type, headers });
        }
      }
    }
  }

  const values: Record<string, Record<string, string | number>> = {};
  for (const [k, v] of Object.entries(base.values)) values[k] = { ...v };
  if (data['values'] !== undefined) {
    if (!isRecord(data['values'])) problem('values', 'phải là { <danh mục>: { "cách viết": giá trị } }', 'must be { <list>: { "spelling": value } }');
    else
      for (const [enumId, spellings] of Object.entries(data['values'])) {
        const def = pack.enums[enumId];
        if ((!def && enumId !== 'component') || !isRecord(spellings)) {
          const unknown = !def && enumId !== 'component';
          problem(`values.${enumId}`, unknown ? 'danh mục không tồn tại (xem kientruc schema)' : 'phải là { "cách viết": giá trị }', unknown ? 'no such list (see kientruc schema)' : 'must be { "spelling": value }');
          continue;
        }
        const allowed = enumId === 'component' ? pack.components.map((c) => c.id) : (def?.values ?? []).map((x) => x.value);
        for (const [spelling, value] of Object.entries(spellings)) {
          if (!allowed.includes(value as string | number)) problem(`values.${enumId}."${spelling}"`, `${JSON.stringify(value)} không thuộc danh mục (${allowed.join(', ')})`, `${JSON.stringify(value)} is not in the list (${allowed.join(', ')})`);
          else (values[enumId] ??= {})[normalizeLabel(spelling)] = value as string | number;
        }
      }
  }

  let orgLevels = base.orgLevels;
  if (data['orgLevels'] !== undefined) {
    const levels = pack.enums['agencyLevel']?.values.map((v) => v.value) ?? [];
    if (!isRecord(data['orgLevels'])) problem('orgLevels', 'phải là { "Đầu tên": cấp }', 'must be { "Name prefix": level }');
    else {
      const extra: (readonly [string, string])[] = [];
      for (const [prefix, level] of Object.entries(data['orgLevels'])) {
        if (typeof level === 'string' && levels.includes(level)) extra.push([normalizeLabel(prefix), level]);
        else problem(`orgLevels."${prefix}"`, `"${String(level)}" không phải cấp (${levels.join(', ')})`, `"${String(level)}" is not a level (${levels.join(', ')})`);
      }
      orgLevels = [...extra, ...base.orgLevels];
    }
  }

  let subtotals = base.subtotals;
  if (data['subtotals'] !== undefined) {
    if (!isStringList(data['subtotals'])) problem('subtotals', 'phải là danh sách nhãn ["Tổng số", …]', 'must be a list of labels ["Tổng số", …]');
    else subtotals = [...data['subtotals'], ...base.subtotals];
  }

  if (data['defaults'] !== undefined) {
    if (!isRecord(data['defaults'])) problem('defaults', 'phải là { <loại>: { <trường>: giá trị } }', 'must be { <kind>: { <field>: value } }');
    else
      for (const [kindId, fields] of Object.entries(data['defaults'])) {
        const at = kinds.findIndex((k) => k.kind === kindId);
        if (at < 0 || !isRecord(fields)) {
          problem(`defaults.${kindId}`, at < 0 ? `không phải loại (${SHEET_KINDS.join(', ')})` : 'phải là { <trường>: giá trị }', at < 0 ? `is not a kind (${SHEET_KINDS.join(', ')})` : 'must be { <field>: value }');
          continue;
        }
        kinds[at] = { ...(kinds[at] as KindMapping), defaults: { ...fields } };
      }
  }

  return { map: { mapping: { kinds, values, orgLevels, subtotals }, sheetKinds }, problems };
}

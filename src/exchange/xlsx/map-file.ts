/**
 * The user's map file (`kientruc import --map MAP.yaml`), laid over the default mapping. Its format is
 * documented in docs/import-export.md; every problem is reported with its key, all at once.
 */
import { parse } from 'yaml';
import type { FrameworkPack } from '../../framework/types.js';
import { SHEET_KINDS, type ColumnDef, type KindMapping, type Mapping, type SheetKind } from './mapping.js';
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

/** Reads a map file's text; `problems` lists what is wrong (the caller refuses to run when any). */
export function readUserMap(source: string, base: Mapping, pack: FrameworkPack): { map: UserMap; problems: string[] } {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parse(source) ?? {};
  } catch (err) {
    return { map: { mapping: base, sheetKinds: {} }, problems: [`cú pháp YAML: ${err instanceof Error ? err.message : String(err)}`] };
  }
  if (!isRecord(data)) return { map: { mapping: base, sheetKinds: {} }, problems: ['tệp ánh xạ phải là đối tượng khoá: giá trị'] };
  for (const k of Object.keys(data)) if (!TOP_KEYS.includes(k)) problems.push(`khoá "${k}" không được hỗ trợ (dùng: ${TOP_KEYS.join(', ')})`);
  const isKind = (k: string): k is SheetKind => (SHEET_KINDS as readonly string[]).includes(k);

  const sheetKinds: Record<string, SheetKind> = {};
  if (data['sheets'] !== undefined) {
    if (!isRecord(data['sheets'])) problems.push('sheets: phải là { "Tên sheet": system | dataset | integration | org | task }');
    else
      for (const [sheet, kind] of Object.entries(data['sheets'])) {
        if (typeof kind === 'string' && isKind(kind)) sheetKinds[sheet] = kind;
        else problems.push(`sheets."${sheet}": "${String(kind)}" không phải loại (${SHEET_KINDS.join(', ')})`);
      }
  }

  const kinds: KindMapping[] = base.kinds.map((k) => ({ ...k, columns: [...k.columns], defaults: { ...k.defaults } }));
  const columns = data['columns'];
  if (columns !== undefined && !isRecord(columns)) problems.push('columns: phải là { <loại>: { <trường>: [tiêu đề, …] } }');
  if (isRecord(columns)) {
    for (const [kindId, fields] of Object.entries(columns)) {
      const km = kinds.find((k) => k.kind === kindId);
      if (!km || !isRecord(fields)) {
        problems.push(`columns.${kindId}: ${km ? 'phải là { <trường>: [tiêu đề, …] }' : `không phải loại (${SHEET_KINDS.join(', ')})`}`);
        continue;
      }
      const cols = km.columns as ColumnDef[];
      for (const [field, spec] of Object.entries(fields)) {
        // An empty list takes the field out: its default headers no longer match any column.
        if (Array.isArray(spec) && spec.length === 0) {
          const at = cols.findIndex((c) => c.field === field);
          if (at >= 0 && km.nameField !== field) cols.splice(at, 1);
          else problems.push(`columns.${kindId}.${field}: ${at < 0 ? 'trường không có trong ánh xạ' : 'không bỏ được cột tên'}`);
          continue;
        }
        const headers = isStringList(spec) ? spec : isRecord(spec) && isStringList(spec['headers']) ? spec['headers'] : undefined;
        if (!headers) {
          problems.push(`columns.${kindId}.${field}: ghi danh sách tiêu đề ["…"] hoặc { type: …, headers: ["…"] }`);
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
            problems.push(`columns.${kindId}.${field}: trường chưa có trong ánh xạ mặc định cần "type" hợp lệ (${SCALAR_TYPES.join(', ')}, enum:<danh mục>, enum-list:<danh mục>, ref:<loại>, ref-list:<loại>)`);
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
    if (!isRecord(data['values'])) problems.push('values: phải là { <danh mục>: { "cách viết": giá trị } }');
    else
      for (const [enumId, spellings] of Object.entries(data['values'])) {
        const def = pack.enums[enumId];
        if ((!def && enumId !== 'component') || !isRecord(spellings)) {
          problems.push(`values.${enumId}: ${!def && enumId !== 'component' ? 'danh mục không tồn tại (xem kientruc schema)' : 'phải là { "cách viết": giá trị }'}`);
          continue;
        }
        const allowed = enumId === 'component' ? pack.components.map((c) => c.id) : (def?.values ?? []).map((x) => x.value);
        for (const [spelling, value] of Object.entries(spellings)) {
          if (!allowed.includes(value as string | number)) problems.push(`values.${enumId}."${spelling}": ${JSON.stringify(value)} không thuộc danh mục (${allowed.join(', ')})`);
          else (values[enumId] ??= {})[normalizeLabel(spelling)] = value as string | number;
        }
      }
  }

  let orgLevels = base.orgLevels;
  if (data['orgLevels'] !== undefined) {
    const levels = pack.enums['agencyLevel']?.values.map((v) => v.value) ?? [];
    if (!isRecord(data['orgLevels'])) problems.push('orgLevels: phải là { "Đầu tên": cấp }');
    else {
      const extra: (readonly [string, string])[] = [];
      for (const [prefix, level] of Object.entries(data['orgLevels'])) {
        if (typeof level === 'string' && levels.includes(level)) extra.push([normalizeLabel(prefix), level]);
        else problems.push(`orgLevels."${prefix}": "${String(level)}" không phải cấp (${levels.join(', ')})`);
      }
      orgLevels = [...extra, ...base.orgLevels];
    }
  }

  let subtotals = base.subtotals;
  if (data['subtotals'] !== undefined) {
    if (!isStringList(data['subtotals'])) problems.push('subtotals: phải là danh sách nhãn ["Tổng số", …]');
    else subtotals = [...data['subtotals'], ...base.subtotals];
  }

  if (data['defaults'] !== undefined) {
    if (!isRecord(data['defaults'])) problems.push('defaults: phải là { <loại>: { <trường>: giá trị } }');
    else
      for (const [kindId, fields] of Object.entries(data['defaults'])) {
        const at = kinds.findIndex((k) => k.kind === kindId);
        if (at < 0 || !isRecord(fields)) {
          problems.push(`defaults.${kindId}: ${at < 0 ? `không phải loại (${SHEET_KINDS.join(', ')})` : 'phải là { <trường>: giá trị }'}`);
          continue;
        }
        kinds[at] = { ...(kinds[at] as KindMapping), defaults: { ...fields } };
      }
  }

  return { map: { mapping: { kinds, values, orgLevels, subtotals }, sheetKinds }, problems };
}

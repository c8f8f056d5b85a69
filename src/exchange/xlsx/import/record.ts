/**
 * What an import wrote, kept beside the YAML it wrote (`systems/danh-muc.yaml` →
 * `systems/danh-muc.import.json`): for each entity, the row it came from and the value each field the
 * spreadsheet spoke for had. The next import of the same spreadsheet compares three things, as a
 * version-control merge does: this record (what the sheet said last time), the YAML now (what the
 * user has since edited by hand) and the sheet now. Sorted keys, two spaces, a final newline: the
 * same import gives the same bytes.
 */
import { stableStringify } from '../../../core/stable-json.js';

export const RECORD_VERSION = 1;

export interface RecordEntry {
  /** Sheet and row the entity was read from (absent for an organisation only named in a cell). */
  readonly sheet?: string;
  readonly row?: number;
  /** The name the row had: a row matches its entity by it, even after the YAML's name was edited. */
  readonly name: string;
  /** Dotted fields the spreadsheet spoke for; one missing from `values` was an empty cell. */
  readonly fields: readonly string[];
  /** The value each of `fields` had in the sheet, as written to the YAML. */
  readonly values: Readonly<Record<string, unknown>>;
}

export interface ImportRecord {
  readonly version: typeof RECORD_VERSION;
  /** The spreadsheet's file name. */
  readonly source: string;
  /** By ref. */
  readonly entities: Readonly<Record<string, RecordEntry>>;
}

/** `systems/danh-muc.yaml` → `systems/danh-muc.import.json`. */
export function recordPathOf(yamlPath: string): string {
  return yamlPath.replace(/\.ya?ml$/i, '.import.json');
}

const COMMENT =
  'Ghi lại giá trị lần nhập gần nhất từ bảng tính (kientruc import), để lần nhập sau giữ các sửa đổi bằng tay trong tệp YAML cùng tên; đừng sửa, đừng xoá. What the last kientruc import read from the spreadsheet, so the next import keeps hand edits in the YAML file of the same name; do not edit or delete.';

export function formatRecord(record: ImportRecord): string {
  return `${stableStringify({ $comment: COMMENT, ...record })}\n`;
}

const isRecordObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The record in `text`, or undefined when it is not one this version reads (then the import treats the file as having none). */
export function parseRecord(text: string): ImportRecord | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecordObject(data) || data['version'] !== RECORD_VERSION || typeof data['source'] !== 'string' || !isRecordObject(data['entities'])) return undefined;
  const entities: Record<string, RecordEntry> = {};
  for (const [ref, e] of Object.entries(data['entities'])) {
    if (!isRecordObject(e) || typeof e['name'] !== 'string' || !Array.isArray(e['fields']) || !isRecordObject(e['values'])) return undefined;
    entities[ref] = {
      name: e['name'],
      fields: e['fields'].filter((f): f is string => typeof f === 'string'),
      values: e['values'],
      ...(typeof e['sheet'] === 'string' ? { sheet: e['sheet'] } : {}),
      ...(typeof e['row'] === 'number' ? { row: e['row'] } : {}),
    };
  }
  return { version: RECORD_VERSION, source: data['source'], entities };
}

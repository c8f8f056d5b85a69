/**
 * Imported documents as YAML files: one file per kind, named after the spreadsheet
 * (`systems/danh-muc-httt.yaml`), keys in the order of the mapping, same bytes for the same input.
 */
import { stringify } from 'yaml';
import { slugify } from '../../../core/labels.js';
import { kindMapping, SHEET_KINDS, type Mapping } from '../mapping.js';
import type { ImportedDoc } from './convert.js';

/** First line of every file `kientruc import` writes; only such files may be replaced (with --update). */
export const IMPORT_MARKER = '# kientruc import:';

export interface PlannedFile {
  /** Relative to the architecture folder, POSIX. */
  readonly path: string;
  readonly contents: string;
}

/** The file stem for a spreadsheet name: "Danh mục HTTT 2025.xlsx" → "danh-muc-httt-2025". */
export function importStem(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return slugify(base) || 'nhap';
}

export function planFiles(docs: readonly ImportedDoc[], fileName: string, mapping: Mapping): PlannedFile[] {
  const stem = importStem(fileName);
  const source = fileName.replace(/^.*[\\/]/, '');
  const files: PlannedFile[] = [];
  for (const kind of SHEET_KINDS) {
    const mine = docs.filter((d) => d.kind === kind);
    if (mine.length === 0) continue;
    const m = kindMapping(mapping, kind);
    const body = mine.map((d) => stringify(d.doc, { lineWidth: 0 })).join('---\n');
    files.push({
      path: `${m.folder}/${stem}.yaml`,
      contents: `${IMPORT_MARKER} ${source}\n# Tệp do "kientruc import" tạo từ bảng tính; nhập lại với --update sẽ thay tệp này (xem docs/import-export.md).\n${body}`,
    });
  }
  return files;
}

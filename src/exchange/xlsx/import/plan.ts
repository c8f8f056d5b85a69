/**
 * Imported documents as YAML files: one file per kind, named after the spreadsheet
 * (`systems/danh-muc-httt.yaml`), keys in the order of the mapping, same bytes for the same input.
 */
import { stringify } from 'yaml';
import { slugify } from '../../../core/labels.js';

/** First line of every file `kientruc import` writes; only such files may be changed by a later import. */
export const IMPORT_MARKER = '# kientruc import:';

/** The spreadsheet an imported file was made from, read from its first line; undefined for a file written by hand. */
export function importedFrom(text: string): string | undefined {
  if (!text.startsWith(IMPORT_MARKER)) return undefined;
  return text.slice(IMPORT_MARKER.length, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n')).trim();
}

/** One document as import writes it: keys in the mapping's order (the order they were set in). */
export function renderDoc(doc: Readonly<Record<string, unknown>>): string {
  return stringify(doc, { lineWidth: 0 });
}

/** A new file: the marker naming the spreadsheet, a line on how to edit it, then its documents. */
export function renderFile(docs: readonly Readonly<Record<string, unknown>>[], source: string, recordName: string): string {
  return `${IMPORT_MARKER} ${source}\n# Tệp do "kientruc import" tạo từ bảng tính; sửa tay được: lần nhập sau giữ các sửa đổi (giá trị lần nhập ghi ở ${recordName}, đừng xoá; xem docs/import-export.md).\n${docs.map(renderDoc).join('---\n')}`;
}

/** The file stem for a spreadsheet name: "Danh mục HTTT 2025.xlsx" → "danh-muc-httt-2025". */
export function importStem(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return slugify(base) || 'nhap';
}

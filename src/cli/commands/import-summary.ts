/** The line `kientruc import` ends its report with: rows read and imported per kind, and what was left out. */
import { countEn, text, type Text } from '../../core/text.js';
import type { SpreadsheetImport } from '../../exchange/xlsx/import/index.js';
import { SHEET_KINDS } from '../../exchange/xlsx/mapping.js';

/** What each sheet kind holds, as counted after an import (English in the singular: `countEn` adds the "s"). */
const KIND_NAMES: Record<string, Text> = {
  org: text('cơ quan, đơn vị', 'organisation'),
  system: text('hệ thống', 'system'),
  dataset: text('CSDL', 'database'),
  integration: text('kết nối', 'integration'),
  task: text('nhiệm vụ', 'task'),
  function: text('chức năng nghiệp vụ', 'business function'),
  service: text('dịch vụ công', 'public service'),
};

/**
 * "Đọc a.xlsx: 0/30 hàng hệ thống, 11/12 hàng CSDL được nhập; 3 cơ quan, đơn vị được tạo theo tên (2 hàng
 * đã có trong kiến trúc, 1 hàng khác khai báo); cột không được nhập: HTTT!J6 «…».": a row that was
 * not imported is counted, never hidden.
 */
export function importSummary(shown: string, result: SpreadsheetImport, en: boolean): string {
  const kinds = SHEET_KINDS.filter((k) => (result.rows[k]?.read ?? 0) > 0);
  const rows = kinds.map((k) => {
    const r = result.rows[k] as { read: number; imported: number };
    const name = KIND_NAMES[k] ?? text(k, k);
    return en ? `${r.imported}/${r.read} ${name.en} rows` : `${r.imported}/${r.read} hàng ${name.vi}`;
  });
  const parts: string[] = [];
  if (rows.length) parts.push(`${rows.join(', ')} ${en ? 'imported' : 'được nhập'}`);
  if (result.namedOrgs) parts.push(en ? `${countEn(result.namedOrgs, 'organisation')} created from names in cells` : `${result.namedOrgs} cơ quan, đơn vị được tạo theo tên trong ô`);
  const head = parts.join('; ') || (en ? 'no rows' : 'không có hàng nào');
  const differing = kinds.reduce((n, k) => n + (result.rows[k]?.differing ?? 0), 0);
  const known = result.existing
    ? en
      ? ` (${countEn(result.existing, 'row')} already in the architecture${differing ? `, ${differing} of them different from it: see import.existing-differs` : ''})`
      : ` (${result.existing} hàng đã có trong kiến trúc${differing ? `, ${differing} hàng khác khai báo: xem import.existing-differs` : ''})`
    : '';
  const columns = result.droppedColumns.length ? (en ? `; columns not imported: ${result.droppedColumns.join(', ')}` : `; cột không được nhập: ${result.droppedColumns.join(', ')}`) : '';
  const hidden = result.hiddenSheets.length ? (en ? `; hidden sheets skipped: ${result.hiddenSheets.join(', ')}` : `; sheet ẩn bị bỏ qua: ${result.hiddenSheets.join(', ')}`) : '';
  return `${en ? 'Read' : 'Đọc'} ${shown}: ${head}${known}${columns}${hidden}.`;
}

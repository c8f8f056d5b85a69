/** A document cannot rest on a text issued after it. Source: NĐ 30/2020/NĐ-CP Phụ lục I (căn cứ ban hành văn bản). */
import { viShortDate, type IsoDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

/** "… ngày 26 tháng 12 năm 2025 …" → 2025-12-26; the first such date in a citation. */
export function citationDate(citation: string): IsoDate | undefined {
  const m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(citation);
  if (!m) return undefined;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}` as IsoDate;
}

export const agencyDocumentLegalBasis = defineRule({
  id: 'agency.document-legal-basis',
  severity: 'error',
  confirmed: true,
  description: text('Căn cứ của văn bản không được ban hành sau ngày của văn bản.', 'A document\'s legal basis cannot be issued after the document.'),
  help: text(
    'Văn bản chỉ được viện dẫn làm căn cứ những văn bản đã ban hành. Căn cứ của bộ khung được lọc theo ngày văn bản; căn cứ riêng (document.legalBases) được kiểm tra theo ngày ghi trong câu trích dẫn ("ngày … tháng … năm …").',
    'A document may only cite texts already issued. Framework bases are filtered by date; the agency\'s own bases (document.legalBases) are checked against the date in the citation.',
  ),
  legalRef: 'NĐ 30/2020/NĐ-CP Phụ lục I',
  check({ model, report }) {
    const doc = model.agency?.document;
    if (!doc?.date) return;
    (doc.legalBases ?? []).forEach((c, i) => {
      const issued = citationDate(c);
      if (issued === undefined || issued <= (doc.date as IsoDate)) return;
      report({
        entity: model.agency!.ref,
        path: ['document', 'legalBases', i],
        message: text(
          `Căn cứ thứ ${i + 1} ban hành ngày ${viShortDate(issued)}, sau ngày văn bản ${viShortDate(doc.date as IsoDate)}.`,
          `Legal basis ${i + 1} is dated ${issued}, after the document date ${doc.date}.`,
        ),
        fix: text('Bỏ căn cứ này, sửa ngày trong câu trích dẫn, hoặc lùi document.date.', 'Remove the basis, correct its date, or move document.date.'),
      });
    });
  },
});

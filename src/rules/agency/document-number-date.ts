/** An issued document carries both its số and its date; a draft carries neither until it is signed. Source: NĐ 30/2020/NĐ-CP Phụ lục I (số, ký hiệu; địa danh và thời gian ban hành). */
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';
import { at } from '../finding-path.js';

const numbered = (raw: string | undefined): boolean => raw !== undefined && /^\s*\d+/.test(raw);

export const agencyDocumentNumberDate = defineRule({
  id: 'agency.document-number-date',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Số và ngày của văn bản đi cùng nhau: văn bản đã có số thì có ngày ban hành, văn bản chưa có số thì chưa ghi ngày.',
    'A document\'s number and date go together: a numbered document has its date, an unnumbered one has none yet.',
  ),
  help: text(
    'Theo thể thức NĐ 30/2020/NĐ-CP, số và ngày ban hành được ghi khi văn bản được ký, đăng ký tại văn thư. Bản dự thảo để trống cả hai (kientruc in "ngày … tháng … năm"); văn bản đã ban hành (status: issued) phải có cả số và ngày. Áp dụng cho document (Chiến lược, Kế hoạch) và report (Báo cáo định kỳ) trong agency.yaml.',
    'Under Decree 30/2020 the number and date are written when the document is signed and registered. A draft leaves both blank; an issued one (status: issued) has both. Applies to document and report in agency.yaml.',
  ),
  legalRef: 'NĐ 30/2020/NĐ-CP Phụ lục I',
  check({ model, report }) {
    const a = model.agency;
    if (!a) return;
    for (const [key, doc, issued] of [
      ['document', a.document, a.document?.status === 'issued'],
      ['report', a.report, false],
    ] as const) {
      if (!doc) continue;
      const hasNumber = numbered(doc.number);
      if (doc.date !== undefined && !hasNumber && !issued) {
        report({
          entity: a.ref,
          ...at(a, [key, 'date']),
          message: text(
            `${key === 'report' ? 'Báo cáo' : 'Văn bản'} chưa có số nhưng đã ghi ngày ${viShortDate(doc.date)}: bản in để trống ngày, tháng cho đến khi văn bản được ký, cấp số.`,
            `The ${key === 'report' ? 'report' : 'document'} has no number but a date (${doc.date}): the printed date is left blank until it is signed and numbered.`,
          ),
          fix: text(`Ghi ${key}.number khi văn bản được cấp số; ${key}.date chỉ dùng làm ngày dự kiến ban hành.`, `Set ${key}.number when the document is numbered; ${key}.date is then only the planned date.`),
        });
      } else if ((hasNumber || issued) && doc.date === undefined) {
        report({
          entity: a.ref,
          ...at(a, [key, 'number']),
          message: text(`${key === 'report' ? 'Báo cáo' : 'Văn bản'} đã có số hoặc đã ban hành nhưng chưa có ngày ban hành.`, `The ${key} is numbered or issued but has no date.`),
          fix: text(`Khai báo ${key}.date (ngày ký ban hành).`, `Declare ${key}.date (the signing date).`),
        });
      } else if (issued && !hasNumber) {
        report({
          entity: a.ref,
          ...at(a, [key, 'number']),
          message: text('Văn bản đã ban hành nhưng chưa có số.', 'The document is issued but has no number.'),
          fix: text('Khai báo document.number, ví dụ "125/QĐ-UBND" (văn bản có status: issued).', 'Declare document.number, e.g. "125/QĐ-UBND" (the document has status: issued).'),
        });
      }
    }
  },
});

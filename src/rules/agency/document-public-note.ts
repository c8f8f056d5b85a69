/**
 * The public edition's note stays outside the NĐ 30 header sequence: issuing body and quốc hiệu, then
 * tên loại and trích yếu, with nothing in between. Source: NĐ 30/2020/NĐ-CP Phụ lục I (thể thức).
 *
 * The built-in templates print the note above the header block, beside the "BẢN CÔNG KHAI" mark. What
 * can move it is an agency's override of the header template (`templates/strategy/the-thuc.*.hbs`):
 * this check reads those overrides, so it runs on the project's templates, not on the model, and the
 * pipeline calls it with the rules (`kientruc check`).
 */
import type { Diagnostic } from '../../core/diagnostic.js';
import type { TemplateOverride } from '../../core/project-assets.js';
import type { Severity } from '../../core/severity.js';
import type { Position } from '../../core/source.js';
import { text } from '../../core/text.js';
import type { RuleMeta } from '../define-rule.js';

export const agencyDocumentPublicNote: RuleMeta = Object.freeze({
  id: 'agency.document-public-note',
  severity: 'warning' as Severity,
  confirmed: true,
  description: text(
    'Ghi chú của bản công khai không được chen giữa phần tên cơ quan ban hành, quốc hiệu và phần tên loại, trích yếu của văn bản.',
    'The public edition\'s note must not sit between the issuing body and national title and the document type and subject line.',
  ),
  help: text(
    'Theo thể thức NĐ 30/2020/NĐ-CP Phụ lục I, tên cơ quan ban hành, quốc hiệu và tiêu ngữ, số, ký hiệu, địa danh và thời gian được trình bày liền trên tên loại và trích yếu. Mẫu có sẵn của kientruc in ghi chú "Bản công khai…" phía trên phần thể thức, cạnh dấu "BẢN CÔNG KHAI". Mẫu ghi đè templates/strategy/the-thuc.md.hbs hoặc the-thuc.html.hbs đặt marks.publicNotice sau tên cơ quan, quốc hiệu mà trước trích yếu (header.subject) sẽ làm sai trình tự đó: chuyển {{#if marks.publicNotice}}…{{/if}} lên trước phần thể thức.',
    'Under Decree 30/2020 Appendix I the issuing body, national title and motto, number, place and date sit right above the document type and subject line. kientruc\'s templates print the public edition\'s note above that block, beside the "BẢN CÔNG KHAI" mark. An override of templates/strategy/the-thuc.md.hbs or the-thuc.html.hbs that places marks.publicNotice after the issuing body or national title and before the subject line (header.subject) breaks that sequence: move the {{#if marks.publicNotice}}…{{/if}} block above the header.',
  ),
  legalRef: 'NĐ 30/2020/NĐ-CP Phụ lục I',
});

/** The header template, whose overrides can move the note (md and html; the DOCX frame is fixed). */
const HEADER_TEMPLATE = /^the-thuc\.(md|html)\.hbs$/;
/** The fields of the header block above the tên loại, and the trích yếu that closes the sequence. */
const HEADER_START = /\bheader\.(issuerParent|issuerLines|number|nationalTitle|motto|placeDate|docType)\b/g;
const SUBJECT = /\bheader\.subject\b/g;
const NOTE = /\bmarks\.publicNotice\b/g;

function positionAt(source: string, offset: number): Position {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function offsets(source: string, re: RegExp): number[] {
  return [...source.matchAll(re)].map((m) => m.index);
}

/**
 * Findings for each header-template override that prints the public note inside the header sequence
 * (after the first header field, before the last trích yếu). Pure: reads the texts it is given.
 */
export function checkPublicNotePlacement(templates: readonly TemplateOverride[], severity: Severity = agencyDocumentPublicNote.severity): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of templates) {
    if (!HEADER_TEMPLATE.test(t.name)) continue;
    const source = t.text.replace(/\r\n?/g, '\n');
    // Handlebars comments say nothing about placement.
    const code = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
    const start = offsets(code, HEADER_START)[0];
    const end = offsets(code, SUBJECT).at(-1);
    if (start === undefined || end === undefined) continue;
    for (const at of offsets(code, NOTE)) {
      if (at <= start || at >= end) continue;
      const pos = positionAt(code, at);
      out.push({
        code: agencyDocumentPublicNote.id,
        severity,
        message: text(
          `Mẫu ghi đè ${t.name} in ghi chú của bản công khai giữa phần tên cơ quan ban hành, quốc hiệu và trích yếu của văn bản.`,
          `The override ${t.name} prints the public edition's note between the issuing body and national title and the subject line.`,
        ),
        file: t.file,
        range: { start: pos, end: { line: pos.line, col: pos.col + 'marks.publicNotice'.length } },
        path: [],
        legalRef: agencyDocumentPublicNote.legalRef,
        fix: text(
          'Chuyển khối {{#if marks.publicNotice}}…{{/if}} lên trước phần thể thức (trước tên cơ quan ban hành), như mẫu có sẵn của kientruc.',
          'Move the {{#if marks.publicNotice}}…{{/if}} block above the header (before the issuing body), as in kientruc\'s own template.',
        ),
      });
    }
  }
  return out;
}

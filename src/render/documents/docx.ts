import { AlignmentType, Paragraph, type Document } from 'docx';
import type { DocumentLayout } from '../../framework/document-pack.js';
import { DocxFrame, packDocx } from './docx-frame.js';
import type { Block, OfficialDocView } from './view.js';

/** A paragraph introducing the table right after it ("…, cần ưu tiên xử lý:") stays on the table's page. */
function leadsIn(blocks: readonly Block[], i: number): boolean {
  return (blocks[i]?.isParagraph ?? false) && (blocks[i + 1]?.isTable ?? false);
}

/** Kế hoạch, Báo cáo and the decision issuing a plan as Word: the shared frame plus a body of blocks. */
class OfficialDocx extends DocxFrame<OfficialDocView> {
  addressees(): void {
    const list = this.view.addressees;
    if (!list?.length) return;
    list.forEach((a, i) =>
      this.children.push(
        this.centred(a, this.layout.text.bodySizePt.value, {}, { spacing: { after: i === list.length - 1 ? 240 : 0 } }),
      ),
    );
  }

  attachment(): void {
    const a = this.view.attachment;
    if (!a) return;
    const L = this.layout.header;
    const leftW = Math.round((this.textWidth * L.leftColumnPct.value) / 100);
    const rightW = this.textWidth - leftW;
    this.children.push(new Paragraph({ pageBreakBefore: true, spacing: { after: 0 }, children: [] }));
    this.children.push(
      this.layoutTable(
        [leftW, rightW],
        [
          [...a.issuerLines.map((l) => this.centred(l, L.issuerSizePt.value, { bold: true })), this.rule(L.issuerRuleWidthMm.value, leftW)],
          [this.centred(a.nationalTitle, L.nationalTitleSizePt.value, { bold: true }), this.centred(a.motto, L.mottoSizePt.value, { bold: true }), this.rule(L.mottoRuleWidthMm.value, rightW)],
        ],
      ),
    );
    const T = this.layout.title;
    this.children.push(
      this.centred(a.docType, T.docTypeSizePt.value, { bold: true }, { spacing: { before: Math.round(T.spaceBeforeTitlePt.value * 20), after: 0 } }),
      this.centred(a.subject, T.subjectSizePt.value, { bold: true }),
      this.centred(a.issuedWith, this.layout.appendix.subtitleSizePt.value, { italics: true }, { alignment: AlignmentType.CENTER }),
      this.rule(30, this.textWidth),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
    );
    a.body.forEach((b, i) => this.block(b, leadsIn(a.body, i)));
  }

  build(): Document {
    const v = this.view;
    this.marks();
    this.header();
    this.addressees();
    this.preamble();
    // The last paragraph of the body, then the closing lines, stay on the page of Nơi nhận and the
    // signature: the signature page never opens on the closing formula alone.
    const last = v.body.length - 1;
    v.body.forEach((b, i) => this.block(b, (i === last && v.closing.length > 0 && !b.isTable && !b.isFigure) || leadsIn(v.body, i)));
    for (const b of v.closing) this.block(b, true);
    this.signature();
    this.attachment();
    for (const a of v.appendices) this.appendix(a);
    return this.document();
  }
}

/** An administrative document as DOCX bytes; `images` maps each figure's id to its PNG bytes. */
export async function renderOfficialDocx(view: OfficialDocView, layout: DocumentLayout, images: ReadonlyMap<string, Uint8Array> = new Map()): Promise<Uint8Array> {
  return packDocx(new OfficialDocx(view, layout, images).build(), view.meta.documentDate);
}

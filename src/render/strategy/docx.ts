import type { Document } from 'docx';
import type { DocumentLayout } from '../../framework/document-pack.js';
import { DocxFrame, packDocx, type Run } from '../documents/docx-frame.js';
import type { ProseSectionView, StrategyView } from './view-types.js';

export { pngSize, reproducible } from '../documents/docx-frame.js';

/**
 * The strategy as a Word document: the shared NĐ 30 frame (`documents/docx-frame.ts`) plus the
 * strategy's own sections (quan điểm … tổ chức thực hiện).
 */
class Builder extends DocxFrame<StrategyView> {
  prose(s: ProseSectionView, level: 1 | 2 = 1): void {
    this.children.push(this.heading(level, s.heading), ...s.items.map((i) => this.item(i)));
  }

  objectives(): void {
    const o = this.view.objectives;
    this.children.push(this.heading(1, o.heading));
    this.prose(o.general, 2);
    this.children.push(this.heading(2, o.specificHeading));
    for (const h of o.horizons) {
      this.children.push(this.heading(3, `${h.label} ${h.heading}`));
      for (const it of h.items) {
        const runs: Run[] = [{ text: `- ${it.text}` }];
        if (it.detail) runs.push({ text: ` (${it.detail})`, italics: true });
        runs.push({ text: '.' });
        this.children.push(this.body(runs));
      }
    }
    if (o.empty) this.children.push(this.body([{ text: o.empty, italics: true }]));
    if (o.note) this.children.push(this.body([{ text: o.note, italics: true, size: this.layout.appendix.tableSizePt.value }]));
  }

  tasks(): void {
    const t = this.view.tasks;
    this.children.push(this.heading(1, t.heading), this.body([{ text: t.intro }]));
    for (const a of t.areas) {
      this.children.push(this.heading(3, `${a.label} ${a.heading}`), ...a.items.map((i) => this.item(i)));
    }
    if (t.empty) this.children.push(this.body([{ text: t.empty, italics: true }]));
  }

  budget(): void {
    const b = this.view.budget;
    this.children.push(this.heading(1, b.heading), ...b.paragraphs.map((i) => this.item(i)));
    if (b.table) this.children.push(...this.table(b.table));
    if (b.total) this.children.push(this.body([{ text: b.total }]));
  }

  implementation(): void {
    const v = this.view.implementation;
    this.children.push(this.heading(1, v.heading));
    for (const body of v.bodies) this.children.push(this.heading(2, `${body.label} ${body.name}`), ...body.items.map((i) => this.item(i)));
  }

  build(): Document {
    const v = this.view;
    this.marks();
    this.header();
    this.preamble();
    this.children.push(this.article(v.article1.label, v.article1.text));
    this.prose(v.viewpoints);
    this.prose(v.vision);
    this.prose(v.principles);
    this.objectives();
    this.tasks();
    this.budget();
    this.implementation();
    // Điều 2, Điều 3 stay on the page of the signature (keep-with-next into the signature table).
    for (const a of v.articles) this.children.push(this.article(a.label, a.text, true));
    this.signature();
    for (const a of v.appendices) this.appendix(a);
    return this.document();
  }
}

/** The strategy as DOCX bytes. `images` maps each diagram's id to its PNG bytes. */
export async function renderStrategyDocx(view: StrategyView, layout: DocumentLayout, images: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  return packDocx(new Builder(view, layout, images).build(), view.meta.documentDate);
}

import { AlignmentType, type Document } from 'docx';
import type { DocumentLayout } from '../../framework/document-pack.js';
import { DocxBase, packDocx, type BaseView } from './docx-frame.js';
import { markdownBlocks } from './markdown-blocks.js';
import type { Block } from './view.js';

/**
 * A technical report (the gap report) as Word, from its own Markdown: the first heading is the title,
 * the rest are headings, paragraphs and tables on the same page setup as the official documents. A
 * report holding a table of six or more columns is set landscape throughout.
 */
class TechnicalDocx extends DocxBase {
  constructor(
    private readonly blocks: readonly Block[],
    view: BaseView,
    layout: DocumentLayout,
  ) {
    super(view, layout, new Map());
  }

  build(): Document {
    const wide = this.blocks.some((b) => (b.table?.columns.length ?? 0) >= 6);
    this.section(wide);
    const [first, ...rest] = this.blocks;
    if (first?.isHeading && first.text) {
      this.children.push(this.centred(first.text, this.layout.title.docTypeSizePt.value, { bold: true }, { alignment: AlignmentType.CENTER, spacing: { after: 240 } }));
    } else if (first) {
      this.block(first);
    }
    for (const b of rest) this.block(b);
    return this.document();
  }
}

export async function renderTechnicalDocx(markdown: string, view: BaseView, layout: DocumentLayout): Promise<Uint8Array> {
  return packDocx(new TechnicalDocx(markdownBlocks(markdown), view, layout).build(), view.meta.documentDate);
}

import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { DocumentLayout } from '../../framework/document-pack.js';
import type { Block } from './view.js';
import type { AppendixView, DiagramView, HeaderView, ItemView, MarksView, PreambleView, SignatureView, TableView } from '../strategy/view-types.js';
import { FIGURE_CAPTION_MM } from '../strategy/css.js';
import { readZip, writeZip, type ZipEntry } from '../strategy/zip.js';
import { InternalError } from '../../core/errors.js';

/**
 * The NĐ 30 frame of every administrative document as Word, with the same layout numbers as the PDF
 * (document-layout.yaml): DỰ THẢO box, header block, căn cứ, Nơi nhận and signature, Phụ lục headings,
 * data tables with repeated header rows and rows that do not split, diagrams as PNG. Appendices with
 * wide tables get their own landscape section. Text is tagged vi-VN (spelling, hyphenation). Each
 * document's builder (strategy, Kế hoạch, Báo cáo) extends this class with its body; the packed file is
 * rewritten so its bytes depend only on the view (see `reproducible`).
 */

const twip = (mm: number): number => Math.round((mm * 1440) / 25.4);
const half = (pt: number): number => Math.round(pt * 2);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
}

/** What the frame reads from a document view. */
export interface FrameView {
  readonly meta: { readonly title: string; readonly documentDate: string; readonly generator: string };
  readonly marks: MarksView;
  readonly header: HeaderView;
  readonly preamble: PreambleView | null;
  readonly signature: SignatureView;
}

interface SectionPart {
  readonly landscape: boolean;
  readonly children: (Paragraph | Table)[];
}

/** Cell padding never below 1 mm (readability in print), whatever the layout data says. */
const MIN_CELL_PADDING_MM = 1;

/** What every Word document kientruc writes reads from its view. */
export interface BaseView {
  readonly meta: { readonly title: string; readonly documentDate: string; readonly generator: string };
  readonly marks: Pick<MarksView, 'isPublic'>;
}

/** Page setup, sections, paragraphs, data tables, diagrams and appendices: everything but the NĐ 30 frame. */
export class DocxBase<V extends BaseView = BaseView> {
  private readonly parts: SectionPart[] = [{ landscape: false, children: [] }];

  constructor(
    protected readonly view: V,
    protected readonly layout: DocumentLayout,
    protected readonly images: ReadonlyMap<string, Uint8Array>,
  ) {}

  /** The body of the current section (portrait or landscape). */
  get children(): (Paragraph | Table)[] {
    return (this.parts.at(-1) as SectionPart).children;
  }

  /** Width between the margins of the current section, in twips. */
  get textWidth(): number {
    const p = this.layout.page;
    const width = (this.parts.at(-1) as SectionPart).landscape ? p.heightMm.value : p.widthMm.value;
    return twip(width - p.marginLeftMm.value - p.marginRightMm.value);
  }

  /** Starts a new section (a new page) in the given orientation. */
  section(landscape: boolean): void {
    if (this.children.length === 0) {
      this.parts[this.parts.length - 1] = { landscape, children: [] };
      return;
    }
    this.parts.push({ landscape, children: [] });
  }

  run(r: Run): TextRun {
    return new TextRun({
      text: r.text,
      ...(r.bold ? { bold: true } : {}),
      ...(r.italics ? { italics: true } : {}),
      ...(r.size ? { size: half(r.size) } : {}),
    });
  }

  para(runs: readonly Run[], opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
    return new Paragraph({ ...opts, children: runs.map((r) => this.run(r)) });
  }

  /** A justified body paragraph with the first-line indent. */
  body(runs: readonly Run[], opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
    return this.para(runs, { style: 'BodyText', ...opts });
  }

  centred(text: string, size: number, style: Omit<Run, 'text' | 'size'> = {}, opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
    return this.para([{ text, size, ...style }], { alignment: AlignmentType.CENTER, spacing: { after: 0 }, ...opts });
  }

  /** A horizontal rule `widthMm` long, centred in a column `columnTwips` wide. */
  rule(widthMm: number, columnTwips: number): Paragraph {
    const side = Math.max(0, Math.round((columnTwips - twip(widthMm)) / 2));
    const eighths = Math.max(2, Math.round(this.layout.header.ruleThicknessPt.value * 8));
    return new Paragraph({
      indent: { left: side, right: side },
      spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
      border: { bottom: { style: BorderStyle.SINGLE, size: eighths, color: '000000', space: 1 } },
      children: [new TextRun({ text: '', size: 2 })],
    });
  }

  item(it: ItemView): Paragraph {
    return this.body([{ text: it.label ? `${it.label} ${it.text}` : it.text }]);
  }

  heading(level: 1 | 2 | 3, text: string, opts: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
    const heading = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
    return new Paragraph({ heading, keepNext: true, ...opts, children: [new TextRun(text)] });
  }


  /** A borderless table used for layout only (header block, Nơi nhận and signature). */
  layoutTable(widths: readonly number[], cells: readonly Paragraph[][]): Table {
    return new Table({
      width: { size: this.textWidth, type: WidthType.DXA },
      columnWidths: [...widths],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (c, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
                margins: { left: 0, right: 0, top: 0, bottom: 0 },
                children: c,
              }),
          ),
        }),
      ],
    });
  }



  /** A data table: repeated header row, rows kept whole, group and total rows in bold. */
  table(t: TableView): (Paragraph | Table)[] {
    const A = this.layout.appendix;
    const size = A.tableSizePt.value;
    const pad = twip(Math.max(MIN_CELL_PADDING_MM, A.tableCellPaddingMm.value));
    const widths = t.columns.map((c) => Math.round((this.textWidth * c.widthPct) / 100));
    const align = (a: string): (typeof AlignmentType)[keyof typeof AlignmentType] =>
      a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
    const cell = (text: string, width: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold: boolean, span = 1): TableCell =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        margins: { left: pad, right: pad, top: pad, bottom: pad },
        verticalAlign: VerticalAlignTable.CENTER,
        children: [this.para([{ text, bold, size }], { alignment, spacing: { after: 0, line: 240 } })],
      });
    const rows: TableRow[] = [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        keepNext: true,
        children: t.columns.map((c, i) => cell(c.title, widths[i] ?? 0, AlignmentType.CENTER, true)),
      }),
    ];
    const keep = t.keepTogether;
    t.rows.forEach((r, i) => {
      // Keep-with-next on every row but the last holds a short table on one page.
      const keepNext = keep && i < t.rows.length - 1;
      if (r.isGroup) {
        const rest = widths.slice(1).reduce((s, w) => s + w, 0);
        rows.push(
          new TableRow({
            cantSplit: true,
            keepNext: true,
            children: [cell(r.cells[0] ?? '', widths[0] ?? 0, AlignmentType.CENTER, true), cell(r.cells[1] ?? '', rest, AlignmentType.LEFT, true, r.span ?? 1)],
          }),
        );
      } else {
        rows.push(
          new TableRow({
            cantSplit: true,
            ...(keepNext ? { keepNext: true } : {}),
            children: t.columns.map((c, j) => cell(r.cells[j] ?? '', widths[j] ?? 0, align(c.align), r.isTotal)),
          }),
        );
      }
    });
    const out: (Paragraph | Table)[] = [];
    if (t.caption) out.push(this.para([{ text: t.caption, italics: true, size }], { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 } }));
    out.push(new Table({ width: { size: this.textWidth, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows }));
    if (t.empty) out.push(this.para([{ text: t.empty, italics: true, size }], { spacing: { before: 60 } }));
    if (t.note) out.push(this.para([{ text: t.note, italics: true, size }], { spacing: { before: 60 } }));
    out.push(new Paragraph({ spacing: { after: 0 }, children: [] }));
    return out;
  }

  /** Whether the current section is landscape. */
  get landscape(): boolean {
    return (this.parts.at(-1) as SectionPart).landscape;
  }

  /**
   * A figure with its caption. A figure wider than tall (`d.landscape`, as the PDF prints it) gets a
   * landscape section of its own, as wide tables do, and the text goes on in the orientation it had;
   * across a portrait text width it would be drawn two thirds as large.
   */
  figure(d: DiagramView): void {
    if (!d.landscape || this.landscape) {
      this.children.push(...this.diagram(d));
      return;
    }
    this.section(true);
    this.children.push(...this.diagram(d));
    this.section(false);
  }

  /** The picture and its caption, fitted to the current section's text area (a landscape one keeps room for the caption); rounded down, so never past the margin. */
  diagram(d: DiagramView): Paragraph[] {
    const png = this.images.get(d.id);
    const caption = this.para([{ text: d.caption, italics: true, size: this.layout.appendix.tableSizePt.value }], { alignment: AlignmentType.CENTER, spacing: { after: 240 } });
    if (!png) return [this.para([{ text: `${d.title}: sơ đồ chưa được tạo (chạy không có --no-render).`, italics: true }]), caption];
    const { width, height } = pngSize(png);
    const P = this.layout.page;
    const maxW = (this.textWidth / 1440) * 96;
    const maxHMm = this.landscape ? P.widthMm.value - P.marginTopMm.value - P.marginBottomMm.value - FIGURE_CAPTION_MM : this.layout.appendix.diagramMaxHeightMm.value;
    const maxH = (maxHMm / 25.4) * 96;
    const scale = Math.min(1, maxW / width, maxH / height);
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: png,
            transformation: { width: Math.floor(width * scale), height: Math.floor(height * scale) },
            altText: { name: d.id, description: d.caption, title: d.title },
          }),
        ],
      }),
      caption,
    ];
  }

  /** One body block (heading, paragraph with its bold lead-in, table, figure); `keepNext` holds it with what follows. */
  block(b: Block, keepNext = false): void {
    if (b.isHeading && b.text !== null) {
      this.children.push(this.heading(b.level === 1 ? 1 : b.level === 2 ? 2 : 3, b.text));
    } else if (b.isParagraph && b.text !== null) {
      const runs = [...(b.label ? [{ text: `${b.label} `, bold: true }] : []), { text: b.text, italics: b.italic }];
      this.children.push(this.body(runs, keepNext ? { keepNext: true, keepLines: true } : {}));
    } else if (b.isTable && b.table) {
      this.children.push(...this.table(b.table));
    } else if (b.isFigure && b.figure) {
      this.figure(b.figure);
    }
  }

  /** A Phụ lục on a new page, in its own landscape section when its tables are too wide for portrait. */
  appendix(a: AppendixView): void {
    const A = this.layout.appendix;
    const ownSection = a.landscape || (this.parts.at(-1) as SectionPart).landscape;
    if (ownSection) this.section(a.landscape);
    this.children.push(
      this.heading(1, a.label, { pageBreakBefore: !ownSection, alignment: AlignmentType.CENTER, spacing: { after: 0 } }),
      this.centred(a.title, A.headingSizePt.value, { bold: true }, { keepNext: true }),
      this.centred(a.attachment, A.subtitleSizePt.value, { italics: true }, { keepNext: true, spacing: { after: 0 } }),
      this.rule(30, this.textWidth),
      new Paragraph({ spacing: { after: 120 }, keepNext: true, children: [] }),
    );
    if (a.intro) this.children.push(this.body([{ text: a.intro }]));
    for (const s of a.sections) {
      // A heading followed only by figures, the first of them landscape, goes on that figure's page.
      const [first, ...rest] = s.diagrams;
      const withFigure = s.heading !== '' && s.paragraphs.length === 0 && s.tables.length === 0 && first?.landscape === true && !this.landscape;
      if (withFigure) this.section(true);
      if (s.heading) this.children.push(this.heading(2, s.heading));
      this.children.push(...s.paragraphs.map((p) => this.body([{ text: p }])));
      for (const t of s.tables) this.children.push(...this.table(t));
      if (withFigure && first) {
        this.children.push(...this.diagram(first));
        this.section(false);
      }
      for (const d of withFigure ? rest : s.diagrams) this.figure(d);
    }
  }

  document(): Document {
    const L = this.layout;
    const font = L.font.family.value;
    const body = L.text.bodySizePt.value;
    const headingRun = { font, size: half(body), bold: true, color: '000000' };
    const headingPara = { spacing: { before: 120, after: 120 }, keepNext: true, keepLines: true };
    const pageNumber = (): Paragraph =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: half(L.pageNumber.sizePt.value), font })],
      });
    return new Document({
      creator: this.view.meta.generator,
      lastModifiedBy: this.view.meta.generator,
      title: this.view.meta.title,
      description: this.view.marks.isPublic ? 'Bản công khai' : 'Bản nội bộ',
      revision: 1,
      styles: {
        default: {
          document: {
            run: { font, size: half(body), language: { value: 'vi-VN' } },
            paragraph: { spacing: { after: Math.round(L.text.paragraphSpacingPt.value * 20), line: Math.round(240 * L.text.lineSpacing.value), lineRule: LineRuleType.AUTO } },
          },
          heading1: { run: headingRun, paragraph: { ...headingPara, indent: { firstLine: twip(L.text.firstLineIndentMm.value) } } },
          heading2: { run: headingRun, paragraph: { ...headingPara, indent: { firstLine: twip(L.text.firstLineIndentMm.value) } } },
          heading3: { run: { ...headingRun, bold: false, italics: true }, paragraph: { ...headingPara, indent: { firstLine: twip(L.text.firstLineIndentMm.value) } } },
        },
        paragraphStyles: [
          {
            id: 'BodyText',
            name: 'Body Text',
            basedOn: 'Normal',
            next: 'BodyText',
            quickFormat: true,
            paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: twip(L.text.firstLineIndentMm.value) } },
          },
        ],
      },
      // A figure's landscape section opens a new one after it; nothing may have followed.
      sections: this.parts.filter((part, i) => i === 0 || part.children.length > 0).map((part, i) => ({
        properties: {
          titlePage: i === 0 && L.pageNumber.hideOnFirstPage.value,
          page: {
            size: {
              width: twip(L.page.widthMm.value),
              height: twip(L.page.heightMm.value),
              orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twip(L.page.marginTopMm.value),
              bottom: twip(L.page.marginBottomMm.value),
              left: twip(L.page.marginLeftMm.value),
              right: twip(L.page.marginRightMm.value),
              header: twip(L.page.headerDistanceMm.value),
              footer: twip(L.page.headerDistanceMm.value),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [pageNumber()] }),
        },
        children: part.children,
      })),
    });
  }
}

/** The NĐ 30 frame on top of the base: DỰ THẢO box, header block, căn cứ, articles, Nơi nhận and signature. */
export class DocxFrame<V extends FrameView = FrameView> extends DocxBase<V> {
  marks(): void {
    const m = this.view.marks;
    const labels = [m.draft, m.publicLabel].filter((x): x is string => x !== null);
    if (labels.length === 0) return;
    const size = this.layout.marks.draftSizePt.value;
    const box = twip(this.layout.marks.draftBoxWidthMm.value);
    const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } as const;
    // Consecutive paragraphs with the same borders share one box in Word.
    labels.forEach((text, i) =>
      this.children.push(
        this.para([{ text, bold: true, size }], {
          alignment: AlignmentType.CENTER,
          // The border sits `space` points outside the text: indent the right edge by as much.
          indent: { left: this.textWidth - box, right: 4 * 20 + 20 },
          spacing: { before: 0, after: i === labels.length - 1 ? 120 : 0 },
          border: { top: line, bottom: line, left: { ...line, space: 4 }, right: { ...line, space: 4 } },
        }),
      ),
    );
  }


  /** Quốc hiệu, Tiêu ngữ, issuing body, number, place and date: a borderless two-column table. */
  header(): void {
    const h = this.view.header;
    const L = this.layout.header;
    const leftW = Math.round((this.textWidth * L.leftColumnPct.value) / 100);
    const rightW = this.textWidth - leftW;
    const left: Paragraph[] = [];
    if (h.issuerParent) left.push(this.centred(h.issuerParent, L.issuerParentSizePt.value));
    left.push(...h.issuerLines.map((l) => this.centred(l, L.issuerSizePt.value, { bold: true })), this.rule(L.issuerRuleWidthMm.value, leftW));
    left.push(this.centred(h.number, L.numberSizePt.value, {}, { spacing: { before: 120, after: 0 } }));
    const right: Paragraph[] = [
      this.centred(h.nationalTitle, L.nationalTitleSizePt.value, { bold: true }),
      this.centred(h.motto, L.mottoSizePt.value, { bold: true }),
      this.rule(L.mottoRuleWidthMm.value, rightW),
      this.centred(h.placeDate, L.placeDateSizePt.value, { italics: true }, { spacing: { before: 120, after: 0 } }),
    ];
    if (this.view.marks.publicNotice) {
      this.children.push(this.centred(this.view.marks.publicNotice, this.layout.appendix.tableSizePt.value, { italics: true }, { spacing: { after: 120 } }));
    }
    this.children.push(this.layoutTable([leftW, rightW], [left, right]));
    const T = this.layout.title;
    this.children.push(
      this.centred(h.docType, T.docTypeSizePt.value, { bold: true }, { spacing: { before: Math.round(T.spaceBeforeTitlePt.value * 20), after: 0 } }),
      this.centred(h.subject, T.subjectSizePt.value, { bold: true }, { spacing: { after: 0 } }),
      this.rule(30, this.textWidth),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
    );
  }

  preamble(): void {
    const p = this.view.preamble;
    if (!p) return;
    const italics = true;
    this.children.push(
      this.centred(p.authority, this.layout.title.authoritySizePt.value, { bold: true }, { spacing: { before: 120, after: 120 } }),
      ...p.bases.map((b) => this.body([{ text: b, italics }])),
    );
    if (p.proposal) this.children.push(this.body([{ text: p.proposal, italics }]));
    this.children.push(this.centred(p.decides, this.layout.title.docTypeSizePt.value, { bold: true }, { spacing: { before: 120, after: 120 } }));
  }


  /** "Điều N. …"; `keepNext` holds it on the page of what follows (the last articles and the signature). */
  article(label: string, text: string, keepNext = false): Paragraph {
    return this.body([{ text: label, bold: true }, { text: ` ${text}` }], keepNext ? { keepNext: true, keepLines: true } : {});
  }

  signature(): void {
    const s = this.view.signature;
    const S = this.layout.signature;
    const leftW = Math.round((this.textWidth * S.recipientsColumnPct.value) / 100);
    const left = [
      this.para([{ text: s.recipientsHeading, bold: true, italics: true, size: S.recipientsHeadingSizePt.value }], { spacing: { after: 0 }, keepNext: true }),
      ...s.recipients.map((r) => this.para([{ text: `- ${r}`, size: S.recipientsSizePt.value }], { spacing: { after: 0, line: 240 }, keepNext: true })),
    ];
    const lines = [s.authority, s.delegation, s.title].filter((x): x is string => x !== null);
    const right = lines.map((l) => this.centred(l, S.signerSizePt.value, { bold: true }, { keepNext: true }));
    right.push(this.para([{ text: '' }], { spacing: { before: 0, after: 0, line: twip(S.signatureSpaceMm.value), lineRule: LineRuleType.EXACT }, keepNext: true }));
    if (s.name) right.push(this.centred(s.name, S.signerNameSizePt.value, { bold: true }));
    this.children.push(new Paragraph({ spacing: { after: 0 }, keepNext: true, children: [] }), this.layoutTable([leftW, this.textWidth - leftW], [left, right]));
  }
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * `docx` stamps the wall clock into docProps/core.xml and every ZIP header: put the document date in
 * the properties and pack with fixed timestamps, so the same view gives the same bytes.
 */
function reproducibleEntries(entries: readonly ZipEntry[], date: string): ZipEntry[] {
  const stamp = `${date}T00:00:00Z`;
  const rewrite = (e: ZipEntry, fn: (xml: string) => string): ZipEntry => ({ name: e.name, data: new Uint8Array(Buffer.from(fn(Buffer.from(e.data).toString('utf8')), 'utf8')) });
  let n = 0;
  return entries.map((e) => {
    if (e.name === 'docProps/core.xml') return rewrite(e, (xml) => xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`));
    // Drawing ids come from a counter that lives as long as the process: number them per document.
    if (/^word\/(document|header\d+|footer\d+)\.xml$/.test(e.name)) {
      return rewrite(e, (xml) => xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`));
    }
    return e;
  });
}

/** A packed DOCX made reproducible (see `reproducibleEntries`): read, stamped, written again. */
export function reproducible(packed: Uint8Array, date: string): Uint8Array {
  return writeZip(reproducibleEntries(readZip(packed), date), date);
}

/** The parts of a package by path, in order, as `docx` compiles them before zipping. */
type Compile = (doc: Document) => ReadonlyMap<string, string | Uint8Array | ArrayBuffer>;

/**
 * `docx`'s own compiler (`Packer.compiler`, the step `Packer.toBuffer` runs before zipping), when this
 * version of `docx` has it. `packDocx` takes the parts from it and zips them once, with fixed
 * timestamps; otherwise it packs with `Packer` and re-zips (`reproducible`). Both give the same bytes:
 * the same parts in the same order (tests/render/docx-pack.test.ts compares them).
 */
function docxCompiler(): Compile | undefined {
  const compiler = (Packer as unknown as { compiler?: { compile?: unknown } }).compiler;
  if (typeof compiler?.compile !== 'function') return undefined;
  const compile = compiler.compile as (doc: Document) => unknown;
  return (doc) => {
    const parts = compile.call(compiler, doc);
    if (!(parts instanceof Map)) throw new InternalError('docx: the compiler did not return the package parts');
    return parts as ReadonlyMap<string, string | Uint8Array | ArrayBuffer>;
  };
}

const bytesOf = (data: string | Uint8Array | ArrayBuffer): Uint8Array =>
  typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** `packDocx` through `Packer` (zip, unzip, zip again): what it does when `docx` has no compiler to call. */
export async function packDocxWithPacker(doc: Document, date: string): Promise<Uint8Array> {
  return reproducible(new Uint8Array(await Packer.toBuffer(doc)), date);
}

/**
 * Packs a built document into reproducible DOCX bytes. `Packer` would deflate every part in JavaScript,
 * then `reproducible` would inflate them to zip them again with fixed dates: the parts are taken before
 * they are zipped instead, and zipped once (a sixth of the cost of the gap report's DOCX).
 */
export async function packDocx(doc: Document, date: string): Promise<Uint8Array> {
  const compile = docxCompiler();
  if (!compile) return packDocxWithPacker(doc, date);
  const entries = [...compile(doc)].map(([name, data]) => ({ name, data: bytesOf(data) }));
  return writeZip(reproducibleEntries(entries, date), date);
}

/**
 * The strategy document as data: one JSON-serialisable view that every format renders (Markdown and
 * HTML through Handlebars, PDF by printing the HTML, DOCX through `docx`). Every key is present and
 * an absent value is `null`, as Handlebars strict mode requires. Strings are plain text, never markup:
 * each format escapes them its own way.
 */

export type Audience = 'internal' | 'public';

export interface TableColumn {
  readonly title: string;
  readonly widthPct: number;
  readonly align: 'left' | 'center' | 'right';
}

/** A table row: a data row, a group heading (number + label spanning the other columns) or a total. */
export interface TableRow {
  readonly isGroup: boolean;
  readonly isTotal: boolean;
  readonly cells: readonly string[];
  /** Columns the group label spans (columns − 1), null for other rows. */
  readonly span: number | null;
}

export interface TableView {
  readonly id: string;
  readonly caption: string | null;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** Shown under the table when it has no data row. */
  readonly empty: string | null;
  readonly note: string | null;
  /** A short table printed whole on one page (no page break inside it). */
  readonly keepTogether: boolean;
}

/** A lettered or numbered item: `a) text`, `1. text`, or a dash bullet when `label` is null. */
export interface ItemView {
  readonly label: string | null;
  readonly text: string;
}

export interface HeaderView {
  readonly issuerParent: string | null;
  /** The issuing body, in capitals, broken where NĐ 30 practice breaks it ("ỦY BAN NHÂN DÂN" / "TỈNH SƠN HÀ"). */
  readonly issuerLines: readonly string[];
  /** `Số: …/QĐ-UBND`, with non-breaking spaces where the number is left blank. */
  readonly number: string;
  readonly nationalTitle: string;
  readonly motto: string;
  /** `Sơn Hà, ngày 15 tháng 10 năm 2026`. */
  readonly placeDate: string;
  readonly docType: string;
  readonly subject: string;
}

export interface MarksView {
  readonly isDraft: boolean;
  readonly isPublic: boolean;
  readonly draft: string | null;
  readonly publicLabel: string | null;
  readonly publicNotice: string | null;
}

export interface PreambleView {
  readonly authority: string;
  /** Complete lines: `Căn cứ …;`. */
  readonly bases: readonly string[];
  /** `Theo đề nghị của ….`, or null. */
  readonly proposal: string | null;
  readonly decides: string;
}

export interface ProseSectionView {
  readonly heading: string;
  readonly items: readonly ItemView[];
  /** Where the text came from: `markdown` file, agency `yaml`, or framework `default`. */
  readonly origin: 'markdown' | 'yaml' | 'default';
  readonly originFile: string | null;
}

export interface ObjectiveItemView {
  readonly ref: string;
  readonly text: string;
  /** Current value, national target and its legal source, in one parenthesis. */
  readonly detail: string | null;
}

export interface HorizonView {
  readonly label: string;
  readonly heading: string;
  readonly items: readonly ObjectiveItemView[];
}

export interface ObjectivesView {
  readonly heading: string;
  readonly generalHeading: string;
  readonly general: ProseSectionView;
  readonly specificHeading: string;
  readonly horizons: readonly HorizonView[];
  readonly empty: string | null;
  /** Said once, under the targets: what a mark on some of them means (unconfirmed sources). */
  readonly note: string | null;
}

export interface TaskAreaView {
  readonly label: string;
  readonly heading: string;
  readonly items: readonly ItemView[];
}

export interface TasksView {
  readonly heading: string;
  readonly intro: string;
  readonly areas: readonly TaskAreaView[];
  readonly empty: string | null;
}

export interface BudgetView {
  readonly heading: string;
  readonly paragraphs: readonly ItemView[];
  readonly table: TableView | null;
  readonly total: string | null;
}

export interface BodyView {
  readonly label: string;
  readonly name: string;
  readonly items: readonly ItemView[];
}

export interface ImplementationView {
  readonly heading: string;
  readonly bodies: readonly BodyView[];
}

export interface ArticleView {
  readonly label: string;
  readonly text: string;
}

export interface SignatureView {
  readonly recipientsHeading: string;
  /** Complete lines with their `;`/`.` endings, without the leading dash. */
  readonly recipients: readonly string[];
  readonly authority: string | null;
  readonly delegation: string | null;
  readonly title: string;
  readonly name: string | null;
}

export interface DiagramView {
  /** The diagram's name in the diagram module (`landscape`, `integration-map`, …). */
  readonly id: string;
  readonly title: string;
  /** `Hình 1. …`, under the picture. */
  readonly caption: string;
  /** Mermaid source, embedded in Markdown as a fenced `mermaid` block (GitHub draws it). */
  readonly mermaid: string;
  /** A backtick fence longer than any run of backticks in the source. */
  readonly fence: string;
  /** The rendered SVG (trusted: produced by kientruc's Mermaid module), or null under --no-render. */
  readonly svg: string | null;
}

export interface SubsectionView {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly TableView[];
  readonly diagrams: readonly DiagramView[];
}

export interface AppendixView {
  readonly id: string;
  /** `PHỤ LỤC I`. */
  readonly label: string;
  readonly title: string;
  /** `(Kèm theo Quyết định số … ngày … của …)`. */
  readonly attachment: string;
  readonly intro: string | null;
  readonly sections: readonly SubsectionView[];
  /** Printed on landscape pages (PDF and DOCX): a table too wide for portrait. */
  readonly landscape: boolean;
}

/** An appendix before its orientation is decided (`orient` in sections/tables.ts). */
export type AppendixDraft = Omit<AppendixView, 'landscape'>;

/** What every document's view says about itself (title, edition, dates, generator); official documents are Vietnamese. */
export interface DocumentMetaView {
  readonly title: string;
  readonly audience: Audience;
  readonly documentDate: string;
  readonly asOf: string;
  readonly generator: string;
  readonly lang: 'vi';
}

export interface StrategyView {
  readonly meta: DocumentMetaView;
  readonly marks: MarksView;
  readonly header: HeaderView;
  readonly preamble: PreambleView;
  readonly article1: ArticleView;
  readonly viewpoints: ProseSectionView;
  readonly vision: ProseSectionView;
  readonly principles: ProseSectionView;
  readonly objectives: ObjectivesView;
  readonly tasks: TasksView;
  readonly budget: BudgetView;
  readonly implementation: ImplementationView;
  readonly articles: readonly ArticleView[];
  readonly signature: SignatureView;
  readonly appendices: readonly AppendixView[];
}

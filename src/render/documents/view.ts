import type { AppendixView, DocumentMetaView, HeaderView, MarksView, PreambleView, SignatureView, TableView } from '../strategy/view-types.js';

/**
 * An administrative document other than the strategy (Kế hoạch, Báo cáo) as data: the shared NĐ 30
 * frame plus a body of blocks. One renderer per format draws every such document (Markdown and HTML
 * through Handlebars, PDF by printing the HTML, DOCX through `docx`). Like the strategy's view, every
 * key is present and an absent value is `null` (Handlebars strict mode); strings are plain text.
 */

export type DocumentKind = 'chien-luoc' | 'ke-hoach' | 'bao-cao';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['chien-luoc', 'ke-hoach', 'bao-cao'];

/** One piece of body text. Exactly one of the `is…` flags is set. */
export interface Block {
  readonly isHeading: boolean;
  readonly isParagraph: boolean;
  readonly isTable: boolean;
  /** Heading level: 1 for "I. …", 2 for "1. …", 3 for "a) …". */
  readonly level: number | null;
  /** A bold lead-in ("Điều 1.") printed before the text, or null. */
  readonly label: string | null;
  readonly text: string | null;
  readonly italic: boolean;
  readonly table: TableView | null;
}

/** The text an official document opens with before its sections (Kế hoạch and Báo cáo have no căn cứ block). */
export interface OfficialDocView {
  readonly meta: DocumentMetaView & { readonly kind: DocumentKind };
  readonly marks: MarksView;
  readonly header: HeaderView;
  /** The "Kính gửi" lines of a report, complete ("Kính gửi:", "- Bộ …;"), or null. */
  readonly addressees: readonly string[] | null;
  /** Căn cứ and "QUYẾT ĐỊNH:" of a decision, or null. */
  readonly preamble: PreambleView | null;
  readonly body: readonly Block[];
  /**
   * The last lines of the body, printed on the same page as Nơi nhận and the signature (NĐ 30 practice:
   * the signature never stands alone on a page).
   */
  readonly closing: readonly Block[];
  readonly signature: SignatureView;
  /** A plan issued by a decision: the plan itself, attached after the decision's signature. */
  readonly attachment: AttachedDocView | null;
  readonly appendices: readonly AppendixView[];
}

/** The document a decision issues ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)"). */
export interface AttachedDocView {
  readonly issuerLines: readonly string[];
  readonly nationalTitle: string;
  readonly motto: string;
  readonly docType: string;
  readonly subject: string;
  /** "(Ban hành kèm theo Quyết định số … ngày … của …)". */
  readonly issuedWith: string;
  readonly body: readonly Block[];
}

const EMPTY: Block = { isHeading: false, isParagraph: false, isTable: false, level: null, label: null, text: null, italic: false, table: null };

export function heading(level: 1 | 2 | 3, text: string): Block {
  return { ...EMPTY, isHeading: true, level, text };
}

export function paragraph(text: string, opts: { label?: string; italic?: boolean } = {}): Block {
  return { ...EMPTY, isParagraph: true, text, label: opts.label ?? null, italic: opts.italic ?? false };
}

export function tableBlock(table: TableView): Block {
  return { ...EMPTY, isTable: true, table };
}

import { InternalError } from '../../../core/errors.js';
import type { AppendixId, StrategyContext } from '../context.js';
import type { AppendixDraft, AppendixView, TableColumn, TableRow, TableView } from '../view-types.js';
import { viLetter } from '../wording.js';

/** Tables up to this many rows are never split across pages (budget, counts, layers)… */
export const KEEP_TOGETHER_ROWS = 16;
/** …when their text also fits in about half a page: a short table of long cells would leave a blank page before it. */
export const KEEP_TOGETHER_LINES = 30;
/** Characters of table text in one line of the full text width (about 12 pt Times New Roman on 160 mm). */
const CHARS_PER_LINE = 85;

/**
 * Whether a table is kept on one page: few rows whose text, wrapped in its column widths, takes at most
 * `KEEP_TOGETHER_LINES` lines. Both the strategy's tables and the tables of the other documents use it.
 */
export function keepsTogether(columns: readonly Pick<TableColumn, 'widthPct'>[], rows: readonly TableRow[]): boolean {
  if (rows.length > KEEP_TOGETHER_ROWS) return false;
  const lines = rows.reduce((sum, r) => {
    const cells = r.span !== null ? [r.cells.join(' ')] : r.cells;
    const widths = r.span !== null ? [100] : columns.map((c) => c.widthPct);
    return sum + Math.max(1, ...cells.map((c, i) => Math.ceil(c.length / Math.max(4, ((widths[i] ?? 10) / 100) * CHARS_PER_LINE - 2))));
  }, 2);
  return lines <= KEEP_TOGETHER_LINES;
}

/**
 * A table whose column widths come from the layout data (`tables.<layoutId>` in document-layout.yaml),
 * so the HTML/PDF and DOCX tables have the same proportions. `layoutId` may name a width list of the
 * wrong length only by a programming error.
 */
export function table(
  ctx: StrategyContext,
  layoutId: string,
  caption: string | null,
  headers: readonly string[],
  rows: readonly TableRow[],
  opts: { align?: readonly TableColumn['align'][]; empty?: string; note?: string | null; widths?: readonly number[] } = {},
): TableView {
  const widths = opts.widths ?? ctx.layout.tables[layoutId];
  if (!widths || widths.length !== headers.length) {
    throw new InternalError(`layout tables.${layoutId}: ${widths?.length ?? 0} widths for ${headers.length} columns`);
  }
  const sum = widths.reduce((s, w) => s + w, 0);
  const columns = headers.map((title, i) => ({
    title,
    widthPct: Math.round(((widths[i] ?? 0) / sum) * 1000) / 10,
    align: opts.align?.[i] ?? 'left',
  }));
  return {
    id: layoutId,
    caption,
    columns,
    rows,
    empty: rows.some((r) => !r.isGroup) ? null : (opts.empty ?? 'Không có dữ liệu.'),
    note: opts.note ?? null,
    keepTogether: keepsTogether(columns, rows),
  };
}

export function row(cells: readonly string[]): TableRow {
  return { isGroup: false, isTotal: false, cells, span: null };
}

/**
 * STT of a grouped appendix table, one scheme for every appendix: the task table's (Phụ lục I, whose
 * "1.a" the decision cites): groups 1, 2, …; the items of a group a, b, … in Vietnamese letter order
 * (brief §5.1), so an item is never numbered like a group.
 */
export function groupNumber(index: number): string {
  return String(index + 1);
}

/** STT of the `index`-th (0-based) item of a group: a, b, …, đ, … (see `groupNumber`). */
export function itemNumber(index: number): string {
  return viLetter(index);
}

export function groupRow(number: string, label: string, columns: number): TableRow {
  return { isGroup: true, isTotal: false, cells: [number, label], span: columns - 1 };
}

export function totalRow(cells: readonly string[]): TableRow {
  return { isGroup: false, isTotal: true, cells, span: null };
}

/** "PHỤ LỤC II", its title and "(Kèm theo Quyết định số … ngày … của …)". */
export function appendixHeading(ctx: StrategyContext, id: AppendixId, title: string): Pick<AppendixView, 'id' | 'label' | 'title' | 'attachment'> {
  return { id, label: `PHỤ LỤC ${ctx.appendix[id]}`, title, attachment: `(Kèm theo ${ctx.decisionRef})` };
}

/** An appendix that is one table under its heading (the inventories, the task list). */
export function tableAppendix(ctx: StrategyContext, id: AppendixId, title: string, body: TableView, intro: string | null = null): AppendixDraft {
  return {
    ...appendixHeading(ctx, id, title),
    intro,
    sections: [{ heading: '', paragraphs: [], diagrams: [], tables: [body] }],
  };
}

/** Tables with this many columns or more do not fit a portrait A4 page at the appendix font size. */
export const LANDSCAPE_COLUMNS = 6;

/** An appendix holding a table of `LANDSCAPE_COLUMNS` or more columns is printed landscape. */
export function orient(a: AppendixDraft): AppendixView {
  const wide = a.sections.some((s) => s.tables.some((t) => t.columns.length >= LANDSCAPE_COLUMNS));
  return { ...a, landscape: wide };
}

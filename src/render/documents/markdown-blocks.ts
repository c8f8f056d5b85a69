import MarkdownIt from 'markdown-it';
import type { TableRow, TableView } from '../strategy/view-types.js';
import { keepsTogether } from '../strategy/sections/tables.js';
import { heading, paragraph, tableBlock, type Block } from './view.js';

/**
 * A report kientruc writes in Markdown (the gap report) as document blocks, so Word gets the same
 * headings, paragraphs and tables as the Markdown and HTML, from one text and with no second writer.
 * Inline markup becomes plain text (the DOCX renderer styles by block, not by run); `html: false`, so
 * no raw markup passes through.
 */

export type Token = ReturnType<MarkdownIt['parse']>[number];

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * The plain text of an inline token: text and code as written, soft breaks as spaces, hard breaks
 * (and `<br>` in table cells) as `hardBreak` (a space by default: the cell's text runs on).
 */
export function inlineText(token: Token, hardBreak = ' '): string {
  if (!token.children) return token.content;
  let out = '';
  for (const c of token.children) {
    // With html: false a `<br>` in a table cell arrives as text: it is a line break all the same.
    if (c.type === 'text') out += c.content.replace(/<br\s*\/?>/gi, hardBreak);
    else if (c.type === 'code_inline') out += c.content;
    else if (c.type === 'softbreak') out += ' ';
    else if (c.type === 'image') out += c.content;
    else if (c.type === 'hardbreak' || (c.type === 'html_inline' && /^<br\s*\/?>$/i.test(c.content))) out += hardBreak;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Characters of table text a line of the page holds (11 pt on a landscape A4 is about 120, portrait 80). */
const LINE_CHARS = 100;

/**
 * Column widths (percent): each column's share follows the square root of its mean text length (a
 * column of long sentences gets the room, a column of codes or dates does not get a third of the
 * page because one cell is long), and no column is narrower than its longest word, so no word or date
 * breaks inside ("S/T/T", "31/12/202|5" in the gap report's DOCX).
 */
function widths(rows: readonly (readonly string[])[], columns: number): number[] {
  const body = rows.length > 1 ? rows.slice(1) : rows;
  const weight = Array.from({ length: columns }, (_, i) => Math.sqrt(Math.max(2, body.reduce((s, r) => s + Math.min(600, (r[i] ?? '').length), 0) / body.length)));
  const floor = Array.from({ length: columns }, (_, i) => (Math.min(24, Math.max(2, ...rows.flatMap((r) => (r[i] ?? '').split(/\s+/).map((w) => w.length)))) + 2) * (100 / LINE_CHARS));
  // Words too long for the line together (a table of many columns, unbroken strings): the floors shared out.
  const floors = floor.reduce((s, f) => s + f, 0);
  if (floors >= 100) return floor.map((f) => Math.round((f / floors) * 1000) / 10);
  const total = weight.reduce((s, w) => s + w, 0);
  let pct = weight.map((w) => (w / total) * 100);
  // Raise the columns under their floor, taking the room from the others in proportion to their width.
  for (let pass = 0; pass < columns; pass++) {
    const low = pct.map((p, i) => p < floor[i]! - 1e-9);
    if (!low.some(Boolean)) break;
    const need = pct.reduce((s, p, i) => s + (low[i] ? floor[i]! - p : 0), 0);
    const rest = pct.reduce((s, p, i) => s + (low[i] ? 0 : p), 0);
    pct = pct.map((p, i) => (low[i] ? floor[i]! : p - (need * p) / rest));
  }
  return pct.map((p) => Math.round(p * 10) / 10);
}

function toTable(header: readonly string[], body: readonly (readonly string[])[], align: readonly TableView['columns'][number]['align'][], n: number): TableView {
  const w = widths([header, ...body], header.length);
  const rows: TableRow[] = body.map((cells) => ({ isGroup: false, isTotal: false, cells, span: null }));
  const columns = header.map((title, i) => ({ title, widthPct: w[i] ?? 0, align: align[i] ?? 'left' }));
  return { id: `md-${n}`, caption: null, columns, rows, empty: null, note: null, keepTogether: keepsTogether(columns, rows) };
}

export function markdownBlocks(source: string): Block[] {
  const out: Block[] = [];
  const tokens = md.parse(source, {});
  let level: number | null = null;
  let listDepth = 0;
  let table: { header: string[]; body: string[][]; align: TableView['columns'][number]['align'][]; row: string[] | null; inHead: boolean } | null = null;
  let tables = 0;
  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
        level = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        level = null;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'table_open':
        table = { header: [], body: [], align: [], row: null, inHead: false };
        break;
      case 'thead_open':
        if (table) table.inHead = true;
        break;
      case 'thead_close':
        if (table) table.inHead = false;
        break;
      case 'tr_open':
        if (table) table.row = [];
        break;
      case 'tr_close':
        if (table?.row) (table.inHead ? (table.header = table.row) : table.body.push(table.row)), (table.row = null);
        break;
      case 'th_open': {
        const style = t.attrGet('style') ?? '';
        table?.align.push(style.includes('right') ? 'right' : style.includes('center') ? 'center' : 'left');
        break;
      }
      case 'table_close':
        if (table) out.push(tableBlock(toTable(table.header, table.body, table.align, ++tables)));
        table = null;
        break;
      case 'inline': {
        const text = inlineText(t);
        if (table?.row) table.row.push(text);
        else if (level !== null) out.push(heading(level <= 1 ? 1 : level === 2 ? 1 : level === 3 ? 2 : 3, text));
        else if (text) out.push(paragraph(listDepth > 0 ? `- ${text}` : text));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

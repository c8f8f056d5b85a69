import { viFormatter } from '../analysis/format.js';
/** Escapes text for a Markdown table cell: pipes, newlines, and characters Markdown would interpret. */
export function mdCell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return mdText(String(value)).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * Escapes text for Markdown prose, so a name such as `*x*` or `<script>` shows literally. Parentheses stay
 * as they are (Vietnamese names are full of them): with `[` and `]` escaped, they cannot form a link.
 */
export function mdText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/([`*_{}[\]#+!~>])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A Markdown table; `rows` are already-escaped cells. */
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r' | 'c')[]): string {
  const sep = headers.map((_, i) => (align?.[i] === 'r' ? '---:' : align?.[i] === 'c' ? ':---:' : '---'));
  return [`| ${headers.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Number in Vietnamese style: `1.234.567,5`. */
export function viNumber(value: number, fractionDigits = 0): string {
  return viFormatter(fractionDigits).format(value);
}

/**
 * Lighter Markdown escaping for documents meant to be read as source too (the strategy): only what
 * Markdown would read as markup — emphasis, code, links, strikethrough, table pipes, HTML and entities.
 */
export function mdInline(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s
    .replace(/\\/g, '\\\\')
    .replace(/([`*_[\]~|])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** `mdInline`, plus what a line may not start with (headings, quotes, list markers). */
export function mdProse(value: unknown): string {
  return mdInline(value)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

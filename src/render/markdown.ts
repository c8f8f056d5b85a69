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

/** Characters a code span cannot hold as text: line breaks and other controls, backticks. */
const NOT_IN_CODE_SPAN = /[\u0000-\u001f\u007f-\u009f`\u2028\u2029]/;

/**
 * A file path or id as inline code, safe in prose and in a table cell (`|` escaped). A value a code span
 * cannot hold as text (a file name with a newline or a backtick) is written as escaped text instead, so
 * it can never start a line of its own (a forged `::error`, a heading) or break the table.
 */
export function mdCode(value: string): string {
  if (value === '' || NOT_IN_CODE_SPAN.test(value) || /^\s|\s$/.test(value)) return mdCell(value.replace(/\r\n?|[\u2028\u2029]/g, '\n'));
  return `\`${value.replace(/\|/g, '\\|')}\``;
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

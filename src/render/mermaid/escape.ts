/**
 * The one place user text becomes Mermaid text (STYLE §5.2). Node ids come from refs (`mmdId`), never
 * from names; every name, title and label goes through `mmdText` (wrapped by `mmdLabel` or `mmdGanttText`).
 *
 * Why not Mermaid's `#quot;`/`#35;` entity codes alone: with `htmlLabels: false` (needed for plain
 * `<text>` labels) Mermaid 11 runs flowchart labels through a Markdown lexer, and numeric codes and
 * `#quot;` then show literally (`&#35;`, `&quot;`). Verified in the real browser (tests/render/
 * diagrams-browser.test.ts): only `#lt;`, `#gt;` and `#amp;` decode in every diagram type. So:
 * - `<`, `>`, `&` become `#lt;`, `#gt;`, `#amp;` (never raw markup: strict mode would also strip it);
 * - `"` becomes a typographic quote, the only way to keep it inside a quoted label;
 * - a WORD JOINER (U+2060, invisible) breaks the patterns Mermaid reads anywhere in the source:
 *   `%%` (comments, `%%{init}%%` directives), `#word;` (entity codes) and `style…:#…;`;
 * - a line that starts like a Markdown block (`1. `, `- `, `# `, a fence) is shielded with the same joiner;
 * - a backtick becomes a typographic quote too (a leading one would start a Markdown string);
 * - newlines become `<br/>`; other control characters become spaces.
 */

const JOINER = '\u2060';

/** `system:lgsp-tinh` → `system__lgsp_tinh`; `system:his@000.00.31.H99` → `system__his__000_00_31_H99`. */
export function mmdId(ref: string): string {
  return ref.replace(/:/g, '__').replace(/@/g, '__').replace(/[^A-Za-z0-9_]/g, '_');
}

function typographicQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"' || ch === '`') {
      const prev = i === 0 ? ' ' : (text[i - 1] as string);
      const opening = /[\s([{:,=\u2060]/.test(prev);
      out += ch === '"' ? (opening ? '\u201C' : '\u201D') : opening ? '\u2018' : '\u2019';
    } else {
      out += ch;
    }
  }
  return out;
}

/** Line starts the Markdown lexer would turn into a list, heading, rule or code block (and eat the marker). */
const MARKDOWN_BLOCK = /^(?:\s{4}|\s*(?:\d{1,9}[.)](?:\s|$)|[-+*](?:\s|$)|#{1,6}(?:\s|$)|`{3}|~{3}|[=_-]{3,}\s*$))/;

function shieldLine(line: string): string {
  return MARKDOWN_BLOCK.test(line) ? `${JOINER}${line}` : line;
}

/** Escaped label body (no surrounding quotes); `\n` in `text` becomes a line break. */
export function mmdText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
    .split('\n');
  return lines
    .map((raw) => {
      let s = typographicQuotes(raw);
      s = s.replace(/%(?=%)/g, `%${JOINER}`);
      s = s.replace(/#(?=[\p{L}\p{N}_]+;)/gu, `#${JOINER}`);
      s = s.replace(/style/g, `st${JOINER}yle`).replace(/classDef/g, `class${JOINER}Def`);
      s = s.replace(/&/g, '#amp;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
      return shieldLine(s);
    })
    .join('<br/>');
}

/** A quoted Mermaid label: node, edge, subgraph title, xychart title or category. */
export function mmdLabel(text: string): string {
  return `"${mmdText(text)}"`;
}

const GANTT_KEYWORD =
  /^(?:gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|accdescription|acctitle|accdescr|section|click|call|href)\b/i;

/**
 * Gantt task, section and title text (unquoted, up to `:` or the end of line). `:` and `%` use entity
 * codes, which the Gantt renderer decodes; text that starts like a keyword (`section …`, `title …`) or
 * with a non-letter (`2025-01-01 …`) gets a leading joiner so it is not read as one.
 */
export function mmdGanttText(text: string): string {
  const body = mmdText(text.replace(/\s*\n\s*/g, ' ')).replace(/:/g, '#58;').replace(/%/g, '#37;');
  return GANTT_KEYWORD.test(body) || /^[^\p{L}\u2060]/u.test(body) ? `${JOINER}${body}` : body;
}

/**
 * Breaks `text` into lines of at most `width` characters at spaces (a longer word stays whole), so
 * labels wrap the same way in every Mermaid renderer. Existing newlines are kept.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((para) => {
      const words = para.split(/\s+/).filter(Boolean);
      const lines: string[] = [];
      let line = '';
      for (const w of words) {
        if (line === '') line = w;
        else if (line.length + 1 + w.length <= width) line += ` ${w}`;
        else {
          lines.push(line);
          line = w;
        }
      }
      if (line) lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}

/** Shortens `text` to `max` characters with an ellipsis, cutting at a space when one is near. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

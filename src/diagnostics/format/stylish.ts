import type { Diagnostic } from '../../core/diagnostic.js';
import { pick } from '../../core/text.js';
import type { FormatContext } from './context.js';

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/** Control characters (newlines, ANSI escapes) from YAML text must not break lines or drive the terminal. */
function oneLine(s: string): string {
  return CONTROL.test(s) ? s.replace(CONTROLS, ' ') : s;
}
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;

/** One line per finding, `file:line:col  severity  message  code  [legal]`, clickable in terminals and editors. */
export function formatStylish(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  return [...stylishChunks(diagnostics, ctx)].join('');
}

/** Findings formatted into one piece: at national scale (130,000 findings) one piece per finding costs more to join than to make. */
const BLOCK = 256;
/** A control character other than the line break. */
const CONTROL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/**
 * `formatStylish` piece by piece (each piece ends in a newline): findings are formatted only as they
 * are written, a block of them at a time. A block is first made from the texts as they are; only when
 * it holds a control character that its own line breaks do not account for (a YAML value with a line
 * break or an escape, rare) is it made again with each text put on one line. Both give the same text
 * whenever the texts hold no control character, so the cheap way is taken only then.
 */
export function* stylishChunks(diagnostics: readonly Diagnostic[], ctx: FormatContext): Generator<string> {
  const paint = (code: keyof typeof COLORS, s: string) => (ctx.color ? `${COLORS[code]}${s}${COLORS.reset}` : s);
  const vi = ctx.lang === 'vi';
  const fixLabel = vi ? 'Cách sửa' : 'Fix';
  const waivedLabel = vi ? 'Đã miễn trừ' : 'Waived';
  const expiresLabel = vi ? 'hết hạn' : 'expires';
  const lang = ctx.lang;
  // Escapes of the colours are control characters: a coloured block is always made the careful way.
  const clean = ctx.color ? undefined : (s: string) => s;
  const piece = (d: Diagnostic, line: (s: string) => string): string => {
    const legal = d.legalRef ? `  [${d.legalRef}]` : '';
    const sev = paint(d.waived ? 'dim' : d.severity, d.severity);
    let out = `${line(`${d.file}:${d.range.start.line}:${d.range.start.col}`)}  ${sev}  ${line(pick(d.message, lang))}  ${paint('dim', d.code)}${legal}\n`;
    if (d.fix) out += `    ${fixLabel}: ${line(pick(d.fix, lang))}\n`;
    if (d.waived) out += `    ${waivedLabel}: ${line(d.waived.reason)} (${line(d.waived.approvedBy)}, ${expiresLabel} ${d.waived.expires})\n`;
    return out;
  };
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let waived = 0;
  const files = new Set<string>();
  const count = (d: Diagnostic): void => {
    if (d.waived) waived++;
    else if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
    files.add(d.file);
  };
  const memo = ctx.memo;
  const parts: string[] = [];
  for (let at = 0; at < diagnostics.length; at += BLOCK) {
    const end = Math.min(at + BLOCK, diagnostics.length);
    let block = '';
    if (memo !== undefined) {
      // Each finding's text as the careful way makes it (the cheap way gives the same text whenever it is taken), made once.
      for (let i = at; i < end; i++) {
        const d = diagnostics[i] as Diagnostic;
        count(d);
        let p = memo.get(d);
        if (p === undefined) memo.set(d, (p = piece(d, oneLine)));
        parts.push(p);
      }
      // Joined into one flat string (`+=` of kept pieces would make a rope the writer flattens again, slower).
      yield parts.join('');
      parts.length = 0;
      continue;
    }
    let lines = 0;
    for (let i = at; i < end; i++) {
      const d = diagnostics[i] as Diagnostic;
      count(d);
      lines += 1 + (d.fix ? 1 : 0) + (d.waived ? 1 : 0);
      if (clean) block += piece(d, clean);
    }
    if (clean === undefined || CONTROL_BUT_LF.test(block) || lineBreaks(block) !== lines) {
      block = '';
      for (let i = at; i < end; i++) block += piece(diagnostics[i] as Diagnostic, oneLine);
    }
    yield block;
  }
  if (diagnostics.length === 0) {
    yield `${vi ? `✓ Không có vấn đề nào (${ctx.files.length} tệp).` : `✓ No problems (${ctx.files.length} files).`}\n`;
  } else {
    const summary = vi
      ? `${errors} lỗi, ${warnings} cảnh báo, ${infos} thông tin${waived ? `, ${waived} đã miễn trừ` : ''} trong ${files.size}/${ctx.files.length} tệp.`
      : `${errors} errors, ${warnings} warnings, ${infos} info${waived ? `, ${waived} waived` : ''} in ${files.size}/${ctx.files.length} files.`;
    yield `\n${paint('bold', `${errors > 0 ? '✖' : '⚠'} ${summary}`)}\n`;
  }
}

/** How many line breaks `s` holds. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

import { countBySeverity, type Diagnostic } from '../../core/diagnostic.js';
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

/** `formatStylish` finding by finding (each piece ends in a newline): a finding is formatted only as it is written. */
export function* stylishChunks(diagnostics: readonly Diagnostic[], ctx: FormatContext): Generator<string> {
  const paint = (code: keyof typeof COLORS, s: string) => (ctx.color ? `${COLORS[code]}${s}${COLORS.reset}` : s);
  const vi = ctx.lang === 'vi';
  for (const d of diagnostics) {
    const where = `${d.file}:${d.range.start.line}:${d.range.start.col}`;
    const legal = d.legalRef ? `  [${d.legalRef}]` : '';
    const sev = paint(d.waived ? 'dim' : d.severity, d.severity);
    let piece = `${oneLine(where)}  ${sev}  ${oneLine(pick(d.message, ctx.lang))}  ${paint('dim', d.code)}${legal}\n`;
    if (d.fix) piece += `    ${vi ? 'Cách sửa' : 'Fix'}: ${oneLine(pick(d.fix, ctx.lang))}\n`;
    if (d.waived) {
      piece += `    ${vi ? 'Đã miễn trừ' : 'Waived'}: ${oneLine(d.waived.reason)} (${oneLine(d.waived.approvedBy)}, ${vi ? 'hết hạn' : 'expires'} ${d.waived.expires})\n`;
    }
    yield piece;
  }
  const n = countBySeverity(diagnostics);
  const waived = diagnostics.filter((d) => d.waived).length;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  if (diagnostics.length === 0) {
    yield `${vi ? `✓ Không có vấn đề nào (${ctx.files.length} tệp).` : `✓ No problems (${ctx.files.length} files).`}\n`;
  } else {
    const summary = vi
      ? `${n.error} lỗi, ${n.warning} cảnh báo, ${n.info} thông tin${waived ? `, ${waived} đã miễn trừ` : ''} trong ${files}/${ctx.files.length} tệp.`
      : `${n.error} errors, ${n.warning} warnings, ${n.info} info${waived ? `, ${waived} waived` : ''} in ${files}/${ctx.files.length} files.`;
    yield `\n${paint('bold', `${n.error > 0 ? '✖' : '⚠'} ${summary}`)}\n`;
  }
}

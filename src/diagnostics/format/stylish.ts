import type { Diagnostic } from '../../core/diagnostic.js';
import { countEn, pick } from '../../core/text.js';
import type { FormatContext, StylishBlock, StylishBlocks } from './context.js';

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

/** How `stylish` prints one finding and the closing line, for one language and colour. */
function printer(ctx: FormatContext): {
  piece: (d: Diagnostic, line: (s: string) => string) => string;
  summary: (counts: Counts, files: number) => string;
} {
  const paint = (code: keyof typeof COLORS, s: string) => (ctx.color ? `${COLORS[code]}${s}${COLORS.reset}` : s);
  const vi = ctx.lang === 'vi';
  const fixLabel = vi ? 'Cách sửa' : 'Fix';
  const waivedLabel = vi ? 'Đã miễn trừ' : 'Waived';
  const expiresLabel = vi ? 'hết hạn' : 'expires';
  const lang = ctx.lang;
  return {
    piece: (d, line) => {
      const legal = d.legalRef ? `  [${d.legalRef}]` : '';
      const sev = paint(d.waived ? 'dim' : d.severity, d.severity);
      let out = `${line(`${d.file}:${d.range.start.line}:${d.range.start.col}`)}  ${sev}  ${line(pick(d.message, lang))}  ${paint('dim', d.code)}${legal}\n`;
      if (d.fix) out += `    ${fixLabel}: ${line(pick(d.fix, lang))}\n`;
      if (d.waived) out += `    ${waivedLabel}: ${line(d.waived.reason)} (${line(d.waived.approvedBy)}, ${expiresLabel} ${d.waived.expires})\n`;
      return out;
    },
    summary: ({ errors, warnings, infos, waived }, files) => {
      if (errors + warnings + infos + waived === 0) return `${vi ? `✓ Không có vấn đề nào (${ctx.files.length} tệp).` : `✓ No problems (${countEn(ctx.files.length, 'file')}).`}\n`;
      const text = vi
        ? `${errors} lỗi, ${warnings} cảnh báo, ${infos} thông tin${waived ? `, ${waived} đã miễn trừ` : ''} trong ${files}/${ctx.files.length} tệp.`
        : `${countEn(errors, 'error')}, ${countEn(warnings, 'warning')}, ${infos} info${waived ? `, ${waived} waived` : ''} in ${files}/${countEn(ctx.files.length, 'file')}.`;
      return `\n${paint('bold', `${errors > 0 ? '✖' : '⚠'} ${text}`)}\n`;
    },
  };
}

interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
}

function count(c: Counts, d: Diagnostic): void {
  if (d.waived) c.waived++;
  else if (d.severity === 'error') c.errors++;
  else if (d.severity === 'warning') c.warnings++;
  else c.infos++;
}

/**
 * `formatStylish` piece by piece (each piece ends in a newline): findings are formatted only as they
 * are written, a block of them at a time. A block is first made from the texts as they are; only when
 * it holds a control character that its own line breaks do not account for (a YAML value with a line
 * break or an escape, rare) is it made again with each text put on one line. Both give the same text
 * whenever the texts hold no control character, so the cheap way is taken only then.
 */
export function* stylishChunks(diagnostics: readonly Diagnostic[], ctx: FormatContext): Generator<string> {
  const { piece, summary } = printer(ctx);
  // Escapes of the colours are control characters: a coloured block is always made the careful way.
  const clean = ctx.color ? undefined : (s: string) => s;
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, waived: 0 };
  const files = new Set<string>();
  for (let at = 0; at < diagnostics.length; at += BLOCK) {
    const end = Math.min(at + BLOCK, diagnostics.length);
    let block = '';
    let lines = 0;
    for (let i = at; i < end; i++) {
      const d = diagnostics[i] as Diagnostic;
      count(counts, d);
      files.add(d.file);
      lines += 1 + (d.fix ? 1 : 0) + (d.waived ? 1 : 0);
      if (clean) block += piece(d, clean);
    }
    if (clean === undefined || CONTROL_BUT_LF.test(block) || lineBreaks(block) !== lines) {
      block = '';
      for (let i = at; i < end; i++) block += piece(diagnostics[i] as Diagnostic, oneLine);
    }
    yield block;
  }
  yield summary(counts, files.size);
}

/**
 * `stylishChunks` as bytes, for a long-lived process that keeps what it printed (`blocks`: the
 * daemon's, for these options): the findings of one file are one block, encoded once, and written again
 * as the same bytes while they are the same objects in the same order (no text made, nothing
 * encoded, the summary counted from the blocks' counts). A file whose findings changed is printed the
 * careful way (each text put on one line: the same text as the cheap way whenever that is taken).
 * The same bytes as `stylishChunks` encoded, for any list (a file whose findings are not together
 * is several blocks: each is checked against the file's last one, and remembered the last).
 */
export function* stylishBytes(diagnostics: readonly Diagnostic[], ctx: FormatContext, blocks: StylishBlocks): Generator<Uint8Array> {
  const { piece, summary } = printer(ctx);
  const last = blocks.blocks;
  const next = new Map<string, StylishBlock>();
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, waived: 0 };
  const files = new Set<string>();
  for (let at = 0; at < diagnostics.length; ) {
    const file = (diagnostics[at] as Diagnostic).file;
    let end = at + 1;
    while (end < diagnostics.length && (diagnostics[end] as Diagnostic).file === file) end++;
    let block = last.get(file);
    if (block !== undefined && !sameItems(block.items, diagnostics, at, end) && samePrint(block.items, diagnostics, at, end)) {
      // New objects that print the same (a whole-model rule makes its findings again): the same bytes,
      // not printed nor encoded again (a new view of them: the block now stands for other objects).
      const bytes = block.bytes;
      block = { ...block, items: diagnostics.slice(at, end), bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) };
    }
    if (block === undefined || !sameItems(block.items, diagnostics, at, end)) {
      const items = diagnostics.slice(at, end);
      const own: Counts = { errors: 0, warnings: 0, infos: 0, waived: 0 };
      let text = '';
      for (const d of items) {
        count(own, d);
        text += piece(d, oneLine);
      }
      block = { items, bytes: Buffer.from(text, 'utf8'), ...own };
    }
    next.set(file, block);
    files.add(file);
    counts.errors += block.errors;
    counts.warnings += block.warnings;
    counts.infos += block.infos;
    counts.waived += block.waived;
    yield block.bytes;
    at = end;
  }
  blocks.blocks = next;
  yield Buffer.from(summary(counts, files.size), 'utf8');
}

/** True when `items` are `list[at..end)`, the same objects in the same order. */
function sameItems(items: readonly Diagnostic[], list: readonly Diagnostic[], at: number, end: number): boolean {
  if (items.length !== end - at) return false;
  for (let i = 0; i < items.length; i++) if (items[i] !== list[at + i]) return false;
  return true;
}

/**
 * True when `items` and `list[at..end)` print the same, finding by finding: every field `stylish`
 * prints is equal (file, start of range, severity, message, code, legal reference, fix, waiver). Cheaper
 * than printing and encoding them again.
 */
function samePrint(items: readonly Diagnostic[], list: readonly Diagnostic[], at: number, end: number): boolean {
  if (items.length !== end - at) return false;
  for (let i = 0; i < items.length; i++) {
    const a = items[i] as Diagnostic;
    const b = list[at + i] as Diagnostic;
    if (a === b) continue;
    if (a.file !== b.file || a.code !== b.code || a.severity !== b.severity || a.legalRef !== b.legalRef) return false;
    if (a.range.start.line !== b.range.start.line || a.range.start.col !== b.range.start.col) return false;
    if (!sameText(a.message, b.message) || !sameText(a.fix, b.fix)) return false;
    const wa = a.waived;
    const wb = b.waived;
    if (wa !== wb && (wa === undefined || wb === undefined || wa.reason !== wb.reason || wa.approvedBy !== wb.approvedBy || wa.expires !== wb.expires)) return false;
  }
  return true;
}

function sameText(a: Diagnostic['fix'], b: Diagnostic['fix']): boolean {
  return a === b || (a !== undefined && b !== undefined && a.vi === b.vi && a.en === b.en);
}

/** How many line breaks `s` holds. */
function lineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

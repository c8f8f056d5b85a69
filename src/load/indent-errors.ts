import type { YAMLError } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import { clip, text, type Text } from '../core/text.js';
import { rangeFromOffsets, type ParsedAst } from './locate.js';

/**
 * A misindented line, said once and on that line. yaml reports it elsewhere, or twice:
 *
 * - a line indented deeper than the `key: value` above it (`  level: 2` then `   dossier: approved`)
 *   is read as the next line of the value "2"; yaml then finds a ":" in it and reports, at the value
 *   on the line above, both that a key spans lines (MULTILINE_IMPLICIT_KEY) and that a mapping is
 *   nested in a compact one (BLOCK_AS_IMPLICIT_KEY);
 * - a line between two levels (`    level: 2` then `  dossier: approved`) is "not at the same column"
 *   (BAD_INDENT), reported at the start of the line before it when a comment line comes between.
 *
 * Each becomes one yaml.indent finding at the misindented line's first character, naming the key it
 * should line up with; what yaml then reports about well-placed lines below it is an echo, and goes.
 */

/** A line's first `key:` (after list dashes): indentation, dashes, key, and what follows the colon. */
const KEY_LINE = /^( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s:#"'][^:#]*?) *:(?: +|$)(.*)$/;

/** BAD_INDENT of a mapping item out of line with its siblings (not the unclosed-bracket kind). */
const MISALIGNED = /same column/;

interface KeyAt {
  readonly key: string;
  /** 0-based line and column of the key. */
  readonly line: number;
  readonly col: number;
}

interface IndentCause {
  /** 0-based index of the misindented line, and its indentation in spaces. */
  readonly line: number;
  readonly indent: number;
  /** Its own key, when it has one. */
  readonly key: string | undefined;
  /** The key it should line up with. */
  readonly ref: KeyAt;
  /** The key on the line above whose value yaml went on reading into this line (a MULTILINE_IMPLICIT_KEY). */
  readonly holder: string | undefined;
}

class Lines {
  readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  text(line: number): string {
    const end = this.starts[line + 1];
    return this.source.slice(this.starts[line], end === undefined ? undefined : end - 1).replace(/\r$/, '');
  }

  /** A line with something besides spaces and a comment. */
  hasContent(line: number): boolean {
    const t = this.text(line).trim();
    return t !== '' && !t.startsWith('#');
  }
}

function unquote(key: string): string {
  return key.replace(/^["']|["']$/g, '');
}

/**
 * The key line `line` (indented `indent`) should line up with: walking up, the keys that open the blocks
 * it is in (each less indented than the one below it; misindented lines found before are skipped); of
 * those deeper than the line, the least deep (the block it falls short of), else the nearest.
 */
function referenceFor(lines: Lines, line: number, indent: number, causes: ReadonlyMap<number, IndentCause>): KeyAt | undefined {
  const chain: KeyAt[] = [];
  for (let i = line - 1; i >= 0; i--) {
    const t = lines.text(i);
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(t)) break;
    if (!lines.hasContent(i) || causes.has(i)) continue;
    const m = KEY_LINE.exec(t);
    if (!m) continue;
    const col = (m[1] as string).length + (m[2] as string).length;
    const last = chain[chain.length - 1];
    if (last !== undefined && col >= last.col) continue;
    chain.push({ key: unquote(m[3] as string), line: i, col });
    if (col === 0) break;
  }
  const deeper = chain.filter((k) => k.col > indent);
  return deeper.length > 0 ? deeper[deeper.length - 1] : chain[0];
}

/**
 * The cause of one MULTILINE_IMPLICIT_KEY or misaligned BAD_INDENT, when the text shows it; `aligned`
 * when the line it is about lines up with its key after all (yaml, thrown off by a misindented line
 * above, reports its well-placed siblings too).
 */
function causeOf(lines: Lines, err: YAMLError, causes: ReadonlyMap<number, IndentCause>): IndentCause | 'aligned' | undefined {
  const [start, end] = err.pos;
  const first = lines.lineOf(start);
  let holder: string | undefined;
  let line = -1;
  if (err.code === 'MULTILINE_IMPLICIT_KEY') {
    // The line after the value, up to the ":" yaml stopped at.
    const m = KEY_LINE.exec(lines.text(first));
    if (!m || (m[4] ?? '').trim() === '') return undefined;
    holder = unquote(m[3] as string);
    const last = lines.lineOf(Math.max(start, end - 1));
    for (let i = first + 1; i <= last && line < 0; i++) if (lines.hasContent(i)) line = i;
  } else {
    for (let i = first; i < lines.starts.length && line < 0; i++) if (lines.hasContent(i)) line = i;
  }
  if (line < 0) return undefined;
  const own = lines.text(line);
  if (/^ *\t/.test(own)) return undefined; // a tab: yaml.tab-indent says it
  const indent = own.length - own.trimStart().length;
  const ref = referenceFor(lines, line, indent, causes);
  if (!ref) return undefined;
  if (ref.col === indent) return 'aligned';
  const mine = KEY_LINE.exec(own);
  return { line, indent, key: mine && (mine[2] ?? '') === '' ? unquote(mine[3] as string) : undefined, ref, holder };
}

function spaces(n: number): Text {
  return n === 0 ? text('không thụt lề', 'not indented') : text(`${n} dấu cách`, `${n} space${n === 1 ? '' : 's'}`);
}

function indentDiagnostic(file: string, cause: IndentCause, lines: Lines, ast: ParsedAst): Diagnostic {
  const { line, indent, key, ref, holder } = cause;
  const at = (lines.starts[line] as number) + indent;
  const colon = key === undefined ? -1 : lines.source.indexOf(':', at);
  const what = key === undefined ? text(`dòng ${line + 1}`, `line ${line + 1}`) : text(`"${clip(key)}"`, `"${clip(key)}"`);
  const refKey = clip(ref.key);
  return {
    code: 'yaml.indent',
    severity: 'error',
    message: text(
      `Dòng ${line + 1} thụt lề ${spaces(indent).vi}, không khớp với "${refKey}" ở dòng ${ref.line + 1} (${spaces(ref.col).vi}).`,
      `Line ${line + 1} is indented ${spaces(indent).en}, which does not match "${refKey}" on line ${ref.line + 1} (${spaces(ref.col).en}).`,
    ),
    file,
    range: rangeFromOffsets(ast.lineCounter, at, colon > at ? colon : at + 1),
    path: [],
    fix: text(
      `${ref.col === 0 ? `Viết ${what.vi} sát lề trái` : `Thụt lề ${what.vi} đúng ${ref.col} dấu cách`}, thẳng với "${refKey}"${holder === undefined ? '' : ` (nếu dòng này viết tiếp giá trị của "${clip(holder)}", đặt cả giá trị trong dấu nháy kép)`}.`,
      `${ref.col === 0 ? `Start ${what.en} at the left margin` : `Indent ${what.en} by exactly ${ref.col} spaces`}, in line with "${refKey}"${holder === undefined ? '' : ` (if the line goes on with the value of "${clip(holder)}", put the whole value in double quotes)`}.`,
    ),
  };
}

/**
 * A document's YAML problems with each misindented line said once, at that line (`found`): the errors
 * it explains go, with the BLOCK_AS_IMPLICIT_KEY yaml reports at the same place as a MULTILINE_IMPLICIT_KEY
 * it explains. The other problems are kept (`rest`).
 */
export function withIndentCauses(file: string, problems: readonly YAMLError[], source: string, ast: ParsedAst): { readonly found: Diagnostic[]; readonly rest: YAMLError[] } {
  const candidates = problems.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY' || (e.code === 'BAD_INDENT' && MISALIGNED.test(e.message)));
  if (candidates.length === 0) return { found: [], rest: [...problems] };
  const lines = new Lines(source);
  const causes = new Map<number, IndentCause>();
  const explained = new Set<YAMLError>();
  const continued = new Set<number>();
  const found: Diagnostic[] = [];
  for (const err of [...candidates].sort((a, b) => a.pos[0] - b.pos[0])) {
    const cause = causeOf(lines, err, causes);
    // A well-placed line yaml reports only because a misindented one above threw it off is an echo.
    if (cause === undefined || (cause === 'aligned' && causes.size === 0)) continue;
    explained.add(err);
    if (err.code === 'MULTILINE_IMPLICIT_KEY') continued.add(err.pos[0]);
    if (cause === 'aligned') continue;
    if (causes.has(cause.line)) continue;
    causes.set(cause.line, cause);
    found.push(indentDiagnostic(file, cause, lines, ast));
  }
  const rest = problems.filter((e) => !explained.has(e) && !(e.code === 'BLOCK_AS_IMPLICIT_KEY' && continued.has(e.pos[0])));
  return { found, rest };
}

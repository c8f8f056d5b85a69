import { isId, KIND_BY_DOC_KIND, type EntityKind } from '../core/ref.js';
import { closest } from '../core/similar.js';
import type { Range } from '../core/source.js';
import type { SourceIndex } from '../load/locate.js';
import type { UnparsedFile } from '../load/load-architecture.js';
import type { ParsedDoc } from '../load/parse-yaml.js';
import type { CheckedDoc } from '../validate/validate.js';

/**
 * An entity a document declares although the document did not load (a YAML error, a file that is not
 * UTF-8, a wrong or missing `kind` or `apiVersion`): references to it are not dangling, they wait for
 * the document to load. `kind` is undefined when the document's kind cannot be told.
 */
export interface PendingDecl {
  readonly file: string;
  readonly range: Range;
  readonly kind: EntityKind | undefined;
  readonly id: string;
}

const KIND_NAMES = [...KIND_BY_DOC_KIND.keys()];

/** The kind a misspelt `kind:` most likely means (`system` → System), or undefined. */
function kindOf(name: unknown): EntityKind | undefined {
  if (typeof name !== 'string') return undefined;
  const exact = KIND_BY_DOC_KIND.get(name);
  if (exact) return exact;
  const guess = KIND_NAMES.find((k) => k.toLowerCase() === name.trim().toLowerCase()) ?? closest(name.trim(), KIND_NAMES);
  return guess === undefined ? undefined : KIND_BY_DOC_KIND.get(guess);
}

/** A top-level `id:` or `kind:` line of raw YAML text (quoted or not, a comment after it). */
const TOP_KEY = /^(id|kind)[ \t]*:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#"'][^\n#]*?))[ \t]*(?:#.*)?$/;

/**
 * Best effort, from text no parser accepted: the `id:` (and `kind:`) written at the start of a line
 * in each `---`-separated part. Ids are ASCII, so text in a legacy code page still yields them.
 */
function declaredInText(file: string, source: string): PendingDecl[] {
  const out: PendingDecl[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  let id: { value: string; line: number; col: number; end: number } | undefined;
  let kind: string | undefined;
  const close = (): void => {
    if (id) out.push({ file, range: { start: { line: id.line, col: id.col }, end: { line: id.line, col: id.end } }, kind: kindOf(kind), id: id.value });
    id = undefined;
    kind = undefined;
  };
  lines.forEach((line, i) => {
    if (/^---(?:\s|$)/.test(line)) {
      close();
      return;
    }
    const m = TOP_KEY.exec(line);
    if (!m) return;
    const value = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (m[1] === 'kind') kind ??= value;
    else if (id === undefined && isId(value)) {
      const col = line.indexOf(value, line.indexOf(':')) + 1;
      id = { value, line: i + 1, col, end: col + value.length };
    }
  });
  close();
  return out;
}

export interface PendingInput {
  /** Every document the loader parsed. */
  readonly docs: readonly ParsedDoc[];
  /** The documents validation passed on (their kind is known). */
  readonly checked: readonly CheckedDoc[];
  /** The text of each file that failed to parse or decode. */
  readonly unparsed: readonly UnparsedFile[];
  readonly sources: SourceIndex;
}

/**
 * The entities declared by documents that did not load: parsed documents validation dropped (their
 * `id` as parsed), and the `id:` lines of files that did not parse. In file order.
 */
export function pendingDeclarations(input: PendingInput): PendingDecl[] {
  const out: PendingDecl[] = [];
  const passed = new Set<ParsedDoc>(input.checked.map((c) => c.doc));
  for (const doc of input.docs) {
    if (passed.has(doc)) continue;
    const v = doc.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
    const record = v as Record<string, unknown>;
    const id = record['id'];
    if (typeof id !== 'string' || !isId(id)) continue;
    out.push({ file: doc.file, range: input.sources.locate(doc.file, doc.index, ['id']), kind: kindOf(record['kind']), id });
  }
  for (const f of input.unparsed) out.push(...declaredInText(f.file, f.text));
  // A file with a document that did not parse and one that did not validate names the latter twice.
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${p.file}:${p.range.start.line}:${p.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A key that changes when the pending declarations do (a patched build is only valid for the same ones). */
export function pendingKey(pending: readonly PendingDecl[]): string {
  return pending.map((p) => `${p.file}:${p.range.start.line}:${p.kind ?? '*'}:${p.id}`).join('\n');
}

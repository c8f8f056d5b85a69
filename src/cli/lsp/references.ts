/**
 * What the language server knows about references in a line of YAML, independent of the protocol:
 * the ref under the cursor, the word being typed where a ref goes, which kinds a field accepts, and
 * the candidates to complete from (matched with or without Vietnamese diacritics).
 */
import { asciiFold } from '../../core/labels.js';
import { ENTITY_KINDS, parseRef, type RefKind } from '../../core/ref.js';
import type { Model } from '../../model/model.js';
import type { Schema } from '../../validate/schema/dsl.js';

/** A ref written in a line: where it starts and ends (0-based UTF-16 columns, end exclusive). */
export interface RefInLine {
  readonly ref: string;
  readonly start: number;
  readonly end: number;
}

const REF_IN_TEXT = /[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*(?:@[A-Za-z0-9][A-Za-z0-9.-]*)?/g;

/** The well-formed ref of a known kind that contains column `col` of `line`, if any. */
export function refAt(line: string, col: number): RefInLine | undefined {
  for (const m of line.matchAll(REF_IN_TEXT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (col < start || col > end) continue;
    if (!parseRef(m[0])) continue;
    return { ref: m[0], start, end };
  }
  return undefined;
}

/** The word typed at the cursor where a value goes, and the field it belongs to. */
export interface TypedValue {
  /** What was typed so far (may hold spaces when a name is being searched). */
  readonly typed: string;
  /** 0-based column where it starts. */
  readonly start: number;
  /** The field name the value belongs to (`owner`, `datasets`), when one can be seen. */
  readonly field: string | undefined;
}

/** "key: " — a key has a space after its colon; "- kpi:" with the cursor after the colon is a ref being typed. */
const KEY_LINE = /^(\s*)(?:-\s+)*([A-Za-z][\w-]*)\s*:\s/;

/**
 * Reads the value being typed on `lines[line]` up to `col`: after "key: ", "- ", "[" or ",".
 * Undefined where a key is being typed.
 */
export function typedValue(lines: readonly string[], line: number, col: number): TypedValue | undefined {
  const text = (lines[line] ?? '').slice(0, col);
  if (/^\s*#/.test(text)) return undefined;
  let start = -1;
  let field: string | undefined;
  const key = KEY_LINE.exec(text);
  if (key && key[0].length <= text.length) {
    start = key[0].length;
    field = key[2];
  } else {
    const item = /^(\s*)-\s+/.exec(text);
    if (!item) return undefined;
    start = item[0].length;
    field = parentKey(lines, line, (item[1] ?? '').length);
  }
  // Inside a flow sequence or mapping: the value starts after the last "[", "{" or ",".
  const rest = text.slice(start);
  const cut = Math.max(rest.lastIndexOf('['), rest.lastIndexOf(','), rest.lastIndexOf('{'));
  if (cut >= 0) start += cut + 1;
  // A flow mapping entry "{ key: value": the value after its own key.
  const inner = /^\s*([A-Za-z][\w-]*)\s*:\s/.exec(text.slice(start));
  if (inner) {
    field = inner[1];
    start += inner[0].length;
  }
  while (start < text.length && (text[start] === ' ' || text[start] === '"' || text[start] === "'")) start++;
  return { typed: text.slice(start), start, field };
}

/** The key of the block sequence an item at `indent` belongs to: the nearest line above that is less indented, or equally indented and not an item. */
function parentKey(lines: readonly string[], line: number, indent: number): string | undefined {
  for (let i = line - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    if (l.trim() === '' || /^\s*#/.test(l)) continue;
    const ind = (/^\s*/.exec(l)?.[0] ?? '').length;
    if (ind < indent || (ind === indent && !/^\s*-/.test(l))) {
      const m = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:\s*$/.exec(l);
      return m ? m[1] : undefined;
    }
  }
  return undefined;
}

/** Field name → ref kinds it accepts, gathered from every kind's schema (`x-ref`). */
export function refFields(kinds: Readonly<Record<string, Schema>>): ReadonlyMap<string, readonly RefKind[]> {
  const out = new Map<string, Set<RefKind>>();
  const walk = (schema: Schema | undefined, key: string | undefined, seen: Set<Schema>): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    const refKinds = schema['x-ref'] as RefKind[] | undefined;
    if (refKinds && key !== undefined) {
      const set = out.get(key) ?? new Set<RefKind>();
      for (const k of refKinds) set.add(k);
      out.set(key, set);
    }
    const props = schema['properties'] as Record<string, Schema> | undefined;
    for (const [k, sub] of Object.entries(props ?? {})) walk(sub, k, seen);
    walk(schema['items'] as Schema | undefined, key, seen);
    for (const alt of ['anyOf', 'oneOf', 'allOf'] as const) for (const s of (schema[alt] as Schema[] | undefined) ?? []) walk(s, key, seen);
  };
  for (const schema of Object.values(kinds)) walk(schema, undefined, new Set());
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** Something a ref can point to. */
export interface Candidate {
  readonly ref: string;
  readonly kind: RefKind;
  readonly name: string;
  readonly shortName?: string;
  /** Lower-case ASCII of ref, name and short name, for matching without diacritics. */
  readonly folded: string;
}

/** Every entity of the model and every national system, national target and central body of its pack. */
export function candidatesOf(model: Model): Candidate[] {
  const out: Candidate[] = [];
  const add = (ref: string, kind: RefKind, name: string, shortName?: string): void => {
    out.push({ ref, kind, name, ...(shortName ? { shortName } : {}), folded: asciiFold(`${ref} ${name} ${shortName ?? ''}`) });
  };
  for (const kind of ENTITY_KINDS) {
    for (const e of model.all(kind)) add(e.ref, kind, e.name, 'shortName' in e && typeof e.shortName === 'string' ? e.shortName : undefined);
  }
  for (const n of model.pack.national) add(n.ref, 'national', n.name);
  for (const t of model.pack.targets) add(t.ref, 'target', t.name);
  for (const o of model.pack.organizations) if (!model.get(o.ref)) add(o.ref, 'org', o.name);
  return out;
}

/**
 * The candidates matching what was typed, best first: a ref starting with it, then a ref, name or
 * short name containing every typed word (diacritics ignored). `kinds` restricts to a field's kinds;
 * a typed `kind:` prefix restricts further.
 */
export function matchCandidates(all: readonly Candidate[], typed: string, kinds: readonly RefKind[] | undefined, limit = 100): { items: Candidate[]; complete: boolean } {
  const raw = typed.trim();
  const prefixKind = /^([a-z]+):/.exec(raw)?.[1];
  const words = asciiFold(raw).split(/[\s,]+/).filter(Boolean);
  const scored: { c: Candidate; rank: number }[] = [];
  for (const c of all) {
    if (kinds && kinds.length > 0 && !kinds.includes(c.kind)) continue;
    if (prefixKind !== undefined && c.kind !== prefixKind) continue;
    if (c.ref.startsWith(raw)) scored.push({ c, rank: 0 });
    else if (words.every((w) => c.folded.includes(w))) scored.push({ c, rank: 1 });
  }
  scored.sort((a, b) => a.rank - b.rank || (a.c.ref < b.c.ref ? -1 : a.c.ref > b.c.ref ? 1 : 0));
  return { items: scored.slice(0, limit).map((s) => s.c), complete: scored.length <= limit };
}

/**
 * The mechanical replacement a diagnostic proposes, if any: "Change it to "x"", "Rename "a" to "b"",
 * or a message ending "did you mean "x"?" or "did you mean "x" (its label)?" (the English texts are the stable form of both languages).
 */
export function replacementOf(d: { readonly message: { readonly en: string }; readonly fix?: { readonly en: string } | undefined }): string | undefined {
  const fix = d.fix?.en ?? '';
  const m = /^(?:Change it to|Rename "[^"]*" to) "([^"]+)"\.$/.exec(fix) ?? / — did you mean "([^"]+)"(?: \([^()]*\))?\?$/.exec(d.message.en);
  return m?.[1];
}

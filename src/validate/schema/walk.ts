import type { DocPath } from '../../core/source.js';
import type { Schema } from './dsl.js';

/** A reference found in a document: where it is, what it says, which kinds the field accepts. */
export interface RefSite {
  readonly path: DocPath;
  readonly value: string;
  readonly kinds: readonly string[];
}

/** The sub-schema describing `path` inside `schema`, following `properties` and `items`. */
export function schemaAt(schema: Schema, path: DocPath): Schema | undefined {
  let cur: Schema | undefined = schema;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = cur['items'] as Schema | undefined;
    else cur = (cur['properties'] as Record<string, Schema> | undefined)?.[seg];
  }
  return cur;
}

/** Every string at a schema position annotated with `x-ref`, in document order. Type mismatches are skipped. */
export function collectRefs(schema: Schema, value: unknown, path: (string | number)[] = [], out: RefSite[] = []): RefSite[] {
  // One path, extended and shortened on the way; copied only for a reference found. Members whose
  // schema holds no `x-ref` are not walked (most of a document: names, descriptions, figures).
  const at = [...path];
  const walk = (s: Schema, v: unknown): void => {
    const kinds = s['x-ref'] as string[] | undefined;
    if (kinds && typeof v === 'string') {
      out.push({ path: [...at], value: v, kinds });
      return;
    }
    if (Array.isArray(v)) {
      const items = s['items'] as Schema | undefined;
      if (!items || !holdsRefs(items)) return;
      for (let i = 0; i < v.length; i++) {
        at.push(i);
        walk(items, v[i]);
        at.pop();
      }
      return;
    }
    if (v !== null && typeof v === 'object') {
      const props = refProperties(s);
      if (!props) return;
      for (const key of Object.keys(v)) {
        const sub = props[key];
        if (sub === undefined) continue;
        at.push(key);
        walk(sub, (v as Record<string, unknown>)[key]);
        at.pop();
      }
    }
  };
  walk(schema, value);
  return out;
}

const HOLDS_REFS = new WeakMap<Schema, boolean>();
const REF_PROPERTIES = new WeakMap<Schema, Readonly<Record<string, Schema>> | null>();

/**
 * The members of `schema`'s `properties` below which a reference can be (`holdsRefs`), by name, in a
 * dictionary without prototype; null when none can. Made once per schema: a document's walk then asks
 * one dictionary per member instead of the schema and the memo of `holdsRefs`.
 */
function refProperties(schema: Schema): Readonly<Record<string, Schema>> | null {
  let known = REF_PROPERTIES.get(schema);
  if (known !== undefined) return known;
  const props = schema['properties'] as Record<string, Schema> | undefined;
  const out = Object.create(null) as Record<string, Schema>;
  let any = false;
  if (props) {
    for (const key of Object.keys(props)) {
      const sub = props[key];
      if (sub && holdsRefs(sub)) {
        out[key] = sub;
        any = true;
      }
    }
  }
  known = any ? out : null;
  REF_PROPERTIES.set(schema, known);
  return known;
}

/** True when `x-ref` appears in `schema` or below it (through `properties` and `items`, as `collectRefs` walks). */
function holdsRefs(schema: Schema): boolean {
  const known = HOLDS_REFS.get(schema);
  if (known !== undefined) return known;
  HOLDS_REFS.set(schema, false); // a schema that contains itself adds nothing new
  const items = schema['items'] as Schema | undefined;
  const props = schema['properties'] as Record<string, Schema> | undefined;
  const holds =
    schema['x-ref'] !== undefined ||
    (items !== undefined && typeof items === 'object' && holdsRefs(items)) ||
    (props !== undefined && Object.values(props).some((p) => typeof p === 'object' && p !== null && holdsRefs(p)));
  HOLDS_REFS.set(schema, holds);
  return holds;
}

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
  const kinds = schema['x-ref'] as string[] | undefined;
  if (kinds && typeof value === 'string') {
    out.push({ path: [...path], value, kinds });
    return out;
  }
  if (Array.isArray(value)) {
    const items = schema['items'] as Schema | undefined;
    if (items) value.forEach((v, i) => collectRefs(items, v, [...path, i], out));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const props = schema['properties'] as Record<string, Schema> | undefined;
    if (!props) return out;
    for (const [key, member] of Object.entries(value)) {
      const sub = props[key];
      if (sub) collectRefs(sub, member, [...path, key], out);
    }
  }
  return out;
}

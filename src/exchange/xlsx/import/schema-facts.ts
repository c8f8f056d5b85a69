/**
 * What the schema says of a field, asked of the schema itself so the import follows every field the
 * format accepts a value in, with no second list to keep in step. One schema per pack, built once.
 */
import { KIND_BY_DOC_KIND } from '../../../core/ref.js';
import type { FrameworkPack } from '../../../framework/types.js';
import { buildSchema, type SchemaSet } from '../../../validate/schema/build-schema.js';
import { schemaAt } from '../../../validate/schema/walk.js';

const schemas = new WeakMap<FrameworkPack, { readonly set: SchemaSet; readonly memo: Map<string, Record<string, unknown> | undefined> }>();
function fieldSchema(pack: FrameworkPack, docKind: string, field: string): Record<string, unknown> | undefined {
  let entry = schemas.get(pack);
  if (!entry) schemas.set(pack, (entry = { set: buildSchema(pack, [pack.id]), memo: new Map() }));
  const key = `${docKind}:${field}`;
  if (!entry.memo.has(key)) {
    const kind = KIND_BY_DOC_KIND.get(docKind);
    entry.memo.set(key, kind === undefined ? undefined : schemaAt(entry.set.kinds[kind], field.split('.')));
  }
  return entry.memo.get(key);
}

/** Whether `field` may be declared "chưa xác định" (marked `x-unknown` by `unknownable()`). */
export const acceptsUnknown = (pack: FrameworkPack, docKind: string, field: string): boolean => fieldSchema(pack, docKind, field)?.['x-unknown'] === true;

/** Whether a date `field` takes a year as well as a day (the schema's time points, as goLive): "2012" then stays 2012. */
export const acceptsYear = (pack: FrameworkPack, docKind: string, field: string): boolean => fieldSchema(pack, docKind, field)?.['format'] === 'time-point';


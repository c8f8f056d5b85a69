import type { Diagnostic } from '../core/diagnostic.js';
import { slugify } from '../core/labels.js';
import type { CompiledSchemas } from './ajv.js';
import { schemaAt } from './schema/walk.js';
import type { CheckedDoc } from './validate.js';

/**
 * A reference written without its kind (`owner: van-phong-ubnd`) is suggested, while validating, with
 * the first kind the field accepts (`agency:`): the ids are not all known yet. Once the model is built,
 * the suggestion names the kind that has that id (`org:van-phong-ubnd`), among the kinds the field accepts.
 */
export function refineBareRefSuggestions(diagnostics: readonly Diagnostic[], docs: readonly CheckedDoc[], schemas: CompiledSchemas, resolves: (ref: string) => boolean): readonly Diagnostic[] {
  if (!diagnostics.some((d) => d.code === 'schema.ref-format' && d.entity !== undefined)) return diagnostics;
  const byEntity = new Map<string, CheckedDoc>();
  for (const c of docs) if (c.id !== undefined) byEntity.set(`${c.doc.file}\n${c.kind}:${c.id}`, c);
  return diagnostics.map((d) => {
    if (d.code !== 'schema.ref-format' || d.entity === undefined) return d;
    const c = byEntity.get(`${d.file}\n${d.entity}`);
    if (!c) return d;
    let value: unknown = c.value;
    for (const p of d.path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[p] : undefined;
    if (typeof value !== 'string' || value.includes(':')) return d;
    const kinds = schemaAt(schemas.set.kinds[c.kind], d.path)?.['x-ref'] as readonly string[] | undefined;
    const first = kinds?.[0];
    const id = slugify(value);
    if (!kinds || first === undefined || id === '' || resolves(`${first}:${id}`)) return d;
    const kind = kinds.find((k) => resolves(`${k}:${id}`));
    if (kind === undefined) return d;
    const was = `"${first}:${id}"`;
    const now = `"${kind}:${id}"`;
    return { ...d, message: { vi: d.message.vi.replace(was, now), en: d.message.en.replace(was, now) } };
  });
}

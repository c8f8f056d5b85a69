import type { DocPath } from '../core/source.js';
import { isUnknown } from '../core/unknown.js';
import type { Entity } from '../model/types.js';

/** One fact an entity declares as not yet known (`chưa xác định`). */
export interface UnknownFact {
  readonly path: DocPath;
  /** The field as written, dotted (`security.level`, `roles.0.component`). */
  readonly field: string;
}

/** Free-text fields: "chưa xác định" there is prose, not a missing fact. */
const PROSE = new Set(['description', 'notes', 'note', 'name', 'shortName', 'title', 'result', 'event']);
const META = new Set(['ref', 'entityKind', 'origin']);

/** Every value of `entity` written as the "not yet known" sentinel, in document order. */
export function unknownFacts(entity: Entity): readonly UnknownFact[] {
  // Asked of every system, dataset and service: one path kept as a stack, copied only for a fact found.
  const out: UnknownFact[] = [];
  const path: (string | number)[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (isUnknown(value)) out.push({ path: [...path], field: path.join('.') });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
      return;
    }
    const top = path.length === 0;
    for (const k of Object.keys(value)) {
      if ((top && META.has(k)) || PROSE.has(k)) continue;
      path.push(k);
      walk((value as Record<string, unknown>)[k]);
      path.pop();
    }
  };
  walk(entity);
  return out;
}

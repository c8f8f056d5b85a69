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
  const out: UnknownFact[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (isUnknown(value)) {
      out.push({ path: [...path], field: path.join('.') });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (path.length === 0 && META.has(k)) continue;
        if (PROSE.has(k)) continue;
        walk(v, [...path, k]);
      }
    }
  };
  walk(entity, []);
  return out;
}

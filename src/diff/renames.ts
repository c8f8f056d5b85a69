import { ENTITY_KINDS, type EntityKind } from '../core/ref.js';
import { sortKeys } from '../core/stable-json.js';
import type { Entity } from '../model/types.js';
import type { DiffSide } from './types.js';

/** One entity whose id changed: same kind, same name, (nearly) the same content. */
export interface Rename {
  readonly kind: EntityKind;
  /** The ref on the base side. */
  readonly from: string;
  /** The ref on the head side. */
  readonly to: string;
}

/** What the model adds to a document, and the id itself: never part of the comparison. */
const NOT_CONTENT = new Set(['ref', 'entityKind', 'origin', 'apiVersion', 'kind', 'id']);

/**
 * Share of top-level fields (of both sides together, `id` left out) that must be equal for a removed
 * and an added entity to be one entity whose id changed: a rename often comes with a small edit in the
 * same commit (a status, a description), and 4 in 5 leaves a system of 15 fields room for 3.
 */
export const RENAME_MIN_SAME = 0.8;

function normName(name: unknown): string {
  return typeof name === 'string' ? name.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
}

/** A base value with the refs of entities renamed so far written as their new refs. */
function follow(value: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return renamed.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => follow(v, renamed));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, follow(v, renamed)]));
  return value;
}

function content(e: Entity): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(e)) if (!NOT_CONTENT.has(k) && v !== undefined) out[k] = JSON.stringify(sortKeys(v));
  return out;
}

/** Whether `b` (base, refs followed) and `h` (head), of the same name, are one entity under two ids. */
function isSameEntity(b: Record<string, string>, h: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(b), ...Object.keys(h)]);
  let same = 0;
  for (const k of keys) if (b[k] === h[k]) same++;
  return same >= RENAME_MIN_SAME * keys.size;
}

/** Declared on that side and, for a state of the model, existing at its date. */
function present(side: DiffSide, ref: string): boolean {
  return side.model.declares(ref) && !side.model.isAbsent(ref);
}

/**
 * Entities whose id changed between the two sides. An entity only on the base side and one only on the
 * head side are one entity renamed when they are of the same kind, have the same `name`, and at least
 * `RENAME_MIN_SAME` of their other top-level fields are equal (a reference to an entity renamed in the
 * same change counts as equal). The pairing must be unambiguous: when either has a second candidate,
 * both stay a removal and an addition. A name that changed together with the id is a removal and an
 * addition too: the name is what people know an entity by. Kinds are matched in `ENTITY_KINDS` order,
 * so a system's new id is known when the integrations that name it are compared.
 */
export function detectRenames(base: DiffSide, head: DiffSide): Rename[] {
  const out: Rename[] = [];
  const renamed = new Map<string, string>();
  for (const kind of ENTITY_KINDS) {
    // Only on one side (a document failing the schema on the other side still declares its entity).
    const removed = base.model.all(kind).filter((e) => !present(head, e.ref));
    const added = head.model.all(kind).filter((e) => !present(base, e.ref));
    if (!removed.length || !added.length) continue;
    // Only entities of the same name are compared: a national model's re-import stays linear.
    const byName = new Map<string, { ref: string; c: Record<string, string> }[]>();
    for (const e of added) {
      const key = normName(e.name);
      byName.set(key, [...(byName.get(key) ?? []), { ref: e.ref, c: content(e) }]);
    }
    const candidates = new Map<string, string[]>();
    const backwards = new Map<string, string[]>();
    for (const e of removed) {
      const same = byName.get(normName(e.name));
      if (!same) continue;
      const c = content(follow(e, renamed) as Entity);
      for (const h of same) {
        if (!isSameEntity(c, h.c)) continue;
        candidates.set(e.ref, [...(candidates.get(e.ref) ?? []), h.ref]);
        backwards.set(h.ref, [...(backwards.get(h.ref) ?? []), e.ref]);
      }
    }
    for (const [from, tos] of candidates) {
      const to = tos[0] as string;
      if (tos.length !== 1 || backwards.get(to)?.length !== 1) continue;
      out.push({ kind, from, to });
      renamed.set(from, to);
    }
  }
  return out.sort((x, y) => ENTITY_KINDS.indexOf(x.kind) - ENTITY_KINDS.indexOf(y.kind) || (x.to < y.to ? -1 : x.to > y.to ? 1 : 0));
}

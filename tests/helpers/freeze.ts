import type { Model } from '../../src/model/model.js';
import { ENTITY_KINDS } from '../../src/core/ref.js';

function freeze(value: unknown, seen: Set<unknown>): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const v of Object.values(value)) freeze(v, seen);
  Object.freeze(value);
}

/** Deep-freezes every entity of the model, so a rule that mutates it throws at once (§2.3). */
export function deepFreeze(model: Model): Model {
  const seen = new Set<unknown>();
  for (const k of ENTITY_KINDS) for (const e of model.all(k)) freeze(e, seen);
  return model;
}

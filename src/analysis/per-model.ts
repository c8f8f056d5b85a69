import type { Model } from '../model/model.js';

/**
 * A map per model (or view of one), kept while the model lives: `memoPerModel<K, V>()` returns the
 * lookup. Rules ask about one model at a time, thousands of times per entity kind at national scale, so
 * the last model's map is kept at hand: the weak-map lookup per call showed in the 100k profile
 * (docs/speed.md, cold path third pass).
 */
export function memoPerModel<K, V>(): (model: Model) => Map<K, V> {
  const byModel = new WeakMap<Model, Map<K, V>>();
  let lastModel: Model | undefined;
  let last: Map<K, V> | undefined;
  return (model) => {
    if (model === lastModel) return last as Map<K, V>;
    let known = byModel.get(model);
    if (known === undefined) byModel.set(model, (known = new Map()));
    lastModel = model;
    last = known;
    return known;
  };
}

/** JSON with object keys sorted and 2-space indentation, ending in a newline: same input, same bytes. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** Deep copy with object keys in code-unit order; `undefined` members are dropped. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}

/**
 * `stableStringify(value)` piece by piece (the same bytes): values holding more than `budget` values
 * are walked here, and every smaller one is stringified on its own, so a report of millions of lines is
 * never one string and costs little more than JSON.stringify.
 */
export function* stableJsonChunks(value: unknown, budget = 2048): Generator<string> {
  yield* jsonPieces(value, '', budget);
  yield '\n';
}

/** Whether `v` holds more than `budget` values (counted until the budget runs out): worth walking. */
function isBig(v: unknown, budget: number): boolean {
  let left = budget;
  const stack: unknown[] = [v];
  while (stack.length) {
    const x = stack.pop();
    if (--left < 0) return true;
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) for (const el of x) stack.push(el);
    else for (const k in x) stack.push((x as Record<string, unknown>)[k]);
  }
  return false;
}

function* jsonPieces(v: unknown, indent: string, budget: number): Generator<string> {
  // Mirrors sortKeys + JSON.stringify exactly (sortKeys copies plain members, so no toJSON here either).
  if (v === null || typeof v !== 'object' || !isBig(v, budget)) {
    const s = JSON.stringify(sortKeys(v), null, 2) ?? 'null';
    yield indent === '' ? s : s.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < v.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const el: unknown = v[i];
      if (el === undefined || typeof el === 'function' || typeof el === 'symbol') yield 'null';
      else yield* jsonPieces(el, inner, budget);
    }
    yield `\n${indent}]`;
    return;
  }
  // The order sortKeys gives: inserted sorted, then re-ordered by the engine (integer-like keys first).
  const ordered: Record<string, true> = {};
  for (const k of Object.keys(v).sort()) ordered[k] = true;
  const keys = Object.keys(ordered).filter((k) => {
    const m = (v as Record<string, unknown>)[k];
    return m !== undefined && typeof m !== 'function' && typeof m !== 'symbol';
  });
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    yield `${i ? ',' : ''}\n${inner}${JSON.stringify(k)}: `;
    yield* jsonPieces((v as Record<string, unknown>)[k], inner, budget);
  }
  yield `\n${indent}}`;
}

// The fast parser's flat positions, walked as yaml's locator walks its trees.
/**
 * Positions of one node as a tree (for tests and debugging; the parser itself records them flat,
 * see {@link FastResult}).
 */
export interface PosNode {
  readonly s: number;
  readonly e: number;
  /** Mapping: `String(key value)` (what yaml's locator compares) → key range and value. */
  readonly map?: ReadonlyMap<string, PosPair>;
  readonly seq?: readonly PosNode[];
}

export interface PosPair {
  readonly ks: number;
  readonly ke: number;
  readonly v: PosNode;
}

/** Expands one document's flat positions into a tree (tests and debugging). */
export function positionTree(positions: Int32Array, at: number, value: unknown): PosNode {
  const s = positions[at] as number;
  const e = positions[at + 1] as number;
  if (Array.isArray(value)) {
    const seq: PosNode[] = [];
    let p = at + 3;
    for (const item of value) {
      seq.push(positionTree(positions, p, item));
      p += positions[p + 2] as number;
    }
    return { s, e, seq };
  }
  if (value !== null && typeof value === 'object') {
    const map = new Map<string, PosPair>();
    let p = at + 3;
    for (const [k, v] of Object.entries(value)) {
      map.set(k, { ks: positions[p] as number, ke: positions[p + 1] as number, v: positionTree(positions, p + 2, v) });
      p += 2 + (positions[p + 4] as number);
    }
    return { s, e, map };
  }
  return { s, e };
}

/**
 * The walk yaml's locator does (deepest node along `path`; the key of the last segment for
 * `part: 'key'`), over flat positions and the document's value.
 */
export function findPosition(positions: Int32Array, root: number, value: unknown, path: readonly (string | number)[], part: 'value' | 'key'): { span: readonly [number, number]; depth: number } {
  // Asked once per finding placed: the span is read once, where the walk stops (no pair per step).
  let at = root;
  let v = value;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const k = keys.indexOf(String(seg));
      if (k < 0) break;
      let p = at + 3;
      for (let j = 0; j < k; j++) p += 2 + (positions[p + 4] as number);
      if (last && part === 'key') return { span: [positions[p] as number, positions[p + 1] as number], depth: i + 1 };
      at = p + 2;
      v = (v as Record<string, unknown>)[keys[k] as string];
    } else if (Array.isArray(v) && typeof seg === 'number') {
      if (seg < 0 || seg >= v.length || !Number.isInteger(seg)) break;
      let p = at + 3;
      for (let j = 0; j < seg; j++) p += positions[p + 2] as number;
      at = p;
      v = v[seg];
    } else break;
    depth = i + 1;
  }
  return { span: [positions[at] as number, positions[at + 1] as number], depth };
}

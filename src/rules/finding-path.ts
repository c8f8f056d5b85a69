import type { DocPath } from '../core/source.js';

/**
 * Where to point a finding about `path`: the path itself when it is written, else its deepest written
 * ancestor's key (so a missing `security.level` points at `security:`, and a missing block at `id:`).
 */
export function at(entity: unknown, path: DocPath): { readonly path: DocPath; readonly part: 'value' | 'key' } {
  let cur: unknown = entity;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const next = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
    if (next === undefined) return { path: path.slice(0, i), part: 'key' };
    cur = next;
  }
  return { path, part: 'value' };
}

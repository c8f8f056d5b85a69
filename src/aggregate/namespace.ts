import { known } from '../core/unknown.js';
import { parseRef, refOf } from '../core/ref.js';
import type { DocPath } from '../core/source.js';
import type { Model } from '../model/model.js';

/**
 * How one agency's refs read in the merged view: its own entities get `@<namespace>` (QCVN 102 agency
 * code), national systems, national targets and the pack's central bodies stay as they are, and refs that
 * already name another agency (`system:x@000.07.00.H99`) are kept.
 */
export interface Namespacer {
  readonly namespace: string;
  readonly code: string | undefined;
  qualify(raw: string): string;
}

export function namespacer(model: Model, namespace: string): Namespacer {
  const code = known(model.agency?.code);
  return {
    namespace,
    code,
    qualify(raw: string): string {
      const p = parseRef(raw);
      if (!p || p.kind === 'national' || p.kind === 'target') return raw;
      if (p.agency !== undefined && p.agency !== code) return raw;
      const local = refOf(p.kind, p.id);
      if (p.kind === 'org' && model.org(local)?.source === 'pack') return local;
      return `${local}@${namespace}`;
    },
  };
}

/** Sets the string at `path` inside `target` to `next` (paths come from the model's reference sites). */
export function setAt(target: Record<string, unknown>, path: DocPath, next: string): void {
  let cur: unknown = target;
  for (const [i, seg] of path.entries()) {
    if (cur === null || typeof cur !== 'object') return;
    const container = cur as Record<string | number, unknown>;
    if (i === path.length - 1) {
      if (typeof container[seg] === 'string') container[seg] = next;
      return;
    }
    cur = container[seg];
  }
}

/** Plain deep copy of YAML-shaped data (objects, arrays, scalars). */
export function cloneData<T>(value: T): T {
  return structuredClone(value);
}

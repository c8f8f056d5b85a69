import type { Alias, Node } from 'yaml';
import { yamlLib } from './yaml-lib.js';

/**
 * How much aliases (`*x`) may copy into one document, counted in nodes, with every 100 characters
 * of a copied string counting as one more. yaml's `maxAliasCount` stops the nested "billion laughs"
 * but not the wide one: one anchored list of 300 000 items repeated 199 times.
 */
export const MAX_ALIAS_EXPANSION = 20_000;

export type AliasProblem =
  | { readonly kind: 'unknown'; readonly name: string; readonly offset: number }
  | { readonly kind: 'cycle'; readonly name: string; readonly offset: number }
  | { readonly kind: 'too-large'; readonly expansion: number };

/** Children in document order (keys before values). */
function children(node: unknown): unknown[] {
  if (!yamlLib().isCollection(node)) return [];
  const out: unknown[] = [];
  for (const item of node.items as unknown[]) {
    if (yamlLib().isPair(item)) out.push(item.key, item.value);
    else out.push(item);
  }
  return out;
}

function ownSize(node: unknown): number {
  return 1 + (yamlLib().isScalar(node) && typeof node.value === 'string' ? Math.floor(node.value.length / 100) : 0);
}

/**
 * Checks the aliases of one parsed document without expanding them: every alias must name an
 * anchor written before it, must not sit inside its own anchor, and all of them together must not
 * copy more than `max`. Iterative and linear in the size of the tree.
 */
export function checkAliases(root: unknown, max: number = MAX_ALIAS_EXPANSION): AliasProblem | undefined {
  // Left-to-right post-order, with anchors resolved in pre-order (the anchor "before" an alias is
  // the last one of that name whose node starts before it, as yaml resolves them).
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const post: unknown[] = [];
  const stack: { node: unknown; open: boolean }[] = [{ node: root, open: false }];
  while (stack.length > 0) {
    const top = stack.pop() as { node: unknown; open: boolean };
    const node = top.node;
    if (!yamlLib().isNode(node)) continue;
    if (top.open) {
      post.push(node);
      continue;
    }
    if (yamlLib().isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return { kind: 'unknown', name: node.source, offset: node.range?.[0] ?? 0 };
      targets.set(node, target);
      post.push(node);
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    stack.push({ node, open: true });
    const kids = children(node);
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k], open: false });
  }
  if (targets.size === 0) return undefined;
  const expanded = new Map<unknown, number>();
  let original = 0;
  for (const node of post) {
    if (yamlLib().isAlias(node)) {
      const target = targets.get(node) as Node;
      const s = expanded.get(target);
      // Not computed yet: the target is an ancestor still open, i.e. the alias copies itself.
      if (s === undefined) return { kind: 'cycle', name: node.source, offset: node.range?.[0] ?? 0 };
      expanded.set(node, s);
      continue;
    }
    const own = ownSize(node);
    original += own;
    let s = own;
    for (const child of children(node)) s += expanded.get(child) ?? 0;
    expanded.set(node, Math.min(s, Number.MAX_SAFE_INTEGER));
  }
  const expansion = (expanded.get(root) ?? 0) - original;
  return expansion > max ? { kind: 'too-large', expansion } : undefined;
}

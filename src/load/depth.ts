import type { Node } from 'yaml';
import { yamlLib } from './yaml-lib.js';

/**
 * Deepest nesting of collections (mappings, lists) a document may have. kientruc documents need
 * about five levels; the `yaml` composer recurses once per level and overflows the stack near 800,
 * and a few million levels of `[[[…` take it tens of seconds and gigabytes before it gives up.
 */
export const MAX_DEPTH = 64;

const SPACE = 0x20;
const NL = 0x0a;

function isBlank(c: number): boolean {
  return c === SPACE || c === 0x09;
}

/**
 * A linear pre-scan of the raw text that finds pathological nesting before `yaml` parses it:
 * block indentation levels, compact `- - -` lists and flow brackets, skipping comments, quoted
 * strings and block scalars. Returns the offset where the nesting first exceeds `max`, or -1.
 * It estimates (it is no YAML parser), so it only protects the parser; the exact check is
 * {@link firstTooDeepNode} on the parsed tree.
 */
export function scanTooDeep(src: string, max: number = MAX_DEPTH): number {
  const n = src.length;
  const block: number[] = []; // columns of open block collections
  let flow = 0;
  let i = 0;
  let blockScalarParent = -2; // > -2: skipping block-scalar content indented more than this column
  while (i < n) {
    // ── start of a line
    const lineStart = i;
    while (i < n && src.charCodeAt(i) === SPACE) i++;
    const indent = i - lineStart;
    const c0 = src.charCodeAt(i);
    if (i >= n) break;
    if (c0 === NL) {
      i++;
      continue;
    }
    if (blockScalarParent > -2) {
      if (indent > blockScalarParent) {
        const nl = src.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        continue;
      }
      blockScalarParent = -2;
    }
    if (flow === 0) {
      if (c0 === 0x23 /* # */) {
        const nl = src.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        continue;
      }
      while (block.length > 0 && (block[block.length - 1] as number) > indent) block.pop();
      if (block.length === 0 || block[block.length - 1] !== indent) block.push(indent);
      if (block.length + flow > max) return i;
    }
    // ── the rest of the line
    let atValue = true; // a new node may start here
    let afterDash = false; // just after `- ` or `? `
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === NL) {
        i++;
        break;
      }
      if (isBlank(c)) {
        i++;
        continue;
      }
      if (c === 0x23 /* # */ && (i === lineStart || isBlank(src.charCodeAt(i - 1)))) {
        const nl = src.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        break;
      }
      if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        if (atValue) {
          i = skipQuoted(src, i, c);
          atValue = false;
          afterDash = false;
          continue;
        }
        i++;
        continue;
      }
      if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        if (atValue || flow > 0) {
          afterDash = false;
          flow++;
          if (block.length + flow > max) return i;
          i++;
          atValue = true;
          continue;
        }
        i++;
        continue;
      }
      if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
        if (flow > 0) flow--;
        i++;
        atValue = false;
        continue;
      }
      if (flow > 0) {
        atValue = c === 0x2c /* , */ || c === 0x3a /* : */ || c === 0x3f; /* ? */
        i++;
        continue;
      }
      const next = i + 1 < n ? src.charCodeAt(i + 1) : NL;
      if ((c === 0x2d /* - */ || c === 0x3f /* ? */) && atValue && (isBlank(next) || next === NL)) {
        // `- item` or `? key`: the item is a nested node one column further in
        const col = i - lineStart;
        while (block.length > 0 && (block[block.length - 1] as number) > col) block.pop();
        if (block.length === 0 || block[block.length - 1] !== col) block.push(col);
        if (block.length + flow > max) return i;
        afterDash = true;
        i++;
        continue;
      }
      if (c === 0x3a /* : */ && (isBlank(next) || next === NL)) {
        atValue = true;
        i++;
        continue;
      }
      if ((c === 0x7c /* | */ || c === 0x3e /* > */) && atValue) {
        blockScalarParent = block.length > 0 ? (block[block.length - 1] as number) : -1;
        const nl = src.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        break;
      }
      if (afterDash) {
        // a key right after `- `: a compact mapping opens at its column
        block.push(i - lineStart);
        if (block.length + flow > max) return i;
      }
      atValue = false;
      afterDash = false;
      i++;
    }
  }
  return -1;
}

function skipQuoted(src: string, start: number, quote: number): number {
  let i = start + 1;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c /* \ */) {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (quote === 0x27 && src.charCodeAt(i + 1) === 0x27) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return n;
}

export interface TreeProblems {
  /** Offset of the first collection nested deeper than the limit, or -1. */
  readonly deep: number;
  /** The first mapping key that is a list, a mapping or an alias (`[a, b]: x`, `? {x: 1}`). */
  readonly complexKey: Node | undefined;
  /** The first node with an explicit tag outside YAML's core schema (`!!binary`, `!!set`…). */
  readonly badTag: Node | undefined;
  /** The first YAML 1.1 merge key (`<<: *base`, unquoted), which YAML 1.2 reads as a plain key named "<<". */
  readonly mergeKey: Node | undefined;
}

/** Tags kientruc accepts: the YAML 1.2 core schema (strings, numbers, booleans, null, lists, mappings). */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * One iterative walk of a parsed document (safe on any tree the parser could build): the first
 * collection nested deeper than `max` (in document order), and the first key that is not a scalar.
 */
export function inspectTree(root: unknown, max: number = MAX_DEPTH): TreeProblems {
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  let complexKey: Node | undefined;
  let badTag: Node | undefined;
  let mergeKey: Node | undefined;
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (badTag === undefined && yamlLib().isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) badTag = node;
    if (!yamlLib().isCollection(node)) continue;
    const d = depth + 1;
    if (d > max) return { deep: (node as Node).range?.[0] ?? 0, complexKey, badTag, mergeKey };
    const children: unknown[] = [];
    for (const item of node.items as unknown[]) {
      if (yamlLib().isPair(item)) {
        if (complexKey === undefined && item.key !== null && yamlLib().isNode(item.key) && !yamlLib().isScalar(item.key)) complexKey = item.key;
        if (mergeKey === undefined && yamlLib().isScalar(item.key) && item.key.value === '<<' && item.key.type === 'PLAIN') mergeKey = item.key;
        children.push(item.key, item.value);
      } else children.push(item);
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push({ node: children[k], depth: d });
  }
  return { deep: -1, complexKey, badTag, mergeKey };
}

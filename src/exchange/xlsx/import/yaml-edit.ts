/**
 * Minimal edits to one YAML document's text: set, add or remove a field, touching only the lines of
 * that field. yaml's `Document.toString()` re-prints the whole document (indentation, spacing before
 * comments, flow sequences), so a re-import that changed one status would rewrite a user's file;
 * here the text outside the edited field stays byte for byte what the user wrote, comments included.
 */
import { isMap, isScalar, parseDocument, stringify, type Node, type Pair, type YAMLMap } from 'yaml';

type Path = readonly string[];

const lineStart = (t: string, at: number): number => t.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (t: string, at: number): number => {
  if (at > 0 && t[at - 1] === '\n') return at;
  const nl = t.indexOf('\n', at);
  return nl < 0 ? t.length : nl + 1;
};

/** `value` as it is written after "key: " when it fits on the line, else undefined. */
function inline(value: unknown): string | undefined {
  if (value === null || typeof value === 'object') return undefined;
  const s = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  return s.includes('\n') ? undefined : s;
}

/** `key: value` at `indent` spaces, block style, ending in a newline. */
function renderPair(key: string, value: unknown, indent: number): string {
  const body = stringify({ [key]: value }, { lineWidth: 0 });
  const pad = ' '.repeat(indent);
  return body
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

interface Located {
  readonly map: YAMLMap;
  readonly pair: Pair<Node, Node> | undefined;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** The map holding the last key of `path`, and that key's pair if present; undefined when a parent is missing or not a map. */
function locate(root: unknown, path: Path): Located | undefined {
  let map: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isMap(map)) return undefined;
    map = pairOf(map, key)?.value;
  }
  if (!isMap(map)) return undefined;
  return { map, pair: pairOf(map, path[path.length - 1] as string) };
}

/** Start and end (exclusive, through the line break) of the lines a pair takes. */
function pairSpan(t: string, pair: Pair<Node, Node>): [number, number] {
  const start = lineStart(t, (pair.key as Node).range?.[0] ?? 0);
  const valueEnd = pair.value?.range?.[2] ?? (pair.key as Node).range?.[2] ?? start;
  return [start, lineEnd(t, valueEnd)];
}

const keyColumn = (t: string, pair: Pair<Node, Node>): number => {
  const at = (pair.key as Node).range?.[0] ?? 0;
  return at - lineStart(t, at);
};

/**
 * Sets `path` (one or two keys, e.g. ["status"], ["security", "level"]) to `value`. A scalar replacing
 * a scalar keeps the key, its spacing and a comment after the value; anything else replaces the
 * field's lines. A missing field is inserted after the nearest field before it in `order` (the
 * mapping's order of dotted paths), else before the nearest after it, else at the end of its map.
 */
export function setField(t: string, path: Path, value: unknown, order: readonly string[]): string {
  const doc = parseDocument(t);
  const at = locate(doc.contents, path);
  const key = path[path.length - 1] as string;
  if (at?.pair) {
    const node = at.pair.value;
    const flat = inline(value);
    if (node && isScalar(node) && flat !== undefined && node.range) {
      const [s, e] = node.range;
      // A block scalar's text runs over its lines: replace them with the new value and a line break.
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
        const end = lineEnd(t, node.range[2]);
        return t.slice(0, s) + flat + (t.slice(s, end).endsWith('\n') ? '\n' : '') + t.slice(end);
      }
      return t.slice(0, s) + flat + t.slice(e);
    }
    const [s, e] = pairSpan(t, at.pair);
    return t.slice(0, s) + renderPair(key, value, keyColumn(t, at.pair)) + t.slice(e);
  }
  if (!at) {
    // The parent map is missing: insert it, holding this one field.
    const parent = path.slice(0, -1);
    if (parent.length === 0) return t;
    const nested = { [key]: value };
    return setField(t, parent, nested, order);
  }
  return insertPair(t, at.map, path, value, order);
}

function insertPair(t: string, map: YAMLMap, path: Path, value: unknown, order: readonly string[]): string {
  const key = path[path.length - 1] as string;
  const prefix = path.slice(0, -1).join('.');
  const rank = (k: string): number => {
    const full = prefix ? `${prefix}.${k}` : k;
    const i = order.findIndex((o) => o === full || o.startsWith(`${full}.`));
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const mine = rank(key);
  const pairs = map.items as Pair<Node, Node>[];
  const sibling = pairs[0];
  const indent = sibling ? keyColumn(t, sibling) : path.length - 1;
  const text = renderPair(key, value, indent);
  let before: Pair<Node, Node> | undefined;
  let after: Pair<Node, Node> | undefined;
  for (const p of pairs) {
    const r = isScalar(p.key) ? rank(String(p.key.value)) : Number.POSITIVE_INFINITY;
    if (r <= mine) before = p;
    else if (!after && r !== Number.POSITIVE_INFINITY) after = p;
  }
  if (before && mine !== Number.POSITIVE_INFINITY) {
    const at = pairSpan(t, before)[1];
    return t.slice(0, at) + (at > 0 && t[at - 1] !== '\n' ? '\n' : '') + text + t.slice(at);
  }
  if (after && mine !== Number.POSITIVE_INFINITY) {
    const at = pairSpan(t, after)[0];
    return t.slice(0, at) + text + t.slice(at);
  }
  const last = pairs[pairs.length - 1];
  const at = last ? pairSpan(t, last)[1] : t.length;
  return t.slice(0, at) + (at > 0 && t[at - 1] !== '\n' ? '\n' : '') + text + t.slice(at);
}

/** Removes the field at `path` and its lines; a map left empty by it goes too. */
export function deleteField(t: string, path: Path): string {
  const doc = parseDocument(t);
  const at = locate(doc.contents, path);
  if (!at?.pair) return t;
  const [s, e] = pairSpan(t, at.pair);
  const out = t.slice(0, s) + t.slice(e);
  if (path.length > 1 && at.map.items.length === 1) return deleteField(out, path.slice(0, -1));
  return out;
}

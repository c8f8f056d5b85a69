import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import type { DocPath, Position, Range } from '../core/source.js';

/** yaml parse options shared by the loader and the locator, so both see the same documents. */
export const YAML_OPTIONS = { uniqueKeys: true, strict: true, prettyErrors: false, version: '1.2', merge: false, logLevel: 'error' } as const;

export interface ParsedAst {
  readonly docs: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
}

export function parseAst(text: string): ParsedAst {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  return { docs: Array.isArray(docs) ? docs : [], lineCounter };
}

export function rangeFromOffsets(lineCounter: LineCounter, start: number, end: number): Range {
  const s = lineCounter.linePos(start);
  const e = lineCounter.linePos(Math.max(start, end));
  return { start: { line: s.line, col: s.col }, end: { line: e.line, col: e.col } };
}

function nodeRange(lc: LineCounter, node: { range?: readonly [number, number, number] | null } | null | undefined): Range | undefined {
  if (!node?.range) return undefined;
  return rangeFromOffsets(lc, node.range[0], node.range[1]);
}

/** Finds the deepest node along `path`; for `part: 'key'` the key of the last segment. */
function findNode(root: unknown, path: DocPath, part: 'value' | 'key'): { node: Node | Pair['key'] | undefined; depth: number } {
  let cur: unknown = root;
  let best: unknown = root;
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (last && part === 'key') return { node: pair.key as Node, depth: i + 1 };
      cur = pair.value ?? pair.key;
    } else if (isSeq(cur) && typeof seg === 'number') {
      const item = cur.items[seg];
      if (item === undefined) break;
      cur = item;
    } else break;
    best = cur;
    depth = i + 1;
  }
  return { node: best as Node, depth };
}

/**
 * Resolves YAML paths to source ranges. Keeps each file's text, and its parsed syntax trees while the
 * total size stays under `budgetChars`; beyond that, least-recently-used trees are dropped and files are
 * re-parsed when a diagnostic needs them (bounded memory at national scale).
 */
export class SourceIndex {
  private readonly texts = new Map<string, string>();
  private readonly asts = new Map<string, ParsedAst>();
  private astChars = 0;

  constructor(private readonly budgetChars = 16_000_000) {}

  addFile(file: string, text: string, ast?: ParsedAst): void {
    this.texts.set(file, text);
    if (ast) this.remember(file, ast);
  }

  has(file: string): boolean {
    return this.texts.has(file);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  private remember(file: string, ast: ParsedAst): void {
    const size = this.texts.get(file)?.length ?? 0;
    if (this.asts.has(file)) this.asts.delete(file);
    else this.astChars += size;
    this.asts.set(file, ast);
    for (const [key] of this.asts) {
      if (this.astChars <= this.budgetChars || key === file) break;
      this.asts.delete(key);
      this.astChars -= this.texts.get(key)?.length ?? 0;
    }
  }

  private ast(file: string): ParsedAst | undefined {
    const hit = this.asts.get(file);
    if (hit) {
      this.asts.delete(file);
      this.asts.set(file, hit);
      return hit;
    }
    const text = this.texts.get(file);
    if (text === undefined) return undefined;
    const ast = parseAst(text);
    this.remember(file, ast);
    return ast;
  }

  /** Range of the node at `path` in document `docIndex` of `file` (deepest existing ancestor when missing). */
  locate(file: string, docIndex: number, path: DocPath, part: 'value' | 'key' = 'value'): Range {
    const fallback: Range = { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };
    const ast = this.ast(file);
    const doc = ast?.docs[docIndex];
    if (!ast || !doc) return fallback;
    const { node, depth } = findNode(doc.contents, path, part);
    // A missing member points at the key of its parent (or the parent mapping's first line).
    if (depth < path.length && depth > 0) {
      const parentKey = findNode(doc.contents, path.slice(0, depth), 'key').node;
      const r = nodeRange(ast.lineCounter, parentKey as Node);
      if (r) return r;
    }
    return nodeRange(ast.lineCounter, node as Node) ?? nodeRange(ast.lineCounter, doc.contents as Node) ?? fallback;
  }

  /** Position of a character offset in a file. */
  position(file: string, offset: number): Position {
    const ast = this.ast(file);
    if (!ast) return { line: 1, col: 1 };
    const p = ast.lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  }
}

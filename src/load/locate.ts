import type { Document, LineCounter, Node, Pair } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { DocPath, Position, Range } from '../core/source.js';
import type { FileEntry, RunCache } from './run-cache.js';
import { decodeYamlBytes } from './decode.js';
import { fastParse, findPosition, type FastDoc } from './fast-yaml.js';

/** yaml parse options shared by the loader and the locator, so both see the same documents. */
export const YAML_OPTIONS = { uniqueKeys: true, strict: true, prettyErrors: false, version: '1.2', merge: false, logLevel: 'error' } as const;

export interface ParsedAst {
  readonly docs: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
}

/** Offset → 1-based line and column (yaml's `LineCounter` has this shape). */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

export function parseAst(text: string): ParsedAst {
  const lineCounter = new (yamlLib().LineCounter)();
  const docs = yamlLib().parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
  return { docs: Array.isArray(docs) ? docs : [], lineCounter };
}

/** Line starts of a text, answering `linePos` exactly as yaml's `LineCounter` does. */
export class LineIndex implements LinePositions {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  linePos(offset: number): { line: number; col: number } {
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((starts[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - (starts[low - 1] as number) + 1 };
  }
}

export function rangeFromOffsets(lines: LinePositions, start: number, end: number): Range {
  // Our own line index hands out a new object per call: used as it is (one finding in ten allocates less).
  if (lines instanceof LineIndex) return { start: lines.linePos(start), end: lines.linePos(Math.max(start, end)) };
  const s = lines.linePos(start);
  const e = lines.linePos(Math.max(start, end));
  return { start: { line: s.line, col: s.col }, end: { line: e.line, col: e.col } };
}

function nodeRange(lc: LinePositions, node: { range?: readonly [number, number, number] | null } | null | undefined): Range | undefined {
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
    if (yamlLib().isMap(cur)) {
      const pair = cur.items.find((p) => yamlLib().isPair(p) && yamlLib().isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (last && part === 'key') return { node: pair.key as Node, depth: i + 1 };
      cur = pair.value ?? pair.key;
    } else if (yamlLib().isSeq(cur) && typeof seg === 'number') {
      const item = cur.items[seg];
      if (item === undefined) break;
      cur = item;
    } else break;
    best = cur;
    depth = i + 1;
  }
  return { node: best as Node, depth };
}

/** What the fast parser recorded for a file: flat positions, and each document's root and value. */
export interface FastPositions {
  readonly positions: Int32Array;
  readonly docs: readonly FastDoc[];
  /** The text's line starts when the parse already computed them (not across threads: a copy loses its class). */
  readonly lines?: LineIndex | undefined;
}

type Positions =
  | { readonly kind: 'fast'; readonly positions: Int32Array; readonly docs: ReadonlyMap<number, FastDoc>; readonly lines: LineIndex }
  | { readonly kind: 'yaml'; readonly ast: ParsedAst };

function fastPositions(text: string, parsed: FastPositions): Positions {
  const lines = parsed.lines instanceof LineIndex ? parsed.lines : new LineIndex(text);
  return { kind: 'fast', positions: parsed.positions, docs: new Map(parsed.docs.map((d) => [d.index, d])), lines };
}

/** What a file's positions weigh against the budget: flat positions are a tenth of a syntax tree. */
function sizeOf(p: Positions, text: string): number {
  return p.kind === 'fast' ? Math.ceil(p.positions.length / 4) : text.length;
}

const FALLBACK: Range = { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };

/**
 * Resolves YAML paths to source ranges. Keeps each file's text, and the node positions of recently
 * used files while their total size stays under `budgetChars`; beyond that, least-recently-used
 * positions are dropped and recomputed when a diagnostic needs them (bounded memory at national
 * scale). Positions come from the fast parser when it accepts the file, from `yaml` otherwise; both
 * give the same ranges (tests/load/fast-yaml.test.ts).
 */
export class SourceIndex {
  private readonly texts = new Map<string, string>();
  /** Files taken from the cache: kept as bytes, decoded only if a diagnostic needs a position. */
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly positions = new Map<string, Positions>();
  private positionChars = 0;
  /** The file whose positions were asked for last, and those positions (see `positionsOf`). */
  private lastFile: string | undefined;
  private lastPositions: Positions | undefined;
  /** Answers to `locate` per file, kept in the cache by content hash, so a warm run parses nothing. */
  private readonly memos = new Map<string, FileEntry>();

  constructor(
    private readonly budgetChars = 16_000_000,
    private readonly cache?: RunCache,
  ) {}

  /** Registers a file's text, with the positions its parse already produced (if any). */
  addFile(file: string, text: string, parsed?: ParsedAst | FastPositions, cached?: FileEntry): void {
    this.texts.set(file, text);
    if (cached) this.memos.set(file, cached);
    if (!parsed) return;
    if ('positions' in parsed) this.remember(file, fastPositions(text, parsed));
    else this.remember(file, { kind: 'yaml', ast: parsed });
  }

  /** Registers a file known to decode cleanly (its content hash is in the cache) without decoding it. */
  addBytes(file: string, bytes: Uint8Array, cached: FileEntry): void {
    this.bytes.set(file, bytes);
    this.memos.set(file, cached);
  }

  has(file: string): boolean {
    return this.texts.has(file) || this.bytes.has(file);
  }

  text(file: string): string | undefined {
    const t = this.texts.get(file);
    if (t !== undefined) return t;
    const b = this.bytes.get(file);
    if (b === undefined) return undefined;
    const decoded = decodeYamlBytes(b);
    if (!decoded.ok) return undefined;
    this.bytes.delete(file);
    this.texts.set(file, decoded.text);
    return decoded.text;
  }

  private remember(file: string, p: Positions): void {
    const size = sizeOf(p, this.texts.get(file) ?? '');
    if (this.positions.has(file)) this.positions.delete(file);
    else this.positionChars += size;
    this.positions.set(file, p);
    for (const [key] of this.positions) {
      if (this.positionChars <= this.budgetChars || key === file) break;
      const dropped = this.positions.get(key) as Positions;
      this.positions.delete(key);
      this.positionChars -= sizeOf(dropped, this.texts.get(key) ?? '');
    }
  }

  private positionsOf(file: string): Positions | undefined {
    // Findings come file after file: the file asked last is the most recently used already.
    if (file === this.lastFile && this.lastPositions !== undefined && this.positions.get(file) === this.lastPositions) return this.lastPositions;
    const hit = this.positions.get(file);
    if (hit) {
      this.positions.delete(file);
      this.positions.set(file, hit);
      this.lastFile = file;
      this.lastPositions = hit;
      return hit;
    }
    const text = this.text(file);
    if (text === undefined) return undefined;
    const fast = fastParse(text, true);
    const p: Positions = fast.ok ? fastPositions(text, fast) : { kind: 'yaml', ast: parseAst(text) };
    this.remember(file, p);
    this.lastFile = file;
    this.lastPositions = p;
    return p;
  }

  /** Range of the node at `path` in document `docIndex` of `file` (deepest existing ancestor when missing). */
  locate(file: string, docIndex: number, path: DocPath, part: 'value' | 'key' = 'value'): Range {
    const memo = this.memos.get(file);
    if (!memo || !this.cache) return this.compute(file, docIndex, path, part);
    const key = JSON.stringify([docIndex, part, path]);
    const hit = memo.loc?.[key];
    if (Array.isArray(hit) && hit.length === 4) return { start: { line: hit[0], col: hit[1] }, end: { line: hit[2], col: hit[3] } };
    const r = this.compute(file, docIndex, path, part);
    memo.loc ??= {};
    memo.loc[key] = [r.start.line, r.start.col, r.end.line, r.end.col];
    this.cache.touch(file);
    return r;
  }

  private compute(file: string, docIndex: number, path: DocPath, part: 'value' | 'key'): Range {
    const p = this.positionsOf(file);
    if (!p) return FALLBACK;
    if (p.kind === 'fast') {
      const doc = p.docs.get(docIndex);
      if (!doc) return FALLBACK;
      const { span, depth } = findPosition(p.positions, doc.root, doc.value, path, part);
      // A missing member points at the key of its parent (or the parent mapping's first line).
      if (depth < path.length && depth > 0) {
        const parent = findPosition(p.positions, doc.root, doc.value, path.slice(0, depth), 'key');
        return rangeFromOffsets(p.lines, parent.span[0], parent.span[1]);
      }
      return rangeFromOffsets(p.lines, span[0], span[1]);
    }
    const ast = p.ast;
    const doc = ast.docs[docIndex];
    if (!doc) return FALLBACK;
    const { node, depth } = findNode(doc.contents, path, part);
    if (depth < path.length && depth > 0) {
      const parentKey = findNode(doc.contents, path.slice(0, depth), 'key').node;
      const r = nodeRange(ast.lineCounter, parentKey as Node);
      if (r) return r;
    }
    return nodeRange(ast.lineCounter, node as Node) ?? nodeRange(ast.lineCounter, doc.contents as Node) ?? FALLBACK;
  }

  /** Position of a character offset in a file. */
  position(file: string, offset: number): Position {
    const p = this.positionsOf(file);
    if (!p) return { line: 1, col: 1 };
    const pos = p.kind === 'fast' ? p.lines.linePos(offset) : p.ast.lineCounter.linePos(offset);
    return { line: pos.line, col: pos.col };
  }
}

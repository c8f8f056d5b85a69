/**
 * A fast parser for the YAML that architecture files are made of: block mappings and lists, plain
 * and quoted scalars, `|`/`>` block scalars, flow `[…]`/`{…}` collections (JSON included), comments
 * and `---` separators. It gives exactly what `yaml` gives for that subset (values under the YAML 1.2
 * core schema, document indexes, and node ranges identical to yaml's `range[0..1]`), and gives up
 * (`ok: false`) on anything else: anchors, aliases, tags, tabs, duplicate keys, directives, errors…
 * The caller then parses the file with `yaml`, which reports the problem. Giving up is always safe;
 * being wrong is not, so every construct it accepts is checked against `yaml` in
 * tests/load/fast-yaml.test.ts (sample, fixtures, generated models and random documents).
 *
 * `yaml` runs at ~1 MB/s on these machines; this runs at tens of MB/s.
 */
import { MAX_DEPTH } from './depth.js';
import { doubleQuoted, resolvePlain } from './fast-yaml-scalars.js';

export { resolvePlain } from './fast-yaml-scalars.js';
export { findPosition, positionTree, type PosNode, type PosPair } from './fast-yaml-positions.js';

export interface FastDoc {
  /** Index among the file's documents, counting empty ones (as yaml's `parseAllDocuments`). */
  readonly index: number;
  readonly value: unknown;
  /** Offset where the content starts. */
  readonly start: number;
  /** With `track`: where the root node's record starts in `positions`. */
  readonly root: number;
}

/**
 * With `track`, `positions` holds every node in document order as `[start, end, slots]` (`slots`:
 * the record's length including its children, to skip over it); a mapping's record is followed by
 * `[keyStart, keyEnd]` and the value's record for each key, in the order of the value's keys; a
 * list's by its items' records. About 20 bytes per node, against hundreds for a syntax tree.
 */
export type FastResult =
  | { readonly ok: true; readonly docs: readonly FastDoc[]; readonly count: number; readonly positions: Int32Array }
  | { readonly ok: false; readonly why: string };

class Bail {
  constructor(readonly why: string) {}
}

interface Parsed {
  v: unknown;
  s: number;
  e: number;
  /** yaml's `range[2]`: the end including trailing spaces, comment and line break (and kept comments). */
  end: number;
}

const NL = 10;
const SP = 32;
const HASH = 35;
const DQ = 34;
const SQ = 39;
const COLON = 58;
const DASH = 45;

/** How yaml turns a resolved key into an object key (`toJS`). */
function jsKey(v: unknown): string {
  return v === null ? '' : String(v);
}

function nfc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return s.normalize('NFC');
  return s;
}

const PLAIN_BAD_START = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

const INDEX_KEY = /^(?:0|[1-9][0-9]{0,8})$/;

class FastParser {
  private i = 0;
  private depth = 0;
  private readonly n: number;
  private out = new Int32Array(0);
  private len = 0;

  constructor(
    private readonly src: string,
    private readonly track: boolean,
  ) {
    this.n = src.length;
  }

  private bail(why: string): never {
    throw new Bail(why);
  }

  private reserve(k: number): void {
    if (this.len + k <= this.out.length) return;
    const next = new Int32Array(Math.max(1024, this.out.length * 2, this.len + k));
    next.set(this.out.subarray(0, this.len));
    this.out = next;
  }

  /** Starts a collection's record; its start, end and length are filled by {@link close}. */
  private open(): number {
    if (!this.track) return -1;
    this.reserve(3);
    const at = this.len;
    this.len += 3;
    return at;
  }

  private close(at: number, s: number, e: number): void {
    if (at < 0) return;
    this.out[at] = s;
    this.out[at + 1] = e;
    this.out[at + 2] = this.len - at;
  }

  private leaf(s: number, e: number): void {
    if (!this.track) return;
    this.reserve(3);
    this.out[this.len] = s;
    this.out[this.len + 1] = e;
    this.out[this.len + 2] = 3;
    this.len += 3;
  }

  private keyAt(ks: number, ke: number): void {
    if (!this.track) return;
    this.reserve(2);
    this.out[this.len] = ks;
    this.out[this.len + 1] = ke;
    this.len += 2;
  }

  /**
   * Keys the flat positions cannot follow (they are found through the value's keys, in order):
   * array-index keys (JavaScript lists them first), keys yaml resolves to null (`~:`), keys not in NFC.
   */
  private checkKey(resolved: unknown, name: string, raw: string): void {
    if (resolved === null || INDEX_KEY.test(name) || name !== raw) this.bail('key the locator cannot follow');
  }

  private lineEnd(p: number): number {
    const e = this.src.indexOf('\n', p);
    return e < 0 ? this.n : e;
  }

  /** Offset just past the line break at or after `p` (or the end of the text). */
  private nextLine(p: number): number {
    const e = this.src.indexOf('\n', p);
    return e < 0 ? this.n : e + 1;
  }

  private spaces(p: number): number {
    while (p < this.n && this.src.charCodeAt(p) === SP) p++;
    return p;
  }

  /** A `---` or `...` marker line at column 0. */
  private isMarker(p: number): boolean {
    const s = this.src;
    if (p + 3 > this.n) return false;
    const c = s.charCodeAt(p);
    if ((c !== DASH && c !== 0x2e) || s.charCodeAt(p + 1) !== c || s.charCodeAt(p + 2) !== c) return false;
    const d = p + 3 < this.n ? s.charCodeAt(p + 3) : NL;
    return d === NL || d === SP;
  }

  /**
   * From a line start, skips blank and comment-only lines. Returns the start of the next content
   * line, its indentation, and the comments skipped (with their indentation).
   */
  private nextContent(p: number): { line: number; at: number; indent: number; comments: number[]; lastCommentEnd: number } {
    const comments: number[] = [];
    let lastCommentEnd = -1;
    while (p < this.n) {
      const q = this.spaces(p);
      const c = this.src.charCodeAt(q);
      if (q >= this.n) return { line: p, at: this.n, indent: q - p, comments, lastCommentEnd };
      if (c === NL) {
        p = q + 1;
        continue;
      }
      if (c === HASH) {
        comments.push(q - p);
        p = this.nextLine(q);
        lastCommentEnd = p;
        continue;
      }
      return { line: p, at: q, indent: q - p, comments, lastCommentEnd };
    }
    return { line: this.n, at: this.n, indent: 0, comments, lastCommentEnd };
  }

  /**
   * yaml keeps comment lines indented deeper than the enclosing collection (blank lines between
   * included) in the `end` of the scalar or flow value before them. Returns where that end is.
   */
  private absorbComments(p: number, containerIndent: number): number {
    if (containerIndent < 0) return p;
    let end = p;
    let q = p;
    while (q < this.n) {
      const at = this.spaces(q);
      if (at >= this.n) break;
      const c = this.src.charCodeAt(at);
      if (c === NL) {
        q = at + 1;
        continue;
      }
      if (c === HASH && at - q > containerIndent) {
        end = this.nextLine(at);
        q = end;
        continue;
      }
      break;
    }
    return end;
  }

  parse(): FastResult {
    const s = this.src;
    if (s.includes('\t')) return { ok: false, why: 'tab' };
    if (s.includes('\r')) return { ok: false, why: 'carriage return' };
    if (s.includes('\ufeff')) return { ok: false, why: 'byte order mark' };
    const docs: FastDoc[] = [];
    let count = 0;
    let pending = false; // a `---` opened a document that has no content yet
    let p = 0;
    try {
      for (;;) {
        const next = this.nextContent(p);
        if (next.at >= this.n) {
          if (pending) count++;
          break;
        }
        if (next.indent === 0 && this.isMarker(next.at)) {
          if (s.charCodeAt(next.at) === 0x2e) this.bail('document end marker');
          const after = this.spaces(next.at + 3);
          if (after < this.n && s.charCodeAt(after) !== NL && s.charCodeAt(after) !== HASH) this.bail('content after ---');
          if (pending) count++;
          pending = true;
          p = this.nextLine(next.at);
          continue;
        }
        if (next.indent !== 0) this.bail('indented document');
        const c = s.charCodeAt(next.at);
        if (c === 0x25 /* % */) this.bail('directive');
        this.i = next.at;
        const root = this.len;
        const node = this.blockNodeAt(next.at, 0, -1);
        docs.push({ index: count, value: node.v, start: node.s, root });
        count++;
        pending = false;
        // After the root node only a marker or the end may follow.
        const after = this.nextContent(this.i);
        if (after.at < this.n && !(after.indent === 0 && this.isMarker(after.at))) this.bail('content after the root node');
        p = after.line;
      }
    } catch (err: unknown) {
      if (err instanceof Bail) return { ok: false, why: err.why };
      if (err instanceof RangeError) return { ok: false, why: 'stack' };
      throw err;
    }
    return { ok: true, docs, count, positions: this.out.subarray(0, this.len) };
  }

  /** A block node whose first character is at `p` (column `col`), inside a parent at `parentIndent`. */
  private blockNodeAt(p: number, col: number, parentIndent: number): Parsed {
    const s = this.src;
    const c = s.charCodeAt(p);
    const c1 = p + 1 < this.n ? s.charCodeAt(p + 1) : NL;
    if (c === DASH && (c1 === SP || c1 === NL)) return this.blockSeq(p, col);
    if (this.isKey(p)) return this.blockMap(p, col);
    return this.inlineValue(p, parentIndent);
  }

  /** Whether the text at `p` is `key:` followed by a space or line end. */
  private isKey(p: number): boolean {
    const s = this.src;
    const c = s.charCodeAt(p);
    let q: number;
    if (c === DQ || c === SQ) {
      q = this.quotedEnd(p);
      if (q < 0) return false;
      q = this.spaces(q);
      if (s.charCodeAt(q) !== COLON) return false;
      const d = q + 1 < this.n ? s.charCodeAt(q + 1) : NL;
      return d === SP || d === NL;
    }
    if (PLAIN_BAD_START.has(c)) return false;
    const end = this.lineEnd(p);
    for (q = p; q < end; q++) {
      const ch = s.charCodeAt(q);
      if (ch === COLON) {
        const d = q + 1 < this.n ? s.charCodeAt(q + 1) : NL;
        if (d === SP || d === NL) return true;
      } else if (ch === HASH && q > p && s.charCodeAt(q - 1) === SP) return false;
    }
    return false;
  }

  /** End (past the closing quote) of a one-line quoted scalar at `p`, or -1. */
  private quotedEnd(p: number): number {
    const s = this.src;
    const quote = s.charCodeAt(p);
    for (let q = p + 1; q < this.n; q++) {
      const ch = s.charCodeAt(q);
      if (ch === NL) return -1;
      if (quote === DQ && ch === 0x5c) {
        q++;
        continue;
      }
      if (ch === quote) {
        if (quote === SQ && s.charCodeAt(q + 1) === SQ) {
          q++;
          continue;
        }
        return q + 1;
      }
    }
    return -1;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.bail('too deep');
  }

  // ── block mapping ────────────────────────────────────────────────────────────────────────────

  private blockMap(p: number, col: number): Parsed {
    this.enter();
    const s = this.src;
    const obj: Record<string, unknown> = {};
    const rec = this.open();
    let q = p;
    let last: Parsed | undefined;
    for (;;) {
      // key
      let key: string;
      let keyValue: unknown;
      let ke: number;
      const c = s.charCodeAt(q);
      if (c === DQ || c === SQ) {
        const end = this.quotedEnd(q);
        if (end < 0) this.bail('multi-line quoted key');
        key = c === DQ ? this.dq(q + 1, end - 1) : s.slice(q + 1, end - 1).replaceAll("''", "'");
        keyValue = key;
        ke = end;
      } else {
        if (PLAIN_BAD_START.has(c) || ((c === DASH || c === 0x3f || c === COLON) && (s.charCodeAt(q + 1) === SP || s.charCodeAt(q + 1) === NL))) this.bail('key start');
        let r = q;
        for (;;) {
          if (r >= this.n || s.charCodeAt(r) === NL) this.bail('no colon');
          if (s.charCodeAt(r) === COLON) {
            const d = r + 1 < this.n ? s.charCodeAt(r + 1) : NL;
            if (d === SP || d === NL) break;
          }
          r++;
        }
        let kEnd = r;
        while (kEnd > q && s.charCodeAt(kEnd - 1) === SP) kEnd--;
        const raw = s.slice(q, kEnd);
        if (raw.includes(' #')) this.bail('comment in key');
        keyValue = resolvePlain(raw);
        key = typeof keyValue === 'string' ? keyValue : jsKey(keyValue);
        ke = kEnd;
      }
      if (ke - q > 1024) this.bail('long key');
      let colon = this.spaces(ke);
      if (s.charCodeAt(colon) !== COLON) this.bail('no colon after key');
      const name = nfc(key);
      if (name === '__proto__' || Object.prototype.hasOwnProperty.call(obj, name)) this.bail('duplicate or special key');
      this.checkKey(keyValue, name, key);
      this.keyAt(q, ke);
      colon++;
      const r = this.spaces(colon);
      const rc = r < this.n ? s.charCodeAt(r) : NL;
      let value: Parsed;
      if (rc === NL || (rc === HASH && r > colon)) {
        value = this.valueBelow(r, col, colon, true);
      } else if (rc === HASH) {
        this.bail('comment without space');
      } else {
        value = this.inlineValue(r, col);
      }
      obj[name] = value.v;
      last = value;
      // next entry?
      const next = this.nextContent(this.i);
      if (next.at < this.n && next.indent === col && !(col === 0 && this.isMarker(next.at))) {
        const nc = s.charCodeAt(next.at);
        if (nc === DASH && (s.charCodeAt(next.at + 1) === SP || s.charCodeAt(next.at + 1) === NL)) this.bail('list item beside mapping keys');
        q = next.at;
        this.i = q;
        continue;
      }
      if (next.at < this.n && next.indent > col && !(next.indent === 0 && this.isMarker(next.at))) this.bail('bad indentation');
      this.depth--;
      const e = last.end;
      const end = this.trailing(col, e, next);
      this.close(rec, p, e);
      return { v: obj, s: p, e, end };
    }
  }

  /**
   * Comment lines after a collection's last entry stay with it (yaml's `range[2]` grows) when the
   * collection is not at column 0 and one of the comments is indented at least as far as it;
   * otherwise they belong to an outer collection. The cursor is left at the dedented line.
   */
  private trailing(col: number, e: number, next: { line: number; comments: number[]; lastCommentEnd: number }): number {
    if (col !== 0 && next.comments.some((ind) => ind >= col)) {
      this.i = next.line;
      return next.line;
    }
    // Passed on: the enclosing collection looks at the same lines again.
    this.i = e;
    return e;
  }

  /**
   * A value written on the lines below its key or `-` (or absent). `r` is where the rest of the
   * key's line starts (a comment or the line end), `after` just past the indicator.
   */
  private valueBelow(r: number, parentIndent: number, after: number, inMap: boolean): Parsed {
    const s = this.src;
    const lineAfter = this.nextLine(r);
    const next = this.nextContent(lineAfter);
    const sameLineComment = r < this.n && s.charCodeAt(r) === HASH;
    const emptyAt = this.spaces(after);
    const atMarker = next.indent === 0 && next.at < this.n && this.isMarker(next.at);
    const nc = next.at < this.n ? s.charCodeAt(next.at) : NL;
    const isSeq = nc === DASH && (s.charCodeAt(next.at + 1) === SP || s.charCodeAt(next.at + 1) === NL || next.at + 1 >= this.n);
    const deeper = next.indent > parentIndent || (inMap && isSeq && next.indent === parentIndent);
    if (next.at >= this.n || atMarker || !deeper) {
      // Absent: an empty scalar placed after the indicator and its spaces.
      if (sameLineComment) this.bail('empty value with comment');
      const deeperComments = next.comments.length > 0 && next.comments.every((ind) => ind > parentIndent);
      if (next.comments.length > 0 && (!deeperComments || !inMap)) this.bail('empty value followed by comments');
      // yaml: the comments (deeper than the mapping) and the line break after the last one stay with the empty value.
      this.i = deeperComments ? next.lastCommentEnd : lineAfter;
      const end = deeperComments ? next.lastCommentEnd : emptyAt;
      this.leaf(emptyAt, emptyAt);
      return { v: null, s: emptyAt, e: emptyAt, end };
    }
    if (next.comments.length > 0 || sameLineComment) {
      // Comments between a key and its value: yaml keeps them as props; positions are unaffected,
      // but keep to the simple case.
      if (next.comments.some((ind) => ind <= parentIndent)) this.bail('comment before value');
    }
    this.i = next.at;
    return this.blockNodeAt(next.at, next.indent, parentIndent);
  }

  // ── block sequence ───────────────────────────────────────────────────────────────────────────

  private blockSeq(p: number, col: number): Parsed {
    this.enter();
    const s = this.src;
    const items: unknown[] = [];
    const rec = this.open();
    let q = p;
    let last: Parsed | undefined;
    for (;;) {
      const after = q + 1;
      const r = this.spaces(after);
      const rc = r < this.n ? s.charCodeAt(r) : NL;
      let value: Parsed;
      if (rc === NL || (rc === HASH && r > after)) {
        value = this.valueBelow(r, col, after, false);
      } else if (rc === HASH) {
        this.bail('comment without space');
      } else {
        const lineStart = s.lastIndexOf('\n', q) + 1;
        const rcol = r - lineStart;
        const r1 = r + 1 < this.n ? s.charCodeAt(r + 1) : NL;
        if (rc === DASH && (r1 === SP || r1 === NL)) value = this.blockSeq(r, rcol);
        else if (this.isKey(r)) value = this.blockMap(r, rcol);
        else value = this.inlineValue(r, col);
      }
      items.push(value.v);
      last = value;
      const next = this.nextContent(this.i);
      if (next.at < this.n && next.indent === col && !(col === 0 && this.isMarker(next.at))) {
        const nc = s.charCodeAt(next.at);
        const n1 = next.at + 1 < this.n ? s.charCodeAt(next.at + 1) : NL;
        if (nc === DASH && (n1 === SP || n1 === NL)) {
          q = next.at;
          this.i = q;
          continue;
        }
      }
      if (next.at < this.n && next.indent > col && !(next.indent === 0 && this.isMarker(next.at))) this.bail('bad indentation');
      this.depth--;
      const e = last.end;
      const end = this.trailing(col, e, next);
      this.close(rec, p, e);
      return { v: items, s: p, e, end };
    }
  }

  // ── values written on the key's line ─────────────────────────────────────────────────────────

  /** A scalar, flow collection or block scalar starting at `p`; consumes through its last line. */
  private inlineValue(p: number, parentIndent: number): Parsed {
    const s = this.src;
    const c = s.charCodeAt(p);
    if (c === DQ || c === SQ) {
      const end = this.quotedEnd(p);
      if (end < 0) this.bail('multi-line quoted scalar');
      const v = c === DQ ? this.dq(p + 1, end - 1) : s.slice(p + 1, end - 1).replaceAll("''", "'");
      this.leaf(p, end);
      return this.lineTail({ v: nfc(v), s: p, e: end, end: end }, parentIndent);
    }
    if (c === 0x5b || c === 0x7b) {
      this.enter();
      const node = c === 0x5b ? this.flowSeq(p, parentIndent) : this.flowMap(p, parentIndent);
      this.depth--;
      return this.lineTail(node, parentIndent);
    }
    if (c === 0x7c || c === 0x3e) return this.blockScalar(p, parentIndent);
    const c1 = p + 1 < this.n ? s.charCodeAt(p + 1) : NL;
    if (PLAIN_BAD_START.has(c) || ((c === DASH || c === 0x3f || c === COLON) && (c1 === SP || c1 === NL))) this.bail('value start');
    return this.plainBlock(p, parentIndent);
  }

  /** After a one-line node: spaces, an optional comment, the line break (and deeper comment lines). */
  private lineTail(node: Parsed, containerIndent: number): Parsed {
    const s = this.src;
    const q = this.spaces(node.e);
    if (q < this.n) {
      const c = s.charCodeAt(q);
      if (c === HASH) {
        if (q === node.e) this.bail('comment without space');
      } else if (c !== NL) this.bail('text after value');
    }
    const next = this.absorbComments(this.nextLine(q), containerIndent);
    this.i = next;
    node.end = next;
    return node;
  }

  /** A plain scalar in block context, possibly folded over several more-indented lines. */
  private plainBlock(p: number, parentIndent: number): Parsed {
    const s = this.src;
    let lineEnd = this.lineEnd(p);
    let e = this.plainLineEnd(p, lineEnd);
    let text = s.slice(p, e);
    let blank = 0;
    let q = lineEnd + 1;
    let lastLineBreak = lineEnd < this.n ? lineEnd + 1 : this.n;
    // A comment ends the scalar for good.
    if (this.hasComment(p, lineEnd)) {
      const end = this.absorbComments(lastLineBreak, parentIndent);
      this.i = end;
      return this.plainDone(text, p, e, end);
    }
    while (q < this.n) {
      const at = this.spaces(q);
      const c = at < this.n ? s.charCodeAt(at) : NL;
      if (c === NL) {
        blank++;
        q = at + 1;
        continue;
      }
      const indent = at - q;
      if (indent <= parentIndent || c === HASH || (indent === 0 && this.isMarker(at))) break;
      // A continuation line: text only, nothing that could be structure.
      const c1 = at + 1 < this.n ? s.charCodeAt(at + 1) : NL;
      if (PLAIN_BAD_START.has(c) || ((c === DASH || c === 0x3f || c === COLON) && (c1 === SP || c1 === NL))) this.bail('continuation line start');
      lineEnd = this.lineEnd(at);
      const le = this.plainLineEnd(at, lineEnd);
      text += blank > 0 ? '\n'.repeat(blank) : ' ';
      text += s.slice(at, le);
      blank = 0;
      e = le;
      lastLineBreak = lineEnd < this.n ? lineEnd + 1 : this.n;
      q = lineEnd + 1;
      if (this.hasComment(at, lineEnd)) break;
    }
    const end = this.absorbComments(lastLineBreak, parentIndent);
    this.i = end;
    return this.plainDone(text, p, e, end);
  }

  private plainDone(text: string, s: number, e: number, end: number): Parsed {
    const v = resolvePlain(text);
    this.leaf(s, e);
    return { v: typeof v === 'string' ? nfc(v) : v, s, e, end };
  }

  /** End of the plain text on one line (before ` #`, without trailing spaces); bails on `: `. */
  private plainLineEnd(p: number, lineEnd: number): number {
    const s = this.src;
    let end = lineEnd;
    for (let q = p; q < lineEnd; q++) {
      const c = s.charCodeAt(q);
      if (c === HASH && q > p && s.charCodeAt(q - 1) === SP) {
        end = q;
        break;
      }
      if (c === COLON) {
        const d = q + 1 < this.n ? s.charCodeAt(q + 1) : NL;
        if (d === SP || d === NL) this.bail('colon in plain scalar');
      }
    }
    while (end > p && s.charCodeAt(end - 1) === SP) end--;
    return end;
  }

  private hasComment(p: number, lineEnd: number): boolean {
    const s = this.src;
    for (let q = p + 1; q < lineEnd; q++) if (s.charCodeAt(q) === HASH && s.charCodeAt(q - 1) === SP) return true;
    return false;
  }

  // ── quoted scalars ───────────────────────────────────────────────────────────────────────────

  private dq(from: number, to: number): string {
    return doubleQuoted(this.src, from, to) ?? this.bail('bad escape');
  }

  // ── block scalars ────────────────────────────────────────────────────────────────────────────

  private blockScalar(p: number, parentIndent: number): Parsed {
    const s = this.src;
    const literal = s.charCodeAt(p) === 0x7c;
    let q = p + 1;
    let strip = false;
    if (s.charCodeAt(q) === DASH) {
      strip = true;
      q++;
    }
    const h = q < this.n ? s.charCodeAt(q) : NL;
    if (h !== SP && h !== NL && h !== HASH) this.bail('block scalar header');
    const hq = this.spaces(q);
    if (hq < this.n && s.charCodeAt(hq) !== NL && !(s.charCodeAt(hq) === HASH && hq > q)) this.bail('block scalar header');
    let line = this.nextLine(hq);
    if (line >= this.n && s.charCodeAt(this.n - 1) !== NL) this.bail('block scalar at end of text');
    const lines: string[] = [];
    let base = -1;
    let lastContentEnd = -1;
    let leadingBlank = 0;
    while (line < this.n) {
      const at = this.spaces(line);
      const le = this.lineEnd(line);
      if (at >= le) {
        // Empty line (spaces only).
        if (base < 0) {
          leadingBlank = Math.max(leadingBlank, le - line);
          lines.push('');
        } else {
          if (le - line > base) this.bail('spaces beyond indentation on an empty line');
          lines.push('');
        }
        if (le >= this.n) break;
        line = le + 1;
        continue;
      }
      const indent = at - line;
      if (indent === 0 && this.isMarker(at)) break;
      if (base < 0) {
        if (indent <= parentIndent) break;
        base = indent;
        if (leadingBlank > base) this.bail('more-indented leading empty line');
      } else if (indent < base) break;
      if (le >= this.n) this.bail('block scalar at end of text');
      const text = s.slice(line + base, le);
      if (!literal && text.charCodeAt(0) === SP) this.bail('more-indented folded line');
      lines.push(text);
      lastContentEnd = le + 1;
      line = le + 1;
    }
    if (base < 0) this.bail('empty block scalar');
    // Trailing empty lines are chomped (clip keeps one line break, strip none).
    let count = lines.length;
    while (count > 0 && lines[count - 1] === '') count--;
    const body = lines.slice(0, count);
    let value: string;
    if (literal) value = body.join('\n');
    else {
      value = '';
      let blank = 0;
      let first = true;
      for (const l of body) {
        if (l === '') {
          blank++;
          continue;
        }
        if (!first) value += blank > 0 ? '\n'.repeat(blank) : ' ';
        else if (blank > 0) value += '\n'.repeat(blank);
        value += l;
        blank = 0;
        first = false;
      }
    }
    if (!strip && count > 0) value += '\n';
    this.i = lastContentEnd;
    const e = lastContentEnd;
    this.leaf(p, e);
    return { v: nfc(value), s: p, e, end: e };
  }

  // ── flow collections ─────────────────────────────────────────────────────────────────────────

  /** Skips spaces, line breaks (to lines indented deeper than the parent) and comments inside a flow collection. */
  private flowSpace(q: number, parentIndent: number): number {
    const s = this.src;
    for (;;) {
      const c = q < this.n ? s.charCodeAt(q) : -1;
      if (c === SP) {
        q++;
        continue;
      }
      if (c === NL) {
        const at = this.spaces(q + 1);
        if (at < this.n && s.charCodeAt(at) !== NL && at - (q + 1) <= parentIndent) this.bail('flow collection not indented');
        if (at - (q + 1) === 0 && this.isMarker(at)) this.bail('marker inside flow');
        q = q + 1;
        continue;
      }
      if (c === HASH) this.bail('comment inside a flow collection');
      return q;
    }
  }

  private flowSeq(p: number, parentIndent: number): Parsed {
    const s = this.src;
    const items: unknown[] = [];
    const rec = this.open();
    let q = this.flowSpace(p + 1, parentIndent);
    if (s.charCodeAt(q) === 0x5d) {
      this.close(rec, p, q + 1);
      return { v: items, s: p, e: q + 1, end: q + 1 };
    }
    for (;;) {
      const item = this.flowValue(q, parentIndent, false);
      items.push(item.v);
      q = this.flowSpace(item.e, parentIndent);
      const c = s.charCodeAt(q);
      if (c === 0x5d) {
        this.close(rec, p, q + 1);
        return { v: items, s: p, e: q + 1, end: q + 1 };
      }
      if (c !== 0x2c) this.bail('flow sequence separator');
      q = this.flowSpace(q + 1, parentIndent);
      if (s.charCodeAt(q) === 0x5d) this.bail('trailing comma');
    }
  }

  private flowMap(p: number, parentIndent: number): Parsed {
    const s = this.src;
    const obj: Record<string, unknown> = {};
    const rec = this.open();
    let q = this.flowSpace(p + 1, parentIndent);
    if (s.charCodeAt(q) === 0x7d) {
      this.close(rec, p, q + 1);
      return { v: obj, s: p, e: q + 1, end: q + 1 };
    }
    for (;;) {
      const c = s.charCodeAt(q);
      let keyValue: unknown;
      let ke: number;
      let quoted = false;
      if (c === DQ || c === SQ) {
        const end = this.quotedEnd(q);
        if (end < 0) this.bail('multi-line quoted key');
        keyValue = c === DQ ? this.dq(q + 1, end - 1) : s.slice(q + 1, end - 1).replaceAll("''", "'");
        ke = end;
        quoted = true;
      } else {
        const k = this.flowPlain(q, true);
        keyValue = k.v;
        ke = k.e;
      }
      const colon = quoted ? ke : this.spaces(ke);
      const cq = this.spaces(colon);
      if (s.charCodeAt(cq) !== COLON) this.bail('flow key without value');
      if (!quoted) {
        const d = cq + 1 < this.n ? s.charCodeAt(cq + 1) : NL;
        if (d !== SP && d !== NL) this.bail('flow colon');
      }
      const key = typeof keyValue === 'string' ? keyValue : jsKey(keyValue);
      const name = nfc(key);
      if (name === '__proto__' || Object.prototype.hasOwnProperty.call(obj, name)) this.bail('duplicate or special key');
      this.checkKey(keyValue, name, key);
      this.keyAt(q, ke);
      const vq = this.flowSpace(cq + 1, parentIndent);
      const vc = s.charCodeAt(vq);
      if (vc === 0x2c || vc === 0x7d) this.bail('flow empty value');
      const value = this.flowValue(vq, parentIndent, true);
      obj[name] = value.v;
      q = this.flowSpace(value.e, parentIndent);
      const sep = s.charCodeAt(q);
      if (sep === 0x7d) {
        this.close(rec, p, q + 1);
        return { v: obj, s: p, e: q + 1, end: q + 1 };
      }
      if (sep !== 0x2c) this.bail('flow mapping separator');
      q = this.flowSpace(q + 1, parentIndent);
      if (s.charCodeAt(q) === 0x7d) this.bail('trailing comma');
    }
  }

  private flowValue(q: number, parentIndent: number, inMap: boolean): Parsed {
    const s = this.src;
    const c = s.charCodeAt(q);
    if (c === DQ || c === SQ) {
      const end = this.quotedEnd(q);
      if (end < 0) this.bail('multi-line quoted scalar');
      const v = c === DQ ? this.dq(q + 1, end - 1) : s.slice(q + 1, end - 1).replaceAll("''", "'");
      if (!inMap) {
        // `["a": 1]` is a mapping inside a list.
        const after = this.spaces(end);
        if (s.charCodeAt(after) === COLON) this.bail('pair in flow sequence');
      }
      this.leaf(q, end);
      return { v: nfc(v), s: q, e: end, end };
    }
    if (c === 0x5b || c === 0x7b) {
      this.enter();
      const node = c === 0x5b ? this.flowSeq(q, parentIndent) : this.flowMap(q, parentIndent);
      this.depth--;
      return node;
    }
    const k = this.flowPlain(q, false);
    if (!inMap) {
      const after = this.spaces(k.e);
      if (s.charCodeAt(after) === COLON) this.bail('pair in flow sequence');
    }
    const v = resolvePlain(k.text);
    this.leaf(q, k.e);
    return { v: typeof v === 'string' ? nfc(v) : v, s: q, e: k.e, end: k.e };
  }

  /** A one-line plain scalar inside a flow collection. */
  private flowPlain(q: number, isKey: boolean): { text: string; v: unknown; e: number } {
    const s = this.src;
    const c = s.charCodeAt(q);
    const c1 = q + 1 < this.n ? s.charCodeAt(q + 1) : NL;
    if (PLAIN_BAD_START.has(c) || c === NL || ((c === DASH || c === 0x3f || c === COLON) && (c1 === SP || c1 === NL || c1 === 0x2c))) this.bail('flow scalar start');
    let r = q;
    for (; r < this.n; r++) {
      const ch = s.charCodeAt(r);
      if (ch === NL || ch === 0x2c || ch === 0x5b || ch === 0x5d || ch === 0x7b || ch === 0x7d) break;
      if (ch === HASH && s.charCodeAt(r - 1) === SP) break;
      if (ch === COLON) {
        const d = r + 1 < this.n ? s.charCodeAt(r + 1) : NL;
        if (d === SP || d === NL || d === 0x2c || d === 0x5d || d === 0x7d || d === 0x5b || d === 0x7b) break;
      }
    }
    const stop = r < this.n ? s.charCodeAt(r) : NL;
    if (stop === 0x5b || stop === 0x7b) this.bail('bracket in flow scalar');
    let e = r;
    while (e > q && s.charCodeAt(e - 1) === SP) e--;
    const text = s.slice(q, e);
    if (isKey && stop !== COLON) this.bail('flow key without value');
    return { text, v: resolvePlain(text), e };
  }
}

/** Parses `src` (already decoded: LF line ends, no BOM), or says why it will not. */
export function fastParse(src: string, track = false): FastResult {
  return new FastParser(src, track).parse();
}


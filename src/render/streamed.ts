import type { GeneratedFile } from './types.js';

/**
 * A file produced piece by piece: writers stream `chunks()` (nothing is built before it is written),
 * and `contents` joins the pieces for the readers that need the whole text (tests, `build --check`).
 */
export function streamedFile(path: string, chunks: () => Iterable<string>): GeneratedFile {
  return {
    path,
    chunks,
    get contents(): string {
      let all = '';
      for (const c of chunks()) all += c;
      return all;
    },
  };
}

/** Groups small pieces into pieces of about `size` characters (fewer writes, same text). */
export function* coalesce(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let buf = '';
  for (const p of pieces) {
    buf += p;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf !== '') yield buf;
}

/**
 * The pieces with the run of characters in `set` that ends the text so far held back until a later
 * piece shows whether it ends the whole text: what is let go passes through `release`; the run that
 * ends the whole text passes through `end` (dropped without one; an empty result is not yielded). The
 * one mechanism behind the streamed forms of trimming and collapsing a text's end (strategy/formats.ts).
 */
export function* holdingEndRun(pieces: Iterable<string>, set: RegExp, release: (s: string) => string = (s) => s, end?: (run: string) => string): Generator<string> {
  let held = '';
  for (const p of pieces) {
    const s = held + p;
    let at = s.length;
    while (at > 0 && set.test(s.charAt(at - 1))) at--;
    held = s.slice(at);
    if (at > 0) yield release(s.slice(0, at));
  }
  const last = end?.(held) ?? '';
  if (last !== '') yield last;
}

/** The pieces with the run of line breaks that ends their text made one line break (added if none). */
export function endingWithOneLineBreak(pieces: Iterable<string>): Generator<string> {
  return holdingEndRun(pieces, /\n/, undefined, () => '\n');
}

/** `f` under another path; a streamed file stays streamed (spreading it would build its whole text). */
export function movedFile(f: GeneratedFile, path: string): GeneratedFile {
  return f.chunks === undefined ? { path, contents: f.contents } : streamedFile(path, f.chunks);
}

/** Each piece through `f` (a per-character filter such as removing controls keeps the text's meaning). */
export function* mapPieces(pieces: Iterable<string>, f: (s: string) => string): Generator<string> {
  for (const p of pieces) yield f(p);
}

/** `text` in pieces of about `size` UTF-16 units, never splitting a surrogate pair. */
export function* pieces(text: string, size = 1 << 16): Generator<string> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(at, end);
    at = end;
  }
}

/**
 * A document made from templates, in one format. With the package's own templates it is streamed:
 * rendered only when it is written (or read), piece by piece (`pieces`), so neither its whole text nor
 * the other formats of the same document are in memory before their turn; `pieces` runs again on each
 * read, so it must be pure. With an agency's own templates (`overridden`) it is rendered at once
 * (`whole`), so that a mistake in them is reported before anything is written.
 */
export function documentFile(path: string, overridden: boolean, whole: () => string, pieces: () => Iterable<string>): GeneratedFile {
  return overridden ? { path, contents: whole() } : streamedFile(path, pieces);
}

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

/** `f` under another path; a streamed file stays streamed (spreading it would build its whole text). */
export function movedFile(f: GeneratedFile, path: string): GeneratedFile {
  return f.chunks === undefined ? { path, contents: f.contents } : streamedFile(path, f.chunks);
}

/** Each piece through `f` (a per-character filter such as removing controls keeps the text's meaning). */
export function* mapPieces(pieces: Iterable<string>, f: (s: string) => string): Generator<string> {
  for (const p of pieces) yield f(p);
}

/**
 * A file rendered only when it is written (or read), as one string, and written in pieces: a document
 * made from a template is one string, but it need not be in memory before its turn, nor next to the
 * other formats of the same document. `render` runs again on each read, so it must be pure.
 */
export function renderedFile(path: string, render: () => string): GeneratedFile {
  return streamedFile(path, () => pieces(render()));
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
 * `renderedFile`, or the text at once when `now` (an agency's own templates are rendered at once, so
 * that a mistake in them is reported before anything is written).
 */
export function renderedFileUnless(now: boolean, path: string, render: () => string): GeneratedFile {
  return now ? { path, contents: render() } : renderedFile(path, render);
}

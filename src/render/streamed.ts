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

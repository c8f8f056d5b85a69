import { isUtf8 } from 'node:buffer';
import type { Position } from '../core/source.js';

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line/column of a byte offset (column counted in characters of the valid prefix). */
export function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, col };
}

export type Decoded =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'invalid-utf8' | 'binary'; readonly at: Position };

/**
 * Bytes → text: refuses invalid UTF-8 and NUL bytes, drops a leading BOM, turns CRLF/CR into LF
 * (line and column numbers stay the same, since `\r` only ever ends a line).
 */
export function decodeYamlBytes(bytes: Uint8Array): Decoded {
  // NUL first: an image or a UTF-16 file is "not text", not "text in the wrong Vietnamese encoding".
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', at: positionOfByte(bytes, nul) };
  // Node's own check (native) first; the byte-by-byte scan only to say where a bad file goes wrong.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad >= 0) return { ok: false, reason: 'invalid-utf8', at: positionOfByte(bytes, bad) };
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text };
}

/** Unicode NFC on every string and key, so decomposed Vietnamese diacritics compare equal (§2.4). */
export function normalizeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeStrings);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = k.normalize('NFC');
      // A YAML key "__proto__" must stay a plain key, never set the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: normalizeStrings(v), writable: true, enumerable: true, configurable: true });
      else out[key] = normalizeStrings(v);
    }
    return out;
  }
  return value;
}

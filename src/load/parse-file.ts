import type { Position } from '../core/source.js';
import { decodeYamlBytes } from './decode.js';
import { parseYamlFile, type ParsedFile } from './parse-yaml.js';

/** One file's bytes, decoded and parsed (in the main thread or in a worker). */
export type FileParse =
  | { readonly ok: false; readonly reason: 'invalid-utf8' | 'binary'; readonly at: Position }
  | { readonly ok: true; readonly text: string; readonly parsed: ParsedFile };

export function parseFileBytes(file: string, bytes: Uint8Array): FileParse {
  const decoded = decodeYamlBytes(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, text: decoded.text, parsed: parseYamlFile(file, decoded.text) };
}

import { createHash, type Hash } from 'node:crypto';
import type { RenderContext } from './types.js';

/**
 * Reuse of document outputs (Markdown, HTML, PDF, DOCX) between runs. Each output is keyed by a hash
 * of everything its renderer reads — the view and template overrides of the Markdown and HTML, the HTML
 * a PDF prints, the view, layout and images a DOCX is built from — together with the output's kind,
 * kientruc's version, the cache's stamp of kientruc's own code, templates and packs, and for a PDF the
 * Chromium that prints it. A rebuild after an edit that leaves a document's inputs as they were takes
 * the previous bytes from the render cache instead of rendering the templates, packing the DOCX or
 * starting Chromium; any change to those inputs is a new key, so the document is rendered again. The
 * bytes are those a full build writes: the renderers are pure functions of these inputs (same input,
 * same bytes), which tests/render/cached-output.test.ts checks after real edits of the sample.
 */

/** Bumped when a document renderer starts reading something the key does not yet cover. */
const KEY_VERSION = 1;

/** An input the key cannot describe faithfully (a function, a class instance, a cycle). */
class NotDigestible extends Error {}

/**
 * Feeds `value` into `hash`, tagged by type so different values never feed the same bytes: strings,
 * numbers, booleans, null and undefined, arrays, plain objects (in their own key order, which a
 * renderer may follow), Maps and Sets (in insertion order), byte arrays and dates. Anything else
 * throws NotDigestible: what the key cannot see must not be reused.
 */
function feed(hash: Hash, value: unknown, path: Set<object>): void {
  if (value === null) return void hash.update('N;');
  switch (typeof value) {
    case 'undefined':
      return void hash.update('U;');
    case 'string':
      hash.update(`s${Buffer.byteLength(value)}:`);
      return void hash.update(value);
    case 'number':
      return void hash.update(`n${Object.is(value, -0) ? '-0' : String(value)};`);
    case 'boolean':
      return void hash.update(value ? 'T;' : 'F;');
    case 'bigint':
      return void hash.update(`b${value};`);
    case 'object':
      break;
    default:
      throw new NotDigestible(typeof value);
  }
  const obj = value as object;
  if (path.has(obj)) throw new NotDigestible('cycle');
  if (ArrayBuffer.isView(obj)) {
    const bytes = new Uint8Array(obj.buffer, obj.byteOffset, obj.byteLength);
    hash.update(`y${bytes.byteLength}:`);
    return void hash.update(bytes);
  }
  if (obj instanceof Date) return void hash.update(`d${obj.getTime()};`);
  path.add(obj);
  try {
    if (Array.isArray(obj)) {
      hash.update(`a${obj.length}[`);
      for (const el of obj) feed(hash, el, path);
    } else if (obj instanceof Map) {
      hash.update(`m${obj.size}[`);
      for (const [k, v] of obj) {
        feed(hash, k, path);
        feed(hash, v, path);
      }
    } else if (obj instanceof Set) {
      hash.update(`e${obj.size}[`);
      for (const v of obj) feed(hash, v, path);
    } else {
      const proto: unknown = Object.getPrototypeOf(obj);
      if (proto !== Object.prototype && proto !== null) throw new NotDigestible('class instance');
      if (Object.getOwnPropertySymbols(obj).length) throw new NotDigestible('symbol keys');
      const keys = Object.keys(obj);
      hash.update(`o${keys.length}{`);
      for (const k of keys) {
        feed(hash, k, path);
        feed(hash, (obj as Record<string, unknown>)[k], path);
      }
    }
    hash.update(']');
  } finally {
    path.delete(obj);
  }
}

/** SHA-256 (hex) of `parts`, or undefined when one of them cannot be described (see `feed`). */
export function digestOf(parts: readonly unknown[]): string | undefined {
  const hash = createHash('sha256');
  try {
    feed(hash, parts, new Set());
  } catch (e) {
    if (e instanceof NotDigestible) return undefined;
    throw e;
  }
  return hash.digest('hex');
}

export interface CachedOutput {
  /** What the bytes are (`pdf`, `docx:strategy`…): part of the key. */
  readonly kind: string;
  /** Everything the renderer reads besides kientruc's own code. */
  readonly inputs: readonly unknown[];
  /** True for outputs Chromium prints: the browser's identity is part of the key. */
  readonly browser?: boolean;
}

/**
 * The bytes `produce` would return for `out.inputs`: from the context's render cache when a previous
 * run stored them under the same key, else produced (and stored). Without a cache, or a cache that
 * cannot stamp kientruc's code (so a changed renderer would go unnoticed), always produced.
 */
export async function cachedOutput(
  ctx: Partial<Pick<RenderContext, 'cache' | 'toolVersion' | 'browser'>>,
  out: CachedOutput,
  produce: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const cache = ctx.cache;
  const stamp = cache?.stamp?.();
  if (!cache || stamp === undefined) return produce();
  const browser = out.browser ? ctx.browser?.identity() : '';
  if (browser === undefined) return produce();
  const key = digestOf([KEY_VERSION, out.kind, ctx.toolVersion ?? '', stamp, browser, out.inputs]);
  if (key === undefined) return produce();
  const hit = await cache.get(key).catch(() => undefined);
  if (hit) return hit;
  const bytes = await produce();
  await cache.set(key, bytes).catch(() => undefined);
  return bytes;
}

/**
 * `cachedOutput` for a text output (a document's Markdown or HTML): the handlebars rendering is skipped
 * when the view, layout and template overrides are those of a previous run. Same text either way.
 */
export async function cachedText(ctx: Partial<Pick<RenderContext, 'cache' | 'toolVersion' | 'browser'>>, out: CachedOutput, produce: () => string): Promise<string> {
  const bytes = await cachedOutput(ctx, out, async () => new Uint8Array(Buffer.from(produce(), 'utf8')));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/**
 * A view's digest, computed once and passed as the input of each of its formats; the view itself when
 * it cannot be digested (so that every format is then rendered, never reused).
 */
export function viewKey(view: unknown): unknown {
  return digestOf([view]) ?? view;
}

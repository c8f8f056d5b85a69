import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODE_ROOT, PACKAGE_ROOT } from '../core/paths.js';
import type { RenderCache } from '../render/types.js';

/** Folder of the cache, relative to the working directory (git-ignored). */
export const CACHE_DIR = '.kientruc-cache';

const KEY_RE = /^[0-9a-f]{64}$/;
/** Entries kept beyond those a run used: about one per diagram and format, for a few versions of a large model. */
const MAX_ENTRIES = 2000;
const DIGEST_BYTES = 32;

export interface CacheStats {
  hits: number;
  misses: number;
  writes: number;
  /** Entries that failed their checksum, and reads or writes that failed. */
  errors: number;
}

/**
 * A stamp of kientruc's own code, templates, packs and locked dependencies: a hash of the path, size
 * and time of change of every file under them. Any rebuild of kientruc (a new `dist/`, an edited
 * template or pack, another dependency) gives a new stamp, so no output rendered by other code is
 * ever reused. Computed once per process (about a thousand `stat` calls).
 */
export function codeStamp(roots: readonly string[] = [CODE_ROOT, join(PACKAGE_ROOT, 'templates'), join(PACKAGE_ROOT, 'src', 'framework', 'packs'), join(PACKAGE_ROOT, 'package.json'), join(PACKAGE_ROOT, 'package-lock.json')]): string {
  const hash = createHash('sha256');
  const visit = (path: string): void => {
    let st;
    try {
      st = statSync(path);
    } catch {
      hash.update(`missing ${path}\n`);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'node_modules') visit(join(path, name));
    } else {
      hash.update(`${path} ${st.size} ${st.mtimeMs}\n`);
    }
  };
  for (const root of roots) visit(root);
  return hash.digest('hex');
}

let processStamp: string | undefined;

/**
 * Rendered outputs by content-hash key, on disk: `<dir>/<key[0..2]>/<key>`, each entry its payload
 * preceded by the payload's SHA-256. A truncated, altered or unreadable entry is a miss; a folder that
 * cannot be created or written only costs speed. Nothing here ever throws.
 */
export class FileRenderCache implements RenderCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, writes: 0, errors: 0 };
  private readonly used = new Set<string>();

  constructor(readonly dir: string) {}

  /** See `codeStamp`: the same for every cache of this process. */
  stamp(): string {
    processStamp ??= codeStamp();
    return processStamp;
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    if (!KEY_RE.test(key)) return undefined;
    this.used.add(key);
    let buf: Buffer;
    try {
      buf = await readFile(this.pathOf(key));
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const payload = buf.subarray(DIGEST_BYTES);
    const digest = createHash('sha256').update(payload).digest();
    if (buf.length < DIGEST_BYTES || !digest.equals(buf.subarray(0, DIGEST_BYTES))) {
      this.stats.errors++;
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    return new Uint8Array(payload);
  }

  async set(key: string, data: Uint8Array): Promise<void> {
    if (!KEY_RE.test(key)) return;
    this.used.add(key);
    const target = this.pathOf(key);
    const tmp = `${target}.${randomUUID()}.tmp`;
    try {
      await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
      await writeFile(tmp, Buffer.concat([createHash('sha256').update(data).digest(), data]));
      await rename(tmp, target);
      this.stats.writes++;
    } catch {
      this.stats.errors++;
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  /**
   * Keeps the cache from growing without bound: when it holds more than `maxEntries`, entries this
   * run did not use are removed (the ones another branch or an older edit left behind).
   */
  async prune(maxEntries = MAX_ENTRIES): Promise<number> {
    try {
      const shards = await readdir(this.dir);
      const entries: string[] = [];
      for (const shard of shards) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue;
        for (const name of await readdir(join(this.dir, shard))) entries.push(name);
      }
      if (entries.length <= maxEntries) return 0;
      let removed = 0;
      for (const name of entries) {
        if (this.used.has(name)) continue;
        await rm(join(this.dir, name.slice(0, 2), name), { force: true });
        removed++;
      }
      return removed;
    } catch {
      return 0;
    }
  }
}

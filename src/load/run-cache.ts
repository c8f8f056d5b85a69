import { posix } from 'node:path';
import { codeFingerprint, sha256, type Cache } from './cache.js';

/** A document as the cache keeps it: index in its file, value, where its content starts. */
export interface CachedDoc {
  readonly i: number;
  readonly v: unknown;
  readonly l: number;
  readonly c: number;
}

/** `[startLine, startCol, endLine, endCol]`. */
export type RangeTuple = [number, number, number, number];

/** What is cached about one file content: its documents, its validation, positions asked for. */
export interface FileEntry {
  docs?: readonly CachedDoc[];
  /** Validation results by schema hash (the validator's own format). */
  valid?: Record<string, unknown>;
  /** Answers of the locator: `JSON.stringify([docIndex, part, path])` → range. */
  loc?: Record<string, RangeTuple>;
}

interface Bucket {
  readonly key: string;
  /** Entries read from disk. */
  readonly stored: Record<string, FileEntry>;
  /** Entries used by this run (what a rewrite keeps). */
  readonly used: Map<string, FileEntry>;
  dirty: boolean;
}

/**
 * The per-file part of the cache for one run over one architecture folder. Entries are keyed by a
 * hash of the file's content and of kientruc's code, and stored in one bucket per folder of the
 * architecture: writing ten thousand small files costs seconds on a loaded disk, one per folder
 * does not, and a change to one file rewrites only its folder's bucket. A bucket that does not parse
 * is ignored; a rewrite keeps only the entries this run used, so stale ones disappear.
 */
export class RunCache {
  private readonly buckets = new Map<string, Bucket>();
  private readonly fingerprint = codeFingerprint();

  constructor(
    private readonly store: Cache,
    private readonly rootAbs: string,
  ) {}

  private bucketOf(file: string): Bucket {
    const dir = posix.dirname(file);
    let b = this.buckets.get(dir);
    if (!b) {
      const key = entryKey(`${this.rootAbs}\n${dir}`, this.fingerprint);
      const stored = this.store.readJson<Record<string, FileEntry>>('bucket', key);
      b = { key, stored: stored !== null && typeof stored === 'object' ? stored : {}, used: new Map(), dirty: false };
      this.buckets.set(dir, b);
    }
    return b;
  }

  /** The entry for `file` with content hash `sha` (empty when nothing is cached yet). */
  entry(file: string, sha: string): FileEntry {
    const b = this.bucketOf(file);
    const key = entryKey(this.fingerprint, sha);
    let e = b.used.get(key);
    if (!e) {
      const stored = b.stored[key];
      e = stored !== null && typeof stored === 'object' ? stored : {};
      b.used.set(key, e);
    }
    return e;
  }

  /** Marks `file`'s bucket for rewriting (after its entry was filled in). */
  touch(file: string): void {
    this.bucketOf(file).dirty = true;
  }

  /** Writes the buckets this run changed. */
  flush(): void {
    for (const b of this.buckets.values()) {
      if (!b.dirty) continue;
      const out: Record<string, FileEntry> = {};
      for (const [k, e] of b.used) if (e.docs || e.valid || e.loc) out[k] = e;
      this.store.writeJson('bucket', b.key, out);
      b.dirty = false;
    }
  }
}

/**
 * `sha256` of `a + "\n" + b`, remembered: a long-running process (the daemon) asks for the key of every
 * unchanged file at every request. Forgotten all at once past `KEYS_KEPT` (a content edited many times).
 */
function entryKey(a: string, b: string): string {
  const text = `${a}\n${b}`;
  let key = KEYS.get(text);
  if (key === undefined) {
    if (KEYS.size >= KEYS_KEPT) KEYS.clear();
    key = sha256(text);
    KEYS.set(text, key);
  }
  return key;
}

const KEYS = new Map<string, string>();
const KEYS_KEPT = 400_000;

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CODE_ROOT } from '../core/paths.js';

/**
 * A content-addressed cache in a folder (`.kientruc-cache/` by default, git-ignored): entries are
 * JSON or text files named by a hash of everything that determines them. Reading never trusts an
 * entry: a missing, truncated or foreign entry is a miss. Writing goes through a temporary file and a
 * rename, and never fails the run (a read-only disk just means no cache).
 */
export class Cache {
  private readonly made = new Set<string>();

  constructor(readonly dir: string) {}

  private path(kind: string, key: string, ext: string): string {
    return join(this.dir, FORMAT, kind, key.slice(0, 2), `${key}.${ext}`);
  }

  readText(kind: string, key: string, ext = 'txt'): string | undefined {
    try {
      return readFileSync(this.path(kind, key, ext), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The entry, if it parses and carries the key it was written under. */
  readJson<T>(kind: string, key: string): T | undefined {
    const raw = this.readText(kind, key, 'json');
    if (raw === undefined) return undefined;
    try {
      const entry = JSON.parse(raw) as { key?: unknown; value?: T };
      return entry.key === key ? entry.value : undefined;
    } catch {
      return undefined;
    }
  }

  writeText(kind: string, key: string, text: string, ext = 'txt'): void {
    const target = this.path(kind, key, ext);
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      const folder = dirname(target);
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      writeFileSync(tmp, text);
      renameSync(tmp, target);
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  writeJson(kind: string, key: string, value: unknown): void {
    this.writeText(kind, key, JSON.stringify({ key, value }), 'json');
  }
}

/**
 * The same cache held in memory, for a long-running process (the language server): entries are kept
 * as objects, never serialised, and live as long as the process.
 */
export class MemoryCache extends Cache {
  private readonly entries = new Map<string, unknown>();

  constructor() {
    super('');
  }

  override readText(kind: string, key: string): string | undefined {
    const v = this.entries.get(`${kind}/${key}`);
    return typeof v === 'string' ? v : undefined;
  }

  override readJson<T>(kind: string, key: string): T | undefined {
    return this.entries.get(`${kind}/${key}`) as T | undefined;
  }

  override writeText(kind: string, key: string, text: string): void {
    this.entries.set(`${kind}/${key}`, text);
  }

  override writeJson(kind: string, key: string, value: unknown): void {
    this.entries.set(`${kind}/${key}`, value);
  }
}

/** Bumped when the layout of entries changes; old entries are then simply never read. */
const FORMAT = 'v1';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const fingerprints = new Map<string, string>();

/** What the parse and validation entries depend on. */
const LOADER_CODE = ['load', 'validate', 'core', 'framework'];

/** A code folder's digest, with the size of every file (and the folders) it was computed from. */
interface FolderDigest {
  readonly digest: string;
  /** [path relative to the code root, size (files; -1 for folders)]. */
  readonly stats: readonly (readonly [string, number])[];
}

/**
 * The code tree (dist/ when built, src/ under tsx) and the digests of its top-level folders, as the
 * package build recorded them in `precompiled/code-digests.json` (precompile.ts, `writeDigests`).
 */
export class CodeTree {
  private recorded: { readonly folders: Readonly<Record<string, FolderDigest>>; readonly at: number } | null | undefined;

  /** `packs`: the framework packs' YAML, in src/ under tsx, beside dist/ when built (package.json "files"). */
  constructor(
    readonly root: string,
    readonly packs: string = join(root, '..', 'src', 'framework', 'packs'),
    readonly digestsFile: string = join(root, 'precompiled', 'code-digests.json'),
  ) {}

  /** The folders a code folder's digest covers: `framework` includes the packs when they are outside it (dist). */
  private foldersOf(folder: string): string[] {
    const dir = join(this.root, folder);
    return folder === 'framework' && relative(dir, this.packs).startsWith('..') ? [dir, this.packs] : [dir];
  }

  /** Hashes the code files (`.js`, `.ts` but not `.d.ts`, `.yaml`) of `folder`, in name order. */
  hash(folder: string): FolderDigest {
    const hash = createHash('sha256');
    const stats: [string, number][] = [];
    const walk = (d: string): void => {
      let entries: string[];
      try {
        entries = readdirSync(d).sort();
      } catch {
        return;
      }
      stats.push([relative(this.root, d), -1]);
      for (const e of entries) {
        const p = join(d, e);
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else if (/\.(js|ts|yaml)$/.test(e) && !e.endsWith('.d.ts')) {
          hash.update(e).update(readFileSync(p));
          stats.push([relative(this.root, p), st.size]);
        }
      }
    };
    for (const d of this.foldersOf(folder)) walk(d);
    return { digest: hash.digest('hex'), stats };
  }

  /**
   * `folder`'s digest: the one the build recorded, while every file it covers has its recorded size
   * and neither a file nor a folder of it is newer than the record (an edit, a file added or removed,
   * a new `tsc` run makes one newer; npm gives an installed package's files one old date): ≈ 1 ms of
   * stat calls instead of reading and hashing the code (both fingerprints: 14–27 ms per start at load 7
   * on the 2-core machine, 5–7 ms quiet; docs/speed.md). Otherwise the folder is hashed again.
   */
  digest(folder: string): string {
    if (this.recorded === undefined) {
      try {
        const at = statSync(this.digestsFile).mtimeMs;
        this.recorded = { folders: JSON.parse(readFileSync(this.digestsFile, 'utf8')) as Record<string, FolderDigest>, at };
      } catch {
        this.recorded = null;
      }
    }
    const known = this.recorded?.folders[folder];
    const at = this.recorded?.at ?? 0;
    const holds = (s: readonly [string, number]): boolean => {
      try {
        const st = statSync(join(this.root, s[0]));
        return st.mtimeMs <= at && (s[1] < 0 ? st.isDirectory() : st.size === s[1]);
      } catch {
        return false;
      }
    };
    if (known && Array.isArray(known.stats) && known.stats.length > 0 && known.stats.every(holds)) return known.digest;
    return this.hash(folder).digest;
  }

  /** The package build: records the digest of every top-level folder of the tree (see `digest`). */
  writeDigests(): void {
    const out: Record<string, FolderDigest> = {};
    for (const e of readdirSync(this.root, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (e.isDirectory() && e.name !== 'precompiled') out[e.name] = this.hash(e.name);
    }
    mkdirSync(dirname(this.digestsFile), { recursive: true });
    writeFileSync(this.digestsFile, `${JSON.stringify(out)}\n`);
  }

  /** A hash of the code of `folders` (each folder's digest, in the order given). */
  fingerprint(folders: readonly string[]): string {
    const hash = createHash('sha256');
    for (const folder of folders) hash.update(`${folder}\n${this.digest(folder)}\n`);
    return hash.digest('hex');
  }
}

/**
 * The code tree this module is part of (core/paths.ts). The bundled bin runs the same sources from
 * dist/cli/'s chunks: the build writes tsc's dist/<folder>/ and the bundle from one src/ in one step
 * (src/cli/bundle.ts), so the digests of dist/load, dist/validate … change whenever the code does.
 */
export const CODE = new CodeTree(CODE_ROOT);

/**
 * A hash of the code whose output is cached (by default the loader, validator, core and the framework
 * with its packs; `folders` of the code tree otherwise): a cached result from another version of
 * kientruc, or from a working copy being edited, is never reused.
 */
export function codeFingerprint(folders: readonly string[] = LOADER_CODE): string {
  const id = folders.join('\n');
  const known = fingerprints.get(id);
  if (known !== undefined) return known;
  const fingerprint = CODE.fingerprint(folders);
  fingerprints.set(id, fingerprint);
  return fingerprint;
}

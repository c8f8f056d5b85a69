import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * A hash of the code whose output is cached (by default the loader, validator, core; `folders` of the
 * code tree otherwise): a cached result from another version of kientruc, or from a working copy
 * being edited, is never reused.
 */
export function codeFingerprint(folders: readonly string[] = LOADER_CODE): string {
  const id = folders.join('\n');
  const known = fingerprints.get(id);
  if (known !== undefined) return known;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const folder of folders.map((f) => join(here, '..', f))) {
    const walk = (d: string): void => {
      let entries: string[];
      try {
        entries = readdirSync(d).sort();
      } catch {
        return;
      }
      for (const e of entries) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(js|ts|yaml)$/.test(e) && !e.endsWith('.d.ts')) hash.update(e).update(readFileSync(p));
      }
    };
    walk(folder);
  }
  const fingerprint = hash.digest('hex');
  fingerprints.set(id, fingerprint);
  return fingerprint;
}

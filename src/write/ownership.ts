/**
 * What kientruc owns in an output folder: the files its manifest lists. Reading manifests, listing a
 * folder without following links, and the refusal messages. `write-generated.ts` decides with these.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, parse, posix, relative, sep } from 'node:path';
import { quotePath, UserError } from '../core/errors.js';
import { isRunning } from '../core/process.js';
import { text, type Text } from '../core/text.js';

/** The manifest every writing command keeps in its output folder. */
export const MANIFEST = '.kientruc-manifest.json';
/** Prefix of the temp files and folders a write stages (removed on failure, and by the next run). */
export const TMP_PREFIX = '.kientruc-tmp-';
/** Prefix of an output folder set aside for an instant between two renames. */
export const OLD_PREFIX = '.kientruc-old-';

/** File extensions kientruc writes; a folder holding anything else was not written by kientruc. */
export const OUTPUT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.html', '.json', '.svg', '.png', '.mmd', '.pdf', '.docx']);

/** `a/b.md` checked to stay inside the folder: no `..`, no absolute path, no NUL, no temp or manifest name. */
export function safeRelative(path: string): string | undefined {
  if (path === '' || path.includes('\0') || path.includes('\\')) return undefined;
  const norm = posix.normalize(path);
  if (norm !== path || norm === '.' || norm === '..' || norm.startsWith('../') || posix.isAbsolute(norm) || norm.endsWith('/')) return undefined;
  return norm;
}

/** The manifest's text: sorted paths, the kientruc version (never a date), so the same output gives the same bytes. */
export function manifestJson(version: string, files: Iterable<string>): string {
  const sorted = [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(
    {
      $comment: 'Tệp do kientruc ghi trong thư mục này; kientruc chỉ thay thế hoặc xóa các tệp có trong danh sách. Files kientruc wrote here; it only replaces or deletes files listed. Do not edit.',
      generator: 'kientruc',
      version,
      files: sorted,
    },
    null,
    2,
  )}\n`;
}

export type ManifestState = { readonly state: 'none' } | { readonly state: 'invalid' } | { readonly state: 'ok'; readonly files: readonly string[] };

/** The files a manifest lists (entries that would leave the folder are dropped), or why there is none. */
export function parseManifest(raw: string): ManifestState {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { state: 'invalid' };
  }
  if (typeof value !== 'object' || value === null) return { state: 'invalid' };
  const v = value as { generator?: unknown; files?: unknown };
  if (v.generator !== 'kientruc' || !Array.isArray(v.files)) return { state: 'invalid' };
  const files = v.files.filter((f): f is string => typeof f === 'string').flatMap((f) => {
    const safe = safeRelative(f);
    return safe === undefined || safe.split('/').includes(MANIFEST) ? [] : [safe];
  });
  return { state: 'ok', files };
}

export async function readManifest(dir: string): Promise<ManifestState> {
  let raw: string;
  try {
    raw = await readFile(join(dir, MANIFEST), 'utf8');
  } catch (err: unknown) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'none' };
    throw err;
  }
  return parseManifest(raw);
}

export type EntryKind = 'file' | 'dir' | 'link' | 'other';

/** Every entry under `dir` (relative, `/` separators), links listed but never followed. */
export async function listTree(dir: string): Promise<Map<string, EntryKind>> {
  const out = new Map<string, EntryKind>();
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(rel === '' ? dir : join(dir, rel), { withFileTypes: true });
    } catch (err: unknown) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    for (const e of entries) {
      const p = rel === '' ? e.name : `${rel}/${e.name}`;
      const kind: EntryKind = e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : e.isFile() ? 'file' : 'other';
      out.set(p, kind);
      if (kind === 'dir') pending.push(p);
    }
  }
  return out;
}

/** Entries that are files (or links, or specials): what a folder "holds". */
export function filesOf(tree: ReadonlyMap<string, EntryKind>): string[] {
  return [...tree].filter(([, k]) => k !== 'dir').map(([p]) => p);
}

/**
 * The files kientruc owns under `dir`: those its manifest lists, those the manifests of its sub-folders
 * list (and these manifests), and those the manifest of the nearest enclosing output folder lists
 * under `dir` (`diagram --out generated/diagrams` after a `build`). `managed` is false when no
 * manifest speaks for the folder.
 */
export async function ownedFiles(
  dir: string,
  tree: ReadonlyMap<string, EntryKind>,
): Promise<{ owned: Set<string>; managed: boolean; invalid: boolean; own: boolean; enclosing: Set<string> }> {
  const owned = new Set<string>();
  const enclosing = new Set<string>();
  let managed = false;
  let invalid = false;
  const own = await readManifest(dir);
  if (own.state === 'ok') {
    managed = true;
    for (const f of own.files) owned.add(f);
  } else if (own.state === 'invalid') invalid = true;
  for (const [p, kind] of tree) {
    if (kind !== 'file' || p === MANIFEST || posix.basename(p) !== MANIFEST) continue;
    const sub = posix.dirname(p);
    const nested = await readManifest(join(dir, sub));
    if (nested.state !== 'ok') continue;
    managed = true;
    owned.add(p);
    for (const f of nested.files) owned.add(`${sub}/${f}`);
  }
  for (const f of await enclosingOwned(dir)) {
    owned.add(f);
    enclosing.add(f);
    managed = true;
  }
  return { owned, managed, invalid, own: own.state === 'ok', enclosing };
}

/** What the manifest of the nearest enclosing folder with one (up to the repository root) lists under `dir`. */
async function enclosingOwned(dir: string): Promise<string[]> {
  for (let level = dir; dirname(level) !== level; level = dirname(level)) {
    const up = dirname(level);
    const m = await readManifest(up);
    if (m.state === 'ok') {
      const prefix = `${relative(up, dir).split(sep).join('/')}/`;
      return m.files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    }
    if (await exists(join(up, '.git'))) break;
  }
  return [];
}

/** Quick form of `ownedFiles(…).managed` without listing the folder: its own manifest, its sub-folders', or the enclosing one. */
export async function speaksFor(dir: string): Promise<boolean> {
  if ((await readManifest(dir)).state === 'ok') return true;
  let entries: Dirent[] = [];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    // unreadable: the write reports it
  }
  for (const e of entries) if (e.isDirectory() && (await readManifest(join(dir, e.name))).state === 'ok') return true;
  return (await enclosingOwned(dir)).length > 0;
}

/**
 * True as soon as a file under `dir` could not have been written by kientruc (a kind it never writes, a
 * hidden name): a quick look that stops at the first one, so `--out /usr` is refused at once.
 */
export async function holdsForeignLooking(dir: string): Promise<boolean> {
  const pending = [dir];
  while (pending.length > 0) {
    const d = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.name === MANIFEST || e.name.startsWith(TMP_PREFIX)) continue;
      if (e.name.startsWith('.')) return true;
      if (e.isDirectory()) pending.push(join(d, e.name));
      else if (!OUTPUT_EXTENSIONS.has(extname(e.name).toLowerCase())) return true;
    }
  }
  return false;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** True when `path` is the root of its file system (`/`, `C:\`). */
export function isFsRoot(path: string): boolean {
  return parse(path).root === path;
}

/** A refusal to write: one line naming the output folder, why, and what to do (exit 2). */
export function refusal(shown: string, why: Text, fix: Text): UserError {
  const q = quotePath(shown);
  return new UserError(text(`Không ghi vào ${q}: ${why.vi}. ${fix.vi}`, `Not writing to ${q}: ${why.en}. ${fix.en}`));
}

export const CHOOSE_ANOTHER = text(
  'Chọn một thư mục riêng cho đầu ra, ví dụ --out generated',
  'Choose a folder of its own for the output, e.g. --out generated',
);

/**
 * Whether a temp entry named with its writer's pid (`<prefix><pid>-…`) was left by a run that is gone:
 * another process whose pid no longer runs (a killed run skips every clean-up). This process's own
 * entries and a live run's (two builds side by side) are kept. A name without a pid (kientruc before
 * pids were written) counts as left behind.
 */
export function leftByDeadRun(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false;
  const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
  if (pid === undefined) return true;
  if (Number(pid) === process.pid) return false;
  return !isRunning(Number(pid));
}

import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** Files in the architecture folder that are not kientruc documents. */
export const NOT_DOCUMENTS = new Set(['kientruc.config.yaml', 'kientruc.config.yml']);

/** Why a path that looks like a YAML file is not read. */
export type Refusal =
  /** A symbolic link (to a file or a folder) whose target lies outside the architecture folder. */
  | 'outside'
  /** A symbolic link whose target does not exist or loops. */
  | 'broken'
  /** A FIFO, socket or device named `*.yaml`: opening it could block forever. */
  | 'special';

export interface DiscoveredFile {
  readonly abs: string;
  /** Relative to the path base (see `pathBase`), `/` separators. */
  readonly display: string;
  /** Set when the file is refused instead of read. */
  readonly refused?: Refusal;
}

export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * The folder every path in diagnostics and outputs is relative to: the git repository holding the
 * architecture folder (the nearest folder, from `realRoot` up, with a `.git`), else the architecture
 * folder's parent. It depends on where the files are, never on the working directory or on how the
 * folder was spelled, so the same YAML gives the same bytes from anywhere (and GitHub, which wants
 * repository paths in annotations, gets them).
 */
export async function pathBase(realRoot: string): Promise<string> {
  for (let dir = realRoot; ; dir = dirname(dir)) {
    if ((await lstat(join(dir, '.git')).catch(() => undefined)) !== undefined) return dir;
    if (dirname(dir) === dir) return dirname(realRoot);
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A YAML file name, whatever the case of its extension (`L4.YAML`, saved so by Windows tools, is read too). */
const YAML_NAME = /\.ya?ml$/i;

/** True for a name discovery reads as YAML (the watcher and the language server use the same test). */
export function isYamlName(name: string): boolean {
  return YAML_NAME.test(name);
}

/**
 * All `*.yaml`/`*.yml` (any case) under `root` (hidden entries and node_modules skipped), in code-unit order of
 * path. Symbolic links are followed only to files inside the folder; a link that leads outside
 * (file or folder), a broken link and a special file are returned as refused, never opened.
 * `display` paths are relative to `base` (see `pathBase`) from the folder's real path.
 */
export async function discoverYamlFiles(root: string, base: string): Promise<DiscoveredFile[]> {
  const realRoot = await realpath(root);
  const out: { rel: string; file: DiscoveredFile }[] = [];
  const add = (rel: string, refused?: Refusal): void => {
    const abs = join(root, rel);
    out.push({ rel, file: { abs, display: displayPath(base, join(realRoot, rel)), ...(refused ? { refused } : {}) } });
  };
  const pending = [''];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      continue; // vanished or unreadable folder: nothing to read in it
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const rel = dir === '' ? e.name : `${dir}/${e.name}`;
      const isYaml = isYamlName(e.name) && !NOT_DOCUMENTS.has(e.name);
      if (e.isDirectory()) {
        pending.push(rel);
        continue;
      }
      if (e.isSymbolicLink()) {
        const abs = join(root, rel);
        let target: string;
        try {
          target = await realpath(abs);
        } catch {
          if (isYaml) add(rel, 'broken');
          continue;
        }
        const info = await stat(target).catch(() => undefined);
        if (!info) {
          if (isYaml) add(rel, 'broken');
          continue;
        }
        const inside = isInside(realRoot, target);
        // A folder link is never walked (it would read files twice, or loop); one that leads outside is reported.
        if (info.isDirectory()) {
          if (!inside) add(rel, 'outside');
          continue;
        }
        if (!isYaml) continue;
        if (!inside) add(rel, 'outside');
        else if (!info.isFile()) add(rel, 'special');
        else add(rel);
        continue;
      }
      if (!isYaml) continue;
      if (e.isFile()) add(rel);
      else add(rel, 'special');
    }
  }
  out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return out.map((o) => o.file);
}

import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { glob } from 'glob';

/** Files in the architecture folder that are not kientruc documents. */
export const NOT_DOCUMENTS = new Set(['kientruc.config.yaml', 'kientruc.config.yml']);

export interface DiscoveredFile {
  readonly abs: string;
  /** Relative to the working directory, `/` separators. */
  readonly display: string;
  /** Symlink whose target lies outside the architecture folder (refused). */
  readonly outside?: boolean;
}

export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** All `*.yaml`/`*.yml` under `root` (hidden folders and node_modules skipped), in code-unit order of path. */
export async function discoverYamlFiles(root: string, cwd: string): Promise<DiscoveredFile[]> {
  const realRoot = await realpath(root);
  const found = await glob('**/*.{yaml,yml}', {
    cwd: root,
    dot: false,
    nodir: true,
    follow: false,
    ignore: ['**/node_modules/**'],
    posix: true,
  });
  const out: DiscoveredFile[] = [];
  for (const rel of found.sort()) {
    const name = rel.split('/').pop() ?? rel;
    if (NOT_DOCUMENTS.has(name)) continue;
    const abs = join(root, rel);
    const display = displayPath(cwd, abs);
    const info = await lstat(abs);
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(abs);
      } catch {
        out.push({ abs, display, outside: true });
        continue;
      }
      if (!isInside(realRoot, target) || !(await stat(target)).isFile()) {
        out.push({ abs, display, outside: true });
        continue;
      }
    }
    out.push({ abs, display });
  }
  return out;
}

import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, one level at a time: returns the first folder created (undefined when `dir` existed), and
 * throws the error of the level that failed, with its own code (EACCES, EROFS, ENOTDIR…). Node's
 * `mkdir(dir, { recursive: true })` says ENOENT where the file system says EACCES, and never returns
 * when a parent exists but refuses new folders with ENOENT (`/proc/x/y`: Node 20 and 22 loop forever).
 */
export async function makeFolders(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    const info = await stat(d).catch((err: unknown) => err as NodeJS.ErrnoException);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${d}'`), { code: 'ENOTDIR', path: d, syscall: 'mkdir' });
      break;
    }
    if (info.code !== 'ENOENT') throw info;
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      await mkdir(d);
    } catch (err: unknown) {
      // Made meanwhile by another process: as good as made here.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(d).catch(() => undefined))?.isDirectory()) throw err;
    }
  }
  return missing[0];
}

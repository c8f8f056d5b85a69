/**
 * The build id (written by cli/bundle.ts as dist/cli/build-id, read by daemon/fingerprint.ts): a hash
 * of every file of the bundle (name and bytes), of the framework packs and of package.json. Apart from
 * fingerprint.ts so that node:crypto stays off the client's path: only the build computes it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** `bundleDir`: the bundle's folder; `files`: its code files' names; `packageRoot`: the package's root. */
export function computeBuildId(bundleDir: string, files: readonly string[], packageRoot: string): string {
  const hash = createHash('sha256');
  // Names relative to the bundle's folder and to the package: a copy of the package has the same id.
  const add = (name: string, path: string): void => void hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
  for (const name of [...files].sort()) add(name, join(bundleDir, name));
  const packs = join(packageRoot, 'src', 'framework', 'packs');
  const packFiles = readdirSync(packs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const path of packFiles) add(relative(packageRoot, path), path);
  add('package.json', join(packageRoot, 'package.json'));
  return hash.digest('hex').slice(0, 32);
}

/**
 * What identifies the code a daemon runs, cheaply enough to compute at every `check` (the client
 * sends it; a daemon whose own differs is older than the client: it says so in its log and exits, and
 * the client runs the command itself), with the Node that runs it (version and path):
 *
 * - a built package: the build id the bundle step wrote beside the bundle (dist/cli/build-id, a hash
 *   of every file of the bundle, of the framework packs and of package.json: cli/bundle.ts). One small
 *   read: statting the ~85 files it stands for, as below, was ≈25 ms of CPU of every `check` a daemon
 *   answered (0.158 → 0.133 s, `farm-bench`, 60 pairs on the sample), most of it the first run of the
 *   listing and hashing code. A rebuild writes a new id when the code changed; two copies of one build
 *   share it, and may share a daemon, as they run the same code. A file of the bundle edited by hand
 *   is not seen (restart the daemon);
 * - otherwise (tsx runs src/, or dist/ from an older build): the name, size and modification time of
 *   the files of the bin's folder, of the top of the code folder, of the precompiled validators, of
 *   the framework packs and of package.json.
 *
 * Hashed with daemon/paths.ts's FNV-1a (no node:crypto on the client's path). Node built-ins only
 * (see daemon/paths.ts), and core/paths.ts, which says where the code is whether this module is
 * bundled or not.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ROOT as CODE_DIR, PACKAGE_ROOT } from '../../core/paths.js';
import { fnv1a64 } from './paths.js';

const CODE_FILE = /\.(js|mjs|ts|json|yaml|hbs)$/;

/** The build id's file in the bin's folder (written by cli/bundle.ts). */
export const BUILD_ID_FILE = 'build-id';

/** `codeDir`, `packageRoot`: this installation's (tests give others). */
export function daemonFingerprint(codeDir: string = CODE_DIR, packageRoot: string = PACKAGE_ROOT): string {
  const node = `${process.version}\n${process.execPath}\n`;
  let id = '';
  try {
    id = readFileSync(join(codeDir, 'cli', BUILD_ID_FILE), 'utf8').trim();
  } catch {
    // no build id: the listing below
  }
  if (/^[0-9a-f]{32}$/.test(id)) return fnv1a64(`${node}build ${id}\n`);
  const parts = [node];
  const add = (p: string): void => {
    const s = statSync(p, { throwIfNoEntry: false });
    if (s?.isFile()) parts.push(`${p}\0${s.size}\0${s.mtimeMs}\n`);
  };
  const list = (dir: string, deep: boolean): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (deep) list(p, true);
      } else if (CODE_FILE.test(e.name) && !e.name.endsWith('.d.ts')) add(p);
    }
  };
  list(codeDir, false);
  list(join(codeDir, 'cli'), false);
  list(join(codeDir, 'precompiled'), true);
  list(join(packageRoot, 'src', 'framework', 'packs'), true);
  add(join(packageRoot, 'package.json'));
  return fnv1a64(parts.join(''));
}

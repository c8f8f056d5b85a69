/**
 * What identifies the code a daemon runs, cheaply enough to compute at every `check` (the client
 * sends it; a daemon whose own differs is older than the client: it says so in its log and exits, and
 * the client runs the command itself): a hash of the name, size and modification time of the files of
 * the bin's folder (dist/cli/: the bundle the bin runs, every chunk of it, and the parse worker), of the
 * top of dist/ (pipeline.js …), of the precompiled validators, of the framework packs and of
 * package.json, and of the Node that runs it. A build writes every file of the bundle again and an
 * upgrade replaces them all, so either changes these times; editing one file of dist/ by hand
 * elsewhere is not seen (restart the daemon). Node built-ins only (see daemon/paths.ts), and
 * core/paths.ts, which says where the code is whether this module is bundled or not.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ROOT as CODE_DIR, PACKAGE_ROOT } from '../../core/paths.js';

const CODE_FILE = /\.(js|mjs|ts|json|yaml|hbs)$/;

export function daemonFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(`${process.version}\n${process.execPath}\n`);
  const add = (p: string): void => {
    const s = statSync(p, { throwIfNoEntry: false });
    if (s?.isFile()) hash.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
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
  list(CODE_DIR, false);
  list(join(CODE_DIR, 'cli'), false);
  list(join(CODE_DIR, 'precompiled'), true);
  list(join(PACKAGE_ROOT, 'src', 'framework', 'packs'), true);
  add(join(PACKAGE_ROOT, 'package.json'));
  return hash.digest('hex').slice(0, 32);
}

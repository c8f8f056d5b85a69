/**
 * What identifies the code a daemon runs: a hash of the name, size and modification time of every file
 * of the built CLI (dist/, or src/ under tsx), of the framework packs, of package.json, and of the Node
 * that runs it. The client computes it at each call (stat only, ≈ 2 ms) and sends it; a daemon whose
 * own differs — a rebuild, an upgrade, another Node — is older than the client: it says so in its log
 * and exits, and the client runs the command itself. Node built-ins only (see paths.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/ (or src/): two folders up from dist/cli/daemon/. */
const CODE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGE_ROOT = dirname(CODE_DIR);

const CODE_FILE = /\.(js|mjs|ts|json|yaml|hbs)$/;

export function daemonFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(`${process.version}\n${process.execPath}\n`);
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (CODE_FILE.test(e.name) && !e.name.endsWith('.d.ts')) {
        const s = statSync(p, { throwIfNoEntry: false });
        if (s) hash.update(`${p}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  walk(CODE_DIR);
  if (!CODE_DIR.endsWith('src')) walk(join(PACKAGE_ROOT, 'src', 'framework'));
  const pkg = statSync(join(PACKAGE_ROOT, 'package.json'), { throwIfNoEntry: false });
  if (pkg) hash.update(`package.json\0${pkg.size}\0${pkg.mtimeMs}\n`);
  return hash.digest('hex').slice(0, 32);
}

/**
 * What the daemon looks at before each request: the stat (modification and change times in
 * nanoseconds, size, inode, mode) of every input `check` reads besides its own code —
 * - every entry under the architecture folder that discovery walks (YAML files, symbolic links, the
 *   strategy prose in `strategy/`), hidden entries and node_modules skipped as discovery does;
 * - the configuration: `kientruc.config.yaml|yml` next to the folder and inside it, and `--config`;
 * - the template overrides `<parent>/templates/strategy/*` (checked by agency.document-public-note);
 * - every `.git` from the folder up (the folder paths are shown relative to is the nearest repository).
 * Comparing two scans gives the files changed, added and removed: what a run has to read again.
 */
import type { BigIntStats } from 'node:fs';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Scan = ReadonlyMap<string, string>;

/**
 * The inputs modified or changed within `marginMs` before `startedMs` (the scan's start): such a file
 * written again within the same tick of the file system's clock after the scan could keep the same
 * times, so the scan cannot prove it unchanged next time (git's "racily clean"). An input older than
 * that can: any later write gives it later times. Judged entry by entry, so the file just edited is
 * read again next time, not the 5,050 others beside it.
 */
export function racyEntries(scan: Scan, startedMs: number, marginMs = 2000): Set<string> {
  const limit = String(BigInt(Math.floor(startedMs - marginMs)) * 1_000_000n);
  // Times in nanoseconds as decimal digits without leading zeros: compared by length, then as text.
  const atOrAfter = (t: string): boolean => t.length > limit.length || (t.length === limit.length && t >= limit);
  const out = new Set<string>();
  for (const [abs, key] of scan) {
    for (const part of key.split('>')) {
      const colon = part.indexOf(':');
      const m = part.slice(0, colon);
      const c = part.slice(colon + 1, part.indexOf(':', colon + 1));
      if (colon > 0 && /^\d+$/.test(m) && /^\d+$/.test(c) && (atOrAfter(m) || atOrAfter(c))) {
        out.add(abs);
        break;
      }
    }
  }
  return out;
}

export interface ScanChanges {
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

function sig(s: BigIntStats): string {
  return `${s.mtimeNs}:${s.ctimeNs}:${s.size}:${s.ino}:${s.mode}`;
}

function statInto(out: Map<string, string>, abs: string): void {
  let l: BigIntStats | undefined;
  try {
    l = lstatSync(abs, { bigint: true, throwIfNoEntry: false });
  } catch {
    return; // not a folder on the way (ENOTDIR), or not ours to read: as absent
  }
  if (!l) return;
  let key = sig(l);
  // A link: what it points to counts too (the target may change without the link changing).
  if (l.isSymbolicLink()) {
    let t: BigIntStats | undefined;
    try {
      t = statSync(abs, { bigint: true, throwIfNoEntry: false });
    } catch {
      t = undefined; // a loop of links, or a target we may not read
    }
    key += t ? `>${sig(t)}` : '>broken';
  }
  out.set(abs, key);
}

function walk(out: Map<string, string>, dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  // The folder itself: a file added or removed changes its times even before its entries are seen.
  statInto(out, dir);
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(out, abs);
    else statInto(out, abs);
  }
}

/**
 * Stats every input of a run over the architecture folder `folder` (real path); `config` is `--config`,
 * absolute. The stats are taken one after the other in this thread: at 5,050 files that costs a fifth
 * of the CPU of as many asynchronous stats (a promise and a trip through the thread pool each), and
 * the daemon serves one request at a time.
 */
export async function scanInputs(folder: string, config: string | undefined): Promise<Scan> {
  return Promise.resolve(scanInputsSync(folder, config));
}

function scanInputsSync(folder: string, config: string | undefined): Scan {
  const out = new Map<string, string>();
  walk(out, folder);
  const parent = dirname(folder);
  statInto(out, join(parent, 'kientruc.config.yaml'));
  statInto(out, join(parent, 'kientruc.config.yml'));
  if (config !== undefined) statInto(out, config);
  walk(out, join(parent, 'templates', 'strategy'));
  for (let dir = folder; ; dir = dirname(dir)) {
    statInto(out, join(dir, '.git'));
    if (dirname(dir) === dir) break;
  }
  return out;
}

/** What differs between two scans (paths sorted). */
export function compareScans(before: Scan | undefined, after: Scan): ScanChanges {
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [abs, key] of after) {
    const was = before?.get(abs);
    if (was === undefined) added.push(abs);
    else if (was !== key) changed.push(abs);
  }
  if (before) for (const abs of before.keys()) if (!after.has(abs)) removed.push(abs);
  return { changed: changed.sort(), added: added.sort(), removed: removed.sort() };
}

/**
 * The whole suite once, measured: `npx tsx tests/bench/suite/run.ts [--cache <dir>] [--out <file.jsonl>] [-- <vitest args>]`.
 *
 * - CPU of every process the run starts, Chromium's orphaned helpers included, from a cpuacct cgroup
 *   (root only, as in CI; /usr/bin/time misses those helpers: 253 s against the cgroup's 339 s for one
 *   run); without one, only wall times and each worker's own CPU are shown, and it says so;
 * - per test file, its worker, start, end and CPU (./file-cpu.ts, one sub-group per vitest worker);
 * - per worker, when its first file started and its last ended, and the time between its files;
 * - per 10 s, the cores the run used and the machine's idle cores (other users' load shows there).
 * `--cache <dir>`: vitest's results cache (its file order); a new folder is a fresh clone's first run.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const own = dash < 0 ? args : args.slice(0, dash);
const vitestArgs = dash < 0 ? [] : args.slice(dash + 1);
const opt = (name: string): string | undefined => {
  const i = own.indexOf(name);
  return i < 0 ? undefined : own[i + 1];
};
const out = opt('--out') ?? `/tmp/suite-timeline-${process.pid}.jsonl`;

const CPUACCT = '/sys/fs/cgroup/cpuacct';
let group: string | undefined = `${CPUACCT}/kientruc-suite-${process.pid}`;
try {
  mkdirSync(group);
} catch {
  group = undefined;
}
const usage = (): number => (group ? Number(readFileSync(join(group, 'cpuacct.usage'), 'utf8')) / 1e9 : NaN);
/** Busy and idle seconds of the whole machine so far (/proc/stat). */
function machine(): { busy: number; idle: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { busy: (f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!) / 100, idle: (f[3]! + f[4]!) / 100 };
}

const t0 = Date.now();
const samples: { t: number; cpu: number; busy: number; idle: number }[] = [];
const sample = (): void => {
  samples.push({ t: (Date.now() - t0) / 1000, cpu: usage(), ...machine() });
};
sample();
const load0 = loadavg()[0]!;
const timer = setInterval(sample, 1000);
const vitest = join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
const env = { ...process.env, KIENTRUC_SUITE_TIMELINE: out, ...(opt('--cache') ? { KIENTRUC_SUITE_CACHE: opt('--cache') } : {}) };
const argv = [vitest, 'run', '--config', 'tests/bench/suite/vitest.config.ts', ...vitestArgs];
const child = group
  ? spawn('/bin/sh', ['-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', group, process.execPath, ...argv], { cwd: REPO, env, stdio: 'inherit' })
  : spawn(process.execPath, argv, { cwd: REPO, env, stdio: 'inherit' });
const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
clearInterval(timer);
const wall = (Date.now() - t0) / 1000;
sample();
const groups = group ? [...readdirSync(group).filter((n) => /^w\d+$/.test(n)).map((n) => join(group!, n)), group] : [];
// Chromium helpers a worker left behind end on their own: wait for them (bounded), then read the total.
for (let i = 0; i < 100 && groups.some((g) => readFileSync(join(g, 'cgroup.procs'), 'utf8').trim() !== ''); i++) await new Promise((r) => setTimeout(r, 100));
const cpu = usage();
for (const g of groups) {
  try {
    rmdirSync(g);
  } catch {
    // still busy: left for the OS
  }
}

interface Row {
  worker: number;
  file: string;
  start: number;
  end: number;
  cpu: number;
  withImport: number;
}
const rows: Row[] = existsSync(out)
  ? readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Row)
  : [];
const rel = (f: string): string => f.slice(REPO.length);
const s = (x: number): string => x.toFixed(1).padStart(6);
console.log(`\nsuite: exit ${code}, wall ${wall.toFixed(1)} s, CPU ${group ? `${cpu.toFixed(1)} s (cpuacct cgroup, every process)` : 'unknown (no cpuacct cgroup: run as root)'}; load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}; per-file rows in ${out}`);
console.log(`\nfiles by CPU (s, worker's cgroup, loading the file included), wall inside the run:`);
for (const r of [...rows].sort((a, b) => b.withImport - a.withImport).slice(0, 25)) console.log(`${s(r.withImport)} ${s((r.end - r.start) / 1000)}  ${rel(r.file)}`);
console.log(`${s(rows.slice(25).length ? [...rows].sort((a, b) => b.withImport - a.withImport).slice(25).reduce((n, r) => n + r.withImport, 0) : 0)}         the other ${Math.max(0, rows.length - 25)} files; all files ${rows.reduce((n, r) => n + r.withImport, 0).toFixed(1)} s`);
console.log('\nworkers:');
for (const w of [...new Set(rows.map((r) => r.worker))]) {
  const mine = rows.filter((r) => r.worker === w).sort((a, b) => a.start - b.start);
  const between = mine.slice(1).reduce((n, r, i) => n + Math.max(0, r.start - mine[i]!.end), 0) / 1000;
  console.log(`  ${w}: ${mine.length} files, first at ${((mine[0]!.start - t0) / 1000).toFixed(1)} s, last ended at ${((mine.at(-1)!.end - t0) / 1000).toFixed(1)} s, ${between.toFixed(1)} s between files (loading them); first: ${mine.slice(0, 3).map((r) => rel(r.file)).join(', ')}`);
}
console.log('\nper 10 s: cores this run used / idle cores of the machine');
const windows: string[] = [];
for (let a = 0; a < wall; a += 10) {
  const inside = samples.filter((x) => x.t >= a && x.t <= a + 10);
  if (inside.length < 2) continue;
  const first = inside[0]!;
  const last = inside.at(-1)!;
  const dt = last.t - first.t;
  windows.push(`${String(a).padStart(4)} s ${group ? ((last.cpu - first.cpu) / dt).toFixed(2) : '?'} / ${((last.idle - first.idle) / dt).toFixed(2)}`);
}
console.log(windows.join('\n'));
process.exitCode = code;

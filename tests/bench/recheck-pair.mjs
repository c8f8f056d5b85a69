// The daemon re-check, paired (docs/speed.md): two builds of kientruc, each with its own daemon on the
// same project, answer in turn after the same one-line edit; then A's cold check. Prints, per pair, the
// CPU of each request (client by /usr/bin/time + daemon and memory guard from /proc) and of the cold
// check, and whether the three stdouts and exit codes are identical; then medians and minimums.
//
//   node tests/bench/recheck-pair.mjs <project> <pairs> <A package root> <B package root>
//
// A package root holds dist/, package.json, templates/, src/framework/ and node_modules/ (a copy of a
// built checkout). The project is a bench project (tests/bench/generate.ts); its
// architecture/m01/m01-d001.yaml has a System whose status is toggled. Linux only (/proc, /usr/bin/time).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const [project, pairsArg, A, B] = process.argv.slice(2);
const pairs = +pairsArg;
const arch = join(project, 'architecture');
const file = join(arch, 'm01/m01-d001.yaml');
const env = (d) => { const e = { ...process.env, KIENTRUC_DAEMON_DIR: d, NO_COLOR: '1' }; delete e.CI; return e; };
const sides = { A: { root: A, dir: mkdtempSync(join(tmpdir(), 'kientruc-pairA-')) }, B: { root: B, dir: mkdtempSync(join(tmpdir(), 'kientruc-pairB-')) } };
const bin = (s) => join(sides[s].root, 'dist/cli/bin.js');
function ticks(pid) { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return +f[11] + +f[12]; }
function daemonPids(s) { const j = readdirSync(sides[s].dir).find((n) => n.endsWith('.json')); const m = JSON.parse(readFileSync(join(sides[s].dir, j), 'utf8')); return [m.pid, m.guardPid].filter(Boolean); }
function timed(args, e) {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %e', 'node', ...args], { env: e, maxBuffer: 1 << 30 });
  const t = r.stderr.toString().trim().split('\n').pop().split(' ').map(Number);
  return { out: r.stdout, code: r.status, cpu: t[0] + t[1], wall: t[2] };
}
function request(s) {
  const pids = daemonPids(s);
  const before = pids.map(ticks).reduce((a, b) => a + b, 0);
  const r = timed([bin(s), 'check', arch, '--as-of', '2026-06-30'], env(sides[s].dir));
  const after = pids.map(ticks).reduce((a, b) => a + b, 0);
  return { ...r, daemon: (after - before) / 100 };
}
let n = 0;
function edit() {
  const t = readFileSync(file, 'utf8');
  const [a, b] = n++ % 2 ? ['status: planned', 'status: operating'] : ['status: operating', 'status: planned'];
  const i = t.indexOf(a); if (i < 0) throw new Error('no ' + a);
  writeFileSync(file, t.slice(0, i) + b + t.slice(i + a.length));
}
for (const s of ['A', 'B']) { spawnSync('node', [bin(s), 'daemon', 'stop', arch], { env: env(sides[s].dir) }); execFileSync('node', [bin(s), 'daemon', 'start', arch], { env: env(sides[s].dir) }); }
for (const s of ['A', 'B']) request(s);
edit(); for (const s of ['A', 'B']) request(s);
edit(); for (const s of ['A', 'B']) request(s);
// Then until both daemons are idle (their CPU unchanged over half a second, at most a minute): work a
// daemon does on its own after a request (settling: daemon/server.ts) is not counted in
// the next request's figure, and each side starts the series as a user's next edit would find it.
const sleep = (ms) => spawnSync('sleep', [String(ms / 1000)]);
for (const s of ['A', 'B']) {
  const deadline = Date.now() + 60_000;
  let last = -1;
  for (;;) {
    const now = daemonPids(s).map(ticks).reduce((a, b) => a + b, 0);
    if (now === last || Date.now() > deadline) break;
    last = now;
    sleep(500);
  }
}
const rows = [];
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
for (let p = 0; p < pairs; p++) {
  edit();
  const order = p % 2 ? ['B', 'A'] : ['A', 'B'];
  const r = {};
  for (const s of order) r[s] = request(s);
  const cold = timed([bin('A'), 'check', arch, '--as-of', '2026-06-30', '--no-cache', '--no-daemon'], env(sides.A.dir));
  const same = r.A.out.equals(cold.out) && r.B.out.equals(cold.out) && r.A.code === cold.code && r.B.code === cold.code;
  const a = r.A.cpu + r.A.daemon, b = r.B.cpu + r.B.daemon;
  rows.push({ a, b, cold: cold.cpu, same });
  console.log(`pair ${p + 1} load ${load()}: A ${r.A.daemon.toFixed(2)}+${r.A.cpu.toFixed(2)} B ${r.B.daemon.toFixed(2)}+${r.B.cpu.toFixed(2)} cold ${cold.cpu.toFixed(2)} A/cold ${(100 * a / cold.cpu).toFixed(1)}% B/cold ${(100 * b / cold.cpu).toFixed(1)}% A/B ${(a / b).toFixed(2)} same ${same} (${cold.out.length} bytes)`);
}
const med = (xs) => { const s = [...xs].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const min = (xs) => Math.min(...xs);
// The daemon's first edits after its start cost more than later ones (no major GC is involved, by
// --trace-gc; with `node --no-opt` they cost no more than the rest, so it is V8's optimising compiler:
// docs/speed.md): the series is also told in two parts, the first EARLY pairs and the rest.
const EARLY = 8;
const summary = (label, part) => {
  if (part.length === 0) return;
  const ac = part.map((r) => r.a / r.cold), bc = part.map((r) => r.b / r.cold), ab = part.map((r) => r.a / r.b);
  console.log(`${label} (${part.length} pairs): A/cold median ${(100 * med(ac)).toFixed(1)}% min ${(100 * min(ac)).toFixed(1)}% | B/cold median ${(100 * med(bc)).toFixed(1)}% min ${(100 * min(bc)).toFixed(1)}% | A/B median ${med(ab).toFixed(2)} (${min(ab).toFixed(2)}-${Math.max(...ab).toFixed(2)}) | cold median ${med(part.map((r) => r.cold)).toFixed(2)} s | all same: ${part.every((r) => r.same)}`);
};
summary('all pairs', rows);
if (rows.length > EARLY) {
  summary(`pairs 1-${EARLY}`, rows.slice(0, EARLY));
  summary(`pairs ${EARLY + 1}-${rows.length}`, rows.slice(EARLY));
}
for (const s of ['A', 'B']) spawnSync('node', [bin(s), 'daemon', 'stop', arch], { env: env(sides[s].dir) });
for (const s of ['A', 'B']) rmSync(sides[s].dir, { recursive: true, force: true });

/**
 * `npm run bench` — kientruc at national scale. For 1k, 10k and 100k generated entities (see
 * ./generate.ts), each stage runs in its own process (./stage.ts) and the table shows wall time, CPU
 * time and peak memory; then, in the same run: validate against a bare "parse every file + ajv"
 * baseline, an incremental re-check (one file changed, warm cache) against a full one, the fitted
 * exponent of cost against size, and the startup of `kientruc validate` on the sample.
 *
 *   npm run bench                          # 1k, 10k, 100k
 *   npm run bench -- --sizes 1000,10000    # fewer sizes
 *   npm run bench -- --repeat 5            # best of 5 runs per stage (default 3; 1 above 20k entities)
 *   npm run bench -- --diagrams            # also the diagram benchmark (slow: Chromium)
 *
 * Adding a stage: one entry in STAGES of ./stage.ts and one name in TABLE below.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateModel, writeModel } from './generate.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const STAGE = join(REPO, 'tests', 'bench', 'stage.ts');
const BIN = join(REPO, 'dist', 'cli', 'bin.js');

/** Stages shown per size, in order: [stage name in stage.ts, column title]. */
const TABLE: readonly (readonly [string, string])[] = [
  ['validate', 'load+validate'],
  ['check', 'check'],
  ['gap', 'gap'],
  ['document', 'document md/html'],
  ['build-text', 'build (no browser)'],
];

const TARGETS: Record<number, { ms: number; mb?: number }> = { 10_000: { ms: 1_000 }, 100_000: { ms: 10_000, mb: 1024 } };

interface Measure {
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakMb: number;
  readonly note?: string;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function stageOnce(name: string, project: string, cacheDir?: string): Measure {
  const r = spawnSync(process.execPath, [TSX, STAGE, name, project, ...(cacheDir ? [cacheDir] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Measure;
  } catch {
    // A stage that dies (out of memory at 100k entities) is a figure too: print it, go on with the rest.
    const why = /heap out of memory/.test(r.stderr) ? 'out of memory' : `exit ${r.status ?? r.signal}`;
    process.stderr.write(`stage ${name} failed (${why}):\n${r.stderr.slice(-600)}\n`);
    return { ms: Number.POSITIVE_INFINITY, cpuMs: Number.POSITIVE_INFINITY, peakMb: 0, note: `failed: ${why}` };
  }
}

/** Best of `times` runs (the machine is shared: the fastest run is the least disturbed); `before` runs untimed before each. */
function stage(name: string, project: string, cacheDir: string | undefined, times: number, before?: (i: number) => void): Measure {
  let best: Measure | undefined;
  let peak = 0;
  for (let i = 0; i < times; i++) {
    before?.(i);
    const m = stageOnce(name, project, cacheDir);
    peak = Math.max(peak, m.peakMb);
    if (!best || m.ms < best.ms) best = m;
  }
  return { ...(best as Measure), peakMb: peak };
}

const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const cell = (m: Measure): string => (m.note === 'n/a' || m.note?.startsWith('failed') ? (m.note ?? 'n/a') : `${fmtMs(m.ms)} (cpu ${fmtMs(m.cpuMs)})`);
const pad = (s: string, n: number): string => s.padEnd(n);

/** Least-squares slope of log(cost) on log(size): 1 is linear. */
function exponent(points: readonly [number, number][]): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, t]) => Math.log(t));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] as number) - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

async function main(): Promise<void> {
  const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
  const out: string[] = [];
  const print = (s = ''): void => {
    out.push(s);
    process.stdout.write(`${s}\n`);
  };
  print(`kientruc bench — Node ${process.version}, ${availableParallelism()} CPU, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  print('Each stage runs in its own process (best of --repeat runs); times exclude process start; "cpu" is user+system time of that process.');
  print('');
  // The stages run the built code: build it (with the precompiled validators) as the package does.
  spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO, 'tsconfig.json')], { stdio: 'inherit' });
  spawnSync(process.execPath, [join(REPO, 'dist', 'cli', 'precompile.js')], { stdio: 'ignore' });

  const rows: { n: number; files: number; mb: number; stages: Record<string, Measure>; extra: Record<string, Measure> }[] = [];
  for (const n of sizes) {
    const model = generateModel({ entities: n });
    const project = writeModel(model);
    const cache = mkdtempSync(join(tmpdir(), 'kientruc-bench-cache-'));
    try {
      process.stderr.write(`… ${n} entities (${(model.bytes / 1e6).toFixed(1)} MB)\n`);
      const times = Number(arg('--repeat') ?? (n > 20_000 ? 1 : 3));
      const stages: Record<string, Measure> = {};
      for (const [name] of TABLE) stages[name] = stage(name, project, undefined, times);
      const fresh = (): void => {
        rmSync(cache, { recursive: true, force: true });
      };
      const extra: Record<string, Measure> = {
        'baseline-yaml': stage('baseline-yaml', project, undefined, 1),
        'baseline-fast': stage('baseline-fast', project, undefined, times),
        'check, parse in worker threads': stage('check-workers', project, undefined, times),
        'check cold cache': stage('check', project, cache, times, fresh),
      };
      extra['check warm cache'] = stage('check', project, cache, times);
      // One file changed (a different change each time): the incremental re-check.
      const changed = join(project, [...model.files.keys()].find((f) => f.includes('-d001')) ?? [...model.files.keys()][1] ?? '');
      const original = readFileSync(changed, 'utf8');
      const variants = ['building', 'upgrading', 'retiring', 'planned'];
      extra['check, 1 file changed'] = stage('check', project, cache, times, (i) => writeFileSync(changed, original.replace('status: operating', `status: ${variants[i % variants.length] as string}`)));
      rows.push({ n: model.entities, files: model.files.size, mb: model.bytes / 1e6, stages, extra });
    } finally {
      rmSync(project, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
  }

  const head = ['entities', 'files', 'MB', ...TABLE.map(([, t]) => t), 'peak memory'];
  const widths = [9, 6, 6, ...TABLE.map(() => 24), 12];
  print(head.map((h, i) => pad(h, widths[i] as number)).join(' '));
  for (const r of rows) {
    const peak = Math.max(...Object.values(r.stages).map((m) => m.peakMb), ...Object.values(r.extra).map((m) => m.peakMb));
    print([String(r.n), String(r.files), r.mb.toFixed(1), ...TABLE.map(([name]) => cell(r.stages[name] as Measure)), `${Math.round(peak)} MB`].map((c, i) => pad(c, widths[i] as number)).join(' '));
  }
  print('');
  print('validate against a bare "parse every file + ajv" (no positions, no messages), and incremental re-check:');
  for (const r of rows) {
    const v = r.stages['validate'] as Measure;
    const by = r.extra['baseline-yaml'] as Measure;
    const bf = r.extra['baseline-fast'] as Measure;
    const full = r.stages['check'] as Measure;
    const inc = r.extra['check, 1 file changed'] as Measure;
    print(`  ${pad(String(r.n), 7)} validate ${fmtMs(v.ms)} | baseline yaml+ajv ${fmtMs(by.ms)} → ratio ${(v.ms / by.ms).toFixed(2)} (aim ≤ 1.5) | baseline fast-parser+ajv ${fmtMs(bf.ms)} → ratio ${(v.ms / bf.ms).toFixed(2)}`);
    print(
      `  ${pad('', 7)} check full ${fmtMs(full.ms)} | with worker threads ${fmtMs((r.extra['check, parse in worker threads'] as Measure).ms)} | cold cache ${fmtMs((r.extra['check cold cache'] as Measure).ms)} | warm ${fmtMs((r.extra['check warm cache'] as Measure).ms)} | 1 file changed ${fmtMs(inc.ms)} → ${((100 * inc.ms) / full.ms).toFixed(0)}% of full (aim < 10%)`,
    );
  }
  if (rows.length >= 2) {
    print('');
    for (const name of ['validate', 'check']) {
      const last = rows.slice(-2).map((r): [number, number] => [r.n, (r.stages[name] as Measure).cpuMs]);
      print(
        `fitted exponent of ${name} (time ∝ entities^k): k = ${exponent(rows.map((r) => [r.n, (r.stages[name] as Measure).ms])).toFixed(2)} (wall, all sizes), ${exponent(rows.map((r) => [r.n, (r.stages[name] as Measure).cpuMs])).toFixed(2)} (cpu, all sizes), ${exponent(last).toFixed(2)} (cpu, two largest sizes: fixed start-up costs weigh less)`,
      );
    }
  }
  print('');
  print('targets (validate + check, no cache):');
  for (const r of rows) {
    const t = TARGETS[Math.round(r.n / 1000) * 1000];
    if (!t) continue;
    const total = (r.stages['check'] as Measure).ms;
    const peak = (r.stages['check'] as Measure).peakMb;
    const warm = (r.extra['check warm cache'] as Measure).ms;
    print(
      `  ${r.n}: check ${fmtMs(total)} (target < ${fmtMs(t.ms)}: ${total < t.ms ? 'met' : `missed by ${fmtMs(total - t.ms)}`}); warm cache ${fmtMs(warm)} (${warm < t.ms ? 'met' : 'missed'})${t.mb ? `; peak ${Math.round(peak)} MB (target < ${t.mb} MB: ${peak < t.mb ? 'met' : 'missed'})` : ''}`,
    );
  }

  // Startup: the CLI on the sample, as a user runs it (process start included).
  if (existsSync(join(REPO, 'architecture', 'agency.yaml'))) {
    const cache = mkdtempSync(join(tmpdir(), 'kientruc-bench-cache-'));
    const time = (args: string[]): number => {
      const t0 = performance.now();
      spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8' });
      return performance.now() - t0;
    };
    const noCache = Math.min(...[0, 1, 2].map(() => time(['validate', '--no-cache'])));
    const first = time(['validate', '--cache-dir', cache]);
    const warm = Math.min(...[0, 1, 2].map(() => time(['validate', '--cache-dir', cache])));
    print('');
    print(`kientruc validate on the sample (process included, best of 3): no cache ${fmtMs(noCache)}, first run filling the cache ${fmtMs(first)}, warm ${fmtMs(warm)}`);
    rmSync(cache, { recursive: true, force: true });
  }

  if (process.argv.includes('--diagrams')) {
    const file = join(REPO, 'tests', 'bench', 'diagrams.ts');
    if (existsSync(file)) {
      // Imported by URL: the file arrives with the diagrams work and the bench must run without it.
      const mod = (await import(pathToFileURL(file).href)) as { runDiagramBench?: (o: { print: (s: string) => void }) => Promise<unknown> };
      print('');
      if (mod.runDiagramBench) await mod.runDiagramBench({ print });
    } else print('\n(diagram benchmark not present)');
  }
}

await main();

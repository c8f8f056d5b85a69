/**
 * vitest setup file of `tests/bench/suite/run.ts` (not of `npm test`): per test file, the worker, its
 * start and end, and the CPU of the worker's own cpuacct cgroup (a sub-group of the run's, made at the
 * worker's first file): every process the worker starts from then on is counted — the bins it spawns,
 * npm, git, its Chromium and Chromium's orphaned helpers. `cpu` is from the file's first hook to its
 * last; `withImport` also counts loading the file (from the end of the worker's previous file).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

const CPUACCT = '/sys/fs/cgroup/cpuacct';

/** The worker's own group under the run's (made and joined on first call), or undefined outside one. */
function workerGroup(): string | undefined {
  const line = readFileSync('/proc/self/cgroup', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[1]?.split(',').includes('cpuacct'));
  const path = line?.slice(line.lastIndexOf(':') + 1);
  if (!path) return undefined;
  if (/\/w\d+$/.test(path)) return CPUACCT + path;
  if (!path.includes('kientruc-suite-')) return undefined;
  const mine = `${CPUACCT}${path}/w${process.pid}`;
  if (!existsSync(mine)) mkdirSync(mine);
  writeFileSync(`${mine}/cgroup.procs`, String(process.pid));
  return mine;
}

const group = workerGroup();
const cpu = (): number => (group ? Number(readFileSync(`${group}/cpuacct.usage`, 'utf8')) / 1e9 : process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6);
const out = process.env['KIENTRUC_SUITE_TIMELINE'];
const state = globalThis as { __suiteLastEnd?: number };
const loaded = state.__suiteLastEnd ?? cpu();
let start = 0;
let cpuAtStart = 0;
let file = '';

beforeAll(() => {
  file = expect.getState().testPath ?? '?';
  start = Date.now();
  cpuAtStart = cpu();
});

afterAll(() => {
  const now = cpu();
  state.__suiteLastEnd = now;
  if (out) appendFileSync(out, `${JSON.stringify({ worker: process.pid, file, start, end: Date.now(), cpu: now - cpuAtStart, withImport: now - loaded, cgroup: group !== undefined })}\n`);
});

// KIENTRUC_SUITE_TESTS=1: also each test's CPU (the worker's group, its hooks excluded), on stderr.
if (process.env['KIENTRUC_SUITE_TESTS']) {
  let atTest = 0;
  beforeEach(() => {
    atTest = cpu();
  });
  afterEach(() => {
    process.stderr.write(`test-cpu ${(cpu() - atTest).toFixed(2)} s  ${expect.getState().currentTestName ?? '?'}\n`);
  });
}

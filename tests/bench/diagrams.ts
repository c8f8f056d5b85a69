/**
 * Diagram rendering benchmark (issue 5). Run alone with
 * `npx tsx tests/bench/diagrams.ts [--mmdc-runs N] [--project DIR]` (DIR holds `architecture/`);
 * `tests/bench/run.ts` (`npm run bench`) imports `runDiagramBench`.
 *
 * 1. N diagrams in one batch (one Chromium, Mermaid injected once per page) against N separate `mmdc`
 *    runs, each starting its own Chromium: the way a shell loop over mermaid-cli renders.
 * 2. `kientruc diagram` on the sample: a full build with an empty cache against a rebuild after one
 *    KPI measurement changed (exactly one diagram differs), with the cache warm.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { main } from '../../src/cli/main.js';
import { runPipeline } from '../../src/pipeline.js';
import { BrowserProvider, findChromium } from '../../src/render/browser.js';
import { diagramsFor } from '../../src/render/mermaid/diagrams.js';
import { MERMAID_CONFIG, MERMAID_VERSION, renderDiagramImages } from '../../src/render/mermaid/render-images.js';
import { valid } from '../helpers/project.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MMDC = join(REPO, 'node_modules', '.bin', 'mmdc');

export interface DiagramBenchOptions {
  /** Diagrams in the batch-against-mmdc comparison (default 50). */
  readonly count?: number;
  /** How many of the `count` mmdc runs are really timed; the rest are extrapolated (default: all). */
  readonly mmdcRuns?: number;
  /** Folder holding `architecture/` for the rebuild measure (default: the repo's sample, else the test fixture). */
  readonly project?: string;
  readonly print?: (line: string) => void;
}

export interface DiagramBenchResult {
  readonly count: number;
  readonly batchMs: number;
  /** Time for `count` mmdc runs (measured, or extrapolated from `mmdcMeasured` runs). */
  readonly mmdcMs: number;
  readonly mmdcMeasured: number;
  /** mmdcMs / batchMs: aim ≥ 10. */
  readonly batchSpeedup: number;
  readonly diagrams: number;
  readonly fullMs: number;
  readonly rebuildMs: number;
  /** Diagrams the rebuild drew again (should be 1). */
  readonly rebuildRendered: number;
  /** rebuildMs / fullMs: aim < 0.10. */
  readonly rebuildRatio: number;
}

function defaultProject(): string {
  return existsSync(join(REPO, 'architecture', 'agency.yaml')) ? REPO : join(REPO, 'tests', 'fixtures', 'valid', 'diagrams');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

function ratio(x: number, digits = 1): string {
  return x.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `count` diagrams of the project, repeated with a distinct comment when it has fewer. */
async function benchDiagrams(project: string, count: number): Promise<{ name: string; mermaid: string }[]> {
  const r = valid(await runPipeline({ root: 'architecture', cwd: project, today: '2026-09-30', rules: false }));
  const specs = diagramsFor(r.model, { asOf: r.asOf });
  return Array.from({ length: count }, (_, i) => {
    const s = specs[i % specs.length]!;
    return i < specs.length ? s : { name: `${s.name}-${i}`, mermaid: `${s.mermaid}%% lần ${i}\n` };
  });
}

async function timeBatch(diagrams: readonly { name: string; mermaid: string }[]): Promise<number> {
  const t0 = performance.now();
  const browser = new BrowserProvider(process.env);
  try {
    await renderDiagramImages(() => browser.get(), diagrams, { formats: ['svg'], concurrency: Math.max(1, Math.min(4, availableParallelism() - 1)) });
  } finally {
    await browser.close();
  }
  return performance.now() - t0;
}

function timeMmdc(diagrams: readonly { name: string; mermaid: string }[], runs: number, chromium: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'kientruc-bench-mmdc-'));
  try {
    writeFileSync(join(dir, 'puppeteer.json'), JSON.stringify({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'] }));
    writeFileSync(join(dir, 'mermaid.json'), JSON.stringify(MERMAID_CONFIG));
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      const input = join(dir, `d${i}.mmd`);
      writeFileSync(input, diagrams[i]!.mermaid);
      const r = spawnSync(MMDC, ['-q', '-p', join(dir, 'puppeteer.json'), '-c', join(dir, 'mermaid.json'), '-i', input, '-o', join(dir, `d${i}.svg`)], { encoding: 'utf8', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
      if (r.status !== 0) throw new Error(`mmdc failed on ${diagrams[i]!.name}: ${r.stderr}`);
    }
    return performance.now() - t0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `kientruc diagram` in-process; returns wall time and the "N vẽ mới" count it reports. */
async function timeDiagramCommand(cwd: string): Promise<{ ms: number; rendered: number; diagrams: number }> {
  let stderr = '';
  const t0 = performance.now();
  const code = await main(['diagram', 'architecture', '--out', 'out', '--as-of', '2026-09-30'], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    today: new Date('2026-09-30T00:00:00Z'),
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - t0;
  const m = /(\d+) sơ đồ \((\d+) vẽ mới/.exec(stderr);
  if (code !== 0 || !m) throw new Error(`kientruc diagram failed (${code}): ${stderr}`);
  return { ms, diagrams: Number(m[1]), rendered: Number(m[2]) };
}

/** Changes the last measurement of the first KPI that has one: only that KPI's chart changes. */
function changeOneKpi(architecture: string): void {
  const dir = join(architecture, 'kpis');
  for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : []) {
    const path = join(dir, file);
    const docs = parseAllDocuments(readFileSync(path, 'utf8'));
    for (const doc of docs) {
      const ms = doc.getIn(['measurements']) as { items?: unknown[] } | undefined;
      const n = ms?.items?.length ?? 0;
      if (n === 0) continue;
      const value = Number(doc.getIn(['measurements', n - 1, 'value']));
      doc.setIn(['measurements', n - 1, 'value'], Math.round((value + 0.1) * 10) / 10);
      writeFileSync(path, docs.map((d) => d.toString()).join(''));
      return;
    }
  }
  throw new Error('no KPI with a measurement to change');
}

async function timeRebuild(project: string): Promise<{ full: number; rebuild: number; rendered: number; diagrams: number }> {
  const cwd = mkdtempSync(join(tmpdir(), 'kientruc-bench-build-'));
  try {
    cpSync(join(project, 'architecture'), join(cwd, 'architecture'), { recursive: true });
    const full = await timeDiagramCommand(cwd);
    changeOneKpi(join(cwd, 'architecture'));
    const again = await timeDiagramCommand(cwd);
    return { full: full.ms, rebuild: again.ms, rendered: again.rendered, diagrams: full.diagrams };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

export async function runDiagramBench(opts: DiagramBenchOptions = {}): Promise<DiagramBenchResult> {
  const print = opts.print ?? ((line: string) => console.log(line));
  const count = opts.count ?? 50;
  const chromium = findChromium(process.env);
  if (!chromium) throw new Error('Chromium not found: the diagram benchmark needs it (install chromium or set KIENTRUC_CHROMIUM).');
  const project = opts.project ?? defaultProject();
  const diagrams = await benchDiagrams(project, count);
  const mmdcMeasured = Math.max(1, Math.min(count, opts.mmdcRuns ?? count));

  print(`Sơ đồ: ${count} sơ đồ từ ${project === REPO ? 'tỉnh mẫu architecture/' : 'bộ dữ liệu thử'} · Mermaid ${MERMAID_VERSION} · ${availableParallelism()} lõi CPU`);
  const batchMs = await timeBatch(diagrams);
  const mmdcRaw = timeMmdc(diagrams, mmdcMeasured, chromium);
  const mmdcMs = (mmdcRaw / mmdcMeasured) * count;
  const { full, rebuild, rendered, diagrams: total } = await timeRebuild(project);

  const result: DiagramBenchResult = {
    count,
    batchMs,
    mmdcMs,
    mmdcMeasured,
    batchSpeedup: mmdcMs / batchMs,
    diagrams: total,
    fullMs: full,
    rebuildMs: rebuild,
    rebuildRendered: rendered,
    rebuildRatio: rebuild / full,
  };
  const ok = (pass: boolean): string => (pass ? 'đạt' : 'CHƯA ĐẠT');
  const rows: [string, string, string][] = [
    [`${count} sơ đồ, một lô trong một Chromium (SVG)`, seconds(batchMs), '1×'],
    [
      `${count} lần chạy mmdc riêng lẻ (SVG)${mmdcMeasured < count ? `, ngoại suy từ ${mmdcMeasured} lần` : ''}`,
      seconds(mmdcMs),
      `${ratio(result.batchSpeedup)}× chậm hơn — mục tiêu ≥ 10×: ${ok(result.batchSpeedup >= 10)}`,
    ],
    [`kientruc diagram, dựng toàn bộ (${total} sơ đồ, SVG + PNG, bộ nhớ đệm trống)`, seconds(full), '100%'],
    [
      `dựng lại sau khi đổi 1 chỉ tiêu (${rendered} sơ đồ vẽ lại)`,
      seconds(rebuild),
      `${ratio(result.rebuildRatio * 100)}% — mục tiêu < 10%: ${ok(result.rebuildRatio < 0.1)}`,
    ],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length), 'Phép đo'.length);
  const w1 = Math.max(...rows.map((r) => r[1].length), 'Thời gian'.length);
  print(`| ${'Phép đo'.padEnd(w0)} | ${'Thời gian'.padStart(w1)} | Tỷ lệ |`);
  print(`| ${'-'.repeat(w0)} | ${'-'.repeat(w1)}:| --- |`);
  for (const [a, b, c] of rows) print(`| ${a.padEnd(w0)} | ${b.padStart(w1)} | ${c} |`);
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const arg = (flag: string): string | undefined => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const mmdcRuns = arg('--mmdc-runs');
  const project = arg('--project');
  await runDiagramBench({ ...(mmdcRuns ? { mmdcRuns: Number(mmdcRuns) } : {}), ...(project ? { project: resolve(project) } : {}) });
}

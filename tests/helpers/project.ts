import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runPipeline, type PipelineOptions, type PipelineResult } from '../../src/pipeline.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO, 'dist', 'cli', 'bin.js');
/** Pinned report date of every test (golden files never hold the real date). */
export const AS_OF = '2026-01-15';
export const TODAY = new Date('2026-01-15T08:00:00Z');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes an inline file map into a fresh temp folder and returns its path. */
export function makeProject(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kientruc-test-'));
  made.push(dir);
  for (const [path, contents] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  return dir;
}

/** A minimal valid agency document; most tests add to it. */
export const AGENCY = `apiVersion: kientruc/v1
kind: Agency
id: tinh-thu
name: Ủy ban nhân dân tỉnh Thử
framework: vn-2025
level: province
code: 000.00.00.H98
`;

/** Runs the real pipeline over an inline project (files are relative to the project root). */
export async function pipelineFor(
  files: Record<string, string>,
  opts: Partial<PipelineOptions> & { root?: string } = {},
): Promise<PipelineResult> {
  const dir = makeProject(files);
  return runPipeline({ root: opts.root ?? 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: true, ...opts });
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main()` in-process with fake streams. */
export async function runMain(argv: readonly string[], cwd: string): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    today: TODAY,
    env: { NO_COLOR: '1' },
  });
  return { code, stdout, stderr };
}

/** Spawns the built bin, as users and CI run it. */
export function runBin(argv: readonly string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { isStructuralError } from '../../src/core/diagnostic.js';
import { runPipeline, type PipelineOptions, type PipelineResult, type ValidPipelineResult } from '../../src/pipeline.js';
import type { RenderContext } from '../../src/render/types.js';
import { makeTempDir } from './tmp.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO, 'dist', 'cli', 'bin.js');
/** Pinned report date of every test (golden files never hold the real date). */
export const AS_OF = '2026-01-15';

/** The YAML files under `dir`, every level, in sorted path order (absolute paths). */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e)) out.push(p);
  }
  return out;
}
export const TODAY = new Date('2026-01-15T08:00:00Z');

/** Writes an inline file map into a fresh temp folder (removed when the test file ends) and returns its path. */
export function makeProject(files: Record<string, string | Uint8Array>): string {
  const dir = makeTempDir('project-');
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

/**
 * The run, narrowed to a valid one (its model is a `ValidModel`, what renderers take); throws, listing
 * the structural errors, when the fixture does not pass validation.
 */
export function valid(r: PipelineResult): ValidPipelineResult {
  if (!r.structuralErrors) return r;
  const errors = r.diagnostics.filter(isStructuralError).map((d) => `${d.file}:${d.range.start.line}:${d.range.start.col} ${d.code} ${d.message.en}`);
  throw new Error(`the fixture has structural errors, so nothing can be rendered from it:\n${errors.join('\n')}`);
}

/** `pipelineFor` for a fixture that must pass validation. */
export async function validPipelineFor(files: Record<string, string>, opts: Partial<PipelineOptions> & { root?: string } = {}): Promise<ValidPipelineResult> {
  return valid(await pipelineFor(files, opts));
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main()` in-process with fake streams; `env` is all the command sees of the environment. */
export async function runMain(argv: readonly string[], cwd: string, env: Record<string, string> = { NO_COLOR: '1' }): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    today: TODAY,
    env,
  });
  return { code, stdout, stderr };
}

/**
 * `runMain` with the environment the bin would see (the test's, NO_COLOR and `env` on top): a command
 * line in-process, where the test is about the command, not about a process of its own.
 */
export function runCli(argv: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  const all = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: '1', ...env }).filter((e): e is [string, string] => e[1] !== undefined));
  return runMain(argv, cwd, all);
}

/** Spawns the built bin, as users and CI run it. */
export function runBin(argv: readonly string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 600_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The render context of a checked pipeline result, as the CLI makes it (Vietnamese, no Chromium unless `extra` gives one). */
export function renderContextOf(r: ValidPipelineResult, extra: Partial<RenderContext> = {}): RenderContext {
  return { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', log: () => undefined, browser: undefined, ...extra };
}

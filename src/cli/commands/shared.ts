import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { FailOn } from '../../core/severity.js';
import { FORMAT_NAMES, type FormatName } from '../../diagnostics/format/index.js';
import { runPipeline, type PipelineResult, type ValidPipelineResult } from '../../pipeline.js';
import type { BrowserProvider } from '../../render/browser.js';
import type { RenderCache, RenderContext } from '../../render/types.js';
import { FileRenderCache } from '../../write/render-cache.js';
import type { OutputDir } from '../../write/write-generated.js';
import { parseAsOf, parseMegabytes, type App } from '../app.js';
import { step } from '../progress.js';
import { describeState, parseState } from '../../model/states.js';
import { countEn, pick } from '../../core/text.js';

export const DEFAULT_ROOT = 'architecture';
export const DEFAULT_OUT = 'generated';

export interface InputOptions {
  asOf?: string;
  /** `--state` (commands that take addStateOption). */
  state?: string;
  maxFileSize?: string;
  config?: string;
  cache?: boolean;
  cacheDir?: string;
}

export const DEFAULT_CACHE_DIR = '.kientruc-cache';

export interface ReportOptions {
  format: FormatName;
  output?: string;
  failOn: FailOn;
}

/** `--as-of`, `--max-file-size`: options of every command that reads an architecture folder. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--as-of <date>', 'ngày chốt số liệu YYYY-MM-DD, cũng là ngày của hiện trạng (mặc định: asOf trong agency.yaml, hoặc hôm nay)')
    .option('--max-file-size <MB>', 'bỏ qua tệp YAML lớn hơn giới hạn này', '8')
    .option('--cache-dir <dir>', `thư mục bộ nhớ đệm theo nội dung (mặc định ${DEFAULT_CACHE_DIR}, hoặc biến môi trường KIENTRUC_CACHE_DIR)`)
    .option('--no-cache', 'không đọc, không ghi bộ nhớ đệm');
}

/**
 * `--state`: which state of the architecture the command reads (model/states.ts). `current` is the
 * reference date (--as-of, else asOf in agency.yaml); rules, views and documents all see that state.
 */
export function addStateOption(cmd: Command): Command {
  return cmd.option(
    '--state <state>',
    'trạng thái kiến trúc: current (hiện trạng tại ngày chốt số liệu, mặc định), target:YYYY (kiến trúc mục tiêu, 31/12 năm đó), YYYY hoặc YYYY-MM-DD',
  );
}

/** `--force`: options of every command that writes an output folder (docs/outputs.md). */
export function addForceOption(cmd: Command): Command {
  return cmd.option(
    '--force',
    'ghi vào thư mục đã có tệp không do kientruc tạo: ghi bên cạnh, không xóa hay ghi đè tệp nào của bạn (xem docs/outputs.md)',
  );
}

/**
 * The options every command that renders an architecture into an output folder shares (input,
 * `--state`, `--force`), and its "Ví dụ:" help section.
 */
export function addOutputCommandOptions(cmd: Command, examples: string): Command {
  addForceOption(addStateOption(addInputOptions(cmd)));
  return cmd.addHelpText('after', `\nVí dụ:\n${examples}`);
}

/**
 * Claims `--out` before any work: refuses (exit 2, one line) a folder kientruc must not write to —
 * the architecture folder(s) in `sources` or around them, a git repository, home, /, a file, a
 * folder of someone else's files (unless --force). See src/write/write-generated.ts.
 */
export async function claimOutputFor(app: App, out: string, sources: readonly string[], force: boolean | undefined): Promise<OutputDir> {
  // Loaded here: the commands that only read (check, validate) never load the output writer.
  const { claimOutput } = await import('../../write/write-generated.js');
  return claimOutput({ out, cwd: app.io.cwd, sources, home: app.io.env['HOME'] ?? homedir(), force, version: app.version });
}

/** `--config`: options of commands that run the conformance rules. */
export function addConfigOption(cmd: Command): Command {
  return cmd.option(
    '--config <file>',
    'tệp cấu hình quy tắc và miễn trừ (mặc định: kientruc.config.yaml cạnh thư mục kiến trúc, rồi trong thư mục đó)',
  );
}

/** `--format`, `--output`, `--fail-on`: options of commands that report diagnostics. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'định dạng kết quả').choices(FORMAT_NAMES).default('stylish'))
    .option('-o, --output <file>', 'ghi kết quả vào tệp thay vì stdout')
    .addOption(
      new Option('--fail-on <severity>', 'mức nghiêm trọng thấp nhất làm lệnh trả mã thoát 1')
        .choices(['error', 'warning', 'info', 'none'])
        .default('error'),
    );
}

/**
 * `--no-daemon` (check, validate): run in this process even when a daemon serves the folder. The
 * option is read by the bin's fast path (daemon/client.ts) before commander; here it is only accepted.
 */
export function addDaemonOption(cmd: Command): Command {
  return cmd.option('--no-daemon', 'không dùng daemon đang chạy cho thư mục này (xem kientruc daemon)');
}

/** The content-hash cache folder the options select (`--cache-dir`, KIENTRUC_CACHE_DIR, default), or undefined with `--no-cache`. */
export function cacheDirFor(app: App, opts: InputOptions): string | undefined {
  return opts.cache === false ? undefined : resolve(app.io.cwd, opts.cacheDir ?? app.io.env['KIENTRUC_CACHE_DIR'] ?? DEFAULT_CACHE_DIR);
}

/** Rendered diagrams are cached beside the parsed files, in their own `render/` folder of the same cache. */
export function renderCacheFor(app: App, opts: InputOptions): FileRenderCache | undefined {
  const dir = cacheDirFor(app, opts);
  return dir === undefined ? undefined : new FileRenderCache(join(dir, 'render'));
}

/** What every renderer reads, from a command's pipeline result; the browser and cache are the caller's to close. */
export function renderContextFor(
  app: App,
  result: ValidPipelineResult,
  browser: BrowserProvider | undefined,
  cache: RenderCache | undefined,
): RenderContext {
  return {
    model: result.model,
    diagnostics: result.diagnostics,
    rules: result.rules,
    asOf: result.asOf,
    state: result.state,
    lang: app.lang,
    toolVersion: app.version,
    log: (m) => app.log.info(pick(m, app.lang)),
    browser,
    assets: result.assets,
    cache,
  };
}

export async function loadForCommand(
  app: App,
  dir: string,
  opts: InputOptions,
  rules: boolean,
): Promise<PipelineResult> {
  const started = performance.now();
  const asOf = parseAsOf(opts.asOf);
  const state = opts.state === undefined ? undefined : parseState(opts.state);
  const maxFileBytes = parseMegabytes(opts.maxFileSize);
  const cacheDir = cacheDirFor(app, opts);
  const parallelEnv = app.io.env['KIENTRUC_PARALLEL'];
  const label = app.lang === 'en' ? `Reading and checking ${dir}` : `Đọc và kiểm tra ${dir}`;
  const run = app.io.pipeline ?? runPipeline;
  const result = await step(app, label, () => run({
    cacheDir,
    parallel: parallelEnv === '0' ? 'off' : parallelEnv === '1' ? 'force' : 'auto',
    root: dir,
    cwd: app.io.cwd,
    today: app.today,
    rules,
    ...(asOf ? { asOf } : {}),
    ...(state ? { state } : {}),
    ...(opts.config !== undefined ? { config: opts.config } : {}),
    ...(maxFileBytes ? { maxFileBytes } : {}),
    // The size read, before parsing: named if memory runs out, and what sets the heap growth (bin.ts).
    ...(app.io.onLoaded ? { onRead: app.io.onLoaded } : {}),
  }));
  if (result.state !== undefined && (state !== undefined || asOf !== undefined)) {
    app.log.info(pick(describeState(result.state.spec, result.state.date), app.lang));
  }
  const ms = performance.now() - started;
  const entities = result.loaded.docs.length;
  const files = result.loaded.files.length;
  app.log.debug(
    app.lang === 'en'
      ? `${countEn(files, 'file')}, ${countEn(entities, 'document')}, ${countEn(result.rules.length, 'rule')}, as of ${result.asOf}, ${ms.toFixed(0)} ms`
      : `${files} tệp, ${entities} tài liệu, ${result.rules.length} quy tắc, ngày chốt ${result.asOf}, ${ms.toFixed(0)} ms`,
  );
  if (result.config.file !== undefined) {
    const settings = Object.keys(result.config.rules).length;
    const waivers = result.config.waivers.length;
    app.log.debug(
      app.lang === 'en'
        ? `Configuration: ${result.config.file} (${countEn(settings, 'rule setting')}, ${countEn(waivers, 'waiver')})`
        : `Cấu hình: ${result.config.file} (${settings} thiết lập quy tắc, ${waivers} miễn trừ)`,
    );
  }
  return result;
}

/** A command that reads one architecture folder: its name, summary, description and the `[dir]` argument. */
export function architectureCommand(program: Command, name: string, summary: string, description: string): Command {
  return program.command(name).summary(summary).description(description).argument('[dir]', 'thư mục kiến trúc', DEFAULT_ROOT);
}

/**
 * kientruc as a library: load, validate and check an architecture folder, build the analysis view
 * models (gap report, periodic report, diagrams) and render them. The names here are the stable public
 * API (semver); everything else under dist/ is internal and may change in any release.
 *
 * Like the CLI, the API never reads the clock: pass `today` (or `asOf`), so the same input gives the
 * same output, byte for byte.
 */
import { resolve } from 'node:path';
import { buildGapReport, type GapReport } from './analysis/gap-report.js';
import { buildPeriodicReport, type PeriodicReport } from './analysis/periodic.js';
import { defaultReportPeriod } from './analysis/periods.js';
import { aString, anArray, anObject, fail, guarded, guardedAsync, isoDate, listOf, oneOf, optionsObject, requireFile, requireFolder } from './api/arguments.js';
import { parsePeriod, type IsoDate, type Period } from './core/dates.js';
import type { Diagnostic } from './core/diagnostic.js';
import type { FailOn } from './core/severity.js';
import { LANGS, text, type Lang } from './core/text.js';
import { allCodeInfos } from './diagnostics/all-codes.js';
import { exitCodeFor } from './diagnostics/exit-code.js';
import { reportedFiles, type CodeInfo } from './diagnostics/format/context.js';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from './diagnostics/format/index.js';
import type { FrameworkPack } from './framework/types.js';
import { PROJECT_LINKS, TOOL_VERSION } from './load/package-info.js';
import type { Model } from './model/model.js';
import * as states from './model/states.js';
import type { StateOptions, StateSpec, Transition } from './model/states.js';
import type { ValidModel } from './model/valid.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { RULES } from './rules/index.js';
import { REPORT_FORMATS, renderGapReport as renderGapFiles, type ReportFormat } from './render/gap/gap-report.js';
import { diagramsFor } from './render/mermaid/diagrams.js';
import type { DiagramSpec } from './render/mermaid/types.js';
import { renderPeriodicReport as renderPeriodicFiles } from './render/periodic/periodic-report.js';
import type { GeneratedFile, RenderContext } from './render/types.js';

export interface LoadOptions {
  /** The architecture folder (`architecture`), resolved from `cwd`. */
  readonly root: string;
  /**
   * The folder `root`, `config` and `cacheDir` are resolved from (default: `process.cwd()`). It does not
   * change any output: paths in diagnostics and `files` are relative to the git repository holding
   * `root`, or to `root`'s parent outside git, so the same files give the same bytes from anywhere.
   */
  readonly cwd?: string;
  /** The date the run is for when neither `asOf` nor the agency's `asOf` gives one (YYYY-MM-DD). */
  readonly today: IsoDate | string;
  /** Report date (YYYY-MM-DD); default: `asOf` in agency.yaml, else `today`. */
  readonly asOf?: IsoDate | string;
  /** Rule and waiver configuration file, resolved from `cwd`; default: kientruc.config.yaml next to, then inside, `root`. */
  readonly config?: string;
  /** Content-addressed cache folder (e.g. `.kientruc-cache`), resolved from `cwd`; default: no cache. */
  readonly cacheDir?: string;
  /**
   * The state to load: `current` (default; dated by `asOf`, else the agency's `asOf`), `target:2030`,
   * `2027` or `2027-06-30` (see `parseState`). Rules and view models see that state.
   */
  readonly state?: string | StateSpec;
}

/** A loaded architecture: the read-only model, its framework pack and what loading found. */
export interface Architecture {
  readonly model: Model;
  readonly pack: FrameworkPack;
  /** Every finding, sorted by file and position: YAML, schema and reference problems (and rule findings after `check`). */
  readonly diagnostics: readonly Diagnostic[];
  /** The report date the run used. */
  readonly asOf: IsoDate;
  /** The state `model` shows and its date; undefined when the model is as written (no reference date). */
  readonly state: { readonly spec: StateSpec; readonly date: IsoDate } | undefined;
  /**
   * Files read, `/`-separated, relative to the git repository holding `root` (its top level), or to
   * `root`'s parent when `root` is not in a git repository: the same base as every diagnostic's `file`.
   */
  readonly files: readonly string[];
  /** True when YAML, schema or reference errors make the model unfit for reports and documents. */
  readonly structuralErrors: boolean;
  /** The pipeline's own result, for the view models (not part of the stable API). */
  readonly internal: PipelineResult;
}

const STATE_KINDS = ['current', 'target', 'date'] as const;

/** The options, checked at run time (plain JavaScript callers), and the folder and configuration file they name. */
async function checkedOptions(opts: unknown): Promise<{ root: string; cwd: string; today: IsoDate; asOf?: IsoDate; config?: string; cacheDir?: string; state?: StateSpec }> {
  const o = optionsObject('options', opts, ['root', 'cwd', 'today', 'asOf', 'config', 'cacheDir', 'state']);
  const root = aString('options.root', o['root']);
  const cwd = o['cwd'] === undefined ? process.cwd() : aString('options.cwd', o['cwd']);
  const today = isoDate('options.today', o['today']);
  const asOf = o['asOf'] === undefined ? undefined : isoDate('options.asOf', o['asOf']);
  const config = o['config'] === undefined ? undefined : aString('options.config', o['config']);
  // Resolved here: the cache itself would resolve a relative folder from the process's directory.
  const cacheDir = o['cacheDir'] === undefined ? undefined : resolve(cwd, aString('options.cacheDir', o['cacheDir']));
  let state: StateSpec | undefined;
  if (typeof o['state'] === 'string') state = parseState(o['state']);
  else if (o['state'] !== undefined) {
    oneOf('options.state.kind', anObject('options.state', o['state'])['kind'], STATE_KINDS);
    state = o['state'] as StateSpec;
  }
  await requireFolder(root, cwd);
  if (config !== undefined) await requireFile(config, cwd);
  return { root, cwd, today, ...(asOf !== undefined ? { asOf } : {}), ...(config !== undefined ? { config } : {}), ...(cacheDir !== undefined ? { cacheDir } : {}), ...(state !== undefined ? { state } : {}) };
}

async function run(opts: LoadOptions, rules: boolean): Promise<Architecture> {
  return guardedAsync(async () => {
    const o = await checkedOptions(opts);
    const r = await runPipeline({ ...o, cacheDir: o.cacheDir, rules });
    return {
      model: r.model,
      pack: r.pack,
      diagnostics: r.diagnostics,
      asOf: r.asOf,
      state: r.state,
      files: r.loaded.files.map((f) => f.file),
      structuralErrors: r.structuralErrors,
      internal: r,
    };
  });
}

/** `arch` as `load` or `check` returned it. */
function checkedArch(arch: unknown): Architecture {
  const a = anObject('arch', arch);
  if (!Array.isArray(a['diagnostics']) || typeof a['internal'] !== 'object' || a['internal'] === null) {
    fail('KIENTRUC_INVALID_ARGUMENT', text('arch phải là kết quả của load() hoặc check().', 'arch must be what load() or check() returned.'));
  }
  return a as unknown as Architecture;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

/** Reads every YAML file under `root`, validates it against the schema and resolves references; no conformance rules. */
export async function load(opts: LoadOptions): Promise<Architecture> {
  return run(opts, false);
}

/** What `kientruc validate` reports: YAML, schema and reference diagnostics. */
export async function validate(opts: LoadOptions): Promise<readonly Diagnostic[]> {
  return (await run(opts, false)).diagnostics;
}

/** What `kientruc check` does: `load`, then every conformance rule, waivers and configuration applied. */
export async function check(opts: LoadOptions): Promise<Architecture> {
  return run(opts, true);
}

/**
 * The CLI's exit code for these diagnostics: 0 pass, 1 findings at `failOn` or above (unwaived), 2 internal errors.
 * Throws `KIENTRUC_INVALID_ARGUMENT` for a `failOn` other than `error`, `warning`, `info`, `none`.
 */
export function exitCode(diagnostics: readonly Diagnostic[], failOn: FailOn = 'error'): 0 | 1 | 2 {
  anArray('diagnostics', diagnostics);
  return exitCodeFor(diagnostics, oneOf('failOn', failOn, FAIL_ON));
}

/** Every registered rule and built-in diagnostic code, with its description and legal source. */
export function diagnosticCodes(): readonly CodeInfo[] {
  return allCodeInfos();
}

/** Options of `formatDiagnostics`: the CLI's `--lang` and `--fail-on`. */
export interface FormatOptions {
  /** Language of messages and fixes (default `vi`). */
  readonly lang?: Lang;
  /** JUnit: the findings that become `<failure>`, as `kientruc check --fail-on` (default `error`). */
  readonly failOn?: FailOn;
}

/**
 * Diagnostics as `kientruc check --format <format>` prints them (stylish, json, sarif, junit, github),
 * byte for byte for the same run and options: the same files, codes and tool version. Throws
 * `KIENTRUC_INVALID_ARGUMENT` for another format, language or `failOn`, or an `arch` not from `load`/`check`.
 */
export function formatDiagnostics(arch: Architecture, format: FormatName, opts: FormatOptions = {}): string {
  const a = checkedArch(arch);
  const name = oneOf('format', format, FORMAT_NAMES);
  const o = optionsObject('options', opts, ['lang', 'failOn']);
  const lang = o['lang'] === undefined ? 'vi' : oneOf('options.lang', o['lang'], LANGS);
  const failOn = o['failOn'] === undefined ? undefined : oneOf('options.failOn', o['failOn'], FAIL_ON);
  return guarded(() =>
    FORMATTERS[name](a.diagnostics, {
      codes: allCodeInfos(),
      toolVersion: TOOL_VERSION,
      color: false,
      lang,
      files: reportedFiles(a.internal),
      links: PROJECT_LINKS,
      ...(failOn !== undefined ? { failOn } : {}),
    }),
  );
}

/**
 * The model a view model is built from, once loading found no YAML, schema or reference error (reports
 * on a broken model would be wrong, so they are refused, as `kientruc build` refuses to write them).
 */
function validModel(arch: Architecture): ValidModel {
  const r = checkedArch(arch).internal;
  if (r.structuralErrors) {
    fail(
      'KIENTRUC_STRUCTURAL_ERRORS',
      text(
        'Kiến trúc có lỗi YAML, lược đồ hoặc tham chiếu (xem diagnostics): sửa chúng trước khi lập báo cáo hoặc sơ đồ.',
        'The architecture has YAML, schema or reference errors (see diagnostics): fix them before building reports or diagrams.',
      ),
    );
  }
  return r.model;
}

/** The report period asked for, or the latest finished one. */
function periodOf(model: ValidModel, arch: Architecture, period: unknown): Period {
  if (period === undefined) return defaultReportPeriod(model, arch.asOf);
  const p = typeof period === 'string' ? parsePeriod(period) : undefined;
  if (p !== undefined) return p;
  return fail(
    'KIENTRUC_INVALID_ARGUMENT',
    text(`period ${JSON.stringify(period)} không hợp lệ: dùng 2025, 2025-H1, 2025-Q4 hoặc 2025-03.`, `period ${JSON.stringify(period)} is not valid: use 2025, 2025-H1, 2025-Q4 or 2025-03.`),
  );
}

/** The gap report's view model (national targets, coverage, scorecards, findings, to-do), from a `check` result. */
export function gapReport(arch: Architecture): GapReport {
  const model = validModel(arch);
  return guarded(() => buildGapReport({ model, diagnostics: arch.diagnostics, codes: diagnosticCodes(), asOf: arch.asOf }));
}

/** The periodic report's view model for `period` (`2025-Q4`, `2025-H1`, `2025`, `2025-03`; default: the latest finished one). */
export function periodicReport(arch: Architecture, period?: string): PeriodicReport {
  const model = validModel(arch);
  const p = periodOf(model, arch, period);
  return guarded(() => buildPeriodicReport(model, p, arch.asOf));
}

/** Every diagram of the model as Mermaid text (landscape, integrations, data, security, roadmap, KPIs, contexts). */
export function diagrams(arch: Architecture, opts: { readonly maxNodes?: number } = {}): readonly DiagramSpec[] {
  const model = validModel(arch);
  const maxNodes = optionsObject('options', opts, ['maxNodes'])['maxNodes'];
  if (maxNodes !== undefined && !(typeof maxNodes === 'number' && Number.isInteger(maxNodes) && maxNodes > 0)) {
    fail('KIENTRUC_INVALID_ARGUMENT', text(`options.maxNodes phải là số nguyên dương; nhận được ${String(maxNodes)}.`, `options.maxNodes must be a positive whole number; got ${String(maxNodes)}.`));
  }
  return guarded(() => diagramsFor(model, { asOf: arch.asOf, ...(maxNodes !== undefined ? { maxNodes } : {}) }));
}

/** `gap-report.{md,html,json}` as files (path relative to the output folder, contents). */
export function renderGapReport(report: GapReport, formats: readonly ReportFormat[] = ['md', 'html', 'json']): GeneratedFile[] {
  anObject('report', report);
  const chosen = listOf('formats', formats, REPORT_FORMATS);
  return guarded(() => renderGapFiles(report, chosen));
}

/**
 * The periodic report (Báo cáo định kỳ, NĐ 30/2020 frame) for `period` (default: the latest finished
 * one) as files `bao-cao-dinh-ky-<period>.{md,html,json}`; PDF and DOCX need the CLI's browser.
 */
export async function renderPeriodicReport(arch: Architecture, period?: string, formats: readonly ('md' | 'html' | 'json')[] = ['md', 'html', 'json']): Promise<GeneratedFile[]> {
  const model = validModel(arch);
  const p = periodOf(model, arch, period);
  const chosen = listOf('formats', formats, ['md', 'html', 'json'] as const);
  const ctx: RenderContext = { model, diagnostics: arch.diagnostics, rules: RULES, asOf: arch.asOf, lang: 'vi', toolVersion: TOOL_VERSION, log: () => undefined, browser: undefined };
  return guardedAsync(() => renderPeriodicFiles(ctx, p, chosen));
}

/** A state from its text: `current`, `target:2030`, `2027`, `2027-06-30`; throws `KIENTRUC_INVALID_ARGUMENT` otherwise. */
export function parseState(raw: string): StateSpec {
  return guarded(() => states.parseState(aString('state', raw)));
}

/** `current` needs a date: the caller's `asOf`, else the agency's (the CLI's own message names its --as-of option). */
function requireStateDate(model: Model, state: StateSpec | IsoDate, opts: StateOptions): void {
  if (states.stateDate(model, state, opts) !== undefined) return;
  fail(
    'KIENTRUC_INVALID_ARGUMENT',
    text('Trạng thái "current" cần ngày chốt số liệu: truyền { asOf } hoặc khai báo asOf trong agency.yaml.', 'State "current" needs a reference date: pass { asOf } or set asOf in agency.yaml.'),
  );
}

/** The model at `state` (see docs/model.md), a `ValidModel` staying one; throws `KIENTRUC_INVALID_ARGUMENT` for `current` with no date. */
export function modelAt<M extends Model>(model: M, state: StateSpec | IsoDate, opts: StateOptions = {}): M {
  requireStateDate(model, state, opts);
  return guarded(() => states.modelAt(model, state, opts));
}

/** The planned steps between two states, in date order; throws `KIENTRUC_INVALID_ARGUMENT` for `current` with no date. */
export function transitionsBetween(model: Model, from: StateSpec | IsoDate, to: StateSpec | IsoDate, opts: StateOptions = {}): readonly Transition[] {
  requireStateDate(model, from, opts);
  requireStateDate(model, to, opts);
  return guarded(() => states.transitionsBetween(model, from, to, opts));
}

export { KientrucError, type KientrucErrorCode } from './core/errors.js';
export type { Diagnostic, DiagramSpec, FailOn, FormatName, FrameworkPack, GapReport, GeneratedFile, IsoDate, Lang, Model, PeriodicReport, ReportFormat, CodeInfo };
export type { Severity } from './core/severity.js';
export type { Range, Position } from './core/source.js';
export type { Text } from './core/text.js';
export type { Agency, Dataset, Entity, Integration, Kpi, Organization, System, Task } from './model/types.js';

// Time in the model: states (current, target:YYYY, a year or a day) and the computed roadmap.
export {
  baseOf,
  dateOfState,
  describeState,
  existsAt,
  lifespanOf,
  stateDate,
  STATE_FORMS,
  transitionsOf,
  valueAt,
  type FieldChange,
  type StateOptions,
  type StateSpec,
  type Transition,
} from './model/states.js';
export { isTimePoint, TIME_FIELDS, TIMED_KINDS, timePointDate, type TimedKind, type TimePoint } from './core/time-fields.js';
export type { ValidModel } from './model/valid.js';

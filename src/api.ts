/**
 * kientruc as a library: load, validate and check an architecture folder, build the analysis view
 * models (gap report, periodic report, diagrams) and render them. The names here are the stable public
 * API (semver); everything else under dist/ is internal and may change in any release.
 *
 * Like the CLI, the API never reads the clock: pass `today` (or `asOf`), so the same input gives the
 * same output, byte for byte.
 */
import { buildGapReport, type GapReport } from './analysis/gap-report.js';
import { buildPeriodicReport, type PeriodicReport } from './analysis/periodic.js';
import { defaultReportPeriod } from './analysis/periods.js';
import { isIsoDate, parsePeriod, type IsoDate } from './core/dates.js';
import type { Diagnostic } from './core/diagnostic.js';
import { UsageError } from './core/errors.js';
import type { FailOn } from './core/severity.js';
import type { Lang } from './core/text.js';
import { BUILTIN_CODES } from './diagnostics/codes.js';
import { exitCodeFor } from './diagnostics/exit-code.js';
import type { CodeInfo } from './diagnostics/format/context.js';
import { FORMATTERS, type FormatName } from './diagnostics/format/index.js';
import type { FrameworkPack } from './framework/types.js';
import type { Model } from './model/model.js';
import { parseState, type StateSpec } from './model/states.js';
import type { ValidModel } from './model/valid.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { ALL_RULE_METAS, RULES } from './rules/index.js';
import { renderGapReport as renderGapFiles, type ReportFormat } from './render/gap/gap-report.js';
import { diagramsFor } from './render/mermaid/diagrams.js';
import type { DiagramSpec } from './render/mermaid/types.js';
import { renderPeriodicReport as renderPeriodicFiles } from './render/periodic/periodic-report.js';
import type { GeneratedFile, RenderContext } from './render/types.js';

export interface LoadOptions {
  /** The architecture folder (`architecture`), relative to `cwd`. */
  readonly root: string;
  /** Folder paths are resolved from and shown relative to (default: `process.cwd()`). */
  readonly cwd?: string;
  /** The date the run is for when neither `asOf` nor the agency's `asOf` gives one (YYYY-MM-DD). */
  readonly today: IsoDate | string;
  /** Report date (YYYY-MM-DD); default: `asOf` in agency.yaml, else `today`. */
  readonly asOf?: IsoDate | string;
  /** Rule and waiver configuration file; default: kientruc.config.yaml next to, then inside, `root`. */
  readonly config?: string;
  /** Content-addressed cache folder (e.g. `.kientruc-cache`); default: no cache. */
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
  /** Files read, relative to `cwd`. */
  readonly files: readonly string[];
  /** True when YAML, schema or reference errors make the model unfit for reports and documents. */
  readonly structuralErrors: boolean;
  /** The pipeline's own result, for the view models (not part of the stable API). */
  readonly internal: PipelineResult;
}

function isoOrThrow(name: string, value: string): IsoDate {
  if (!isIsoDate(value)) throw new UsageError(`${name} "${value}" is not a date YYYY-MM-DD.`);
  return value;
}

async function run(opts: LoadOptions, rules: boolean): Promise<Architecture> {
  const r = await runPipeline({
    root: opts.root,
    cwd: opts.cwd ?? process.cwd(),
    today: isoOrThrow('today', opts.today),
    ...(opts.asOf !== undefined ? { asOf: isoOrThrow('asOf', opts.asOf) } : {}),
    ...(opts.config !== undefined ? { config: opts.config } : {}),
    cacheDir: opts.cacheDir,
    ...(opts.state !== undefined ? { state: typeof opts.state === 'string' ? parseState(opts.state) : opts.state } : {}),
    rules,
  });
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
}

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

/** The CLI's exit code for these diagnostics: 0 pass, 1 findings at `failOn` or above (unwaived), 2 internal errors. */
export function exitCode(diagnostics: readonly Diagnostic[], failOn: FailOn = 'error'): 0 | 1 | 2 {
  return exitCodeFor(diagnostics, failOn);
}

/** Every registered rule and built-in diagnostic code, with its description and legal source. */
export function diagnosticCodes(): readonly CodeInfo[] {
  return [
    ...ALL_RULE_METAS.map((r) => ({ id: r.id, severity: r.severity, description: r.description, help: r.help, legalRef: r.legalRef })),
    ...BUILTIN_CODES,
  ];
}

/** Diagnostics as `kientruc check --format <format>` prints them (stylish, json, sarif, junit, github). */
export function formatDiagnostics(arch: Architecture, format: FormatName, opts: { readonly lang?: Lang; readonly toolVersion?: string } = {}): string {
  return FORMATTERS[format](arch.diagnostics, {
    codes: diagnosticCodes(),
    toolVersion: opts.toolVersion ?? 'api',
    color: false,
    lang: opts.lang ?? 'vi',
    files: arch.files,
  });
}

/**
 * The model a view model is built from, once loading found no YAML, schema or reference error (reports
 * on a broken model would be wrong, so they are refused, as `kientruc build` refuses to write them).
 */
function validModel(arch: Architecture): ValidModel {
  const r = arch.internal;
  if (r.structuralErrors) {
    throw new UsageError('the architecture has YAML, schema or reference errors (see .diagnostics): fix them before building reports or diagrams.');
  }
  return r.model;
}

/** The gap report's view model (national targets, coverage, scorecards, findings, to-do), from a `check` result. */
export function gapReport(arch: Architecture): GapReport {
  return buildGapReport({ model: validModel(arch), diagnostics: arch.diagnostics, codes: diagnosticCodes(), asOf: arch.asOf });
}

/** The periodic report's view model for `period` (`2025-Q4`, `2025-H1`, `2025`, `2025-03`; default: the latest finished one). */
export function periodicReport(arch: Architecture, period?: string): PeriodicReport {
  const model = validModel(arch);
  const p = period === undefined ? defaultReportPeriod(model, arch.asOf) : parsePeriod(period);
  if (p === undefined) throw new UsageError(`period "${String(period)}" is not 2025, 2025-H1, 2025-Q4 or 2025-03.`);
  return buildPeriodicReport(model, p, arch.asOf);
}

/** Every diagram of the model as Mermaid text (landscape, integrations, data, security, roadmap, KPIs, contexts). */
export function diagrams(arch: Architecture, opts: { readonly maxNodes?: number } = {}): readonly DiagramSpec[] {
  return diagramsFor(validModel(arch), { asOf: arch.asOf, ...(opts.maxNodes !== undefined ? { maxNodes: opts.maxNodes } : {}) });
}

/** `gap-report.{md,html,json}` as files (path relative to the output folder, contents). */
export function renderGapReport(report: GapReport, formats: readonly ReportFormat[] = ['md', 'html', 'json']): GeneratedFile[] {
  return renderGapFiles(report, formats);
}

/**
 * The periodic report (Báo cáo định kỳ, NĐ 30/2020 frame) for `period` (default: the latest finished
 * one) as files `bao-cao-dinh-ky-<period>.{md,html,json}`; PDF and DOCX need the CLI's browser.
 */
export async function renderPeriodicReport(arch: Architecture, period?: string, formats: readonly ('md' | 'html' | 'json')[] = ['md', 'html', 'json']): Promise<GeneratedFile[]> {
  const model = validModel(arch);
  const p = period === undefined ? defaultReportPeriod(model, arch.asOf) : parsePeriod(period);
  if (p === undefined) throw new UsageError(`period "${String(period)}" is not 2025, 2025-H1, 2025-Q4 or 2025-03.`);
  const ctx: RenderContext = { model, diagnostics: arch.diagnostics, rules: RULES, asOf: arch.asOf, lang: 'vi', toolVersion: 'api', log: () => undefined, browser: undefined };
  return renderPeriodicFiles(ctx, p, formats);
}

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
  modelAt,
  parseState,
  stateDate,
  STATE_FORMS,
  transitionsBetween,
  transitionsOf,
  valueAt,
  type FieldChange,
  type StateOptions,
  type StateSpec,
  type Transition,
} from './model/states.js';
export { isTimePoint, TIME_FIELDS, TIMED_KINDS, timePointDate, type TimedKind, type TimePoint } from './core/time-fields.js';
export type { ValidModel } from './model/valid.js';

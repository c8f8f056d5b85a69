import type { IsoDate } from './core/dates.js';
import { sortDiagnostics, type Diagnostic } from './core/diagnostic.js';
import { text } from './core/text.js';
import type { DiagnosticOrder } from './diagnostics/order.js';
import { availablePacks, DEFAULT_PACK } from './framework/load-pack.js';
import type { FrameworkPack } from './framework/types.js';
import type { ProjectAssets } from './core/project-assets.js';
import { findConfig, readConfig } from './load/config.js';
import { Cache, codeFingerprint, MemoryCache, sha256 } from './load/cache.js';
import { loadArchitecture, type KnownFiles, type LoadedFileDocs, type LoadResult, type ReadSize } from './load/load-architecture.js';
import type { SourceIndex } from './load/locate.js';
import type { ParsedDoc } from './load/parse-yaml.js';
import { loadProjectAssets } from './load/project-assets.js';
import { buildModel, type ModelMemo } from './model/build.js';
import type { Model } from './model/model.js';
import { pendingDeclarations } from './model/pending.js';
import { modelAt, stateDate, type StateSpec } from './model/states.js';
import { certifyModel, type ValidModel } from './model/valid.js';
import type { Rule } from './rules/define-rule.js';
import { RULES, TEMPLATE_CHECKS } from './rules/index.js';
import { checkPublicNotePlacement } from './rules/agency/document-public-note.js';
import { runRules } from './rules/run-rules.js';
import { RuleMemo } from './rules/rule-memo.js';
import { createWaiverMatcher } from './rules/waivers.js';
import type { Severity } from './core/severity.js';
import { compileSchemas, type CompiledSchemas } from './validate/ajv.js';
import { checkConfig, EMPTY_CONFIG, ruleOptions, type Config } from './validate/config.js';
import { loadPackCached } from './validate/pack-cache.js';
import { refineBareRefSuggestions } from './validate/ref-suggestions.js';
import { validateDocuments, type CheckedDoc, type ValidateResult } from './validate/validate.js';

export interface PipelineOptions {
  /** Architecture folder. */
  readonly root: string;
  readonly cwd: string;
  /** What file paths are relative to; default: the repository holding `root` (see load/discover.ts `pathBase`). */
  readonly base?: string | undefined;
  /** The date the bin read once; used only when neither --as-of nor the agency's `asOf` is given. */
  readonly today: IsoDate;
  readonly asOf?: IsoDate | undefined;
  /**
   * The state of the architecture to load (model/states.ts): `current` by default, dated by `asOf`,
   * else the agency's `asOf`; with neither, the model as written. Rules and renderers see this state.
   */
  readonly state?: StateSpec | undefined;
  /** Run the conformance rules (check, gap, build) or not (validate). */
  readonly rules?: boolean;
  readonly ruleSeverity?: Readonly<Record<string, Severity>>;
  readonly disabledRules?: ReadonlySet<string>;
  readonly maxFileBytes?: number;
  /** `--config FILE`; otherwise kientruc.config.yaml next to, then inside, the architecture folder. */
  readonly config?: string;
  /** Content-hash cache folder (`.kientruc-cache/`); undefined: no cache. */
  readonly cacheDir?: string | undefined;
  /** Parse files in worker threads: when worth it (default), never, or always. */
  readonly parallel?: 'auto' | 'off' | 'force' | undefined;
  /** A cache object to use instead of `cacheDir` (the language server keeps one in memory). */
  readonly store?: Cache | undefined;
  /** Texts that override the disk, by absolute path (unsaved editor buffers). */
  readonly overlay?: ReadonlyMap<string, string> | undefined;
  /** Files read by the last run that the caller vouches unchanged (the daemon's scan): not read again (load-architecture.ts). */
  readonly known?: KnownFiles | undefined;
  /** The model fragments of the last run over this architecture (a long-running process): the model is patched, not rebuilt. */
  readonly modelMemo?: ModelMemo | undefined;
  /** Rule results of earlier runs over this architecture (a long-running process); rules whose reads did not change are not run again. */
  readonly ruleMemo?: RuleMemo | undefined;
  /** The order of the last run's findings (a long-running process): the findings are sorted from it (the same order). */
  readonly order?: DiagnosticOrder | undefined;
  /**
   * Keep the rule memo in the on-disk cache between runs (rules/memo-store.ts). Off by default: at 10k
   * entities, reading, checking and writing the memo measured costlier than running the rules
   * (docs/speed.md), so the CLI does not use it yet.
   */
  readonly ruleMemoOnDisk?: boolean | undefined;
  /** Told how much YAML was read (files, bytes), before its parses are used (workers may have begun). */
  readonly onRead?: ((size: ReadSize) => void) | undefined;
  /** Told when each stage ends (the benches time stages with it). */
  readonly onStage?: ((stage: PipelineStage) => void) | undefined;
}

/** The stages of a run, in order, as `onStage` names them when each ends. */
export type PipelineStage = 'load' | 'validate' | 'model' | 'state' | 'rules' | 'sort';

interface PipelineData {
  readonly diagnostics: readonly Diagnostic[];
  readonly pack: FrameworkPack;
  readonly loaded: LoadResult;
  /** The report date the run used. */
  readonly asOf: IsoDate;
  /** The state `model` shows, and its date; undefined when the model is as written (no reference date). */
  readonly state: { readonly spec: StateSpec; readonly date: IsoDate } | undefined;
  /** Rules that ran (empty for validate). */
  readonly rules: readonly Rule[];
  /** Strategy prose and template overrides found next to the YAML. */
  readonly assets: ProjectAssets;
  /** The configuration applied (rule settings, waivers); empty when rules did not run or there is none. */
  readonly config: Config;
}

/** A run whose model passed every structural check: what renderers are given. */
export interface ValidPipelineResult extends PipelineData {
  readonly structuralErrors: false;
  readonly model: ValidModel;
}

/** A run with YAML, schema or model errors: the model is good for checking and diffing, never for rendering. */
export interface InvalidPipelineResult extends PipelineData {
  readonly structuralErrors: true;
  readonly model: Model;
}

/** Test `structuralErrors` to reach the `ValidModel` a renderer needs. */
export type PipelineResult = ValidPipelineResult | InvalidPipelineResult;

const CURRENT: StateSpec = { kind: 'current', text: 'current' };

/**
 * The framework pack the first Agency document names (`framework`), or undefined when `doc` is no
 * Agency document (the next one decides). An unknown pack id falls back to the default, with a finding.
 */
function packOf(doc: ParsedDoc, sources: SourceIndex, loadPack: (id: string) => FrameworkPack): { pack: FrameworkPack; diagnostics: Diagnostic[] } | undefined {
  const v = doc.value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || v['kind'] !== 'Agency') return undefined;
  const packs = availablePacks();
  const id = v['framework'];
  if (typeof id === 'string' && packs.includes(id)) return { pack: loadPack(id), diagnostics: [] };
  if (typeof id === 'string') {
    return {
      pack: loadPack(DEFAULT_PACK),
      diagnostics: [
        {
          code: 'schema.unknown-framework',
          severity: 'error',
          message: text(`Bộ khung "${id}" chưa được cài đặt; đang dùng "${DEFAULT_PACK}".`, `Framework pack "${id}" is not installed; using "${DEFAULT_PACK}".`),
          file: doc.file,
          range: sources.locate(doc.file, doc.index, ['framework']),
          path: ['framework'],
          fix: text(`Dùng một trong: ${packs.join(', ')}.`, `Use one of: ${packs.join(', ')}.`),
        },
      ],
    };
  }
  return { pack: loadPack(DEFAULT_PACK), diagnostics: [] };
}

/**
 * Validates each file as the loader hands it over (`add`, in file order), so validation runs while
 * the parse workers still parse the next files. The schema is that of the pack the first Agency
 * document names: files before it is known are held, then validated in order. The result is that of
 * validating every document at once after loading.
 */
class StreamedValidation {
  private chosen: { pack: FrameworkPack; diagnostics: Diagnostic[] } | undefined;
  private schemas: CompiledSchemas | undefined;
  private readonly held: LoadedFileDocs[] = [];
  private readonly value: CheckedDoc[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  private prepared: { pack: FrameworkPack; schemas: CompiledSchemas } | undefined;

  constructor(private readonly cache: Cache | undefined) {}

  /**
   * Loads the default pack and its validators ahead of the first Agency document (called once every
   * file is read, while the first parses are under way): nearly every architecture uses that pack.
   */
  prepare(): void {
    if (this.chosen !== undefined || this.prepared !== undefined) return;
    const pack = loadPackCached(DEFAULT_PACK, this.cache);
    this.prepared = { pack, schemas: compileSchemas(pack, availablePacks(), { cache: this.cache }) };
  }

  add(f: LoadedFileDocs): void {
    if (this.chosen === undefined) {
      for (const doc of f.docs) {
        this.chosen = packOf(doc, f.sources, (id) => loadPackCached(id, this.cache));
        if (this.chosen) break;
      }
      if (this.chosen === undefined) {
        this.held.push(f);
        return;
      }
      this.decided();
    }
    this.validate(f);
  }

  /** Every file was added: the pack, the validators, and what validation found. */
  finish(): { chosen: { pack: FrameworkPack; diagnostics: Diagnostic[] }; schemas: CompiledSchemas; validated: ValidateResult } {
    if (this.chosen === undefined) {
      this.chosen = { pack: loadPackCached(DEFAULT_PACK, this.cache), diagnostics: [] };
      this.decided();
    }
    return { chosen: this.chosen, schemas: this.schemas as CompiledSchemas, validated: { value: this.value, diagnostics: this.diagnostics } };
  }

  private decided(): void {
    const chosen = this.chosen as { pack: FrameworkPack; diagnostics: Diagnostic[] };
    if (this.prepared !== undefined && this.prepared.pack.id === chosen.pack.id) {
      // The same pack, read from the same place: the one prepared, and its validators.
      this.chosen = { pack: this.prepared.pack, diagnostics: chosen.diagnostics };
      this.schemas = this.prepared.schemas;
    } else this.schemas = compileSchemas(chosen.pack, availablePacks(), { cache: this.cache });
    for (const h of this.held) this.validate(h);
    this.held.length = 0;
  }

  private validate(f: LoadedFileDocs): void {
    if (f.docs.length === 0) return;
    const r = validateDocuments(f.docs, this.schemas as CompiledSchemas, f.sources, f.cache ? { cache: f.cache, shaOf: () => f.sha256 } : undefined);
    for (const c of r.value) this.value.push(c);
    for (const d of r.diagnostics) this.diagnostics.push(d);
  }
}

/** load → validate → build model → check rules. Returns data; never prints, exits or reads `process`. */
export async function runPipeline(opts: PipelineOptions): Promise<PipelineResult> {
  const cache = opts.store ?? (opts.cacheDir === undefined ? undefined : new Cache(opts.cacheDir));
  const validation = new StreamedValidation(cache);
  const loaded = await loadArchitecture({
    root: opts.root,
    cwd: opts.cwd,
    base: opts.base,
    cache,
    parallel: opts.parallel,
    overlay: opts.overlay,
    known: opts.known,
    onRead: (size) => {
      opts.onRead?.(size);
      validation.prepare();
    },
    onFile: (f) => validation.add(f),
    ...(opts.maxFileBytes ? { maxFileBytes: opts.maxFileBytes } : {}),
  });
  const assets = await loadProjectAssets({ rootAbs: loaded.rootAbs, cwd: loaded.base });
  // With streamed validation most files are validated while others still load: 'load' ends when every
  // file is read, 'validate' when the last one is validated.
  opts.onStage?.('load');
  const { chosen, schemas, validated } = validation.finish();
  opts.onStage?.('validate');
  // Entities of documents that did not load: references to them wait for them instead of dangling.
  const pending = pendingDeclarations({ docs: loaded.docs, checked: validated.value, unparsed: loaded.unparsed, sources: loaded.sources });
  const built = buildModel({ root: loaded.root, pack: chosen.pack, docs: validated.value, sources: loaded.sources, files: loaded.files, memo: opts.modelMemo, pending });
  const asWritten = built.value;
  opts.onStage?.('model');
  const asOf = opts.asOf ?? asWritten.agency?.asOf ?? opts.today;
  // The state is dated by --as-of or the agency's asOf, never by the clock.
  const spec = opts.state ?? (opts.asOf ?? asWritten.agency?.asOf ? CURRENT : undefined);
  const stateAt = spec === undefined ? undefined : stateDate(asWritten, spec, { asOf: opts.asOf });
  if (spec !== undefined && stateAt === undefined) modelAt(asWritten, spec, { asOf: opts.asOf }); // throws the one-line UserError
  const model = spec === undefined ? asWritten : modelAt(asWritten, spec, { asOf: opts.asOf });
  const state = spec !== undefined && stateAt !== undefined ? { spec, date: stateAt } : undefined;
  opts.onStage?.('state');
  // "did you mean" for a reference written without its kind names the kind that has the id (known only now).
  const schemaFindings = refineBareRefSuggestions(validated.diagnostics, validated.value, schemas, (ref) => asWritten.resolves(ref));
  const early = [...loaded.diagnostics, ...assets.diagnostics, ...chosen.diagnostics, ...schemaFindings, ...built.diagnostics];
  const checked = opts.rules ? await checkRules(opts, loaded, model, asOf, cache, assets.value) : { diagnostics: [], ran: [], config: EMPTY_CONFIG };
  opts.onStage?.('rules');
  const all = [...early, ...checked.diagnostics];
  const diagnostics = opts.order ? opts.order.sort(all) : sortDiagnostics(all);
  opts.onStage?.('sort');
  loaded.cache?.flush();
  const data: PipelineData = { diagnostics, pack: chosen.pack, loaded, asOf, state, rules: checked.ran, assets: assets.value, config: checked.config };
  // Only the stages before the rules decide: a rule finding never makes a model unfit to render.
  const valid = certifyModel(model, early);
  return valid ? { ...data, structuralErrors: false, model: valid } : { ...data, structuralErrors: true, model };
}

/** Reads the configuration, runs the rules with its severities, and applies its waivers. */
async function checkRules(opts: PipelineOptions, loaded: LoadResult, model: Model, asOf: string, cache: Cache | undefined, assets: ProjectAssets): Promise<{ diagnostics: Diagnostic[]; ran: readonly Rule[]; config: Config }> {
  const file = await findConfig({ cwd: opts.cwd, rootAbs: loaded.rootAbs, ...(opts.config !== undefined ? { explicit: opts.config } : {}) });
  const metas = [...RULES, ...TEMPLATE_CHECKS];
  const config = checkConfig(file === undefined ? undefined : await readConfig(file, loaded.base), metas.map((r) => r.id), new Set(metas.filter((r) => !r.confirmed).map((r) => r.id)));
  const fromConfig = ruleOptions(config.value);
  const disabled = new Set([...fromConfig.disabled, ...(opts.disabledRules ?? [])]);
  const ran = RULES.filter((r) => !disabled.has(r.id));
  const matcher = createWaiverMatcher(config.value.waivers, { asOf, ranRules: new Set(ran.map((r) => r.id)), exists: (ref) => model.resolves(ref) });
  // Without a memo of its own (the language server keeps one), a run may read and write the one on disk.
  const key = opts.ruleMemo === undefined && opts.ruleMemoOnDisk === true && cache !== undefined ? memoKey(loaded.rootAbs, loaded.base) : undefined;
  const memo = opts.ruleMemo ?? (key === undefined ? undefined : readRuleMemo(cache, key, RULES.map((r) => r.id)));
  const severity = { ...fromConfig.severity, ...opts.ruleSeverity };
  const checked = runRules(model, RULES, { asOf, severity, disabled, waive: matcher.waive, memo });
  if (cache && key !== undefined && memo !== undefined && memo !== opts.ruleMemo) writeRuleMemo(cache, key, memo);
  // Checks of the agency's template overrides (not of the model): configured like the rules, never waived (no entity).
  const templates = disabled.has('agency.document-public-note') ? [] : checkPublicNotePlacement(assets.templates, severity['agency.document-public-note']);
  return { diagnostics: [...config.diagnostics, ...checked.diagnostics, ...templates, ...matcher.finish()], ran: checked.ran, config: config.value };
}

/*
 * The rule memo kept on disk between runs (`ruleMemoOnDisk`), next to the parse cache: a head entry
 * per architecture folder (settings, content keys of documents) and one entry per rule, named by a
 * hash of the folder, the folder paths are shown relative to and the code that produced it (model,
 * analysis, rules, loader, pack). The settings a memo was made under (report date, state, severities,
 * disabled rules, pack) are inside each entry and clear it when they change (see `RuleMemo.begin`). A
 * missing, corrupt or foreign entry gives an empty memo: every rule runs, as on a cold run.
 */

/** The code whose output a rule memo holds: a change to any of it makes the stored memo unreadable. */
const RULE_CODE = ['load', 'validate', 'core', 'framework', 'model', 'analysis', 'rules'];

/** Where the memo of the architecture at `rootAbs`, shown relative to `base`, is stored. */
export function memoKey(rootAbs: string, base: string): string {
  return sha256(`rule-memo\n${rootAbs}\n${base}\n${codeFingerprint(RULE_CODE)}`);
}

/** Where the entries of one rule are stored (one entry per rule: an edit rewrites only the rules it re-ran). */
function shardKey(key: string, ruleId: string): string {
  return sha256(`${key}\n${ruleId}`);
}

/**
 * The stored memo, or an empty one. Undefined for an in-memory cache (its owner keeps a memo itself).
 * Its head (settings, content keys of documents) and each rule's entries are separate entries: a
 * rule entry made under other settings, or that does not parse, is left out (that rule runs again).
 */
export function readRuleMemo(cache: Cache | undefined, key: string, ruleIds: readonly string[]): RuleMemo | undefined {
  if (!cache || cache instanceof MemoryCache) return undefined;
  const head = cache.readJson<unknown>('rules', key);
  const memo = head === undefined ? undefined : RuleMemo.restore(head);
  if (!memo) return new RuleMemo();
  for (const id of ruleIds) {
    const data = cache.readJson<unknown>('rules', shardKey(key, id));
    const part = data === undefined ? undefined : RuleMemo.restore(data);
    if (part) memo.absorb(part);
  }
  return memo;
}

/** Writes back what the run changed: the head when document keys changed, and the rules that ran. */
export function writeRuleMemo(cache: Cache, key: string, memo: RuleMemo): void {
  if (!memo.changed()) return;
  const head = memo.headChanged;
  for (const id of memo.takeDirty()) cache.writeJson('rules', shardKey(key, id), memo.save({ keys: false, rules: new Set([id]) }));
  if (head) cache.writeJson('rules', key, memo.save({ keys: true, rules: new Set() }));
}

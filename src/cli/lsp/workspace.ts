import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IsoDate } from '../../core/dates.js';
import { MemoryCache } from '../../load/cache.js';
import { isYamlName } from '../../load/discover.js';
import { runPipeline, type PipelineResult } from '../../pipeline.js';
import type { Entity } from '../../model/types.js';
import { ENTITY_KINDS } from '../../core/ref.js';
import { RuleMemo } from '../../rules/rule-memo.js';
import type { StateSpec } from '../../model/states.js';
import { ModelMemo } from '../../model/build.js';
import { DiagnosticOrder } from '../../diagnostics/order.js';

export interface WorkspaceOptions {
  /** Folder paths in diagnostics are relative to (the editor's workspace folder). */
  readonly cwd: string;
  /** Architecture folder, relative to `cwd` or absolute; default `architecture` when it exists, else `cwd`. */
  readonly root?: string | undefined;
  readonly today: IsoDate;
  readonly asOf?: IsoDate | undefined;
  /** The state checked (`--state`), the configuration file (`--config`), the largest file read, rules or not (validate): the CLI's options (the daemon). */
  readonly state?: StateSpec | undefined;
  readonly config?: string | undefined;
  readonly maxFileBytes?: number | undefined;
  readonly rules?: boolean | undefined;
  /** Parse and validation results to share with other workspaces of the same folder (content-addressed); default: a cache of its own. */
  readonly store?: MemoryCache | undefined;
}

/** The files a run read, with their hashes; counts what was read. */
class ReadFiles extends Map<string, { readonly bytes: Uint8Array; readonly sha: string }> {
  sets = 0;
  override set(abs: string, v: { readonly bytes: Uint8Array; readonly sha: string }): this {
    this.sets++;
    return super.set(abs, v);
  }
}

/** What the caller knows of the files since the last run (see `Workspace.analyze`). */
export interface ReadHint {
  /** True when the file at this absolute path is the same on disk as when the last run read it. */
  readonly unchanged: (abs: string) => boolean;
  readonly removed: readonly string[];
}

/** The architecture folder the server checks: the one given, else `architecture/` when present, else the workspace. */
export function chooseRoot(cwd: string, root: string | undefined): string {
  if (root !== undefined && root !== '') return resolve(cwd, root);
  const candidate = join(cwd, 'architecture');
  return existsSync(candidate) && statSync(candidate).isDirectory() ? candidate : cwd;
}

/**
 * What the editor sees: the files on disk, overridden by the open buffers, checked by the same
 * pipeline as `kientruc check`. Parsing and validation results are kept in memory by content hash,
 * so a change re-parses only the file that changed.
 */
export class Workspace {
  readonly cwd: string;
  readonly rootAbs: string;
  /** The same folder through its real path (the loader reads it from there). */
  private readonly rootReal: string;
  private readonly overlay = new Map<string, string>();
  private readonly store: MemoryCache;
  /** Rule results by what each rule read; rules whose reads did not change are not run again. */
  readonly memo = new RuleMemo();
  /** What the last model build derived from each file: an edit patches the model instead of rebuilding it. */
  private readonly modelMemo = new ModelMemo();
  /** The order of the last run's findings: the next run's are sorted from it. */
  private readonly order = new DiagnosticOrder();
  /** The files the last run read from disk, with their hashes (taken again when the caller vouches them unchanged). */
  private readonly read = new ReadFiles();
  /** Files read from disk by the last run (the others were unchanged, given by the hint, or open buffers). */
  filesRead = 0;
  private last: PipelineResult | undefined;
  private byFile: Map<string, Entity[]> | undefined;

  constructor(private readonly opts: WorkspaceOptions) {
    this.cwd = opts.cwd;
    this.store = opts.store ?? new MemoryCache();
    this.rootAbs = chooseRoot(opts.cwd, opts.root);
    let real = this.rootAbs;
    try {
      real = realpathSync(this.rootAbs);
    } catch {
      // a missing folder: the first analysis reports it
    }
    this.rootReal = real;
  }

  /** An open buffer's text replaces the file on disk until it is closed. */
  setText(abs: string, text: string): void {
    this.overlay.set(abs, text);
  }

  /** The buffer is closed: the file on disk counts again. */
  close(abs: string): void {
    this.overlay.delete(abs);
  }

  textOf(abs: string): string | undefined {
    return this.overlay.get(abs);
  }

  /** True when `abs` is a YAML file the architecture folder holds (or would hold once saved). */
  covers(abs: string): boolean {
    return (abs.startsWith(`${this.rootAbs}/`) || abs.startsWith(`${this.rootReal}/`)) && isYamlName(abs);
  }

  /**
   * Checks everything (validate and every rule), with the open buffers in place of the disk. `hint`
   * (the daemon's scan): the files that are the same on disk as when the last run read them, and those
   * removed since; the others are read again. Without it every file is read and hashed.
   */
  async analyze(hint?: ReadHint): Promise<PipelineResult> {
    if (hint) for (const abs of hint.removed) this.read.delete(abs);
    else this.read.clear();
    const sets = this.read.sets;
    const result = await runPipeline({
      root: this.rootAbs,
      cwd: this.cwd,
      today: this.opts.today,
      ...(this.opts.asOf ? { asOf: this.opts.asOf } : {}),
      ...(this.opts.state ? { state: this.opts.state } : {}),
      ...(this.opts.config !== undefined ? { config: this.opts.config } : {}),
      ...(this.opts.maxFileBytes ? { maxFileBytes: this.opts.maxFileBytes } : {}),
      rules: this.opts.rules ?? true,
      parallel: 'off',
      store: this.store,
      overlay: this.overlay,
      known: { unchanged: hint ? hint.unchanged : () => false, files: this.read },
      ruleMemo: this.memo,
      modelMemo: this.modelMemo,
      order: this.order,
    });
    this.last = result;
    this.byFile = undefined;
    this.filesRead = this.read.sets - sets;
    return result;
  }

  get result(): PipelineResult | undefined {
    return this.last;
  }

  /** Entities declared in `file` (display path), in document order. */
  entitiesIn(file: string): readonly Entity[] {
    if (!this.last) return [];
    if (!this.byFile) {
      const map = new Map<string, Entity[]>();
      const model = this.last.model;
      for (const kind of ENTITY_KINDS) {
        for (const e of model.all(kind)) {
          const list = map.get(e.origin.file) ?? [];
          list.push(e);
          map.set(e.origin.file, list);
        }
      }
      for (const list of map.values()) list.sort((a, b) => a.origin.docIndex - b.origin.docIndex);
      this.byFile = map;
    }
    return this.byFile.get(file) ?? [];
  }
}

/**
 * What the daemon keeps between requests: the language server's `Workspace` (parse and validation
 * results by content hash, rule results by what each rule read), for the last set of options that
 * change results (working folder, --as-of, --state, --config, --max-file-size, rules or not, the day),
 * over a content-addressed parse cache shared by every set. Before each run it stats every
 * input (scan.ts) and knows which files changed, were added or removed; when none did since the last
 * run with the same options (and that scan was not taken too close to a write), the last result is
 * given again without running anything.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MemoryCache } from '../../load/cache.js';
import { runPipeline, type PipelineOptions, type PipelineResult } from '../../pipeline.js';
import { Workspace } from '../lsp/workspace.js';
import { compareScans, racyEntries, scanInputs, type Scan, type ScanChanges } from './scan.js';

/**
 * Workspaces kept: one. Each holds a model and its rule results (the daemon held 1.9 GB at 100k entities with one), and a heap
 * twice that size costs more garbage collection on every request; another set of options re-runs the
 * rules once (the parsed files are shared).
 */
const KEPT = 1;

export interface EngineRun {
  readonly result: PipelineResult;
  /** What the scan found since the workspace's previous run (all inputs on its first). */
  readonly changes: ScanChanges;
  readonly reusedWorkspace: boolean;
  /** Nothing changed since the last run with these options: its result was given again. */
  readonly unchanged: boolean;
  /** Files read from disk (the others were the same as at the last run, by their stat). */
  readonly read: number;
}

export class DaemonEngine {
  private readonly store = new MemoryCache();
  private readonly workspaces = new Map<string, { ws: Workspace; scan: Scan | undefined; racy: ReadonlySet<string> | undefined; settled: boolean }>();
  /** Told after each run (the log). */
  onRun: ((run: EngineRun) => void) | undefined;

  /** `clock`: the bin's, to tell a scan taken too close to a write to prove anything (scan.ts `racyEntries`). */
  constructor(
    readonly folder: string,
    private readonly clock: () => Date,
  ) {}

  /**
   * After the first run of a set of options, while the daemon is idle: the workspace runs again over the
   * same inputs (the files the scan vouches unchanged are not read), so that what a run patched from
   * the last one builds once — the rule memo's index of reads and its sums — is built now, not in the
   * next request. The result is the last one's (nothing changed); the scan kept is not touched, so a
   * file written meanwhile is still seen as changed by the next request. False when there was nothing
   * to settle.
   */
  async settle(): Promise<boolean> {
    const kept = [...this.workspaces.values()].pop();
    if (kept === undefined || kept.settled || kept.scan === undefined || kept.racy === undefined || kept.ws.result === undefined) return false;
    kept.settled = true;
    const scan = kept.scan;
    const racy = kept.racy;
    kept.scan = undefined; // a run that does not end leaves nothing vouched
    await kept.ws.analyze({ unchanged: (abs) => scan.has(abs) && !racy.has(abs), removed: [] });
    kept.scan = scan;
    return true;
  }

  /** `runPipeline`, answered from memory: the same options give the same result. */
  async run(opts: PipelineOptions): Promise<PipelineResult> {
    const root = resolve(opts.cwd, opts.root);
    const real = await realpath(root).catch(() => undefined);
    // Another folder (or this one gone): not what this daemon keeps; the plain pipeline says what is wrong.
    if (real !== this.folder || opts.base !== undefined || opts.overlay !== undefined) return runPipeline({ ...opts, cacheDir: undefined });
    const key = JSON.stringify([opts.cwd, root, opts.today, opts.asOf, opts.state, opts.config, opts.maxFileBytes, opts.rules === true, opts.ruleSeverity, [...(opts.disabledRules ?? [])]]);
    let kept = this.workspaces.get(key);
    const reused = kept !== undefined;
    if (kept) this.workspaces.delete(key);
    else {
      kept = {
        ws: new Workspace({
          cwd: opts.cwd,
          root,
          today: opts.today,
          asOf: opts.asOf,
          state: opts.state,
          config: opts.config,
          maxFileBytes: opts.maxFileBytes,
          rules: opts.rules === true,
          store: this.store,
        }),
        scan: undefined,
        racy: undefined,
        settled: false,
      };
    }
    this.workspaces.set(key, kept); // most recent last
    while (this.workspaces.size > KEPT) this.workspaces.delete(this.workspaces.keys().next().value as string);
    const started = this.clock().getTime();
    const scan = await scanInputs(this.folder, opts.config === undefined ? undefined : resolve(opts.cwd, opts.config));
    const changes = compareScans(kept.scan, scan);
    const last = kept.ws.result;
    const racy = kept.racy;
    const unchanged = last !== undefined && racy !== undefined && racy.size === 0 && changes.changed.length + changes.added.length + changes.removed.length === 0;
    // The files whose stat (times in nanoseconds, size, inode, mode) is the same as at the last run's
    // scan are not read nor hashed again; the others are, and so are the files that were racy at that
    // scan (written too close to it: a write in the same tick of the clock could keep the times). Not
    // after a run that did not end.
    const before = kept.scan;
    const trusted = last !== undefined && racy !== undefined && before !== undefined;
    const hint = trusted ? { unchanged: (abs: string) => { const was = before.get(abs); return was !== undefined && was === scan.get(abs) && !racy.has(abs); }, removed: changes.removed } : undefined;
    kept.scan = undefined;
    kept.racy = undefined;
    const result = unchanged ? last : await kept.ws.analyze(hint);
    kept.scan = scan;
    kept.racy = racyEntries(scan, started);
    this.onRun?.({ result, changes, reusedWorkspace: reused, unchanged, read: unchanged ? 0 : kept.ws.filesRead });
    return result;
  }
}

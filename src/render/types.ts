import type { IsoDate } from '../core/dates.js';
import type { StateSpec } from '../model/states.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ProjectAssets } from '../core/project-assets.js';
import type { Lang, Text } from '../core/text.js';
import type { ValidModel } from '../model/valid.js';
import type { Rule } from '../rules/define-rule.js';
import type { BrowserProvider } from './browser.js';

/** A file a renderer produces; `path` is relative to the output folder, POSIX, kebab-case. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
  /**
   * The same text as `contents`, piece by piece, for outputs too large to hold whole (a national
   * model's JSON and catalogue): writers stream it, so only one piece is in memory at a time.
   */
  readonly chunks?: (() => Iterable<string>) | undefined;
}

export interface RenderContext {
  /** Renderers are total over valid models, and are given nothing less (`certifyModel`). */
  readonly model: ValidModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly rules: readonly Rule[];
  readonly asOf: IsoDate;
  /**
   * The state `model` shows (model/states.ts) and its date; undefined when the model is as written.
   * A renderer that needs another state (a target architecture) derives it with `modelAt(model, …)`.
   */
  readonly state?: { readonly spec: StateSpec; readonly date: IsoDate } | undefined;
  readonly lang: Lang;
  readonly toolVersion: string;
  /** Progress and warnings go here (stderr), in both languages: the CLI picks the run's `--lang`; renderers never print. */
  readonly log: (message: Text) => void;
  /**
   * The command's one browser (launched on first use), or undefined with `--no-render`:
   * renderers then emit only browser-free outputs (Mermaid sources, Markdown, HTML).
   */
  readonly browser: BrowserProvider | undefined;
  /** Strategy prose and template overrides of the project (absent in tests that do not need them). */
  readonly assets?: ProjectAssets;
  /** Files the renderers before this one produced in the same run (the site inlines the diagrams). */
  readonly outputs?: readonly GeneratedFile[];
  /**
   * Content-addressed store for expensive outputs (rendered diagrams), or undefined for none. A
   * renderer treats a failing cache as a miss; the CLI supplies `.kientruc-cache/` in the working folder.
   */
  readonly cache?: RenderCache | undefined;
}

/** Bytes by content-hash key; implementations never throw for a missing or corrupt entry. */
export interface RenderCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, data: Uint8Array): Promise<void>;
  /**
   * A stamp of kientruc's own code, templates and packs (changes whenever any of them does), for keys of
   * outputs whose renderers change often (documents: `render/cached-output.ts`). A cache without one
   * is used for diagrams only.
   */
  stamp?(): string | undefined;
}

export interface Renderer {
  readonly id: string;
  /** What `kientruc build` prints before running it, in both languages. */
  readonly description: Text;
  render(ctx: RenderContext): GeneratedFile[] | Promise<GeneratedFile[]>;
  /**
   * The same files as `render`, in parts made one after another, for a renderer whose parts are each
   * large to make (a document's view model): `kientruc build` writes each part to its spool before
   * asking for the next, so that only one part's inputs are in memory at a time.
   */
  renderParts?(ctx: RenderContext): AsyncIterable<GeneratedFile[]>;
}

/** A renderer's files part by part (`renderParts`), or all at once as one part. */
export async function* partsOf(renderer: Renderer, ctx: RenderContext): AsyncGenerator<GeneratedFile[]> {
  if (renderer.renderParts) yield* renderer.renderParts(ctx);
  else yield await renderer.render(ctx);
}

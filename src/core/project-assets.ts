/**
 * Files besides the YAML that shape the strategy document (read by `load/project-assets.ts`, used by
 * `render/strategy/`): Markdown prose under `<architecture>/strategy/` and Handlebars partials under
 * `<repo>/templates/strategy/` that override the built-in ones.
 */

/** Prose files an agency may write, and the strategy field each one replaces. */
export const PROSE_FILES = {
  'quan-diem.md': 'viewpoints',
  'tam-nhin.md': 'vision',
  'nguyen-tac.md': 'principles',
  'muc-tieu-tong-quat.md': 'generalObjective',
} as const;

export type ProseKey = (typeof PROSE_FILES)[keyof typeof PROSE_FILES];

export interface ProseFile {
  readonly key: ProseKey;
  /** Display path (relative to the working directory). */
  readonly file: string;
  readonly text: string;
}

export interface TemplateOverride {
  /** File name, e.g. `quan-diem.html.hbs`. */
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

export interface ProjectAssets {
  readonly prose: readonly ProseFile[];
  readonly templates: readonly TemplateOverride[];
  /** Display path of the override folder, whether or not it exists. */
  readonly templatesDir: string;
}

export const EMPTY_ASSETS: ProjectAssets = { prose: [], templates: [], templatesDir: 'templates/strategy' };


import { availableParallelism } from 'node:os';
import { text } from '../../core/text.js';
import type { GeneratedFile, RenderContext, Renderer } from '../types.js';
import { diagramsFor } from './diagrams.js';
import { diagramIndexPieces, type DiagramFormat } from './index-md.js';
import { streamedFile } from '../streamed.js';
import { renderDiagramImages, type ImageFormat, type RenderedImage } from './render-images.js';
import { DIAGRAMS_DIR, type DiagramSpec } from './types.js';

export const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['svg', 'png', 'mmd'];

export interface DiagramFilesOptions {
  /** Formats wanted; SVG and PNG are dropped when the context has no browser (`--no-render`). */
  readonly formats: readonly DiagramFormat[];
  /**
   * Folder of the diagram files relative to the output root: `diagrams` for build, '' for
   * `kientruc diagram`. The index is always `README.md` at the output root.
   */
  readonly dir: string;
  readonly maxNodes?: number;
}

export interface DiagramFilesResult {
  readonly files: GeneratedFile[];
  readonly diagrams: number;
  readonly rendered: number;
  readonly cached: number;
}

/** Pages in parallel: one core stays for Node and Chromium's own processes; measured best on 2 cores with 1. */
function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * SVG/PNG of `diagrams` through the context's browser and cache (what the strategy document embeds).
 * Without a browser (`--no-render`) it returns an empty map.
 */
export async function diagramImages(
  ctx: Pick<RenderContext, 'browser' | 'cache' | 'log'>,
  diagrams: readonly DiagramSpec[],
  formats: readonly ImageFormat[],
): Promise<{ images: ReadonlyMap<string, RenderedImage>; rendered: number; cached: number }> {
  const browser = ctx.browser;
  if (!browser || formats.length === 0) return { images: new Map(), rendered: 0, cached: 0 };
  return renderDiagramImages(() => browser.get(), diagrams, { formats, cache: ctx.cache, engine: browser.identity(), log: ctx.log, concurrency: defaultConcurrency() });
}

/** Every diagram as `.mmd` (and `.svg`, `.png` when rendering), plus the index with sources inline. */
export async function renderDiagramFiles(ctx: RenderContext, opts: DiagramFilesOptions): Promise<DiagramFilesResult> {
  const diagrams = diagramsFor(ctx.model, { asOf: ctx.asOf, ...(opts.maxNodes ? { maxNodes: opts.maxNodes } : {}) });
  const formats = opts.formats.filter((f) => f === 'mmd' || ctx.browser !== undefined);
  const imageFormats = formats.filter((f): f is ImageFormat => f === 'svg' || f === 'png');
  const { images, rendered, cached } = await diagramImages(ctx, diagrams, imageFormats);
  const prefix = opts.dir ? `${opts.dir}/` : '';
  const files: GeneratedFile[] = [];
  for (const d of diagrams) {
    if (formats.includes('mmd')) files.push({ path: `${prefix}${d.name}.mmd`, contents: d.mermaid });
    const img = images.get(d.name);
    if (img?.svg !== undefined) files.push({ path: `${prefix}${d.name}.svg`, contents: img.svg });
    if (img?.png !== undefined) files.push({ path: `${prefix}${d.name}.png`, contents: img.png });
  }
  // The index holds every diagram's source: written as it is made (../streamed.ts).
  const index = { dir: opts.dir, formats, asOf: ctx.asOf, toolVersion: ctx.toolVersion };
  files.push(streamedFile('README.md', () => diagramIndexPieces(ctx.model, diagrams, index)));
  return { files, diagrams: diagrams.length, rendered, cached };
}

/** `kientruc build`: `diagrams/*.{mmd,svg,png}` and `README.md` (with `--no-render`: `.mmd` and README only). */
export const diagramsRenderer: Renderer = {
  id: 'diagrams',
  description: text('Sơ đồ kiến trúc (diagrams/*.mmd, .svg, .png và README.md)', 'Architecture diagrams (diagrams/*.mmd, .svg, .png and README.md)'),
  async render(ctx) {
    const r = await renderDiagramFiles(ctx, { formats: DIAGRAM_FORMATS, dir: DIAGRAMS_DIR });
    if (ctx.browser) {
      ctx.log(text(`  ${r.diagrams} sơ đồ: ${r.rendered} vẽ mới, ${r.cached} lấy từ bộ nhớ đệm`, `  ${r.diagrams} diagrams: ${r.rendered} drawn, ${r.cached} from the cache`));
    }
    return r.files;
  },
};

import { diagramImages } from '../mermaid/renderer.js';
import { dataDiagrams } from '../mermaid/data-architecture.js';
import { integrationPrintDiagrams } from '../mermaid/integration-map.js';
import { landscapeOverviewDiagram } from '../mermaid/landscape.js';
import { DEFAULT_MAX_NODES, type DiagramSpec } from '../mermaid/types.js';
import type { RenderContext } from '../types.js';
import type { Audience, DiagramView } from './view-types.js';

/**
 * Which diagrams the strategy embeds, each one small enough to print with its labels at 8 pt or more
 * (tests/render/diagram-legibility.test.ts). Both editions: the landscape overview, which counts
 * systems per layer and component (the full landscape, one box per system, prints at 3 pt; the
 * systems are listed in their own appendix). Internal edition also: the connections between bodies,
 * one figure per channel family (the whole overview prints at 5 pt), and the data architecture
 * overview. The public edition leaves out the maps: they show internal topology and restricted data.
 */
export function strategyDiagramSpecs(ctx: Pick<RenderContext, 'model' | 'asOf'>, audience: Audience): DiagramSpec[] {
  const overview = landscapeOverviewDiagram(ctx.model);
  const landscape = overview ? [overview] : [];
  if (audience === 'public') return landscape;
  // Only the data architecture overview: drawing every diagram of a national model (one context
  // diagram per system) to pick this one would hold hundreds of MB of Mermaid for the whole run.
  const data = dataDiagrams(ctx.model, { asOf: ctx.asOf, maxNodes: DEFAULT_MAX_NODES })[0];
  return [...landscape, ...integrationPrintDiagrams(ctx.model), ...(data ? [data] : [])];
}

/**
 * The page a figure is printed on: a figure wider than tall gets a landscape page of its own, where
 * it is drawn half as large again as across a portrait text width (252 mm instead of 165 mm), and
 * fills the page instead of leaving most of a portrait page blank.
 */
export function figurePage(svg: string): 'portrait' | 'landscape' {
  const vb = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!vb) return 'portrait';
  return Number(vb[1]) > Number(vb[2]) * LANDSCAPE_ASPECT ? 'landscape' : 'portrait';
}

/** Wider than this times its height: landscape (a portrait text area is 165 × 257 mm, a landscape one 252 × 170 mm). */
const LANDSCAPE_ASPECT = 1.1;

/** A fence of backticks longer than any backtick run inside `text` (at least three). */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The diagrams as view entries, with their SVG (for HTML/PDF) and their PNG bytes (for DOCX) when the
 * context has a browser; rendered through the diagram module, which caches them.
 */
export async function strategyDiagrams(
  ctx: Pick<RenderContext, 'model' | 'asOf' | 'browser' | 'cache' | 'log'>,
  audience: Audience,
  withImages: boolean,
): Promise<{ views: DiagramView[]; png: ReadonlyMap<string, Uint8Array> }> {
  const specs = strategyDiagramSpecs(ctx, audience);
  const { images } = withImages ? await diagramImages(ctx, specs, ['svg', 'png']) : { images: new Map() };
  const png = new Map<string, Uint8Array>();
  const views = specs.map((d, i): DiagramView => {
    const img = images.get(d.name);
    if (img?.png) png.set(d.name, img.png);
    const svg = img?.svg ?? null;
    return { id: d.name, title: d.title, caption: `Hình ${i + 1}. ${d.title}`, mermaid: d.mermaid.trimEnd(), fence: fenceFor(d.mermaid), svg, landscape: svg !== null && figurePage(svg) === 'landscape' };
  });
  return { views, png };
}

import { diagramImages } from '../mermaid/renderer.js';
import { diagramsFor } from '../mermaid/diagrams.js';
import { landscapeOverviewDiagram } from '../mermaid/landscape.js';
import type { DiagramSpec } from '../mermaid/types.js';
import type { RenderContext } from '../types.js';
import type { Audience, DiagramView } from './view-types.js';

/** The diagrams of the current-state appendix (internal edition): the overview of each of these. */
const INTERNAL = ['landscape', 'integration', 'data'] as const;

/**
 * Which diagrams the strategy embeds. Internal: the landscape, the integration map and the data
 * architecture (the first, overview diagram of each group). Public: only the landscape overview,
 * which counts systems per layer and component, since the full landscape shows security levels and
 * the maps show the internal topology and restricted data.
 */
export function strategyDiagramSpecs(ctx: Pick<RenderContext, 'model' | 'asOf'>, audience: Audience): DiagramSpec[] {
  if (audience === 'public') {
    const overview = landscapeOverviewDiagram(ctx.model);
    return overview ? [overview] : [];
  }
  const all = diagramsFor(ctx.model, { asOf: ctx.asOf });
  return INTERNAL.map((g) => all.find((d) => d.group === g)).filter((d): d is DiagramSpec => d !== undefined);
}

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
    return { id: d.name, title: d.title, caption: `Hình ${i + 1}. ${d.title}`, mermaid: d.mermaid.trimEnd(), fence: fenceFor(d.mermaid), svg: img?.svg ?? null };
  });
  return { views, png };
}

import type { IsoDate } from '../../../../core/dates.js';
import type { ValidModel } from '../../../../model/valid.js';
import { landscapeOverviewDiagram } from '../../../mermaid/landscape.js';
import { diagramImages } from '../../../mermaid/renderer.js';
import type { DiagramSpec } from '../../../mermaid/types.js';
import { fenceFor, figurePage } from '../../../strategy/diagrams.js';
import type { DiagramView } from '../../../strategy/view-types.js';
import type { RenderContext } from '../../../types.js';

/**
 * The overall model diagram of each state, drawn by the diagram module from that state's model: the
 * QĐ 3090 layers and components with the number of systems in each, in both editions. The full
 * landscape (one box per system) prints at about 3 pt on A4 (tests/render/diagram-legibility.test.ts),
 * so, as in the strategy, the systems themselves are listed in the appendix. The target one is
 * renamed so both can share one cache and one DOCX image map.
 */
function overall(model: ValidModel): DiagramSpec | undefined {
  return landscapeOverviewDiagram(model);
}

export async function architectureFigures(
  ctx: Pick<RenderContext, 'browser' | 'cache' | 'log'>,
  states: { readonly current: { model: ValidModel; asOf: IsoDate }; readonly target: { model: ValidModel; asOf: IsoDate; year: number } },
  withImages: boolean,
): Promise<{ current: DiagramView | null; target: DiagramView | null; png: ReadonlyMap<string, Uint8Array> }> {
  const now = overall(states.current.model);
  const then = overall(states.target.model);
  const specs: { spec: DiagramSpec; title: string; caption: string }[] = [];
  if (now) specs.push({ spec: { ...now, name: `hien-trang-${now.name}` }, title: 'Hiện trạng kiến trúc số theo các lớp của Khung kiến trúc tổng thể quốc gia số', caption: '' });
  if (then) specs.push({ spec: { ...then, name: `muc-tieu-${then.name}` }, title: `Mô hình tổng thể kiến trúc số đến năm ${states.target.year} theo các lớp của Khung kiến trúc tổng thể quốc gia số`, caption: '' });
  const { images } = withImages ? await diagramImages(ctx, specs.map((s) => s.spec), ['svg', 'png']) : { images: new Map() };
  const png = new Map<string, Uint8Array>();
  const views = specs.map(({ spec, title }, i): DiagramView => {
    const img = images.get(spec.name);
    if (img?.png) png.set(spec.name, img.png);
    return { id: spec.name, title, caption: `Hình ${i + 1}. ${title}`, mermaid: spec.mermaid.trimEnd(), fence: fenceFor(spec.mermaid), svg: img?.svg ?? null, landscape: img?.svg ? figurePage(img.svg) === 'landscape' : false };
  });
  return {
    current: now ? (views[0] ?? null) : null,
    target: then ? (views[now ? 1 : 0] ?? null) : null,
    png,
  };
}

import type { IsoDate } from '../../../../core/dates.js';
import type { ValidModel } from '../../../../model/valid.js';
import { diagramsFor } from '../../../mermaid/diagrams.js';
import { landscapeOverviewDiagram } from '../../../mermaid/landscape.js';
import { diagramImages } from '../../../mermaid/renderer.js';
import type { DiagramSpec } from '../../../mermaid/types.js';
import { fenceFor } from '../../../strategy/diagrams.js';
import type { DiagramView } from '../../../strategy/view-types.js';
import type { RenderContext } from '../../../types.js';

/**
 * The overall model diagram of each state, drawn by the diagram module from that state's model: the
 * landscape in the QĐ 3090 layers (internal edition), or only its layer and component counts (public
 * edition, as the strategy's public edition). The target one is renamed so both can share one cache
 * and one DOCX image map.
 */
function overall(model: ValidModel, asOf: IsoDate, isPublic: boolean): DiagramSpec | undefined {
  if (isPublic) return landscapeOverviewDiagram(model);
  return diagramsFor(model, { asOf }).find((d) => d.group === 'landscape');
}

export async function architectureFigures(
  ctx: Pick<RenderContext, 'browser' | 'cache' | 'log'>,
  states: { readonly current: { model: ValidModel; asOf: IsoDate }; readonly target: { model: ValidModel; asOf: IsoDate; year: number } },
  isPublic: boolean,
  withImages: boolean,
): Promise<{ current: DiagramView | null; target: DiagramView | null; png: ReadonlyMap<string, Uint8Array> }> {
  const now = overall(states.current.model, states.current.asOf, isPublic);
  const then = overall(states.target.model, states.target.asOf, isPublic);
  const specs: { spec: DiagramSpec; title: string; caption: string }[] = [];
  if (now) specs.push({ spec: { ...now, name: `hien-trang-${now.name}` }, title: 'Hiện trạng kiến trúc số theo các lớp của Khung kiến trúc tổng thể quốc gia số', caption: '' });
  if (then) specs.push({ spec: { ...then, name: `muc-tieu-${then.name}` }, title: `Mô hình tổng thể kiến trúc số đến năm ${states.target.year} theo các lớp của Khung kiến trúc tổng thể quốc gia số`, caption: '' });
  const { images } = withImages ? await diagramImages(ctx, specs.map((s) => s.spec), ['svg', 'png']) : { images: new Map() };
  const png = new Map<string, Uint8Array>();
  const views = specs.map(({ spec, title }, i): DiagramView => {
    const img = images.get(spec.name);
    if (img?.png) png.set(spec.name, img.png);
    return { id: spec.name, title, caption: `Hình ${i + 1}. ${title}`, mermaid: spec.mermaid.trimEnd(), fence: fenceFor(spec.mermaid), svg: img?.svg ?? null };
  });
  return {
    current: now ? (views[0] ?? null) : null,
    target: then ? (views[now ? 1 : 0] ?? null) : null,
    png,
  };
}

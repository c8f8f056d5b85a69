/**
 * The diagrams of the export, with a deterministic grid layout: one view per QĐ 3090 layer (its
 * systems and platforms, the bodies that own them, the flows between them), one for the data
 * (datasets, their owners and, internally, the systems that store them) and, internally, one for
 * the integrations. Rows hold one element type each (actors, then components and nodes, then data),
 * ordered by Vietnamese name, so the same model always draws the same picture.
 */
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { Edition } from '../edition.js';
import { connectionId, nodeId, viewId } from './ids.js';
import type { AmConnection, AmElement, AmNode, AmRelationship, AmView, ElementType } from './types.js';

export const NODE_W = 200;
export const NODE_H = 64;
const GAP_X = 40;
const GAP_Y = 48;
const MARGIN = 24;
const COLUMNS = 5;
const ROW_ORDER: readonly (readonly ElementType[])[] = [['BusinessActor'], ['BusinessFunction'], ['BusinessService'], ['ApplicationComponent', 'Node'], ['DataObject']];

export interface LayoutInput {
  readonly model: Model;
  readonly edition: Edition;
  /** Sorted by display name. */
  readonly elements: readonly AmElement[];
  readonly relationships: readonly AmRelationship[];
  readonly layerOf: ReadonlyMap<string, string>;
}

/** A view of the given elements (kept in input order) and every relationship among them of the given types. */
function view(key: string, name: string, documentation: string, members: readonly AmElement[], rels: readonly AmRelationship[]): AmView | undefined {
  if (members.length === 0) return undefined;
  const vid = viewId(key);
  const nodes: AmNode[] = [];
  const nodeOf = new Map<string, string>();
  let y = MARGIN;
  for (const types of ROW_ORDER) {
    const row = members.filter((e) => types.includes(e.type));
    row.forEach((e, i) => {
      const col = i % COLUMNS;
      if (i > 0 && col === 0) y += NODE_H + GAP_Y;
      const id = nodeId(key, e.id);
      nodeOf.set(e.id, id);
      nodes.push({ id, elementRef: e.id, x: MARGIN + col * (NODE_W + GAP_X), y, w: NODE_W, h: NODE_H });
    });
    if (row.length > 0) y += NODE_H + GAP_Y * 2;
  }
  const connections: AmConnection[] = [];
  for (const r of rels) {
    const source = nodeOf.get(r.source);
    const target = nodeOf.get(r.target);
    if (source === undefined || target === undefined) continue;
    connections.push({ id: connectionId(key, r.id), relationshipRef: r.id, source, target });
  }
  return { id: vid, name, documentation, nodes, connections };
}

export function layoutViews(input: LayoutInput): AmView[] {
  const { model, edition, elements, relationships, layerOf } = input;
  const byId = new Map(elements.map((e) => [e.id, e]));
  const views: AmView[] = [];
  const layers = model.pack.enums['layer']?.values ?? [];
  for (const layer of layers) {
    const code = String(layer.value);
    const inLayer = new Set(elements.filter((e) => layerOf.get(e.id) === code).map((e) => e.id));
    if (inLayer.size === 0) continue;
    // Owners and operators of the layer's systems join the view; flows and servings stay within it.
    const owners = new Set<string>();
    for (const r of relationships) {
      if (r.type === 'Association' && inLayer.has(r.target) && byId.get(r.source)?.type === 'BusinessActor') owners.add(r.source);
    }
    const members = elements.filter((e) => inLayer.has(e.id) || owners.has(e.id));
    const rels = relationships.filter((r) => r.type === 'Association' || r.type === 'Flow' || r.type === 'Serving');
    const v = view(
      `layer-${code.toLowerCase()}`,
      `${code} — ${layer.vi}`,
      `Hệ thống, nền tảng thuộc ${enumLabel(model.pack, 'layer', code).toLocaleLowerCase('vi')} (QĐ 3090/QĐ-BKHCN) và cơ quan chủ quản, vận hành.`,
      members,
      rels,
    );
    if (v) views.push(v);
  }

  const data = new Set(elements.filter((e) => e.type === 'DataObject').map((e) => e.id));
  const around = new Set<string>();
  for (const r of relationships) {
    if (!data.has(r.target)) continue;
    if (r.type === 'Association' || (r.type === 'Access' && r.name === 'Lưu trữ')) around.add(r.source);
  }
  const dataView = view(
    'data',
    'Dữ liệu',
    edition.isPublic
      ? 'Cơ sở dữ liệu dùng chung, dữ liệu mở và chủ sở hữu.'
      : 'Cơ sở dữ liệu, tập dữ liệu, chủ sở hữu, chủ quản và hệ thống lưu trữ.',
    elements.filter((e) => data.has(e.id) || around.has(e.id)),
    relationships.filter((r) => data.has(r.target) && (r.type === 'Association' || (r.type === 'Access' && r.name === 'Lưu trữ'))),
  );
  if (dataView) views.push(dataView);

  // The business view: functions, services, the bodies that carry them out and the systems serving them.
  const business = new Set(elements.filter((e) => e.type === 'BusinessService' || e.type === 'BusinessFunction').map((e) => e.id));
  const businessRels = relationships.filter((r) => business.has(r.target) && (r.type === 'Association' || r.type === 'Serving' || r.type === 'Assignment' || r.type === 'Realization' || r.type === 'Composition'));
  const businessEnds = new Set(businessRels.flatMap((r) => [r.source, r.target]));
  const businessView = view(
    'business',
    'Kiến trúc nghiệp vụ',
    'Chức năng nghiệp vụ, dịch vụ công, cơ quan thực hiện, cung cấp và hệ thống giải quyết hồ sơ.',
    elements.filter((e) => business.has(e.id) || businessEnds.has(e.id)),
    businessRels,
  );
  if (businessView) views.unshift(businessView);

  if (!edition.isPublic) {
    const links = relationships.filter((r) => r.type === 'Flow' || r.type === 'Serving');
    const ends = new Set(links.flatMap((r) => [r.source, r.target]));
    const v = view(
      'integrations',
      'Kết nối, chia sẻ dữ liệu',
      'Luồng dữ liệu giữa các hệ thống và nền tảng kết nối, chia sẻ dữ liệu phục vụ các luồng đó.',
      elements.filter((e) => ends.has(e.id)),
      links,
    );
    if (v) views.push(v);
  }
  return views;
}

import { known } from '../../core/unknown.js';
import { addTo } from '../../core/multimap.js';
import { parseRef } from '../../core/ref.js';
import type { Model } from '../../model/model.js';
import type { Integration } from '../../model/types.js';
import { mmdId } from './escape.js';
import { CHANNEL_SHORT, endpointKind, endpointNode, integrationLabel, integrationLegend, integrationLink, isDirectOutside } from './endpoints.js';
import { Flowchart } from './flowchart.js';
import type { DiagramOptions, DiagramSpec } from './types.js';

const TITLE = 'Sơ đồ kết nối, chia sẻ dữ liệu: hệ thống của cơ quan, LGSP, NDXP, NDOP, nền tảng và cơ sở dữ liệu quốc gia';

function isNationalSide(model: Model, ref: string): boolean {
  const k = endpointKind(model, ref);
  return k === 'platform' || k === 'national-db' || k === 'national';
}

/** Endpoints in a stable order (own systems first). No group boxes: crossing edges make dagre lay them out badly. */
function declareEndpoints(chart: Flowchart, model: Model, refs: readonly string[]): void {
  const rank = (r: string): number => ['own', 'local-org', 'platform', 'national-db', 'national', 'org', 'external'].indexOf(endpointKind(model, r));
  for (const r of [...refs].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))) endpointNode(chart, model, r);
}

function mapChart(model: Model, integrations: readonly Integration[]): string {
  const chart = new Flowchart('LR');
  const refs = [...new Set(integrations.flatMap((i) => [i.from, i.to]))].sort();
  declareEndpoints(chart, model, refs);
  for (const it of integrations) chart.link(mmdId(it.from), mmdId(it.to), integrationLink(model, it, integrationLabel(model, it)));
  integrationLegend(chart, model, integrations);
  return chart.toString();
}

/** The owner (chủ quản) of an own system; other endpoints, and a system whose owner is "chưa xác định", stand for themselves. */
function ownerOf(model: Model, ref: string): string {
  if (endpointKind(model, ref) !== 'own') return ref;
  return known(model.get<'system'>(ref)?.owner) ?? ref;
}

/** Integrations aggregated by owning body: what a split map's overview shows. */
function overviewChart(model: Model, integrations: readonly Integration[]): string {
  const chart = new Flowchart('LR');
  const groups = new Map<string, { from: string; to: string; channel: string; n: number; sample: Integration }>();
  for (const it of integrations) {
    const from = ownerOf(model, it.from);
    const to = ownerOf(model, it.to);
    if (from === to) continue; // inside one body: shown in that body's own map
    const key = `${from}\u0000${to}\u0000${it.channel}\u0000${isDirectOutside(model, it)}\u0000${it.type ?? ''}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { from, to, channel: it.channel, n: 1, sample: it });
  }
  const refs = [...new Set([...groups.values()].flatMap((g) => [g.from, g.to]))].sort();
  declareEndpoints(chart, model, refs);
  for (const g of groups.values()) {
    const label = `${g.sample.type === 'network' ? 'Hạ tầng' : (CHANNEL_SHORT[g.channel] ?? g.channel)}: ${g.n} kết nối`;
    chart.link(mmdId(g.from), mmdId(g.to), integrationLink(model, { ...g.sample, status: 'live', direction: 'push' }, label));
  }
  integrationLegend(chart, model, integrations.map((i) => ({ ...i, status: 'live' as const })));
  return chart.toString();
}

/**
 * The integration map: own systems, LGSP, NDXP, NDOP, national databases and other bodies, each
 * connection labelled with its channel and the datasets it carries. Above `maxNodes` endpoints: an
 * overview by owning body, then one map per body owning systems.
 */
export function integrationDiagrams(model: Model, opts: DiagramOptions): DiagramSpec[] {
  const integrations = model.all('integration');
  if (integrations.length === 0) return [];
  const endpoints = new Set(integrations.flatMap((i) => [i.from, i.to]));
  if (endpoints.size <= opts.maxNodes) {
    return [{ name: 'integration-map', group: 'integration', title: TITLE, mermaid: mapChart(model, integrations) }];
  }
  const specs: DiagramSpec[] = [
    {
      name: 'integration-map',
      group: 'integration',
      title: `${TITLE} — tổng quan theo cơ quan chủ quản`,
      mermaid: overviewChart(model, integrations),
    },
  ];
  // One pass: each integration goes to the map of every owning body at either of its own ends.
  const byOwner = new Map<string, Integration[]>();
  for (const it of integrations) {
    const mineAt = new Set([it.from, it.to].filter((r) => endpointKind(model, r) === 'own').map((r) => ownerOf(model, r)));
    for (const owner of mineAt) addTo(byOwner, owner, it);
  }
  const owners = [...byOwner.keys()].sort();
  for (const owner of owners) {
    const mine = byOwner.get(owner) ?? [];
    const id = parseRef(owner)?.id ?? mmdId(owner);
    specs.push({
      name: `integration-map-${id}`,
      group: 'integration',
      title: `Sơ đồ kết nối — hệ thống do ${model.nameOf(owner)} chủ quản`,
      mermaid: mapChart(model, mine),
    });
  }
  return specs;
}

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
function declareEndpoints(chart: Flowchart, model: Model, refs: readonly string[], wrap?: number): void {
  const rank = (r: string): number => ['own', 'local-org', 'platform', 'national-db', 'national', 'org', 'external'].indexOf(endpointKind(model, r));
  for (const r of [...refs].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))) endpointNode(chart, model, r, wrap);
}

/**
 * ELK, not dagre: measured on the sample's 11 maps (tests/render/diagram-legibility.test.ts), both
 * keep labels off nodes and other labels, but dagre draws 16 edges through other edges' labels (9 on
 * the overview) where ELK's orthogonal routing draws none.
 */
const LAYOUT = { layout: 'elk' } as const;

function mapChart(model: Model, integrations: readonly Integration[]): string {
  const chart = new Flowchart('LR', LAYOUT);
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
function overviewChart(model: Model, integrations: readonly Integration[], print?: { readonly direction: 'LR' | 'TB'; readonly wrap: number }): string {
  const chart = new Flowchart(print?.direction ?? 'LR', { ...LAYOUT, cycleBreaking: 'MODEL_ORDER', ...(print ? { mergeEdges: true } : {}) });
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
  declareEndpoints(chart, model, refs, print?.wrap);
  for (const g of groups.values()) {
    const label = `${g.sample.type === 'network' ? 'Hạ tầng' : (CHANNEL_SHORT[g.channel] ?? g.channel)}: ${g.n} kết nối`;
    chart.link(mmdId(g.from), mmdId(g.to), integrationLink(model, { ...g.sample, status: 'live', direction: 'push' }, label));
  }
  integrationLegend(chart, model, integrations.map((i) => ({ ...i, status: 'live' as const })), { labelled: print !== undefined });
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

/**
 * The channel families of the print overview, each one figure. LGSP runs top-down: left to right, its
 * one hub and many bodies make a strip 1383 × 315 that prints at 5 pt across a portrait page and fills
 * a third of a landscape one; top-down it is 853 × 538.
 */
/** Line length of the printed overviews' node names: wider than the maps' 24, for a shorter right column. */
const PRINT_WRAP = 40;
const PRINT_FAMILIES: readonly { readonly id: string; readonly title: string; readonly channels: readonly string[]; readonly direction: 'LR' | 'TB' }[] = [
  { id: 'ndxp', title: 'Sơ đồ kết nối, chia sẻ dữ liệu giữa các cơ quan qua Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP), Trục liên thông văn bản quốc gia (VDXP) và kết nối hạ tầng', channels: ['ndxp', 'vdxp'], direction: 'LR' },
  { id: 'ndop', title: 'Sơ đồ kết nối, chia sẻ dữ liệu giữa các cơ quan qua Nền tảng điều phối, chia sẻ dữ liệu quốc gia (NDOP)', channels: ['ndop'], direction: 'LR' },
  { id: 'lgsp', title: 'Sơ đồ kết nối, chia sẻ dữ liệu giữa các cơ quan qua Nền tảng tích hợp, chia sẻ dữ liệu của tỉnh (LGSP)', channels: ['lgsp'], direction: 'TB' },
  { id: 'truc-tiep', title: 'Sơ đồ kết nối, chia sẻ dữ liệu trực tiếp giữa các cơ quan (không qua nền tảng)', channels: ['direct'], direction: 'LR' },
];

/**
 * The overview by owning body, split by channel family: what a printed document embeds. The whole
 * overview of a province does not fit an A4 page with its labels at 8 pt or more (the sample's: 5 pt);
 * split, the sample's figures print at 8.6 pt (NDXP) to 13.5 pt (LGSP). Bodies stay in the left column
 * and national platforms and databases in the right one, whichever way the data flows (ELK's
 * MODEL_ORDER cycle breaking: a national database feeding a body no longer starts a third column, which
 * made the NDXP figure 1204 units wide, 6.2 pt); the national names wrap at `PRINT_WRAP` characters,
 * so the tall column is shorter; no legend but the red direct links (every label names its channel).
 * Network links (type: network) go with the national platforms; channels outside the families go to
 * the last figure.
 */
export function integrationPrintDiagrams(model: Model): DiagramSpec[] {
  const integrations = model.all('integration');
  const familyOf = (it: Integration): string => {
    if (it.type === 'network') return 'ndxp';
    return PRINT_FAMILIES.find((f) => f.channels.includes(it.channel))?.id ?? 'truc-tiep';
  };
  const specs: DiagramSpec[] = [];
  for (const f of PRINT_FAMILIES) {
    const mine = integrations.filter((it) => familyOf(it) === f.id && ownerOf(model, it.from) !== ownerOf(model, it.to));
    if (mine.length === 0) continue;
    specs.push({ name: `integration-map-${f.id}`, group: 'integration', title: f.title, mermaid: overviewChart(model, mine, { direction: f.direction, wrap: PRINT_WRAP }) });
  }
  return specs;
}

import { isUnknown } from '../../core/unknown.js';
import { parseRef } from '../../core/ref.js';
import type { Model } from '../../model/model.js';
import type { Integration, System } from '../../model/types.js';
import { mmdId, truncate, wrapText } from './escape.js';
import { CHANNEL_SHORT, endpointNode, integrationLabel, integrationLegend, integrationLink, isDirectOutside } from './endpoints.js';
import { Flowchart, type LinkOptions } from './flowchart.js';
import { systemStatusLine } from './style.js';
import type { DiagramOptions, DiagramSpec } from './types.js';
import { datasetsOn, integrationsNaming, systemsNaming } from '../../analysis/indexes.js';

interface Relation {
  readonly other: string;
  /** The other node is drawn before (left of) the system. */
  readonly inbound: boolean;
  readonly link: LinkOptions;
  readonly node?: (chart: Flowchart) => string;
  /** The integration the edge is styled after (for the legend). */
  readonly styledAfter?: Integration;
}

const RELATION = 'stroke:#64748b,stroke-width:1.5px';

function datasetNode(model: Model, ref: string): (chart: Flowchart) => string {
  return (chart) => {
    const id = mmdId(ref);
    chart.classDef('dataset', 'fill:#eff6ff,stroke:#1d4ed8,stroke-width:1.5px,color:#0f172a');
    chart.node(id, wrapText(truncate(model.shortNameOf(ref), 60), 24), 'cylinder', 'dataset');
    return id;
  };
}

/** `LGSP:` then the datasets of all these connections, one per line (at most three, then a count). */
function combinedLabel(model: Model, its: readonly Integration[]): string {
  if (its.length === 1) return integrationLabel(model, its[0]!);
  const channels = [...new Set(its.map((i) => CHANNEL_SHORT[i.channel] ?? i.channel))].join(', ');
  const datasets = [...new Set(its.flatMap((i) => i.datasets ?? []))].map((d) => wrapText(truncate(model.shortNameOf(d), 56), 28));
  const shown = datasets.length > 3 ? datasets.slice(0, 2) : datasets;
  const lines = [`${channels}: ${its.length} kết nối`, ...shown];
  if (datasets.length > shown.length) lines.push(`+${datasets.length - shown.length} tập dữ liệu khác`);
  return lines.join('\n');
}

/** Live connections first, direct ones across the boundary first among them: the edge is styled after it. */
function representative(model: Model, its: readonly Integration[]): Integration {
  const score = (i: Integration): number => (i.status === 'live' ? 2 : 0) + (isDirectOutside(model, i) ? 1 : 0);
  return [...its].sort((a, b) => score(b) - score(a))[0]!;
}

/**
 * Everything one system touches: its integrations (also those it relays as `via`), one edge per
 * neighbour whatever the number of connections; datasets it holds; owner and operator; monitoring;
 * replacement.
 */
function relationsOf(model: Model, sys: System): Relation[] {
  const rels: Relation[] = [];
  const byOther = new Map<string, { inbound: boolean; outbound: boolean; its: Integration[] }>();
  const touch = (other: string, inbound: boolean, it: Integration): void => {
    if (other === sys.ref) return;
    const g = byOther.get(other) ?? { inbound: false, outbound: false, its: [] };
    if (inbound) g.inbound = true;
    else g.outbound = true;
    if (!g.its.includes(it)) g.its.push(it);
    byOther.set(other, g);
  };
  for (const it of integrationsNaming(model, sys.ref)) {
    if (it.from === sys.ref) touch(it.to, false, it);
    if (it.to === sys.ref) touch(it.from, true, it);
    if (it.via === sys.ref) {
      touch(it.from, true, it);
      touch(it.to, false, it);
    }
  }
  for (const [other, g] of byOther) {
    const rep = representative(model, g.its);
    const link = integrationLink(model, rep, combinedLabel(model, g.its));
    const both = g.inbound && g.outbound;
    rels.push({ other, inbound: g.inbound, link: both ? { ...link, arrow: 'both' } : link, styledAfter: rep });
  }
  for (const d of datasetsOn(model, sys.ref)) {
    rels.push({ other: d.ref, inbound: false, link: { label: 'lưu trữ', kind: 'dotted', arrow: 'none', style: RELATION }, node: datasetNode(model, d.ref) });
  }
  const bodies: [string | undefined, string][] = [
    [sys.owner, 'chủ quản'],
    [sys.operator, 'vận hành'],
  ];
  // "chưa xác định" is a fact about the system, not a body: it is said in the system's own box (unknownRoles).
  for (const [ref, label] of bodies) {
    if (ref && !isUnknown(ref)) rels.push({ other: ref, inbound: true, link: { label, kind: 'dotted', arrow: 'none', style: RELATION } });
  }
  const monitor = sys.security?.monitoredBy;
  if (monitor && monitor !== sys.ref) rels.push({ other: monitor, inbound: true, link: { label: 'giám sát an toàn', kind: 'dotted', style: RELATION } });
  for (const s of systemsNaming(model, sys.ref)) {
    if (s.ref !== sys.ref && s.security?.monitoredBy === sys.ref) rels.push({ other: s.ref, inbound: false, link: { label: 'giám sát an toàn', kind: 'dotted', style: RELATION } });
    if (s.ref !== sys.ref && s.replacedBy === sys.ref) rels.push({ other: s.ref, inbound: true, link: { label: 'được thay thế bởi', kind: 'dotted', style: RELATION } });
  }
  if (sys.replacedBy && sys.replacedBy !== sys.ref) rels.push({ other: sys.replacedBy, inbound: false, link: { label: 'được thay thế bởi', kind: 'dotted', style: RELATION } });
  return rels;
}

/** "chủ quản, vận hành: chưa xác định" when the YAML says so (no placeholder node is drawn for them). */
function unknownRoles(sys: System): string[] {
  const roles = [isUnknown(sys.owner) ? 'chủ quản' : undefined, isUnknown(sys.operator) ? 'vận hành' : undefined].filter((r): r is string => r !== undefined);
  return roles.length ? [`${roles.join(', ')}: chưa xác định`] : [];
}

function contextChart(model: Model, sys: System, maxNodes: number): string {
  const chart = new Flowchart('LR');
  const center = mmdId(sys.ref);
  const rels = relationsOf(model, sys);
  const others = [...new Set(rels.map((r) => r.other))];
  const kept = new Set(others.slice(0, Math.max(1, maxNodes - 2)));
  const dropped = others.length - kept.size;
  chart.classDef('focus', 'fill:#fde68a,stroke:#92400e,stroke-width:3px,color:#1c1917');
  chart.node(center, [wrapText(model.nameOf(sys.ref), 30), systemStatusLine(model, sys), ...unknownRoles(sys)].join('\n'), 'rect', 'focus');
  for (const r of rels) {
    if (!kept.has(r.other)) continue;
    const id = r.node ? r.node(chart) : endpointNode(chart, model, r.other);
    if (r.inbound) chart.link(id, center, r.link);
    else chart.link(center, id, r.link);
  }
  if (dropped > 0) {
    chart.classDef('more', 'fill:#ffffff,stroke:#9ca3af,stroke-dasharray:4 3,color:#374151');
    chart.node('more', `… và ${dropped} đối tượng liên quan khác`, 'rect', 'more');
    chart.link(center, 'more', { kind: 'dotted', arrow: 'none', style: RELATION });
  }
  integrationLegend(chart, model, rels.filter((r) => kept.has(r.other) && r.styledAfter).map((r) => r.styledAfter!));
  return chart.toString();
}

/** One context diagram per system: the system in the middle, what it exchanges with around it. */
export function contextDiagrams(model: Model, opts: DiagramOptions): DiagramSpec[] {
  return model.all('system').map((sys) => ({
    name: `context/${parseRef(sys.ref)?.id ?? mmdId(sys.ref)}`,
    group: 'context' as const,
    title: `Sơ đồ ngữ cảnh — ${model.nameOf(sys.ref)}`,
    mermaid: contextChart(model, sys, opts.maxNodes),
  }));
}

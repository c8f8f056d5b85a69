import { parseRef } from '../../core/ref.js';
import type { Model } from '../../model/model.js';
import type { System } from '../../model/types.js';
import { mmdId, truncate, wrapText } from './escape.js';
import { endpointNode, integrationLabel, integrationLegend, integrationLink } from './endpoints.js';
import { Flowchart, type LinkOptions } from './flowchart.js';
import { systemStatusLine } from './style.js';
import type { DiagramOptions, DiagramSpec } from './types.js';

interface Relation {
  readonly other: string;
  /** The other node is drawn before (left of) the system. */
  readonly inbound: boolean;
  readonly link: LinkOptions;
  readonly node?: (chart: Flowchart) => string;
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

/** Everything one system touches: integrations (also those it relays), datasets it holds, bodies, monitoring, replacement. */
function relationsOf(model: Model, sys: System): Relation[] {
  const rels: Relation[] = [];
  for (const it of model.all('integration')) {
    if (it.from === sys.ref && it.to !== sys.ref) rels.push({ other: it.to, inbound: false, link: integrationLink(model, it, integrationLabel(model, it)) });
    else if (it.to === sys.ref && it.from !== sys.ref) rels.push({ other: it.from, inbound: true, link: integrationLink(model, it, integrationLabel(model, it)) });
    else if (it.via === sys.ref) {
      rels.push({ other: it.from, inbound: true, link: integrationLink(model, it, integrationLabel(model, it)) });
      rels.push({ other: it.to, inbound: false, link: integrationLink(model, it, undefined) });
    }
  }
  for (const d of model.all('dataset')) {
    if (d.system === sys.ref) rels.push({ other: d.ref, inbound: false, link: { label: 'lưu trữ', kind: 'dotted', arrow: 'none', style: RELATION }, node: datasetNode(model, d.ref) });
  }
  const bodies: [string | undefined, string][] = [
    [sys.owner, 'chủ quản'],
    [sys.operator, 'vận hành'],
  ];
  for (const [ref, label] of bodies) {
    if (ref) rels.push({ other: ref, inbound: true, link: { label, kind: 'dotted', arrow: 'none', style: RELATION } });
  }
  const monitor = sys.security?.monitoredBy;
  if (monitor && monitor !== sys.ref) rels.push({ other: monitor, inbound: true, link: { label: 'giám sát an toàn', kind: 'dotted', style: RELATION } });
  for (const s of model.all('system')) {
    if (s.ref !== sys.ref && s.security?.monitoredBy === sys.ref) rels.push({ other: s.ref, inbound: false, link: { label: 'giám sát an toàn', kind: 'dotted', style: RELATION } });
    if (s.ref !== sys.ref && s.replacedBy === sys.ref) rels.push({ other: s.ref, inbound: true, link: { label: 'được thay thế bởi', kind: 'dotted', style: RELATION } });
  }
  if (sys.replacedBy && sys.replacedBy !== sys.ref) rels.push({ other: sys.replacedBy, inbound: false, link: { label: 'được thay thế bởi', kind: 'dotted', style: RELATION } });
  return rels;
}

function contextChart(model: Model, sys: System, maxNodes: number): string {
  const chart = new Flowchart('LR');
  const center = mmdId(sys.ref);
  const rels = relationsOf(model, sys);
  const others = [...new Set(rels.map((r) => r.other))];
  const kept = new Set(others.slice(0, Math.max(1, maxNodes - 2)));
  const dropped = others.length - kept.size;
  chart.classDef('focus', 'fill:#fde68a,stroke:#92400e,stroke-width:3px,color:#1c1917');
  chart.node(center, `${wrapText(model.nameOf(sys.ref), 30)}\n${systemStatusLine(model, sys)}`, 'rect', 'focus');
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
  const shownIntegrations = model.all('integration').filter((it) => [it.from, it.to, it.via].includes(sys.ref) && kept.has(it.from === sys.ref ? it.to : it.from));
  integrationLegend(chart, model, shownIntegrations);
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

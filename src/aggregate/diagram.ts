import { parseRef } from '../core/ref.js';
import { enumLabel } from '../framework/types.js';
import { mmdId, truncate, wrapText } from '../render/mermaid/escape.js';
import { Flowchart } from '../render/mermaid/flowchart.js';
import type { DiagramSpec } from '../render/mermaid/types.js';
import type { AggregateResult } from './types.js';

export const CROSS_AGENCY_DIAGRAM = 'lien-co-quan';

const CSS = {
  system: 'fill:#ecfdf5,stroke:#047857,stroke-width:1.5px,color:#052e16',
  org: 'fill:#fff7ed,stroke:#c2410c,stroke-width:1px,color:#431407',
  missing: 'fill:#fef2f2,stroke:#b91c1c,stroke-width:2px,stroke-dasharray:5 3,color:#7f1d1d',
};

/**
 * Integrations between the aggregated agencies, one box per agency: what each agency's systems exchange
 * with the others, and (dashed, red) the ends that do not exist.
 */
export function crossAgencyDiagram(r: AggregateResult): DiagramSpec {
  const m = r.model;
  const chart = new Flowchart('LR');
  chart.classDef('sys', CSS.system).classDef('org', CSS.org).classDef('missing', CSS.missing);
  const missing = new Set(
    r.conflicts.filter((c) => c.code === 'aggregate.unresolved-ref' && c.entity?.startsWith('integration:')).map((c) => c.entity as string),
  );
  const edges = [
    ...r.links.map((l) => ({ ref: l.integration, from: l.from, to: l.to, channel: l.channel, status: l.status, exists: true })),
    ...m
      .all('integration')
      .filter((it) => missing.has(it.ref))
      .map((it) => ({ ref: it.ref, from: it.from, to: it.to, channel: it.channel, status: it.status, exists: false })),
  ];
  const agencyOf = (ref: string) => parseRef(ref)?.agency ?? '';
  const ends = new Map<string, Set<string>>();
  for (const e of edges) {
    for (const ref of [e.from, e.to]) {
      const set = ends.get(agencyOf(ref)) ?? new Set<string>();
      set.add(ref);
      ends.set(agencyOf(ref), set);
    }
  }
  for (const a of r.agencies.filter((x) => x.merged)) {
    const refs = [...(ends.get(a.namespace) ?? [])].sort();
    if (!refs.length) continue;
    chart.subgraph(`agency_${mmdId(a.namespace)}`, `${wrapText(a.name, 28)}\n(${a.code ?? a.namespace})`, 'TB', () => {
      for (const ref of refs) {
        const exists = m.get(ref) !== undefined;
        const label = exists ? wrapText(truncate(m.shortNameOf(ref), 60), 24) : `${parseRef(ref)?.id ?? ref}\n(không tồn tại)`;
        chart.node(mmdId(ref), label, parseRef(ref)?.kind === 'system' ? 'rect' : 'stadium', exists ? (parseRef(ref)?.kind === 'system' ? 'sys' : 'org') : 'missing');
      }
    });
  }
  for (const e of edges) {
    const channel = enumLabel(m.pack, 'channel', e.channel, 'vi').replace(/^.*\((\w+)\)$/, '$1');
    const label = e.status === 'live' ? channel : `${channel} · ${enumLabel(m.pack, 'integrationStatus', e.status, 'vi').toLowerCase()}`;
    chart.link(mmdId(e.from), mmdId(e.to), {
      label,
      kind: e.exists && e.status === 'live' ? 'solid' : 'dotted',
      ...(e.exists ? {} : { style: 'stroke:#b91c1c,stroke-width:2px' }),
    });
  }
  return {
    name: CROSS_AGENCY_DIAGRAM,
    group: 'integration',
    title: 'Kết nối, chia sẻ dữ liệu giữa các cơ quan được tổng hợp',
    mermaid: chart.toString(),
  };
}

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
  outside: 'fill:#f8fafc,stroke:#64748b,stroke-width:1px,stroke-dasharray:3 3,color:#334155',
};

/**
 * Integrations between agencies, one box per agency: what each agency's systems exchange with the
 * others; (dashed, red) the ends that do not exist; (dashed, grey, in a box of their own) the ends in an
 * agency outside the aggregation, which could not be checked. The same list as aggregate.md's table.
 */
export function crossAgencyDiagram(r: AggregateResult): DiagramSpec {
  const m = r.model;
  const chart = new Flowchart('LR');
  chart.classDef('sys', CSS.system).classDef('org', CSS.org).classDef('missing', CSS.missing).classDef('outside', CSS.outside);
  const edges = r.links.map((l) => ({ ref: l.integration, from: l.from, to: l.to, channel: l.channel, status: l.status, end: l.end }));
  const agencyOf = (ref: string) => parseRef(ref)?.agency ?? '';
  const ends = new Map<string, Set<string>>();
  for (const e of edges) {
    for (const ref of [e.from, e.to]) {
      const set = ends.get(agencyOf(ref)) ?? new Set<string>();
      set.add(ref);
      ends.set(agencyOf(ref), set);
    }
  }
  const merged = r.agencies.filter((x) => x.merged);
  for (const a of merged) {
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
  const inside = new Set(merged.map((a) => a.namespace));
  for (const [code, set] of [...ends].filter(([code]) => code !== '' && !inside.has(code)).sort(([a], [b]) => (a < b ? -1 : 1))) {
    chart.subgraph(`agency_${mmdId(code)}`, `Cơ quan ${code}\n(ngoài lần tổng hợp)`, 'TB', () => {
      for (const ref of [...set].sort()) chart.node(mmdId(ref), `${parseRef(ref)?.id ?? ref}\n(chưa kiểm tra)`, parseRef(ref)?.kind === 'system' ? 'rect' : 'stadium', 'outside');
    });
  }
  for (const e of edges) {
    const channel = enumLabel(m.pack, 'channel', e.channel, 'vi').replace(/^.*\((\w+)\)$/, '$1');
    const label = e.status === 'live' ? channel : `${channel} · ${enumLabel(m.pack, 'integrationStatus', e.status, 'vi').toLowerCase()}`;
    chart.link(mmdId(e.from), mmdId(e.to), {
      label,
      kind: e.end === 'resolved' && e.status === 'live' ? 'solid' : 'dotted',
      ...(e.end === 'missing' ? { style: 'stroke:#b91c1c,stroke-width:2px' } : e.end === 'unchecked' ? { style: 'stroke:#64748b' } : {}),
    });
  }
  return {
    name: CROSS_AGENCY_DIAGRAM,
    group: 'integration',
    title: 'Kết nối, chia sẻ dữ liệu giữa các cơ quan được tổng hợp',
    mermaid: chart.toString(),
  };
}

import { parseRef } from '../../core/ref.js';
import type { Model } from '../../model/model.js';
import { isNetworkLink } from '../../model/roles.js';
import type { Integration } from '../../model/types.js';
import { mmdId, truncate, wrapText } from './escape.js';
import type { Flowchart, LinkOptions, Shape } from './flowchart.js';
import { LEGEND_CSS, LEGEND_DOT_CSS, systemClass } from './style.js';

/** What an integration endpoint is, for its shape and colour. */
export type EndpointKind = 'own' | 'platform' | 'national-db' | 'national' | 'org' | 'local-org' | 'external';

export function endpointKind(model: Model, ref: string): EndpointKind {
  const parsed = parseRef(ref);
  if (parsed?.agency !== undefined) return 'external';
  if (parsed?.kind === 'system') return 'own';
  if (parsed?.kind === 'national') {
    const n = model.national(ref);
    if (n?.type === 'platform') return 'platform';
    if (n?.type === 'database' || n?.type === 'sectoral-database') return 'national-db';
    return 'national';
  }
  if (parsed?.kind === 'org' || parsed?.kind === 'agency') {
    // A central body, or its local office (Công an tỉnh, BHXH tỉnh): outside the agency's own boundary.
    const org = model.org(ref);
    return org?.source === 'pack' || org?.level === 'deconcentrated' ? 'org' : 'local-org';
  }
  return 'external';
}

/** An endpoint outside the agency: national platforms and databases, central bodies, other agencies. */
export function isOutside(model: Model, ref: string): boolean {
  const k = endpointKind(model, ref);
  return k !== 'own' && k !== 'local-org';
}

const SHAPE: Record<EndpointKind, Shape> = {
  own: 'rect',
  platform: 'hexagon',
  'national-db': 'cylinder',
  national: 'round',
  org: 'stadium',
  'local-org': 'stadium',
  external: 'stadium',
};

const CLASS_CSS: Record<Exclude<EndpointKind, 'own'>, string> = {
  platform: 'fill:#ede9fe,stroke:#6d28d9,stroke-width:2px,color:#1e1b4b',
  'national-db': 'fill:#ccfbf1,stroke:#0f766e,stroke-width:2px,color:#042f2e',
  national: 'fill:#e0f2fe,stroke:#0369a1,stroke-width:2px,color:#0c4a6e',
  org: 'fill:#f3f4f6,stroke:#4b5563,stroke-width:1.5px,color:#111827',
  'local-org': 'fill:#fff7ed,stroke:#c2410c,stroke-width:1px,color:#431407',
  external: 'fill:#f3f4f6,stroke:#4b5563,stroke-width:1.5px,stroke-dasharray:4 3,color:#111827',
};

/** Label of any endpoint: shortName, or the name; another agency's ref shows its code. */
export function endpointName(model: Model, ref: string): string {
  const parsed = parseRef(ref);
  if (parsed?.agency !== undefined) return `${parsed.kind}:${parsed.id}\n(cơ quan ${parsed.agency})`;
  return model.shortNameOf(ref);
}

/** Declares the node for an integration endpoint (once) and returns its id. */
export function endpointNode(chart: Flowchart, model: Model, ref: string, width = 24): string {
  const id = mmdId(ref);
  if (chart.has(id)) return id;
  const kind = endpointKind(model, ref);
  const label = wrapText(endpointName(model, ref), width);
  if (kind === 'own') {
    const sys = model.get<'system'>(ref);
    chart.node(id, label, 'rect', sys ? systemClass(chart, sys) : undefined);
  } else {
    const cls = `ep_${kind.replace('-', '_')}`;
    chart.classDef(cls, CLASS_CSS[kind]);
    chart.node(id, label, SHAPE[kind], cls);
  }
  return id;
}

export const CHANNEL_SHORT: Readonly<Record<string, string>> = {
  lgsp: 'LGSP',
  ndxp: 'NDXP',
  ndop: 'NDOP',
  vdxp: 'VDXP',
  direct: 'Trực tiếp',
};

export const CHANNEL_COLOR: Readonly<Record<string, string>> = {
  lgsp: '#2563eb',
  ndxp: '#7c3aed',
  ndop: '#0d9488',
  vdxp: '#a16207',
  direct: '#6b7280',
};

/** Direct connections crossing the agency's boundary: the ones NĐ 278/2025 wants moved to a platform. */
export const DIRECT_OUTSIDE_COLOR = '#dc2626';
export const INACTIVE_COLOR = '#9ca3af';
/** Infrastructure and network links (type: network): purple, thick, labelled "Hạ tầng". */
export const NETWORK_COLOR = '#7c3aed';

export function isDirectOutside(model: Model, it: Integration): boolean {
  // A network link is infrastructure, not data exchange bypassing a platform.
  return !isNetworkLink(it) && it.channel === 'direct' && (isOutside(model, it.from) || isOutside(model, it.to));
}

/** `NDOP:` then one dataset per line (at most `maxDatasets`, then `+2 tập dữ liệu khác`). */
export function integrationLabel(model: Model, it: Integration, maxDatasets = 3): string {
  const names = (it.datasets ?? []).map((d) => wrapText(truncate(model.shortNameOf(d), 56), 28));
  const shown = names.length > maxDatasets ? names.slice(0, maxDatasets - 1) : names;
  const more = names.length - shown.length;
  const channel = isNetworkLink(it) ? `Hạ tầng${it.bandwidth ? ` ${it.bandwidth}` : ''}` : (CHANNEL_SHORT[it.channel] ?? it.channel);
  const status = it.status === 'live' ? '' : ` (${STATUS_SHORT[it.status] ?? it.status})`;
  const lines = [`${channel}${status}${shown.length ? ':' : ''}`, ...shown];
  if (more > 0) lines.push(`+${more} tập dữ liệu khác`);
  return lines.join('\n');
}

const STATUS_SHORT: Readonly<Record<string, string>> = {
  planned: 'dự kiến',
  testing: 'thử nghiệm',
  suspended: 'tạm dừng',
  retired: 'đã dừng',
};

/** Line kind and colour: channel colour; dotted unless live; thick red when direct across the boundary. */
export function integrationLink(model: Model, it: Integration, label: string | undefined): LinkOptions {
  const inactive = it.status === 'suspended' || it.status === 'retired';
  const live = it.status === 'live';
  const outside = isDirectOutside(model, it);
  const network = isNetworkLink(it);
  const color = inactive ? INACTIVE_COLOR : network ? NETWORK_COLOR : outside ? DIRECT_OUTSIDE_COLOR : (CHANNEL_COLOR[it.channel] ?? '#6b7280');
  const width = (outside || network) && !inactive ? '3px' : '2px';
  return {
    ...(label !== undefined ? { label } : {}),
    kind: live ? (outside || network ? 'thick' : 'solid') : 'dotted',
    arrow: it.direction === 'bidirectional' ? 'both' : 'end',
    style: `stroke:${color},stroke-width:${width}`,
  };
}

/**
 * One sample line per channel and state used, so colours and dashes need no guessing. `labelled`: every
 * edge's label already names its channel ("NDXP: 2 kết nối", "Hạ tầng: 1 kết nối"), so only what a label
 * does not say is listed (a direct link crossing the boundary, drawn red): a printed overview keeps the
 * height the legend would take.
 */
export function integrationLegend(chart: Flowchart, model: Model, integrations: readonly Integration[], opts: { readonly labelled?: boolean } = {}): void {
  const entries: { label: string; kind: 'solid' | 'dotted' | 'thick'; color: string; width: string }[] = [];
  for (const ch of opts.labelled ? [] : ['lgsp', 'ndxp', 'ndop', 'vdxp', 'direct']) {
    if (integrations.some((i) => i.channel === ch && !isNetworkLink(i) && !isDirectOutside(model, i))) {
      entries.push({ label: ch === 'direct' ? 'Trực tiếp, trong nội bộ' : `Qua ${CHANNEL_SHORT[ch]}`, kind: 'solid', color: CHANNEL_COLOR[ch]!, width: '2px' });
    }
  }
  if (!opts.labelled && integrations.some((i) => isNetworkLink(i))) {
    entries.push({ label: 'Kết nối hạ tầng, đường truyền (không chia sẻ dữ liệu nghiệp vụ)', kind: 'thick', color: NETWORK_COLOR, width: '3px' });
  }
  if (integrations.some((i) => isDirectOutside(model, i))) {
    entries.push({ label: 'Trực tiếp với bên ngoài (chưa qua nền tảng)', kind: 'thick', color: DIRECT_OUTSIDE_COLOR, width: '3px' });
  }
  if (integrations.some((i) => i.status === 'planned' || i.status === 'testing')) {
    entries.push({ label: 'Dự kiến, đang thử nghiệm (nét đứt)', kind: 'dotted', color: '#374151', width: '2px' });
  }
  if (integrations.some((i) => i.status === 'suspended' || i.status === 'retired')) {
    entries.push({ label: 'Tạm dừng, đã dừng', kind: 'dotted', color: INACTIVE_COLOR, width: '2px' });
  }
  if (entries.length === 0) return;
  chart.classDef('legend_dot', LEGEND_DOT_CSS);
  chart.classDef('legend', LEGEND_CSS);
  chart.subgraph('legend', 'Chú giải', 'LR', () => {
    entries.forEach((_, i) => {
      chart.node(`legend_a${i}`, ' ', 'rect', 'legend_dot');
      chart.node(`legend_b${i}`, ' ', 'rect', 'legend_dot');
    });
  }, 'legend');
  entries.forEach((e, i) => chart.link(`legend_a${i}`, `legend_b${i}`, { label: e.label, kind: e.kind, length: 2, style: `stroke:${e.color},stroke-width:${e.width}` }));
}

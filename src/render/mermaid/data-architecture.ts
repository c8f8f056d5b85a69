import { known } from '../../core/unknown.js';
import { viShortDate } from '../../core/dates.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { Dataset } from '../../model/types.js';
import { mmdId, truncate, wrapText } from './escape.js';
import { Flowchart } from './flowchart.js';
import { LEGEND_CSS, LEGEND_DOT_CSS } from './style.js';
import type { DiagramOptions, DiagramSpec } from './types.js';

const TITLE = 'Kiến trúc dữ liệu: cơ sở dữ liệu, tập dữ liệu theo lớp dữ liệu (QĐ 2439/QĐ-TTg) và đồng bộ về Cơ sở dữ liệu tổng hợp quốc gia';
const NATIONAL = 'national:csdl-tong-hop-quoc-gia';
const UNLAYERED = 'none';

const SHARING_CSS: Readonly<Record<string, string>> = {
  shared: 'fill:#dbeafe,stroke:#1d4ed8,stroke-width:1.5px,color:#0f172a',
  restricted: 'fill:#fce7f3,stroke:#be185d,stroke-width:1.5px,color:#0f172a',
  open: 'fill:#dcfce7,stroke:#15803d,stroke-width:1.5px,color:#0f172a',
  none: 'fill:#f3f4f6,stroke:#6b7280,stroke-width:1.5px,stroke-dasharray:4 3,color:#0f172a',
};

/** `short`: the overview's edge labels, under a title that already says "đồng bộ". */
const SYNC_STYLE: Readonly<Record<string, { kind: 'solid' | 'dotted' | 'thick'; css: string; vi: string; short: string }>> = {
  live: { kind: 'thick', css: 'stroke:#15803d,stroke-width:3px', vi: 'Đồng bộ thường xuyên', short: 'Thường xuyên' },
  partial: { kind: 'solid', css: 'stroke:#d97706,stroke-width:2px', vi: 'Đồng bộ một phần', short: 'Một phần' },
  planned: { kind: 'dotted', css: 'stroke:#2563eb,stroke-width:2px', vi: 'Đã có kế hoạch', short: 'Đã có kế hoạch' },
  none: { kind: 'dotted', css: 'stroke:#dc2626,stroke-width:2px', vi: 'Chưa đồng bộ', short: 'Chưa đồng bộ' },
};

function layersOf(model: Model, datasets: readonly Dataset[]): string[] {
  const order = (model.pack.enums['dataLayer']?.values ?? []).map((v) => String(v.value));
  const used = new Set<string>(datasets.map((d) => known(d.layer) ?? UNLAYERED));
  return [...order.filter((l) => used.has(l)), ...(used.has(UNLAYERED) ? [UNLAYERED] : [])];
}

function layerTitle(model: Model, layer: string): string {
  return layer === UNLAYERED ? 'Chưa xác định lớp dữ liệu' : enumLabel(model.pack, 'dataLayer', layer);
}

/** Datasets that go, or should go, to the national consolidated database. */
function syncStatusOf(d: Dataset): string | undefined {
  if (d.sync) return d.sync.status;
  return d.nationalStore ? 'none' : undefined;
}

function syncLabel(d: Dataset): string {
  const s = d.sync;
  if (!s || s.status === 'none') return 'Chưa đồng bộ';
  const parts = [SYNC_STYLE[s.status]?.vi ?? s.status];
  if (s.coverage !== undefined) parts.push(`${String(s.coverage).replace('.', ',')}% bản ghi`);
  if (s.status === 'planned' && s.plannedDate) parts.push(`dự kiến ${viShortDate(s.plannedDate)}`);
  return parts.join('\n');
}

const NATIONAL_GROUP = 'grp_national';
const NO_STORE = 'chưa xác định kho';

/** A dataset whose store is not known links to the national database's box itself: no placeholder node. */
function storeNodeId(store: string | undefined): string {
  return store ? `store_${mmdId(store)}` : NATIONAL_GROUP;
}

/** `wrap`: the title's and the stores' line lengths (the overview's are narrower). */
function declareNational(chart: Flowchart, model: Model, stores: readonly (string | undefined)[], wrap?: { readonly title: number; readonly store: number }): void {
  chart.classDef('store', 'fill:#ccfbf1,stroke:#0f766e,stroke-width:2px,color:#042f2e');
  const title = `${model.nameOf(NATIONAL)} — ${model.nameOf('national:ttdlqg')}`;
  chart.subgraph(NATIONAL_GROUP, wrap ? wrapText(title, wrap.title) : title, 'TB', () => {
    for (const s of stores) if (s) chart.node(storeNodeId(s), wrapText(enumLabel(model.pack, 'nationalStore', s), wrap?.store ?? 22), 'cylinder', 'store');
  }, 'national');
  chart.classDef('national', 'fill:#f0fdfa,stroke:#14b8a6,color:#134e4a');
}

function legend(chart: Flowchart, model: Model, datasets: readonly Dataset[], withSharing: boolean): void {
  const sharing = withSharing ? ['shared', 'restricted', 'open', 'none'].filter((k) => datasets.some((d) => (d.sharing ?? 'none') === k)) : [];
  const statuses = ['live', 'partial', 'planned', 'none'].filter((k) => datasets.some((d) => syncStatusOf(d) === k));
  chart.classDef('legend', LEGEND_CSS);
  chart.classDef('legend_dot', LEGEND_DOT_CSS);
  chart.subgraph('legend', 'Chú giải', 'LR', () => {
    for (const k of sharing) chart.node(`legend_sh_${k}`, k === 'none' ? 'Chưa phân loại chia sẻ' : enumLabel(model.pack, 'sharingClass', k), 'cylinder', `sh_${k}`);
    chart.grid(sharing.map((k) => `legend_sh_${k}`), sharing.length, 'LR');
    statuses.forEach((k) => {
      chart.node(`legend_a_${k}`, ' ', 'rect', 'legend_dot');
      chart.node(`legend_b_${k}`, ' ', 'rect', 'legend_dot');
    });
  }, 'legend');
  for (const k of sharing) chart.classDef(`sh_${k}`, SHARING_CSS[k]!);
  for (const k of statuses) {
    const st = SYNC_STYLE[k]!;
    chart.link(`legend_a_${k}`, `legend_b_${k}`, { label: st.vi, kind: st.kind, length: 2, style: st.css });
  }
}

function datasetLabel(model: Model, d: Dataset): string {
  const crit = d.criticality && d.criticality !== 'other' ? enumLabel(model.pack, 'criticality', d.criticality) : undefined;
  const replica = d.nationalRole === 'replica' ? 'bản sao từ CSDL quốc gia' : undefined;
  const second = [crit, replica].filter((x): x is string => x !== undefined).join(', ');
  return [wrapText(truncate(model.shortNameOf(d.ref), 60), 24), ...(second ? [wrapText(second, 28)] : [])].join('\n');
}

function detailChart(model: Model, datasets: readonly Dataset[]): string {
  const chart = new Flowchart('LR');
  for (const layer of layersOf(model, datasets)) {
    const inLayer = datasets.filter((d) => (known(d.layer) ?? UNLAYERED) === layer);
    chart.subgraph(`layer_${mmdId(layer)}`, `${layerTitle(model, layer)} (${inLayer.length})`, 'TB', () => {
      for (const d of inLayer) {
        const sh = d.sharing ?? 'none';
        chart.classDef(`sh_${sh}`, SHARING_CSS[sh]!);
        chart.node(mmdId(d.ref), datasetLabel(model, d), 'cylinder', `sh_${sh}`);
      }
    }, 'layer');
  }
  chart.classDef('layer', 'fill:#fafafa,stroke:#a1a1aa,color:#18181b');
  const synced = datasets.filter((d) => syncStatusOf(d) !== undefined);
  const stores = [...new Set(synced.map((d) => d.nationalStore))].sort((a, b) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0));
  if (synced.length) declareNational(chart, model, stores);
  for (const d of synced) {
    const st = SYNC_STYLE[syncStatusOf(d) ?? 'none']!;
    const label = d.nationalStore ? syncLabel(d) : `${syncLabel(d)}\n${NO_STORE}`;
    chart.link(mmdId(d.ref), storeNodeId(d.nationalStore), { label, kind: st.kind, style: st.css });
  }
  legend(chart, model, datasets, true);
  return chart.toString();
}

/**
 * One node per data layer with its counts, and per-status counts to each store: the figure the strategy
 * prints (8.4 pt across a portrait page for the sample). Laid out by ELK, as the integration maps: with
 * dagre its 20 labelled edges ran through each other's labels and one label sat on another; ELK routes
 * them in lanes, and takes the national database's title wrapped (dagre then put it on the first store).
 * No legend: every label names its status, and the legend made the figure a fifth taller. Short labels
 * ("Thường xuyên: 2"): with "Đồng bộ thường xuyên" the figure is 946 units wide, 7.9 pt.
 */
function overviewChart(model: Model, datasets: readonly Dataset[]): string {
  const chart = new Flowchart('LR', { layout: 'elk' });
  chart.classDef('layer_node', 'fill:#f8fafc,stroke:#475569,stroke-width:1.5px,color:#0f172a');
  const layers = layersOf(model, datasets);
  for (const layer of layers) {
    const n = datasets.filter((d) => (known(d.layer) ?? UNLAYERED) === layer).length;
    chart.node(`layer_${mmdId(layer)}`, `${wrapText(layerTitle(model, layer), 22)}\n${n} tập dữ liệu`, 'cylinder', 'layer_node');
  }
  const synced = datasets.filter((d) => syncStatusOf(d) !== undefined);
  const stores = [...new Set(synced.map((d) => d.nationalStore))].sort((a, b) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0));
  if (synced.length) declareNational(chart, model, stores, { title: 20, store: 16 });
  for (const layer of layers) {
    for (const store of stores) {
      for (const status of ['live', 'partial', 'planned', 'none']) {
        const n = synced.filter((d) => (known(d.layer) ?? UNLAYERED) === layer && d.nationalStore === store && syncStatusOf(d) === status).length;
        if (n === 0) continue;
        const st = SYNC_STYLE[status]!;
        chart.link(`layer_${mmdId(layer)}`, storeNodeId(store), { label: `${st.short}: ${n}${store ? '' : `\n(${NO_STORE})`}`, kind: st.kind, style: st.css });
      }
    }
  }
  return chart.toString();
}

/**
 * Data architecture: datasets grouped by QĐ 2439 data layer, filled by sharing class, with their
 * synchronisation to the national consolidated database (store, status, coverage). Above `maxNodes`:
 * an overview by layer, then one diagram per layer.
 */
export function dataDiagrams(model: Model, opts: DiagramOptions): DiagramSpec[] {
  const datasets = model.all('dataset');
  if (datasets.length === 0) return [];
  const stores = new Set(datasets.filter((d) => syncStatusOf(d) !== undefined).map((d) => d.nationalStore));
  if (datasets.length + stores.size <= opts.maxNodes) {
    return [{ name: 'data-architecture', group: 'data', title: TITLE, mermaid: detailChart(model, datasets) }];
  }
  const specs: DiagramSpec[] = [{ name: 'data-architecture', group: 'data', title: `${TITLE} — tổng quan`, mermaid: overviewChart(model, datasets) }];
  for (const layer of layersOf(model, datasets)) {
    const inLayer = datasets.filter((d) => (known(d.layer) ?? UNLAYERED) === layer);
    specs.push({
      name: `data-architecture-${layer}`,
      group: 'data',
      title: `Kiến trúc dữ liệu — ${layerTitle(model, layer)}`,
      mermaid: detailChart(model, inLayer),
    });
  }
  return specs;
}

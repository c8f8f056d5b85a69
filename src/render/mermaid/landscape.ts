import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import { systemRoles } from '../../model/roles.js';
import type { System } from '../../model/types.js';
import { mmdId, wrapText } from './escape.js';
import { Flowchart } from './flowchart.js';
import { displayName, systemClass, systemLegend, systemStatusLine } from './style.js';
import type { DiagramOptions, DiagramSpec } from './types.js';

/** Top to bottom as architecture pictures show them: channels above, infrastructure below. */
const LAYERS_TOP_DOWN = ['L4', 'L3', 'L2', 'L1'] as const;

export function layerTitle(model: Model, layer: string): string {
  return `${layer} · ${enumLabel(model.pack, 'layer', layer)}`;
}

export function componentTitle(model: Model, component: string): string {
  return model.pack.components.find((c) => c.id === component)?.vi ?? component;
}

/** Components in pack order, then any unknown ones by id. */
function componentsOf(model: Model, systems: readonly System[]): string[] {
  const used = new Set<string>(systems.map((s) => s.component));
  const known = model.pack.components.map((c) => c.id).filter((c) => used.has(c));
  const unknown = [...used].filter((c) => !known.includes(c)).sort();
  return [...known, ...unknown];
}

/**
 * Name, status and, for a system with several roles, its other roles ("＋ L3 · IOC"): the landscape
 * draws a system once, at its primary layer and component.
 */
export function systemLabel(model: Model, s: System): string {
  const others = systemRoles(s).filter((r) => !r.primary);
  const roles = others.length ? `\n＋ ${others.map((r) => `${r.layer} · ${componentTitle(model, r.component)}`).map((t) => wrapText(t, 28)).join('\n＋ ')}` : '';
  return `${wrapText(displayName(model, s.ref), 24)}\n${systemStatusLine(model, s)}${roles}`;
}

/** Systems per row inside a component box, and component boxes per row inside a layer. */
const SYSTEMS_PER_ROW = 2;
const COMPONENTS_PER_ROW = 3;

function landscapeChart(model: Model, systems: readonly System[]): string {
  const chart = new Flowchart('TB');
  const layers = LAYERS_TOP_DOWN.filter((l) => systems.some((s) => s.layer === l));
  for (const layer of layers) {
    const inLayer = systems.filter((s) => s.layer === layer);
    const compIds: string[] = [];
    chart.subgraph(`layer_${layer}`, layerTitle(model, layer), 'TB', () => {
      for (const comp of componentsOf(model, inLayer)) {
        const inComp = inLayer.filter((s) => s.component === comp);
        const ids = inComp.map((s) => mmdId(s.ref));
        const compId = `comp_${mmdId(comp)}_${layer}`;
        compIds.push(compId);
        chart.subgraph(compId, wrapText(componentTitle(model, comp), 30), 'TB', () => {
          for (const s of inComp) chart.node(mmdId(s.ref), systemLabel(model, s), 'rect', systemClass(chart, s));
          chart.grid(ids, SYSTEMS_PER_ROW, 'TB');
        }, 'component');
      }
      chart.grid(compIds, COMPONENTS_PER_ROW, 'TB');
    }, `layer_${layer}`);
  }
  for (let i = 1; i < layers.length; i++) chart.link(`layer_${layers[i - 1]}`, `layer_${layers[i]}`, { kind: 'invisible' });
  chart.classDef('component', 'fill:#ffffff,stroke:#cbd5e1,color:#334155');
  chart.classDef('layer_L1', 'fill:#f1f5f9,stroke:#64748b,color:#0f172a');
  chart.classDef('layer_L2', 'fill:#eff6ff,stroke:#3b82f6,color:#0f172a');
  chart.classDef('layer_L3', 'fill:#f0fdf4,stroke:#22c55e,color:#0f172a');
  chart.classDef('layer_L4', 'fill:#fefce8,stroke:#eab308,color:#0f172a');
  systemLegend(chart, model, systems, layers.length ? `layer_${layers[layers.length - 1]}` : undefined);
  return chart.toString();
}

/** Layers with component boxes holding a count, for the overview of a split landscape. */
function overviewChart(model: Model, systems: readonly System[]): string {
  const chart = new Flowchart('TB');
  const layers = LAYERS_TOP_DOWN.filter((l) => systems.some((s) => s.layer === l));
  for (const layer of layers) {
    const inLayer = systems.filter((s) => s.layer === layer);
    chart.subgraph(`layer_${layer}`, `${layerTitle(model, layer)} (${inLayer.length} hệ thống)`, 'TB', () => {
      for (const comp of componentsOf(model, inLayer)) {
        const n = inLayer.filter((s) => s.component === comp).length;
        chart.node(`comp_${mmdId(comp)}_${layer}`, `${wrapText(componentTitle(model, comp), 24)}\n${n} hệ thống`, 'rect', 'component');
      }
    }, `layer_${layer}`);
  }
  for (let i = 1; i < layers.length; i++) chart.link(`layer_${layers[i - 1]}`, `layer_${layers[i]}`, { kind: 'invisible' });
  chart.classDef('component', 'fill:#ffffff,stroke:#94a3b8,color:#0f172a');
  chart.classDef('layer_L1', 'fill:#f1f5f9,stroke:#64748b,color:#0f172a');
  chart.classDef('layer_L2', 'fill:#eff6ff,stroke:#3b82f6,color:#0f172a');
  chart.classDef('layer_L3', 'fill:#f0fdf4,stroke:#22c55e,color:#0f172a');
  chart.classDef('layer_L4', 'fill:#fefce8,stroke:#eab308,color:#0f172a');
  return chart.toString();
}

const TITLE = 'Bức tranh tổng thể hệ thống thông tin theo lớp và thành phần kiến trúc (QĐ 3090/QĐ-BKHCN)';

/**
 * Layers and components with a count of systems in each, and nothing else: no system name, status
 * or security level. What a public document can show (the strategy's public edition embeds it).
 */
export function landscapeOverviewDiagram(model: Model): DiagramSpec | undefined {
  const systems = model.all('system');
  if (systems.length === 0) return undefined;
  return { name: 'landscape-overview', group: 'landscape', title: `${TITLE} — tổng quan`, mermaid: overviewChart(model, systems) };
}

/**
 * The landscape: every system in its QĐ 3090 layer and component, filled by lifecycle and bordered by
 * security level. Above `maxNodes` it becomes an overview plus one diagram per layer (per component
 * when a layer alone is still too big).
 */
export function landscapeDiagrams(model: Model, opts: DiagramOptions): DiagramSpec[] {
  const systems = model.all('system');
  if (systems.length === 0) return [];
  if (systems.length <= opts.maxNodes) {
    return [{ name: 'landscape', group: 'landscape', title: TITLE, mermaid: landscapeChart(model, systems) }];
  }
  const specs: DiagramSpec[] = [
    { name: 'landscape', group: 'landscape', title: `${TITLE} — tổng quan`, mermaid: overviewChart(model, systems) },
  ];
  for (const layer of [...LAYERS_TOP_DOWN].reverse()) {
    const inLayer = systems.filter((s) => s.layer === layer);
    if (inLayer.length === 0) continue;
    if (inLayer.length <= opts.maxNodes) {
      specs.push({
        name: `landscape-${layer.toLowerCase()}`,
        group: 'landscape',
        title: `Hệ thống thông tin — ${layerTitle(model, layer)}`,
        mermaid: landscapeChart(model, inLayer),
      });
      continue;
    }
    for (const comp of componentsOf(model, inLayer)) {
      const inComp = inLayer.filter((s) => s.component === comp);
      // A component larger than the limit is still one diagram: its systems are laid out in a grid.
      specs.push({
        name: `landscape-${layer.toLowerCase()}-${comp}`,
        group: 'landscape',
        title: `Hệ thống thông tin — ${layer} · ${componentTitle(model, comp)}`,
        mermaid: landscapeChart(model, inComp),
      });
    }
  }
  return specs;
}

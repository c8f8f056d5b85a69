import type { Model } from '../../model/model.js';
import type { ValidModel } from '../../model/valid.js';
import { businessDiagrams } from './business.js';
import { contextDiagrams } from './context.js';
import { dataDiagrams } from './data-architecture.js';
import { integrationDiagrams } from './integration-map.js';
import { kpiDiagrams } from './kpi-charts.js';
import { landscapeDiagrams } from './landscape.js';
import { roadmapDiagrams } from './roadmap.js';
import { securityDiagrams } from './security.js';
import { DEFAULT_MAX_NODES, DIAGRAMS_DIR, type DiagramEntry, type DiagramOptions, type DiagramSpec } from './types.js';

/**
 * Every diagram of the model as Mermaid text, in index order: business view (services), landscape, integration map, data
 * architecture, security, roadmap, KPI charts, then one context diagram per system. Pure.
 */
export function diagramsFor(model: ValidModel, opts: Partial<DiagramOptions> & Pick<DiagramOptions, 'asOf'>): DiagramSpec[] {
  const o: DiagramOptions = { maxNodes: DEFAULT_MAX_NODES, ...opts };
  // The diagrams, the strategy document and the site all ask in one build: draw the Mermaid once.
  const key = `${o.asOf}\u0000${o.maxNodes}`;
  const known = DRAWN.get(model)?.get(key);
  if (known) return [...known];
  const specs = [
    ...businessDiagrams(model, o),
    ...landscapeDiagrams(model, o),
    ...integrationDiagrams(model, o),
    ...dataDiagrams(model, o),
    ...securityDiagrams(model, o),
    ...roadmapDiagrams(model, o),
    ...kpiDiagrams(model, o),
    ...contextDiagrams(model, o),
  ];
  const byKey = DRAWN.get(model) ?? new Map<string, readonly DiagramSpec[]>();
  byKey.set(key, specs);
  DRAWN.set(model, byKey);
  return [...specs];
}

/** Diagrams per model (immutable once built) and options. */
const DRAWN = new WeakMap<Model, Map<string, readonly DiagramSpec[]>>();

/**
 * `diagramsFor` plus where `kientruc build` puts each file, relative to `generated/`
 * (`diagrams/landscape.svg`): what the gap report and the strategy document link or embed.
 */
export function diagramEntries(model: ValidModel, opts: Partial<DiagramOptions> & Pick<DiagramOptions, 'asOf'>): DiagramEntry[] {
  return diagramsFor(model, opts).map((d) => ({
    ...d,
    files: { mmd: `${DIAGRAMS_DIR}/${d.name}.mmd`, svg: `${DIAGRAMS_DIR}/${d.name}.svg`, png: `${DIAGRAMS_DIR}/${d.name}.png` },
  }));
}

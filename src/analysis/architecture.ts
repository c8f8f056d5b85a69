import type { IsoDate } from '../core/dates.js';
import type { Model } from '../model/model.js';
import { modelAt } from '../model/states.js';
import type { Dataset, Integration, Service, System } from '../model/types.js';
import { computeCoverage, type CoverageRow } from './coverage.js';
import { connectionFigures, datasetFigures, systemFigures, type ConnectionFigures, type DatasetFigures, type SystemFigures } from './figures.js';
import { serviceFigures, type ServiceFigures } from './services.js';
import { hasApprovedSecurityLevel, isInSecurityScope, isInService } from './systems.js';

/**
 * The figures of one state of the architecture (the current one, or the target one of the Kiến trúc
 * số): what each of its views prints, computed once from the model of that state, so the document's
 * chapters and the consistency checks read the same numbers.
 */

export interface LayerFigures {
  readonly layer: string;
  readonly total: number;
  readonly inService: number;
  readonly sharedPlatforms: number;
}

export interface ArchitectureState {
  readonly asOf: IsoDate;
  readonly orgs: { readonly total: number; readonly communes: number };
  /** Systems by QĐ 3090 layer (pack order), counted as `systems`. */
  readonly layers: readonly LayerFigures[];
  readonly systems: SystemFigures;
  /** Systems not retired, by hosting (pack order of `deployment`; undeclared last, as ''). */
  readonly hosting: readonly { readonly deployment: string; readonly count: number }[];
  readonly datasets: DatasetFigures;
  /** The connection figures every document prints (`connectionFigures`), for the period ending at the state's date. */
  readonly integrations: ConnectionFigures;
  readonly security: { readonly inScope: number; readonly approved: number; readonly monitored: number };
  /** Public services (their online levels, eligible services fully online, latest dossiers) and business functions. */
  readonly services: ServiceFigures;
  readonly functions: number;
  /** Coverage measures of the state against their national targets. */
  readonly coverage: readonly CoverageRow[];
}

const notRetired = (s: System): boolean => s.status !== 'retired';

/** The figures of `model` (already the model of one state) at `asOf`. */
export function architectureState(model: Model, asOf: IsoDate): ArchitectureState {
  // Systems are counted as the strategy's current-state table counts them (every declared system,
  // with those in service), so the two documents print the same numbers.
  const systems = model.all('system');
  const live = systems.filter(notRetired);
  const layerOrder = (model.pack.enums['layer']?.values ?? []).map((v) => String(v.value));
  const layers = layerOrder
    .map((layer) => {
      const inLayer = systems.filter((s) => s.layer === layer);
      return { layer, total: inLayer.length, inService: inLayer.filter(isInService).length, sharedPlatforms: inLayer.filter((s) => s.sharedPlatform === true).length };
    })
    .filter((l) => l.total > 0);
  const deployOrder = (model.pack.enums['deployment']?.values ?? []).map((v) => String(v.value));
  const hosting = [...deployOrder, '']
    // A deployment outside the pack's list ("chưa xác định") counts as undeclared, so the rows add up to the systems not retired.
    .map((deployment) => ({ deployment, count: live.filter((s) => (deployOrder.includes(s.hosting?.deployment ?? '') ? s.hosting!.deployment! : '') === deployment).length }))
    .filter((h) => h.count > 0);
  const orgs = model.all('org');
  const inScope = systems.filter(isInSecurityScope);
  return {
    asOf,
    orgs: { total: orgs.length, communes: orgs.filter((o) => o.level === 'commune').length },
    layers,
    systems: systemFigures(model),
    hosting,
    datasets: datasetFigures(model),
    integrations: connectionFigures(model, asOf),
    security: {
      inScope: inScope.length,
      approved: inScope.filter(hasApprovedSecurityLevel).length,
      monitored: inScope.filter((s) => s.security?.monitoredBy !== undefined).length,
    },
    services: serviceFigures(model, asOf),
    functions: model.all('function').length,
    coverage: computeCoverage(model, asOf),
  };
}

/** One difference between two states of an entity the architecture draws. */
export interface StateChange {
  readonly ref: string;
  readonly kind: 'system' | 'dataset' | 'integration' | 'service';
  /** `added`: only in the target; `removed`: only in the current state; `changed`: a field differs. */
  readonly change: 'added' | 'removed' | 'changed';
  /** For `changed`: the field (`status`, `layer`, `hosting`, `sync`, `channel`, `sharing`). */
  readonly field: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

const SYSTEM_FIELDS: readonly (readonly [string, (s: System) => string | undefined])[] = [
  ['status', (s) => s.status],
  ['layer', (s) => s.layer],
  ['hosting', (s) => s.hosting?.deployment],
];
const DATASET_FIELDS: readonly (readonly [string, (d: Dataset) => string | undefined])[] = [
  ['sync', (d) => d.sync?.status],
  ['sharing', (d) => d.sharing],
];
const SERVICE_FIELDS: readonly (readonly [string, (s: Service) => string | undefined])[] = [['onlineLevel', (s) => (typeof s.onlineLevel === 'string' ? s.onlineLevel : undefined)]];
const INTEGRATION_FIELDS: readonly (readonly [string, (i: Integration) => string | undefined])[] = [
  ['status', (i) => i.status],
  ['channel', (i) => i.channel],
];

function compare<T extends { readonly ref: string }>(
  kind: StateChange['kind'],
  current: readonly T[],
  target: readonly T[],
  fields: readonly (readonly [string, (t: T) => string | undefined])[],
): StateChange[] {
  const out: StateChange[] = [];
  const before = new Map(current.map((e) => [e.ref, e]));
  const after = new Map(target.map((e) => [e.ref, e]));
  for (const ref of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(ref);
    const b = after.get(ref);
    if (!a && b) out.push({ ref, kind, change: 'added', field: null, from: null, to: null });
    else if (a && !b) out.push({ ref, kind, change: 'removed', field: null, from: null, to: null });
    else if (a && b) {
      for (const [field, get] of fields) {
        const x = get(a) ?? null;
        const y = get(b) ?? null;
        if (x !== y) out.push({ ref, kind, change: 'changed', field, from: x, to: y });
      }
    }
  }
  return out;
}

/**
 * What differs between the current and the target state, for what the architecture draws: systems
 * (status, layer, hosting), datasets (synchronisation, sharing class), integrations (status, channel),
 * public services (online level);
 * entities present in only one state. Sorted by kind, then ref.
 */
export function stateChanges(current: Model, target: Model): StateChange[] {
  return [
    ...compare('system', current.all('system'), target.all('system'), SYSTEM_FIELDS),
    ...compare('dataset', current.all('dataset'), target.all('dataset'), DATASET_FIELDS),
    ...compare('integration', current.all('integration'), target.all('integration'), INTEGRATION_FIELDS),
    ...compare('service', current.all('service'), target.all('service'), SERVICE_FIELDS),
  ];
}

/**
 * Coverage measures with a national target that the target state still misses: what the national
 * framework requires and the target architecture does not deliver.
 */
export function targetShortfalls(target: ArchitectureState): CoverageRow[] {
  return target.coverage.filter((c) => c.target !== null && c.meetsTarget === false);
}

/** The target year when the agency names none: the end of the national frameworks' horizon (QĐ 3090, QĐ 1751). */
export const DEFAULT_TARGET_YEAR = 2030;

/** The year of the architecture's target state: `document.horizon` when the agency's document is the architecture, else 2030. */
export function architectureTargetYear(model: Model): number {
  const doc = model.agency?.document;
  return doc?.kind === 'kien-truc' && doc.horizon !== undefined ? doc.horizon : DEFAULT_TARGET_YEAR;
}

/** The day of the architecture's target state: 31 December of its target year. */
export function targetDateOf(model: Model): IsoDate {
  return `${architectureTargetYear(model)}-12-31`;
}

/** The target state of the architecture: the model at 31 December of its target year. */
export function targetStateOf<M extends Model>(model: M): { readonly model: M; readonly year: number; readonly date: IsoDate } {
  const year = architectureTargetYear(model);
  const date = targetDateOf(model);
  return { model: modelAt(model, { kind: 'target', year, date, text: `target:${year}` }), year, date };
}

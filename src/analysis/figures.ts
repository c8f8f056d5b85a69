import type { IsoDate, Period } from '../core/dates.js';
import type { Model } from '../model/model.js';
import type { Kpi } from '../model/types.js';
import { computeCoverage, type CoverageRow } from './coverage.js';
import { displayValue } from './display.js';
import { PLATFORM_CHANNELS } from './endpoints.js';
import { periodConnections } from './periodic.js';
import { defaultReportPeriod } from './periods.js';
import { isInService } from './systems.js';

/**
 * The figures more than one document prints (the strategy's current-state table, the periodic report,
 * the Kế hoạch, the site), computed in one place so two documents of one build cannot disagree: every
 * connection count is over the same set, the connections in place during the reporting period.
 */
export interface ConnectionFigures {
  readonly period: Period;
  /** Connections in place during the period (declared, started by its end, not retired before it). */
  readonly total: number;
  /** Of those, the ones whose status today is "đang hoạt động". */
  readonly inOperation: number;
  /** Of those, the ones in operation through NDOP. */
  readonly viaNdop: number;
  /** Of those, the ones in operation through a shared platform (LGSP, NDXP, NDOP, VDXP); the rest are direct. */
  readonly viaPlatform: number;
  /** Of those, the ones with successful transactions recorded in the period. */
  readonly working: number;
  /** Of those, the ones with transaction figures recorded for the period. */
  readonly withData: number;
  /** Of those not planned, the ones with no transaction figures for the period: data missing, which is not zero. */
  readonly withoutData: number;
}

export function connectionFigures(model: Model, asOf: IsoDate, period: Period = defaultReportPeriod(model, asOf)): ConnectionFigures {
  const c = periodConnections(model, period);
  const rows = c.groups.flatMap((g) => g.rows);
  const live = rows.filter((r) => r.status === 'live');
  return {
    period,
    total: c.total,
    inOperation: live.length,
    viaNdop: live.filter((r) => r.channel === 'ndop').length,
    viaPlatform: live.filter((r) => PLATFORM_CHANNELS.has(r.channel)).length,
    working: c.working,
    withData: rows.filter((r) => r.transactions !== null).length,
    withoutData: rows.filter((r) => r.status !== 'planned' && r.transactions === null).length,
  };
}

/** Connections in place during the period by channel (pack order of `channel`), counted as `connectionFigures` counts them. */
export function channelFigures(model: Model, asOf: IsoDate, period: Period = defaultReportPeriod(model, asOf)): readonly { readonly channel: string; readonly total: number; readonly inOperation: number }[] {
  const rows = periodConnections(model, period).groups.flatMap((g) => g.rows);
  const order = (model.pack.enums['channel']?.values ?? []).map((v) => String(v.value));
  return [...order, ...[...new Set(rows.map((r) => r.channel))].filter((c) => !order.includes(c)).sort()]
    .map((channel) => {
      const of = rows.filter((r) => r.channel === channel);
      return { channel, total: of.length, inOperation: of.filter((r) => r.status === 'live').length };
    })
    .filter((c) => c.total > 0);
}

export interface SystemFigures {
  /** Every declared system. */
  readonly total: number;
  /** Operating or being upgraded (`isInService`). */
  readonly inService: number;
  /** Planned or being built. */
  readonly planned: number;
  /** Being retired (`retiring`, "Đang dừng, chuyển đổi"). */
  readonly retiring: number;
  readonly retired: number;
  readonly sharedPlatforms: number;
}

/** The system counts every document prints (the strategy's current-state table, the Kiến trúc số, the site). */
export function systemFigures(model: Model): SystemFigures {
  const systems = model.all('system');
  return {
    total: systems.length,
    inService: systems.filter(isInService).length,
    planned: systems.filter((s) => s.status === 'planned' || s.status === 'building').length,
    retiring: systems.filter((s) => s.status === 'retiring').length,
    retired: systems.filter((s) => s.status === 'retired').length,
    sharedPlatforms: systems.filter((s) => s.sharedPlatform === true).length,
  };
}

export interface DatasetFigures {
  readonly total: number;
  readonly shared: number;
  readonly open: number;
  readonly restricted: number;
  /** No sharing class declared ("chưa xác định", or not written): the rest of `total`. */
  readonly unclassified: number;
  readonly master: number;
}

const CLASSIFIED_SHARING: ReadonlySet<string> = new Set(['shared', 'open', 'restricted']);

/** One part of a count printed as parts of a total: its key and how many. */
export interface FigurePart<K extends string = string> {
  readonly key: K;
  readonly count: number;
}

/**
 * The parts of the system total by lifecycle group, in the order the documents print them, without the
 * empty ones: they add up to `total`, so a sentence "37 hệ thống (34 …, 1 …, 1 …, 1 …)" adds up.
 */
export function systemStatusParts(f: SystemFigures): readonly FigurePart<'inService' | 'planned' | 'retiring' | 'retired'>[] {
  return (['inService', 'planned', 'retiring', 'retired'] as const).map((key) => ({ key, count: f[key] })).filter((p) => p.count > 0);
}

/** The parts of the dataset total by sharing class (pack order, undeclared last), without the empty ones: they add up to `total`. */
export function datasetSharingParts(f: DatasetFigures): readonly FigurePart<'shared' | 'open' | 'restricted' | 'unclassified'>[] {
  return (['shared', 'open', 'restricted', 'unclassified'] as const).map((key) => ({ key, count: f[key] })).filter((p) => p.count > 0);
}

/** The dataset counts every document prints. */
export function datasetFigures(model: Model): DatasetFigures {
  const datasets = model.all('dataset');
  return {
    total: datasets.length,
    shared: datasets.filter((d) => d.sharing === 'shared').length,
    open: datasets.filter((d) => d.sharing === 'open').length,
    restricted: datasets.filter((d) => d.sharing === 'restricted').length,
    unclassified: datasets.filter((d) => !CLASSIFIED_SHARING.has(d.sharing ?? '')).length,
    master: datasets.filter((d) => d.layer === 'master').length,
  };
}

const PROGRESS_UNITS: ReadonlySet<string> = new Set(['percent', 'milestone']);

/** Can a KPI in `unit` be compared with this computed measure? */
export function comparableUnit(row: CoverageRow, unit: string): boolean {
  return row.unit === unit || (PROGRESS_UNITS.has(row.unit) && PROGRESS_UNITS.has(unit));
}

/** A KPI's declared measurement that prints differently from the same measure computed from the model on the same date. */
export interface FigureMismatch {
  readonly kpi: Kpi;
  /** Index of the measurement in `kpi.measurements`. */
  readonly index: number;
  readonly measurement: NonNullable<Kpi['measurements']>[number];
  readonly coverage: CoverageRow;
  readonly declared: string;
  readonly computed: string;
}

/**
 * Where two documents of one build would print two numbers for one fact: a KPI linked to a national
 * target whose measure kientruc computes from the model (the Kiến trúc số and the gap report's coverage
 * print the value computed on the model's state) carries a measurement dated that state's date (the
 * strategy and the gap report's target table print it) that shows a different value. The state's date
 * is the model's own (`--state target:2030`: 31/12/2030, so a measurement of today is another point in
 * time, not a contradiction), else `asOf`.
 */
export function figureMismatches(model: Model, asOf: IsoDate, coverage?: readonly CoverageRow[] | ((date: IsoDate) => readonly CoverageRow[])): FigureMismatch[] {
  const date = model.stateDate() ?? asOf;
  const kpis = model.all('kpi').filter((k) => (k.measurements ?? []).some((m) => m.date === date));
  if (kpis.length === 0) return [];
  // `coverage`: the rows, or how to compute them at the state's date (the rule: summed, see computeCoverage).
  const rows = typeof coverage === 'function' ? coverage(date) : (coverage ?? computeCoverage(model, date));
  const byId = new Map(rows.map((c) => [c.id, c]));
  const out: FigureMismatch[] = [];
  for (const kpi of kpis) {
    if (kpi.nationalTarget === undefined) continue;
    const measure = model.target(kpi.nationalTarget)?.measure;
    const row = measure ? byId.get(measure) : undefined;
    if (!row || row.value === null || !comparableUnit(row, kpi.unit)) continue;
    const list = kpi.measurements ?? [];
    const index = list.findLastIndex((m) => m.date === date);
    const measurement = list[index];
    if (!measurement) continue;
    const declared = displayValue(measurement.value, kpi.unit) ?? String(measurement.value);
    const computed = row.display ?? displayValue(row.value, row.unit) ?? String(row.value);
    if (declared !== computed) out.push({ kpi, index, measurement, coverage: row, declared, computed });
  }
  return out;
}

/** The service figures (share of eligible services fully online, share of dossiers online) every document prints. */
export { latestDossierTotals, serviceFigures, type DossierTotals, type ServiceFigures } from './services.js';

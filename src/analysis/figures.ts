import type { IsoDate, Period } from '../core/dates.js';
import type { Model } from '../model/model.js';
import { PLATFORM_CHANNELS } from './endpoints.js';
import { periodConnections } from './periodic.js';
import { defaultReportPeriod } from './periods.js';

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
  };
}

/** The service figures (share of eligible services fully online, share of dossiers online) every document prints. */
export { latestDossierTotals, serviceFigures, type DossierTotals, type ServiceFigures } from './services.js';

import { addDays, parsePeriod, periodWithin, type IsoDate, type Period } from '../core/dates.js';
import { enumLabel, type FrameworkPack } from '../framework/types.js';
import type { Model } from '../model/model.js';

export type PeriodKind = 'monthly' | 'quarterly' | 'semiannual' | 'annual';
const KINDS: readonly PeriodKind[] = ['monthly', 'quarterly', 'semiannual', 'annual'];

/** The period of `kind` that contains `date`. */
export function periodContaining(kind: PeriodKind, date: IsoDate): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const id =
    kind === 'annual' ? `${y}` : kind === 'semiannual' ? `${y}-H${m <= 6 ? 1 : 2}` : kind === 'quarterly' ? `${y}-Q${Math.ceil(m / 3)}` : `${y}-${String(m).padStart(2, '0')}`;
  return parsePeriod(id)!;
}

/** The latest period of `kind` that has ended on or before `asOf` (a period ending on the report date counts). */
export function latestCompletePeriod(kind: PeriodKind, asOf: IsoDate): Period {
  const current = periodContaining(kind, asOf);
  return current.end <= asOf ? current : periodContaining(kind, addDays(current.start, -1));
}

/** The agency's reporting period (governance.reportingPeriod), else the pack's default (unconfirmed). */
export function reportingPeriodOf(model: Model): { readonly kind: PeriodKind; readonly label: string; readonly fromPack: boolean; readonly confirmed: boolean } {
  const own = model.agency?.governance?.reportingPeriod;
  if (own) return { kind: own, label: enumLabel(model.pack, 'reportingPeriod', own), fromPack: false, confirmed: true };
  const t = model.pack.thresholds['defaultReportingPeriod'];
  const kind = typeof t?.value === 'string' && (KINDS as readonly string[]).includes(t.value) ? (t.value as PeriodKind) : 'quarterly';
  return { kind, label: enumLabel(model.pack, 'reportingPeriod', kind), fromPack: true, confirmed: t?.confirmed ?? false };
}

/** The period a default report covers: the latest complete one before `asOf`. */
export function defaultReportPeriod(model: Model, asOf: IsoDate): Period {
  return latestCompletePeriod(reportingPeriodOf(model).kind, asOf);
}

/**
 * Entries (usage, sharing requests) that fall inside `period`, without double counting: when both a
 * quarter and one of its months are recorded, the quarter is kept.
 */
export function entriesWithin<T extends { readonly period: string }>(entries: readonly T[], period: Period): T[] {
  const inside = entries.map((e) => ({ e, p: parsePeriod(e.period) })).filter((x): x is { e: T; p: Period } => x.p !== undefined && periodWithin(x.p, period));
  return inside.filter((x) => !inside.some((y) => y !== x && y.p.id !== x.p.id && periodWithin(x.p, y.p))).map((x) => x.e);
}

export function isPackPeriodKind(pack: FrameworkPack, value: string): value is PeriodKind {
  return (KINDS as readonly string[]).includes(value) && pack.enums['reportingPeriod']?.values.some((v) => v.value === value) === true;
}

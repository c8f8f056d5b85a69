import { daysBetween, parseDeadline, type IsoDate } from '../core/dates.js';
import { text, type Text } from '../core/text.js';
import type { NationalTarget } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { Kpi } from '../model/types.js';
import { kpisImplementing } from './indexes.js';

/** A dated value: a measurement or the baseline. */
export interface DatedValue {
  readonly date: IsoDate;
  readonly value: number;
}

/** What a KPI is compared against: a value to reach by a date. */
export interface Goal {
  readonly value: number;
  readonly deadline: IsoDate;
  /** `gte`: reached when value ≥ goal (most KPIs); `lte` for "lower is better". */
  readonly comparator: 'gte' | 'lte';
}

export type KpiStatus = 'achieved' | 'on-track' | 'behind' | 'at-risk' | 'no-data';

/** Status names as the gap report prints them. */
export const KPI_STATUS_LABEL: Readonly<Record<KpiStatus, Text>> = {
  achieved: text('Đạt', 'Achieved'),
  'on-track': text('Đúng tiến độ', 'On track'),
  behind: text('Chậm', 'Behind'),
  'at-risk': text('Nguy cơ không đạt', 'At risk'),
  'no-data': text('Thiếu số liệu', 'No data'),
};

/** Order of concern (worst first), for sorting action lists. */
export const KPI_STATUS_RANK: Readonly<Record<KpiStatus, number>> = { 'at-risk': 0, behind: 1, 'no-data': 2, 'on-track': 3, achieved: 4 };

/** Measurements dated on or before `asOf`, oldest first (stable for equal dates). */
export function measurementsUntil(kpi: Kpi, asOf: IsoDate): readonly DatedValue[] {
  return (kpi.measurements ?? [])
    .map((m, i) => ({ date: m.date, value: m.value, i }))
    .filter((m) => m.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
    .map(({ date, value }) => ({ date, value }));
}

/** The latest measurement dated on or before `asOf` (the last one listed wins a tie). */
export function latestMeasurement(kpi: Kpi, asOf: IsoDate): DatedValue | undefined {
  const list = measurementsUntil(kpi, asOf);
  return list[list.length - 1];
}

/** Sensible bounds of a value by unit: percentages and milestones 0–100, maturity levels 1–5, ranks ≥ 1, others ≥ 0. */
export function unitBounds(unit: string): { readonly min: number; readonly max: number } {
  if (unit === 'percent' || unit === 'milestone') return { min: 0, max: 100 };
  if (unit === 'level') return { min: 1, max: 5 };
  if (unit === 'rank') return { min: 1, max: Number.POSITIVE_INFINITY };
  return { min: 0, max: Number.POSITIVE_INFINITY };
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Least-squares line through the dated values, evaluated at `at`, clamped to the unit's bounds.
 * Undefined with fewer than two distinct dates.
 */
export function projectValue(points: readonly DatedValue[], at: IsoDate, unit: string): number | undefined {
  if (new Set(points.map((p) => p.date)).size < 2) return undefined;
  const origin = points[0]!.date;
  const xs = points.map((p) => daysBetween(origin, p.date));
  const ys = points.map((p) => p.value);
  const n = points.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  const slope = sxy / sxx;
  const y = my + slope * (daysBetween(origin, at) - mx);
  const { min, max } = unitBounds(unit);
  return round2(Math.min(max, Math.max(min, y)));
}

/** Value on the straight path from the baseline to the goal, at `date` (undefined without a usable baseline). */
export function plannedValue(baseline: DatedValue | undefined, goal: Goal, date: IsoDate): number | undefined {
  if (!baseline || baseline.date >= goal.deadline) return undefined;
  const total = daysBetween(baseline.date, goal.deadline);
  const elapsed = Math.min(total, Math.max(0, daysBetween(baseline.date, date)));
  return round2(baseline.value + ((goal.value - baseline.value) * elapsed) / total);
}

export function meets(value: number, goal: Pick<Goal, 'value' | 'comparator'>): boolean {
  const eps = 1e-9;
  return goal.comparator === 'lte' ? value <= goal.value + eps : value >= goal.value - eps;
}

export interface Progress {
  readonly status: KpiStatus;
  readonly latest: DatedValue | null;
  /** Least-squares value at the deadline (null with fewer than two dated values, or once the deadline has passed). */
  readonly projected: number | null;
  /** Value the straight baseline→goal path expects at the latest measurement's date. */
  readonly planned: number | null;
  /** The deadline passed without the goal being met. */
  readonly overdue: boolean;
  /** Why the status was chosen, one sentence. */
  readonly reason: Text;
}

/**
 * Status of a KPI against a goal at `asOf` (rules, in order):
 * 1. thiếu số liệu — no goal, or no measurement dated on or before `asOf`;
 * 2. đạt — the latest measurement meets the goal;
 * 3. chậm (quá hạn) — the deadline has passed without meeting it;
 * 4. nguy cơ không đạt — the least-squares projection at the deadline misses the goal;
 * 5. chậm — the projection meets the goal but the latest value lies below the straight path from the baseline;
 * 6. đúng tiến độ — the projection meets the goal (or, with one dated value, it lies on or above the path);
 * 7. thiếu số liệu — a single value and no baseline: no trend can be told.
 */
export function assessProgress(input: {
  readonly measurements: readonly DatedValue[];
  readonly baseline: DatedValue | undefined;
  readonly goal: Goal | undefined;
  readonly asOf: IsoDate;
  readonly unit: string;
}): Progress {
  const { measurements, baseline, goal, asOf, unit } = input;
  const latest = measurements[measurements.length - 1];
  const none = { latest: latest ?? null, projected: null, planned: null, overdue: false };
  if (!goal) return { ...none, status: 'no-data', reason: text('Chưa có giá trị mục tiêu để so sánh.', 'No target value to compare with.') };
  if (!latest) return { ...none, status: 'no-data', reason: text('Chưa có số đo đến ngày báo cáo.', 'No measurement up to the report date.') };
  const series = baseline && !measurements.some((m) => m.date === baseline.date) && baseline.date <= asOf ? [baseline, ...measurements] : [...measurements];
  series.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // A projection is a forecast: none once the deadline has passed (the measurements speak for themselves).
  const projected = goal.deadline >= asOf ? (projectValue(series, goal.deadline, unit) ?? null) : null;
  const planned = plannedValue(baseline, goal, latest.date) ?? null;
  const base = { latest, projected, planned, overdue: false };
  if (meets(latest.value, goal)) return { ...base, status: 'achieved', reason: text('Số đo gần nhất đã đạt mục tiêu.', 'The latest measurement meets the target.') };
  if (asOf > goal.deadline) {
    return { ...base, overdue: true, status: 'behind', reason: text('Đã quá thời hạn mà chưa đạt mục tiêu.', 'The deadline has passed without meeting the target.') };
  }
  const belowPath = planned !== null && !meets(latest.value, { value: planned, comparator: goal.comparator });
  if (projected !== null) {
    if (!meets(projected, goal)) {
      return { ...base, status: 'at-risk', reason: text('Theo xu hướng các lần đo, giá trị dự báo tại thời hạn không đạt mục tiêu.', 'On the trend of the measurements, the value projected at the deadline misses the target.') };
    }
    if (belowPath) return { ...base, status: 'behind', reason: text('Số đo gần nhất thấp hơn lộ trình từ giá trị cơ sở đến mục tiêu.', 'The latest measurement lies below the path from the baseline to the target.') };
    return { ...base, status: 'on-track', reason: text('Theo xu hướng các lần đo, mục tiêu đạt được đúng hạn.', 'On the trend of the measurements, the target is met on time.') };
  }
  if (planned !== null) {
    return belowPath
      ? { ...base, status: 'behind', reason: text('Số đo gần nhất thấp hơn lộ trình từ giá trị cơ sở đến mục tiêu.', 'The latest measurement lies below the path from the baseline to the target.') }
      : { ...base, status: 'on-track', reason: text('Số đo gần nhất bám sát lộ trình từ giá trị cơ sở đến mục tiêu.', 'The latest measurement is on the path from the baseline to the target.') };
  }
  return { ...base, status: 'no-data', reason: text('Mới có một số đo và chưa có giá trị cơ sở: chưa đủ số liệu để đánh giá xu hướng.', 'One measurement and no baseline: not enough data to tell the trend.') };
}

/** Ranks, and KPIs declared `direction: decrease`, improve as they fall. */
export function isLowerBetter(kpi: Kpi): boolean {
  return kpi.direction === 'decrease' || (kpi.direction === undefined && kpi.unit === 'rank');
}

/** The KPI's own goal (its `target`), or undefined. */
export function kpiGoal(kpi: Kpi): Goal | undefined {
  if (!kpi.target) return undefined;
  const dl = parseDeadline(kpi.target.deadline);
  if (!dl || dl.kind !== 'date') return undefined;
  return { value: kpi.target.value, deadline: dl.date, comparator: isLowerBetter(kpi) ? 'lte' : 'gte' };
}

/** The national target's goal (undefined when it sets no number or no date). */
export function nationalGoal(t: NationalTarget): Goal | undefined {
  if (t.value === null || t.deadline === null) return undefined;
  return { value: t.value, deadline: t.deadline, comparator: t.comparator };
}

/** Progress of a KPI against its own target, at `asOf`. */
export function kpiProgress(kpi: Kpi, asOf: IsoDate, goal: Goal | undefined = kpiGoal(kpi)): Progress {
  const baseline = kpi.baseline ? { date: kpi.baseline.date, value: kpi.baseline.value } : undefined;
  return assessProgress({ measurements: measurementsUntil(kpi, asOf), baseline, goal, asOf, unit: kpi.unit });
}

/** KPIs implementing a national target, sorted by ref. */
export function kpisFor(model: Model, targetRef: string): readonly Kpi[] {
  return kpisImplementing(model, targetRef);
}

export function isOffTrack(p: Progress): boolean {
  return p.status === 'behind' || p.status === 'at-risk';
}

/**
 * The KPI's progress against the national target it implements (`nationalTarget`), as the gap report's
 * table of national targets judges it: the national value by the national deadline. Undefined without a
 * national target the agency itself must meet (a national-level target is not compared, as in
 * kpi.below-national-target) or one that sets no value or date. A document that judges the KPI
 * against its own target states this one beside it when they differ ("Nguy cơ không đạt" against the
 * KPI's own 2026 target, "Chậm" against a national deadline of 2025 already passed).
 */
export function nationalProgress(model: Model, kpi: Kpi, asOf: IsoDate): { readonly target: NationalTarget; readonly goal: Goal; readonly progress: Progress } | undefined {
  const target = kpi.nationalTarget ? model.target(kpi.nationalTarget) : undefined;
  if (!target || target.appliesTo !== 'agency') return undefined;
  const goal = nationalGoal(target);
  return goal ? { target, goal, progress: kpiProgress(kpi, asOf, goal) } : undefined;
}

/** A unit of the pack catalogue or of agency.units: its names and the symbol printed after a number. */
export interface UnitInfo {
  readonly id: string;
  readonly vi: string;
  readonly en: string;
  readonly symbol: string | undefined;
}

/** The unit `id` as the pack or the agency declares it; the id itself when neither does. */
export function unitInfo(model: Model, id: string): UnitInfo {
  const own = model.agency?.units?.find((u) => u.id === id);
  if (own) return { id, vi: own.vi, en: own.en ?? own.vi, symbol: own.symbol };
  const v = model.pack.enums['kpiUnit']?.values.find((x) => x.value === id);
  if (v) return { id, vi: v.vi, en: v.en, symbol: v.symbol };
  return { id, vi: id, en: id, symbol: undefined };
}

/** A current-state statistic (`statistic: true`) with its latest figure on the report date. */
export interface StatisticView {
  readonly ref: string;
  readonly name: string;
  readonly value: number | null;
  readonly unit: UnitInfo;
  readonly date: IsoDate | null;
  readonly source: string | null;
}

/**
 * Current-state statistics (4G coverage, base stations, km of fibre …): KPIs declared `statistic: true`,
 * each with its latest measurement up to `asOf`, in model order. For the current-state sections of
 * documents (hiện trạng).
 */
export function currentStatistics(model: Model, asOf: IsoDate): readonly StatisticView[] {
  return model
    .all('kpi')
    .filter((k) => k.statistic === true)
    .map((k) => {
      const latest = latestMeasurement(k, asOf);
      const m = latest ? (k.measurements ?? []).find((x) => x.date === latest.date && x.value === latest.value) : undefined;
      return { ref: k.ref, name: k.name, value: latest?.value ?? null, unit: unitInfo(model, k.unit), date: latest?.date ?? null, source: m?.source ?? null };
    });
}

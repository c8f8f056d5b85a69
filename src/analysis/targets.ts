import type { IsoDate } from '../core/dates.js';
import { parseDeadline } from '../core/dates.js';
import { text, type Text } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { CoverageRow } from './coverage.js';
import { displayDate, displayValue } from './display.js';
import { assessProgress, kpiGoal, kpisFor, KPI_STATUS_LABEL, measurementsUntil, nationalGoal, type Goal, type KpiStatus } from './kpis.js';
import { tasksForKpi } from './tasks.js';

export interface DatedDisplay {
  readonly value: number;
  readonly display: string;
  readonly date: IsoDate;
  readonly dateDisplay: string;
}

/** Where the agency stands against one national target. */
export interface TargetRow {
  readonly ref: string;
  readonly name: Text;
  readonly unit: string;
  readonly unitLabel: string;
  readonly legalRef: string;
  readonly appliesTo: 'agency' | 'national';
  readonly appliesToLabel: Text;
  /** False for facts the brief marks unconfirmed: every output shows "chưa xác nhận". */
  readonly confirmed: boolean;
  readonly note: string | null;
  readonly national: { readonly value: number | null; readonly display: string | null; readonly deadline: IsoDate | null; readonly deadlineDisplay: string | null };
  /** The agency's KPI implementing it (the first by ref), with its own target. */
  readonly kpi: {
    readonly ref: string;
    readonly name: string;
    readonly target: { readonly value: number; readonly display: string | null; readonly deadline: string; readonly deadlineDisplay: string | null } | null;
    readonly others: number;
  } | null;
  /**
   * In a consolidated report (kientruc aggregate) only: the merged agencies' own targets summarised (the
   * range of their values and deadlines, how many set one), shown instead of `kpi.target`, which is the
   * first agency's alone; null in one agency's report.
   */
  readonly agencyTargets: {
    /** "80%" or "80%–90%"; null when no agency set a target or their units differ. */
    readonly display: string | null;
    /** "31/12/2027" or "31/12/2027–31/12/2028"; null when no agency set one. */
    readonly deadlineDisplay: string | null;
    readonly agencies: number;
    readonly withTarget: number;
    /** "2 cơ quan", "1/2 cơ quan có mục tiêu riêng", "đơn vị đo khác nhau, xem aggregate.md". */
    readonly note: Text;
  } | null;
  readonly baseline: DatedDisplay | null;
  /** `kpi`: the KPI's own measurement; `model`: computed from the model (see `basis`); `rollup`: the roll-up of every merged agency's KPI (see `basis`). */
  readonly latest: (DatedDisplay & { readonly source: 'kpi' | 'model' | 'rollup' }) | null;
  /** The goal the status is judged against: the national value and deadline, the KPI's own for what the instrument leaves open. */
  readonly goal: {
    readonly value: number;
    readonly display: string | null;
    readonly deadline: IsoDate;
    readonly deadlineDisplay: string | null;
    readonly valueFrom: 'national' | 'kpi';
    readonly deadlineFrom: 'national' | 'kpi';
  } | null;
  /** Least-squares value at the goal's deadline. */
  readonly projected: { readonly value: number; readonly display: string | null } | null;
  readonly status: KpiStatus;
  readonly statusLabel: Text;
  readonly overdue: boolean;
  readonly reason: Text;
  /** Coverage measure used when the KPI has no measurement. */
  readonly measure: string | null;
  /** What a value computed from the model or rolled up is computed from ("tính từ 20 dịch vụ công", "tổng hợp 2 cơ quan. Trọng số: …"); null for a declared value. */
  readonly basis: Text | null;
  readonly tasks: readonly { readonly ref: string; readonly name: string }[];
}

function dated(v: { date: IsoDate; value: number }, unit: string): DatedDisplay {
  return { value: v.value, display: displayValue(v.value, unit) ?? '', date: v.date, dateDisplay: displayDate(v.date) ?? '' };
}

/** One row per national target of the pack, in pack order. */
export function targetRows(model: Model, asOf: IsoDate, coverage: readonly CoverageRow[]): TargetRow[] {
  return model.pack.targets.map((t): TargetRow => {
    const kpis = kpisFor(model, t.ref);
    const kpi = kpis[0];
    const ownGoal = kpi ? kpiGoal(kpi) : undefined;
    const natGoal = nationalGoal(t);
    // The national value and deadline where the instrument sets them; the KPI's own for what it leaves open.
    const goal: (Goal & { valueFrom: 'national' | 'kpi'; deadlineFrom: 'national' | 'kpi' }) | undefined = natGoal
      ? { ...natGoal, valueFrom: 'national', deadlineFrom: 'national' }
      : ownGoal
        ? {
            value: t.value ?? ownGoal.value,
            deadline: t.deadline ?? ownGoal.deadline,
            comparator: t.value !== null ? t.comparator : ownGoal.comparator,
            valueFrom: t.value !== null ? 'national' : 'kpi',
            deadlineFrom: t.deadline !== null ? 'national' : 'kpi',
          }
        : undefined;
    const unit = kpi && goal?.valueFrom === 'kpi' ? kpi.unit : t.unit;
    const measured = kpi ? measurementsUntil(kpi, asOf) : [];
    const cov = t.measure ? coverage.find((c) => c.id === t.measure) : undefined;
    const fromModel = measured.length === 0 && cov && cov.value !== null ? [{ date: asOf, value: cov.value }] : [];
    const series = measured.length > 0 ? measured : fromModel;
    const baseline = kpi?.baseline ? { date: kpi.baseline.date, value: kpi.baseline.value } : undefined;
    const progress = assessProgress({ measurements: series, baseline, goal, asOf, unit });
    const latest = series[series.length - 1];
    const kpiTarget = kpi?.target;
    const kpiDeadline = kpiTarget ? parseDeadline(kpiTarget.deadline) : undefined;
    const tasks = kpis.flatMap((k) => tasksForKpi(model, k.ref));
    const uniqueTasks = [...new Map(tasks.map((x) => [x.ref, x])).values()].sort((a, b) => (a.ref < b.ref ? -1 : 1));
    return {
      ref: t.ref,
      name: text(t.name, t.nameEn),
      unit: t.unit,
      unitLabel: enumLabel(model.pack, 'kpiUnit', t.unit),
      legalRef: t.legalRef,
      appliesTo: t.appliesTo,
      appliesToLabel: t.appliesTo === 'agency' ? text('Cơ quan phải đạt', 'The agency must meet it') : text('Chỉ tiêu cấp quốc gia (cơ quan đóng góp)', 'National-level (the agency contributes)'),
      confirmed: t.confirmed,
      note: t.note ?? null,
      national: { value: t.value, display: displayValue(t.value, t.unit), deadline: t.deadline, deadlineDisplay: displayDate(t.deadline) },
      kpi: kpi
        ? {
            ref: kpi.ref,
            name: kpi.name,
            target: kpiTarget
              ? {
                  value: kpiTarget.value,
                  display: displayValue(kpiTarget.value, kpi.unit),
                  deadline: String(kpiTarget.deadline),
                  deadlineDisplay: kpiDeadline?.kind === 'date' ? displayDate(kpiDeadline.date) : String(kpiTarget.deadline),
                }
              : null,
            others: kpis.length - 1,
          }
        : null,
      agencyTargets: null,
      baseline: baseline ? dated(baseline, kpi?.unit ?? t.unit) : null,
      latest: latest ? { ...dated(latest, unit), source: measured.length > 0 ? 'kpi' : 'model' } : null,
      goal: goal
        ? { value: goal.value, display: displayValue(goal.value, unit), deadline: goal.deadline, deadlineDisplay: displayDate(goal.deadline), valueFrom: goal.valueFrom, deadlineFrom: goal.deadlineFrom }
        : null,
      projected: progress.projected !== null ? { value: progress.projected, display: displayValue(progress.projected, unit) } : null,
      status: progress.status,
      statusLabel: KPI_STATUS_LABEL[progress.status],
      overdue: progress.overdue,
      reason: progress.reason,
      measure: t.measure ?? null,
      basis: measured.length === 0 && fromModel.length > 0 ? (cov?.basis ?? text('tính từ mô hình', 'computed from the model')) : null,
      tasks: uniqueTasks.map((x) => ({ ref: x.ref, name: x.name })),
    };
  });
}

import type { IsoDate } from '../core/dates.js';
import { parseDeadline } from '../core/dates.js';
import type { Model } from '../model/model.js';
import type { Kpi } from '../model/types.js';
import type { DiffSide, KpiMovement, KpiPoint, KpiStatus } from './types.js';

/** The latest measurement taken on or before `asOf`. */
function latest(kpi: Kpi, asOf: IsoDate): { value: number; date: IsoDate } | undefined {
  let best: { value: number; date: IsoDate } | undefined;
  for (const m of kpi.measurements ?? []) {
    if (m.date > asOf) continue;
    if (!best || m.date >= best.date) best = { value: m.value, date: m.date };
  }
  return best;
}

/** Where a KPI stands on one side: latest value, the target it is held to, and a coarse status. */
export function kpiPoint(model: Model, kpi: Kpi, asOf: IsoDate): KpiPoint {
  const national = kpi.nationalTarget ? model.target(kpi.nationalTarget) : undefined;
  const target = kpi.target?.value ?? national?.value ?? undefined;
  const deadlineRaw = kpi.target?.deadline ?? national?.deadline ?? undefined;
  const deadline = deadlineRaw === undefined ? undefined : String(deadlineRaw);
  const m = latest(kpi, asOf);
  const lowerIsBetter = kpi.direction === 'decrease' || (kpi.target === undefined && national?.comparator === 'lte');
  let status: KpiStatus;
  if (target === undefined) status = 'no-target';
  else if (!m) status = 'no-data';
  else if (lowerIsBetter ? m.value <= target : m.value >= target) status = 'met';
  else {
    const due = deadline === undefined ? undefined : parseDeadline(deadline);
    status = due?.kind === 'date' && due.date < asOf ? 'overdue' : 'behind';
  }
  return { value: m?.value, date: m?.date, status, target, deadline };
}

/** KPIs whose latest measurement, target or status moved between the two sides. */
export function kpiMovements(base: DiffSide, head: DiffSide): KpiMovement[] {
  const refs = [...new Set([...base.model.all('kpi').map((k) => k.ref), ...head.model.all('kpi').map((k) => k.ref)])].sort();
  const out: KpiMovement[] = [];
  for (const ref of refs) {
    const b = base.model.all('kpi').find((k) => k.ref === ref);
    const h = head.model.all('kpi').find((k) => k.ref === ref);
    const before = b ? kpiPoint(base.model, b, base.asOf) : undefined;
    const after = h ? kpiPoint(head.model, h, head.asOf) : undefined;
    if (before && after && JSON.stringify(before) === JSON.stringify(after)) continue;
    const delta = before?.value !== undefined && after?.value !== undefined ? round(after.value - before.value) : undefined;
    out.push({
      ref,
      name: (h ?? b)?.name ?? ref,
      unit: (h ?? b)?.unit ?? '',
      before,
      after,
      delta,
      statusChanged: before?.status !== after?.status,
    });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

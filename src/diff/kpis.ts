import type { IsoDate } from '../core/dates.js';
import { kpiGoal, kpiProgress, nationalGoal } from '../analysis/kpis.js';
import type { Model } from '../model/model.js';
import type { Kpi } from '../model/types.js';
import type { DiffSide, KpiMovement, KpiPoint } from './types.js';

/** Where a KPI stands on one side: latest value, the goal it is held to, and its status (analysis layer). */
export function kpiPoint(model: Model, kpi: Kpi, asOf: IsoDate): KpiPoint {
  const national = kpi.nationalTarget ? model.target(kpi.nationalTarget) : undefined;
  const goal = kpiGoal(kpi) ?? (national ? nationalGoal(national) : undefined);
  const p = kpiProgress(kpi, asOf, goal);
  return {
    value: p.latest?.value,
    date: p.latest?.date,
    status: p.status,
    overdue: p.overdue,
    target: goal?.value,
    deadline: goal?.deadline,
  };
}

/** KPIs whose latest measurement, goal or status moved between the two sides; `renamed`: old ref → new ref. */
export function kpiMovements(base: DiffSide, head: DiffSide, renamed: ReadonlyMap<string, string> = new Map()): KpiMovement[] {
  const oldRef = new Map([...renamed].map(([from, to]) => [to, from]));
  const refs = [...new Set([...base.model.all('kpi').map((k) => renamed.get(k.ref) ?? k.ref), ...head.model.all('kpi').map((k) => k.ref)])].sort();
  const out: KpiMovement[] = [];
  for (const ref of refs) {
    const b = base.model.get<'kpi'>(oldRef.get(ref) ?? ref);
    const h = head.model.get<'kpi'>(ref);
    const before = b ? kpiPoint(base.model, b, base.asOf) : undefined;
    const after = h ? kpiPoint(head.model, h, head.asOf) : undefined;
    if (before && after && JSON.stringify(before) === JSON.stringify(after)) continue;
    const delta = before?.value !== undefined && after?.value !== undefined ? Math.round((after.value - before.value) * 1000) / 1000 : undefined;
    out.push({
      ref,
      name: (h ?? b)?.name ?? ref,
      unit: (h ?? b)?.unit ?? '',
      before,
      after,
      delta,
      statusChanged: before?.status !== after?.status || before?.overdue !== after?.overdue,
    });
  }
  return out;
}

import { enDeadline, parseDeadline, viDeadline, type Deadline, type IsoDate } from '../core/dates.js';
import type { Model } from '../model/model.js';
import type { Task } from '../model/types.js';
import { tasksListing } from './indexes.js';

export type TaskStatus = NonNullable<Task['status']>;

/** Tasks whose `addresses` list `ref`, sorted by ref. */
export function tasksAddressing(model: Model, ref: string): readonly Task[] {
  return tasksListing(model, ref);
}

/** Tasks addressing a KPI directly or through the national target it implements. */
export function tasksForKpi(model: Model, kpiRef: string): readonly Task[] {
  const kpi = model.get<'kpi'>(kpiRef);
  const target = kpi?.nationalTarget;
  const direct = tasksListing(model, kpiRef);
  const viaTarget = target === undefined ? [] : tasksListing(model, target);
  if (viaTarget.length === 0) return direct;
  if (direct.length === 0) return viaTarget;
  // model.all() is sorted by ref, and so is each list: merge them back into that order.
  return [...new Set([...direct, ...viaTarget])].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}

export function taskDeadline(t: Task): Deadline | undefined {
  return t.deadline === undefined ? undefined : parseDeadline(t.deadline);
}

/**
 * The "Thời gian hoàn thành" cell of a task in Vietnamese: its deadline (`2026`, `Quý III/2026`,
 * `Hằng năm` …), the relative deadline (`20 ngày sau khi hoàn thành nhiệm vụ "…"`, or the event), or
 * both joined by "; ". Empty when the task declares neither.
 */
export function taskDeadlineVi(model: Model, t: Task): string {
  const parts: string[] = [];
  const d = taskDeadline(t);
  if (d) parts.push(viDeadline(d));
  else if (t.deadline !== undefined) parts.push(String(t.deadline));
  const rel = t.deadlineAfter;
  if (rel) {
    const offset = [rel.months ? `${rel.months} tháng` : '', rel.days ? `${rel.days} ngày` : ''].filter(Boolean).join(' ');
    if (rel.task) parts.push(`${offset ? `${offset} sau khi` : 'Sau khi'} hoàn thành nhiệm vụ "${model.nameOf(rel.task)}"`);
    if (rel.event) parts.push(rel.task ? rel.event : offset ? `${offset} sau: ${lowerFirst(rel.event)}` : rel.event);
  }
  return parts.join('; ');
}

/** The same in English. */
export function taskDeadlineEn(model: Model, t: Task): string {
  const parts: string[] = [];
  const d = taskDeadline(t);
  if (d) parts.push(enDeadline(d));
  else if (t.deadline !== undefined) parts.push(String(t.deadline));
  const rel = t.deadlineAfter;
  if (rel) {
    const offset = [rel.months ? `${rel.months} months` : '', rel.days ? `${rel.days} days` : ''].filter(Boolean).join(' ');
    if (rel.task) parts.push(`${offset ? `${offset} after` : 'After'} task "${model.nameOf(rel.task)}" is done`);
    if (rel.event) parts.push(rel.event);
  }
  return parts.join('; ');
}

function lowerFirst(s: string): string {
  return s.length ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}

/** Status and progress as known on `date`: the latest update dated on or before it, else the task's own fields. */
export function taskStateAt(t: Task, date: IsoDate): { readonly status: TaskStatus; readonly progress: number | null; readonly updatedOn: IsoDate | null } {
  let best: NonNullable<Task['updates']>[number] | undefined;
  for (const u of t.updates ?? []) {
    if (u.date > date) continue;
    if (!best || u.date >= best.date) best = u;
  }
  if (best) {
    const isLatest = (t.updates ?? []).every((u) => u.date <= best.date);
    const derived: TaskStatus = best.progress >= 100 ? 'done' : best.progress > 0 ? 'in-progress' : 'not-started';
    // The task's own `status` is its current state: it speaks for the latest update when that one has none.
    const status: TaskStatus = best.status ?? (isLatest && t.status !== undefined ? t.status : derived);
    return { status, progress: best.progress, updatedOn: best.date };
  }
  if ((t.updates ?? []).length === 0) return { status: t.status ?? 'not-started', progress: t.progress ?? null, updatedOn: null };
  // Every update is later than `date`: started (per `start`) but not yet reported on, or not started.
  return { status: t.start !== undefined && t.start <= date ? 'in-progress' : 'not-started', progress: null, updatedOn: null };
}

/** True when the task is finished or dropped. */
export function isClosed(status: TaskStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

/** A dated deadline that has passed at `asOf` while the task is still open. */
export function isOverdue(t: Task, asOf: IsoDate): boolean {
  const dl = taskDeadline(t);
  if (!dl || dl.kind !== 'date' || dl.date >= asOf) return false;
  return !isClosed(taskStateAt(t, asOf).status);
}

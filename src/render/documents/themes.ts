import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { Kpi, Task } from '../../model/types.js';

/**
 * The headings a plan groups its targets and tasks under. Every document (strategy, Kế hoạch, the
 * task appendix) asks these functions and nothing else.
 *
 * The agency's own plan themes (`agency.plan.themes`, `task.theme`) come first, in the plan's order;
 * the framework pack's task areas (QĐ 1751/QĐ-TTg mục V) follow, for tasks the agency gave no theme
 * and for targets (a KPI carries the national area only). Empty groups are never printed.
 */
export interface PlanTheme {
  readonly id: string;
  readonly title: string;
}

/** The plan's themes, in the plan's order. */
export function planThemes(model: Model): PlanTheme[] {
  const own = (model.agency?.plan?.themes ?? []).map((t) => ({ id: t.id, title: t.title }));
  const taken = new Set(own.map((t) => t.id));
  const areas = (model.pack.enums['taskArea']?.values ?? [])
    .map((v) => ({ id: String(v.value), title: enumLabel(model.pack, 'taskArea', v.value) }))
    .filter((a) => !taken.has(a.id));
  return [...own, ...areas];
}

/** The theme a task is listed under: the agency's theme when it gives one, else its national area. */
export function taskTheme(task: Task): string {
  return task.theme ?? task.area;
}

/** The theme a target (KPI) is listed under, or undefined when it has none. */
export function kpiTheme(kpi: Kpi): string | undefined {
  return kpi.area;
}

/** A theme's title; an id no theme declares is shown as written. */
export function themeTitle(model: Model, id: string): string {
  return planThemes(model).find((t) => t.id === id)?.title ?? id;
}

import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { Kpi, Task } from '../../model/types.js';

/**
 * The headings a plan groups its targets and tasks under. Every document (strategy, Kế hoạch, the
 * task appendix) asks these three functions and nothing else, so switching the source is one line.
 *
 * TODO(#13): today the themes are the framework pack's task areas (QĐ 1751/QĐ-TTg mục V); when the
 * agency-defined plan themes land (`agency.plan.themes` [{id, title}], `task.theme`), return those here.
 */
export interface PlanTheme {
  readonly id: string;
  readonly title: string;
}

/** The plan's themes, in the plan's order. */
export function planThemes(model: Model): PlanTheme[] {
  return (model.pack.enums['taskArea']?.values ?? []).map((v) => ({ id: String(v.value), title: enumLabel(model.pack, 'taskArea', v.value) }));
}

/** The theme a task is listed under. */
export function taskTheme(task: Task): string {
  return task.area;
}

/** The theme a target (KPI) is listed under, or undefined when it has none. */
export function kpiTheme(kpi: Kpi): string | undefined {
  return kpi.area;
}

/** A theme's title; an id no theme declares is shown as written. */
export function themeTitle(model: Model, id: string): string {
  return planThemes(model).find((t) => t.id === id)?.title ?? id;
}

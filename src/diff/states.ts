import type { Model } from '../model/model.js';
import type { Transition } from '../model/states.js';
import { compareSides } from './compare.js';
import type { DiffReport, DiffSide, RoadmapStep } from './types.js';

/** The planned steps as the diff report lists them: names resolved, where each is written. */
export function roadmapSteps(model: Model, steps: readonly Transition[]): RoadmapStep[] {
  return steps.map((t) => ({
    date: t.date,
    kind: t.kind,
    ref: t.entity,
    name: model.nameOf(t.entity),
    changes: t.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
    task: t.task,
    taskName: t.task === undefined ? undefined : model.nameOf(t.task),
    replacedBy: t.replacedBy,
    note: t.note,
    where: { file: t.location.file, line: t.location.range.start.line },
  }));
}

/**
 * Two states of one model compared with the diff engine (breaking changes first, entities added,
 * removed and changed, KPI movements, findings), plus the roadmap: the planned steps between them.
 */
export function compareStates(base: DiffSide, head: DiffSide, steps: readonly Transition[]): DiffReport {
  return { ...compareSides(base, head, { renames: false }), roadmap: roadmapSteps(base.model, steps) };
}

import type { Diagnostic } from '../core/diagnostic.js';
import { compareRefs, parseRef, type Ref } from '../core/ref.js';
import type { Model } from '../model/model.js';
import { tasksAddressing } from './tasks.js';

/** An entity with open findings that no task addresses. */
export interface Gap {
  readonly entity: Ref;
  /** Rule codes of its findings, sorted, unique. */
  readonly codes: readonly string[];
  readonly findings: readonly Diagnostic[];
}

/** Findings that do not make a gap: about tasks and KPI coverage themselves, or produced by gap rules. */
function countsAsGap(d: Diagnostic): boolean {
  if (d.waived || d.severity === 'info') return false;
  if (d.code.startsWith('task.') || d.code.startsWith('internal.') || d.code === 'kpi.task-coverage') return false;
  // Pre-issue checks of a document's text (number, dates, bases) are fixed in agency.yaml, not by a task.
  if (d.code.startsWith('agency.document-')) return false;
  return d.entity !== undefined;
}

/**
 * Entities (systems, datasets, integrations, the agency, organisations) with unwaived error or
 * warning findings, none of which a task lists in `addresses`. KPIs are left to `kpi.task-coverage`,
 * which asks a task of every KPI; tasks cannot address themselves. Sorted by entity ref.
 */
export function unaddressedGaps(model: Model, findings: readonly Diagnostic[]): Gap[] {
  const byEntity = new Map<string, Diagnostic[]>();
  for (const d of findings) {
    if (!countsAsGap(d)) continue;
    const ref = String(d.entity);
    const kind = parseRef(ref)?.kind;
    if (kind === undefined || kind === 'task' || kind === 'kpi' || kind === 'national' || kind === 'target') continue;
    if (!model.isValid(ref)) continue;
    const list = byEntity.get(ref);
    if (list) list.push(d);
    else byEntity.set(ref, [d]);
  }
  const out: Gap[] = [];
  for (const [entity, list] of [...byEntity].sort((a, b) => compareRefs(a[0], b[0]))) {
    if (tasksAddressing(model, entity).length > 0) continue;
    out.push({ entity: entity as Ref, codes: [...new Set(list.map((d) => d.code))].sort(), findings: list });
  }
  return out;
}

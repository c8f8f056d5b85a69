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

/**
 * Whether findings with `code` can make a gap: not those about tasks and KPI coverage themselves, nor
 * those of gap rules, nor internal ones. The gap rule reads the findings of these codes only.
 */
export function isGapCode(code: string): boolean {
  if (code.startsWith('task.') || code.startsWith('internal.') || code === 'kpi.task-coverage') return false;
  // Pre-issue checks of a document's text (number, dates, bases) are fixed in agency.yaml, not by a task.
  return !code.startsWith('agency.document-');
}

/** Findings that make a gap: unwaived errors and warnings on an entity, of a code `isGapCode` keeps. */
function countsAsGap(d: Diagnostic): boolean {
  if (d.waived || d.severity === 'info' || d.entity === undefined) return false;
  // A few dozen codes for 130,000 findings at national scale: each code is judged once.
  let gap = GAP_CODES.get(d.code);
  if (gap === undefined) GAP_CODES.set(d.code, (gap = isGapCode(d.code)));
  return gap;
}
const GAP_CODES = new Map<string, boolean>();

/**
 * The findings that make gaps, by entity (systems, datasets, integrations, the agency, organisations),
 * each entity's in the order given, entities sorted by ref. KPIs are left to `kpi.task-coverage`,
 * which asks a task of every KPI; tasks cannot address themselves.
 */
export function gapFindingsByEntity(findings: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byEntity = new Map<string, Diagnostic[]>();
  // Entities whose findings never make a gap (not an entity ref, or a task, KPI or national target).
  const skipped = new Set<string>();
  for (const d of findings) {
    if (!countsAsGap(d)) continue;
    const ref = String(d.entity);
    const list = byEntity.get(ref);
    if (list) {
      list.push(d);
      continue;
    }
    if (skipped.has(ref)) continue;
    const kind = parseRef(ref)?.kind;
    if (kind === undefined || kind === 'task' || kind === 'kpi' || kind === 'national' || kind === 'target') skipped.add(ref);
    else byEntity.set(ref, [d]);
  }
  return new Map([...byEntity].sort((a, b) => compareRefs(a[0], b[0])));
}

/** The gap of `entity` with its gap findings `list`: undefined when it is invalid or a task addresses it. */
export function gapOf(model: Model, entity: string, list: readonly Diagnostic[]): Gap | undefined {
  // Asked once per entity, not once per finding (the incremental runner records each read).
  if (!model.isValid(entity) || tasksAddressing(model, entity).length > 0) return undefined;
  return { entity: entity as Ref, codes: [...new Set(list.map((d) => d.code))].sort(), findings: list };
}

/**
 * Entities (systems, datasets, integrations, the agency, organisations) with unwaived error or
 * warning findings, none of which a task lists in `addresses` (`gapFindingsByEntity`, `gapOf`). Sorted by entity ref.
 */
export function unaddressedGaps(model: Model, findings: readonly Diagnostic[]): Gap[] {
  const out: Gap[] = [];
  for (const [entity, list] of gapFindingsByEntity(findings)) {
    const gap = gapOf(model, entity, list);
    if (gap) out.push(gap);
  }
  return out;
}

import { countBySeverity } from '../core/diagnostic.js';
import { ENTITY_KINDS } from '../core/ref.js';
import type { Model } from '../model/model.js';
import type { Entity } from '../model/types.js';
import { findBreaking } from './breaking.js';
import { diffEntityFields } from './fields.js';
import { compareFindings } from './findings.js';
import { kpiMovements } from './kpis.js';
import type { DiffReport, DiffSide, EntityChange, SideSummary } from './types.js';

function whereOf(model: Model, ref: string): EntityChange['where'] {
  const loc = model.locate(ref, []);
  return { file: loc.file, line: loc.range.start.line };
}

function summarise(side: DiffSide): SideSummary {
  const n = countBySeverity(side.diagnostics);
  return {
    label: side.label,
    commit: side.commit,
    agency: side.model.agency?.name,
    asOf: side.asOf,
    entities: ENTITY_KINDS.reduce((s, k) => s + side.model.all(k).length, 0),
    findings: n,
    structuralErrors: side.structuralErrors,
  };
}

/** Entities added, removed and changed field by field, in kind order then ref order. */
export function compareEntities(base: DiffSide, head: DiffSide): DiffReport['entities'] {
  const added: EntityChange[] = [];
  const removed: EntityChange[] = [];
  const changed: EntityChange[] = [];
  for (const kind of ENTITY_KINDS) {
    const refs = [...new Set([...base.model.all(kind).map((e) => e.ref), ...head.model.all(kind).map((e) => e.ref)])].sort();
    for (const ref of refs) {
      const b = base.model.get(ref) as Entity | undefined;
      const h = head.model.get(ref) as Entity | undefined;
      // A side whose document failed the schema still declares the entity: not compared, not "removed".
      // An entity absent from a state (model/states.ts) is removed or added, not invalid.
      if ((!b && base.model.declares(ref) && !base.model.isAbsent(ref)) || (!h && head.model.declares(ref) && !head.model.isAbsent(ref))) continue;
      if (b && !h) removed.push({ ref, kind, change: 'removed', name: b.name, where: whereOf(base.model, ref), fields: [] });
      else if (h && !b) added.push({ ref, kind, change: 'added', name: h.name, where: whereOf(head.model, ref), fields: [] });
      else if (b && h) {
        const fields = diffEntityFields(kind, b, h, { base: base.model, head: head.model });
        if (fields.length) changed.push({ ref, kind, change: 'changed', name: h.name, where: whereOf(head.model, ref), fields });
      }
    }
  }
  return { added, removed, changed };
}

/** Everything a reviewer needs about a change to an architecture: breaking changes first. */
export function compareSides(base: DiffSide, head: DiffSide): DiffReport {
  return {
    version: 1,
    base: summarise(base),
    head: summarise(head),
    breaking: findBreaking(base, head),
    entities: compareEntities(base, head),
    kpis: kpiMovements(base, head),
    findings: compareFindings(base, head),
  };
}

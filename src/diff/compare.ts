import { countBySeverity } from '../core/diagnostic.js';
import { ENTITY_KINDS } from '../core/ref.js';
import type { Model } from '../model/model.js';
import type { Entity } from '../model/types.js';
import { findBreaking } from './breaking.js';
import { diffEntityFields } from './fields.js';
import { compareFindings } from './findings.js';
import { kpiMovements } from './kpis.js';
import { detectRenames, type Rename } from './renames.js';
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
    folder: side.root,
    agency: side.model.agency?.name,
    asOf: side.asOf,
    entities: ENTITY_KINDS.reduce((s, k) => s + side.model.all(k).length, 0),
    findings: n,
    structuralErrors: side.structuralErrors,
  };
}

/** Entities added, removed, changed field by field and renamed, in kind order then ref order. */
export function compareEntities(base: DiffSide, head: DiffSide, renames: readonly Rename[] = []): DiffReport['entities'] {
  const added: EntityChange[] = [];
  const removed: EntityChange[] = [];
  const changed: EntityChange[] = [];
  const renamed: EntityChange[] = [];
  const oldRefs = new Set(renames.map((r) => r.from));
  const newRefs = new Set(renames.map((r) => r.to));
  for (const r of renames) {
    const b = base.model.get(r.from) as Entity;
    const h = head.model.get(r.to) as Entity;
    // The id is in the heading ("a → b"); the table lists what else changed with it.
    const fields = diffEntityFields(r.kind, b, h, { base: base.model, head: head.model }).filter((f) => f.path[0] !== 'id');
    renamed.push({ ref: r.to, from: r.from, kind: r.kind, change: 'renamed', name: h.name, where: whereOf(head.model, r.to), fields });
  }
  for (const kind of ENTITY_KINDS) {
    const refs = [...new Set([...base.model.all(kind).map((e) => e.ref), ...head.model.all(kind).map((e) => e.ref)])].sort();
    for (const ref of refs) {
      const b = base.model.get(ref) as Entity | undefined;
      const h = head.model.get(ref) as Entity | undefined;
      // A side whose document failed the schema still declares the entity: not compared, not "removed".
      // An entity absent from a state (model/states.ts) is removed or added, not invalid.
      if ((!b && base.model.declares(ref) && !base.model.isAbsent(ref)) || (!h && head.model.declares(ref) && !head.model.isAbsent(ref))) continue;
      if ((b && !h && oldRefs.has(ref)) || (h && !b && newRefs.has(ref))) continue;
      if (b && !h) removed.push({ ref, kind, change: 'removed', name: b.name, where: whereOf(base.model, ref), fields: [] });
      else if (h && !b) added.push({ ref, kind, change: 'added', name: h.name, where: whereOf(head.model, ref), fields: [] });
      else if (b && h) {
        const fields = diffEntityFields(kind, b, h, { base: base.model, head: head.model });
        if (fields.length) changed.push({ ref, kind, change: 'changed', name: h.name, where: whereOf(head.model, ref), fields });
      }
    }
  }
  return { added, removed, changed, renamed };
}

export interface CompareOptions {
  /**
   * Look for entities whose id changed (default true). Two states of one model (`--from/--to`) share
   * their ids: an entity that ends and another that begins are two entities.
   */
  readonly renames?: boolean;
}

/** Everything a reviewer needs about a change to an architecture: breaking changes first. */
export function compareSides(base: DiffSide, head: DiffSide, opts: CompareOptions = {}): DiffReport {
  const renames = opts.renames === false ? [] : detectRenames(base, head);
  const renamedTo = new Map(renames.map((r) => [r.from, r.to]));
  return {
    version: 1,
    base: summarise(base),
    head: summarise(head),
    breaking: findBreaking(base, head, renames),
    entities: compareEntities(base, head, renames),
    kpis: kpiMovements(base, head, renamedTo),
    findings: compareFindings(base, head, renamedTo),
  };
}

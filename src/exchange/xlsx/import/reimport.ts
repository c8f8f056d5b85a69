/**
 * What a re-import needs to know of the files an earlier import wrote: the entities there (so a row
 * keeps its id), the rows other imports made their entities from (so declared entities sharing a
 * name are told apart), and which references would break if the merge deleted an entity.
 */
import { parseAllDocuments } from 'yaml';
import type { Model } from '../../../model/model.js';
import type { SheetKind } from '../mapping.js';
import type { PreviousEntity, RecordedRow } from './convert.js';
import type { ImportRecord } from './record.js';

/** Orders recorded rows before rows known only by their place in a file written before records. */
const UNRECORDED = 1_000_000;

/**
 * The entities of one file this import writes: each document of its kind, named as its row was
 * (recorded) or as the YAML names it; and recorded entities deleted by hand since, unless they now
 * live in another file (`declaredElsewhere`), so their row is not made again under a new id.
 */
export function previousEntities(kind: SheetKind, docKind: string, text: string | undefined, record: ImportRecord | undefined, declaredElsewhere: (ref: string) => boolean): PreviousEntity[] {
  const out: PreviousEntity[] = [];
  const seen = new Set<string>();
  if (text !== undefined) {
    parseAllDocuments(text).forEach((d, i) => {
      const v = d.toJS() as unknown;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
      const doc = v as Record<string, unknown>;
      if (doc['kind'] !== docKind || typeof doc['id'] !== 'string') return;
      const entry = record?.entities[`${kind}:${doc['id']}`];
      seen.add(doc['id']);
      out.push({ kind, id: doc['id'], name: entry?.name ?? String(doc['name'] ?? ''), order: entry?.row ?? UNRECORDED + i });
    });
  }
  for (const [ref, entry] of Object.entries(record?.entities ?? {})) {
    const id = ref.slice(kind.length + 1);
    if (!ref.startsWith(`${kind}:`) || seen.has(id) || declaredElsewhere(ref)) continue;
    out.push({ kind, id, name: entry.name, order: entry.row ?? UNRECORDED });
  }
  return out;
}

/** The rows another import's record made entities from. */
export function recordedRows(record: ImportRecord): RecordedRow[] {
  return Object.entries(record.entities).map(([ref, e]) => ({ ref, name: e.name, order: e.row ?? UNRECORDED }));
}

/** A place in the YAML that refers to an entity the import would delete. */
export interface BlockingReference {
  readonly ref: string;
  readonly from: string;
  /** `file:line` of the reference. */
  readonly at: string;
}

/**
 * References that deleting `deleted` would leave dangling: from entities outside the files the import
 * writes, and from entities inside them whose merged text still holds the ref (a reference the user
 * added by hand). Located in the files as they are now.
 */
export function blockingReferences(model: Model, deleted: ReadonlySet<string>, ownFiles: ReadonlyMap<string, ReadonlySet<string>>): BlockingReference[] {
  const out: BlockingReference[] = [];
  for (const ref of [...deleted].sort()) {
    for (const r of model.referrers(ref)) {
      if (deleted.has(r.from)) continue;
      const loc = model.locate(r.from, r.path);
      const merged = ownFiles.get(loc.file);
      if (merged !== undefined && !merged.has(ref)) continue;
      out.push({ ref, from: r.from, at: `${loc.file}:${loc.range.start.line}` });
    }
  }
  return out;
}

/**
 * ArchiMate identifiers are xs:ID values (NCName: a letter or "_" first, then letters, digits, ".",
 * "-", "_"). kientruc refs (`system:csdl-y-te`, `system:x@000.00.12.H99`) map to them one to one, so
 * the same model always gets the same identifiers and a re-import into Archi updates, not duplicates.
 */

/** `system:csdl-y-te` → `csdl-y-te` body `system.csdl-y-te`; `@` becomes `.at.`. */
export function idBody(ref: string): string {
  return ref
    .replace(/@/g, '.at.')
    .replace(/:/g, '.')
    .replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Element identifier of a ref. */
export function elementId(ref: string): string {
  return `id-${idBody(ref)}`;
}

/** Relationship identifier: its type and both ends, or the integration it stands for. */
export function relationshipId(type: string, source: string, target: string): string {
  return `rel-${type.toLowerCase()}.${source.replace(/^id-/, '')}.${target.replace(/^id-/, '')}`;
}

export function integrationRelId(ref: string): string {
  return `rel-${idBody(ref)}`;
}

export function viewId(key: string): string {
  return `view-${key}`;
}

export function nodeId(view: string, element: string): string {
  return `node-${view}.${element.replace(/^id-/, '')}`;
}

export function connectionId(view: string, relationship: string): string {
  return `conn-${view}.${relationship.replace(/^rel-/, '')}`;
}

const NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** True for a valid xs:ID (the NCName subset kientruc emits). */
export function isXsId(value: string): boolean {
  return NCNAME.test(value);
}

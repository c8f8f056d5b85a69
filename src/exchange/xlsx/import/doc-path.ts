/** Reading and writing a dotted field path (`security.level`) in a plain YAML document object. */
export type Doc = Record<string, unknown>;

export function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = doc;
  for (const p of parts.slice(0, -1)) {
    if (typeof o[p] !== 'object' || o[p] === null) o[p] = {};
    o = o[p] as Doc;
  }
  o[parts[parts.length - 1] as string] = value;
}

export function getPath(doc: Doc, path: string): unknown {
  let o: unknown = doc;
  for (const p of path.split('.')) o = o !== null && typeof o === 'object' ? (o as Doc)[p] : undefined;
  return o;
}

export function deletePath(doc: Doc, path: string): void {
  const parts = path.split('.');
  const parent = parts.length === 1 ? doc : getPath(doc, parts.slice(0, -1).join('.'));
  if (parent && typeof parent === 'object') delete (parent as Doc)[parts[parts.length - 1] as string];
  if (parts.length > 1 && parent && typeof parent === 'object' && Object.keys(parent).length === 0) deletePath(doc, parts.slice(0, -1).join('.'));
}

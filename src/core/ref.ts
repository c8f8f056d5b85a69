/**
 * Typed references: `kind:id`, optionally qualified by another agency's code (`system:hsmc@000.00.12.H99`).
 * This file owns the format; nothing else splits on ':' or '@'.
 */

/** Kinds an agency declares in its own YAML documents. */
export const ENTITY_KINDS = ['agency', 'org', 'system', 'dataset', 'integration', 'kpi', 'task', 'service', 'function'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Kinds that come from the framework pack rather than the agency's YAML. */
export const PACK_KINDS = ['national', 'target'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

export type RefKind = EntityKind | PackKind;
export const REF_KINDS: readonly RefKind[] = [...ENTITY_KINDS, ...PACK_KINDS];

export type Ref<K extends RefKind = RefKind> = `${K}:${string}`;

/** YAML `kind:` value for each entity kind. */
export const DOC_KIND: Readonly<Record<EntityKind, string>> = {
  agency: 'Agency',
  org: 'Organization',
  system: 'System',
  dataset: 'Dataset',
  integration: 'Integration',
  kpi: 'Kpi',
  task: 'Task',
  service: 'Service',
  function: 'BusinessFunction',
};

export const KIND_BY_DOC_KIND: ReadonlyMap<string, EntityKind> = new Map(
  ENTITY_KINDS.map((k) => [DOC_KIND[k], k] as const),
);

export const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const ID_RE = new RegExp(ID_PATTERN);
export const AGENCY_QUALIFIER_PATTERN = '[A-Za-z0-9][A-Za-z0-9.-]*';
export const REF_PATTERN = `^(${REF_KINDS.join('|')}):[a-z0-9]+(-[a-z0-9]+)*(@${AGENCY_QUALIFIER_PATTERN})?$`;
const REF_RE = /^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)(?:@([A-Za-z0-9][A-Za-z0-9.-]*))?$/;

export interface ParsedRef {
  readonly kind: RefKind;
  readonly id: string;
  /** Code of another agency when the ref points outside this one (`@000.00.12.H99`). */
  readonly agency?: string;
}

/** Longest id the schema accepts; a longer one is never used as an identifier (nor echoed in refs). */
export const MAX_ID_LENGTH = 80;

export function isId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID_RE.test(value);
}

/** Parses `kind:id[@agency]`; undefined when the text is not a ref of a known kind. */
export function parseRef(raw: string): ParsedRef | undefined {
  const m = REF_RE.exec(raw);
  if (!m) return undefined;
  const kind = m[1] as RefKind;
  if (!REF_KINDS.includes(kind)) return undefined;
  return m[3] === undefined ? { kind, id: m[2] as string } : { kind, id: m[2] as string, agency: m[3] };
}

export function refOf<K extends RefKind>(kind: K, id: string): Ref<K> {
  return `${kind}:${id}`;
}

/** The unqualified form of a ref (drops `@agency`). */
export function localRef(parsed: ParsedRef): Ref {
  return refOf(parsed.kind, parsed.id);
}

/**
 * The unqualified form of `raw`, which `parseRef` parsed as `parsed`: `raw` itself when it names no
 * other agency (it is then exactly `kind:id`). The same string, not a new one: a ref looked up in maps
 * thousands of times is hashed once.
 */
export function localRefOf(raw: string, parsed: ParsedRef): Ref {
  return parsed.agency === undefined ? (raw as Ref) : refOf(parsed.kind, parsed.id);
}

/** `system:hsmc` in agency `000.00.12.H99` → `system:hsmc@000.00.12.H99` (used by aggregation). */
export function qualifyRef(ref: string, agencyCode: string): string {
  const parsed = parseRef(ref);
  if (!parsed || parsed.agency !== undefined || parsed.kind === 'national' || parsed.kind === 'target') return ref;
  return `${refOf(parsed.kind, parsed.id)}@${agencyCode}`;
}

export function refKindOf(ref: string): RefKind | undefined {
  return parseRef(ref)?.kind;
}

/** Code-unit order, the internal order of everything keyed by ref (§7.2). */
export function compareRefs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

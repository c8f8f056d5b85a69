import { isUnknown } from '../core/unknown.js';
import { localRefOf, parseRef, type Ref } from '../core/ref.js';
import type { NationalSystem } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { Integration, System } from '../model/types.js';
import { memoPerModel } from './per-model.js';

/** What one end of an integration points to, once `…@code` qualifiers are resolved. */
export type Endpoint =
  | { readonly kind: 'system'; readonly ref: Ref<'system'>; readonly system: System }
  | { readonly kind: 'national'; readonly ref: Ref<'national'>; readonly national: NationalSystem }
  | { readonly kind: 'org'; readonly ref: Ref }
  /** Something of another agency (`system:his@000.00.31.H99`): only its agency code is known. */
  | { readonly kind: 'external'; readonly raw: string; readonly agencyCode: string }
  | { readonly kind: 'unknown'; readonly raw: string };

/**
 * Endpoints already resolved, per model (or per view of one: rules/rule-memo.ts records a view's reads
 * on its first question) and per ref as written: the same few thousand systems and bodies are asked
 * for again by every integration rule.
 */
const ENDPOINTS = memoPerModel<string, Endpoint>();

/** Resolves a ref as written in YAML; a qualifier naming the agency itself is dropped. */
export function resolveEndpoint(model: Model, raw: string): Endpoint {
  const known = ENDPOINTS(model);
  let e = known.get(raw);
  if (e === undefined) known.set(raw, (e = endpointOf(model, raw)));
  return e;
}

function endpointOf(model: Model, raw: string): Endpoint {
  const parsed = parseRef(raw);
  if (!parsed) return { kind: 'unknown', raw };
  if (parsed.agency !== undefined && parsed.agency !== model.agency?.code) {
    return { kind: 'external', raw, agencyCode: parsed.agency };
  }
  const ref = localRefOf(raw, parsed);
  if (parsed.kind === 'system') {
    const system = model.get<'system'>(ref);
    return system ? { kind: 'system', ref: ref as Ref<'system'>, system } : { kind: 'unknown', raw };
  }
  if (parsed.kind === 'national') {
    const national = model.national(ref);
    return national ? { kind: 'national', ref: ref as Ref<'national'>, national } : { kind: 'unknown', raw };
  }
  if (parsed.kind === 'org' || parsed.kind === 'agency') {
    return model.org(ref) ? { kind: 'org', ref } : { kind: 'unknown', raw };
  }
  return { kind: 'unknown', raw };
}

/**
 * The accountable body behind an organisation ref: subordinate units (level `unit`) count as their
 * parent body, because a unit's exchanges with its own parent are not inter-agency.
 */
export function bodyOf(model: Model, orgRef: string): string {
  let cur = orgRef;
  const seen = new Set<string>();
  for (;;) {
    const e = model.get(cur);
    if (!e || e.entityKind !== 'org' || e.level !== 'unit' || e.parent === undefined || seen.has(cur)) return cur;
    seen.add(cur);
    cur = e.parent;
  }
}

/**
 * The body that owns an endpoint, as a comparable key: an org ref for own systems, pack platforms and
 * bodies; `@<code>` for another agency's system. Undefined when it cannot be told.
 */
export function endpointOwner(model: Model, endpoint: Endpoint): string | undefined {
  switch (endpoint.kind) {
    case 'system':
      // An owner "chưa xác định" cannot be compared: the rules that need it skip the integration.
      return isUnknown(endpoint.system.owner) ? undefined : bodyOf(model, endpoint.system.owner);
    case 'national':
      return endpoint.national.owner ?? endpoint.ref;
    case 'org':
      return bodyOf(model, endpoint.ref);
    case 'external':
      return `@${endpoint.agencyCode}`;
    case 'unknown':
      return undefined;
  }
}

export interface IntegrationEnds {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly fromOwner: string | undefined;
  readonly toOwner: string | undefined;
}

/** Ends already worked out, per model (or view of one, as `ENDPOINTS`) and integration: several rules ask for each. */
const ENDS = memoPerModel<Integration, IntegrationEnds>();

export function integrationEnds(model: Model, it: Integration): IntegrationEnds {
  const known = ENDS(model);
  let ends = known.get(it);
  if (ends === undefined) {
    const from = resolveEndpoint(model, it.from);
    const to = resolveEndpoint(model, it.to);
    known.set(it, (ends = { from, to, fromOwner: endpointOwner(model, from), toOwner: endpointOwner(model, to) }));
  }
  return ends;
}

/** True when the two ends belong to different bodies (both known). */
export function isCrossAgency(model: Model, it: Integration): boolean {
  const ends = integrationEnds(model, it);
  return ends.fromOwner !== undefined && ends.toOwner !== undefined && ends.fromOwner !== ends.toOwner;
}

/** Channels that are shared integration platforms (NĐ 194/2025 Điều 20; VDXP for official documents). */
export const PLATFORM_CHANNELS: ReadonlySet<string> = new Set(['lgsp', 'ndxp', 'ndop', 'vdxp']);

export function isThroughPlatform(it: Integration): boolean {
  return PLATFORM_CHANNELS.has(it.channel);
}

/** Integrations that still carry (or will carry) data: everything but retired ones. */
export function isActiveIntegration(it: Integration): boolean {
  return it.status !== 'retired';
}

/** The national system a channel runs on (`ndop` → national:ndop), from the pack. */
export function channelPlatform(model: Model, channel: string): NationalSystem | undefined {
  return model.pack.national.find((n) => n.channel === channel);
}

/** Display name of an owner key from `endpointOwner`. */
export function ownerName(model: Model, owner: string): { readonly vi: string; readonly en: string } {
  if (owner.startsWith('@')) return { vi: `cơ quan mã ${owner.slice(1)}`, en: `agency ${owner.slice(1)}` };
  const name = model.nameOf(owner);
  return { vi: name, en: name };
}

/** Display name of an endpoint as written. */
export function endpointName(model: Model, e: Endpoint): string {
  if (e.kind === 'external') return `${e.raw}`;
  if (e.kind === 'unknown') return e.raw;
  return model.shortNameOf(e.ref);
}

/** Bodies and their ancestors through `parent` (an organisation ref chain), nearest first. */
export function ancestorsOf(model: Model, orgRef: string): readonly string[] {
  const out: string[] = [];
  let cur = model.get(orgRef);
  while (cur && cur.entityKind === 'org' && cur.parent !== undefined && !out.includes(cur.parent)) {
    out.push(cur.parent);
    cur = model.get(cur.parent);
  }
  return out;
}

const CENTRAL_LEVELS: ReadonlySet<string> = new Set(['central', 'ministry']);

/**
 * True when data flows from a body up its own line of management: to the agency itself, to one of the
 * provider's parent bodies, or to a central body (ministry, central agency) — statutory reporting,
 * not sharing with a peer.
 */
export function isUpward(model: Model, fromOwner: string, toOwner: string): boolean {
  if (toOwner === model.agency?.ref) return true;
  if (ancestorsOf(model, fromOwner).includes(toOwner)) return true;
  const level = model.org(toOwner)?.level;
  return level !== undefined && CENTRAL_LEVELS.has(level);
}

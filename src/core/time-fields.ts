/**
 * Time in the model: which fields a planned transition may change, per kind, and how the time
 * points of `since`, `until` and `transitions[].at` read. This table is the one place that decides
 * what `transitions[].set` accepts: the schema builds `set` from it (each field keeps its own
 * schema), and `modelAt` applies exactly these fields. A new kind adds one line here.
 */
import { isIsoDate, type IsoDate } from './dates.js';
import type { EntityKind } from './ref.js';

/** Kinds that may carry `since`, `until`, `replacedBy` and `transitions`. */
export const TIMED_KINDS = ['org', 'system', 'dataset', 'integration', 'service', 'function'] as const satisfies readonly EntityKind[];
export type TimedKind = (typeof TIMED_KINDS)[number];

/**
 * Fields `transitions[].set` may change, per kind. A field is replaced whole (an object such as
 * `hosting` is written in full). Identity (`id`, `kind`) and time (`since`, `until`, `transitions`)
 * never change through a transition.
 */
export const TIME_FIELDS: Readonly<Record<TimedKind, readonly string[]>> = {
  org: ['name', 'shortName', 'parent', 'level', 'roles', 'replacedBy'],
  system: [
    'name', 'shortName', 'status', 'layer', 'component', 'roles', 'owner', 'operator', 'vendor', 'vendorOrg',
    'hosting', 'network', 'security', 'sharedPlatform', 'usesVneid', 'usesDigitalSignature', 'replacedBy',
  ],
  dataset: [
    'name', 'shortName', 'system', 'layer', 'block', 'sharing', 'criticality', 'owner', 'custodian', 'nationalDatabase',
    'nationalRole', 'nationalStore', 'sync', 'updateFrequency', 'dictionary', 'standardised', 'openData', 'replacedBy',
  ],
  integration: ['name', 'shortName', 'status', 'type', 'from', 'to', 'channel', 'via', 'datasets', 'direction', 'format', 'mandatory', 'replacedBy'],
  // A service moves online (một phần → toàn trình), onto the national portal, or to another handling system.
  service: ['name', 'shortName', 'provider', 'function', 'onlineLevel', 'eligibleFullOnline', 'channels', 'handledBy', 'alsoUses', 'portalUrl', 'replacedBy'],
  function: ['name', 'shortName', 'owner', 'parent', 'fields', 'supportedBy', 'replacedBy'],
};

/** Ref kinds `replacedBy` accepts, per kind (`national:…`: consolidated onto a national platform). */
export const REPLACED_BY_KINDS: Readonly<Record<TimedKind, readonly ('org' | 'agency' | 'system' | 'dataset' | 'integration' | 'national' | 'service' | 'function')[]>> = {
  org: ['org', 'agency'],
  system: ['system', 'national'],
  dataset: ['dataset', 'national'],
  integration: ['integration'],
  service: ['service'],
  function: ['function'],
};

export function isTimedKind(kind: string): kind is TimedKind {
  return (TIMED_KINDS as readonly string[]).includes(kind);
}

/** A `since`/`until`/`at` value as written: a year (`2027`) or a day (`2027-06-30`). */
export type TimePoint = number | string;

/** True for a year 1900–2200 (number, or four digits as text) or a real `YYYY-MM-DD` day. */
export function isTimePoint(value: unknown): value is TimePoint {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1900 && value <= 2200;
  if (typeof value !== 'string') return false;
  if (/^\d{4}$/.test(value)) return isTimePoint(Number(value));
  return isIsoDate(value);
}

/**
 * The day a time point stands for. A year is its first day when something begins (`since`) and its
 * last day when something ends or takes effect (`until`, `transitions[].at`): `since: 2019` is
 * 2019-01-01, `until: 2027` and `at: 2027` are 2027-12-31. Undefined for anything else.
 */
export function timePointDate(value: unknown, edge: 'start' | 'end'): IsoDate | undefined {
  if (!isTimePoint(value)) return undefined;
  const s = String(value);
  if (/^\d{4}$/.test(s)) return edge === 'start' ? `${s}-01-01` : `${s}-12-31`;
  return s;
}

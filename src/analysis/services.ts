/**
 * Model queries on public services (kind: Service) and business functions: the service KPIs of
 * QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a computed from the declared services, and the groupings the business
 * view and the documents print (by providing body, by field, by handling system).
 */
import { parsePeriod, type IsoDate, type Period } from '../core/dates.js';
import { known } from '../core/unknown.js';
import type { Model } from '../model/model.js';
import type { BusinessFunction, Service } from '../model/types.js';
import { percentOf } from './display.js';

/** Online levels in the order documents list them. */
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** The service's online level when declared (undefined when "chưa xác định"). */
export function onlineLevelOf(s: Service): OnlineLevel | undefined {
  return known(s.onlineLevel);
}

/** True when the service is declared eligible for full online provision (not false, not unknown). */
export function isEligibleFullOnline(s: Service): boolean {
  return s.eligibleFullOnline === true;
}

/** True when the service is fully online (dịch vụ công trực tuyến toàn trình). */
export function isFullyOnline(s: Service): boolean {
  return s.onlineLevel === 'full';
}

/** True when the service takes dossiers on the National Public Service Portal (channel or portal link). */
export function isOnNationalPortal(s: Service): boolean {
  return (s.channels ?? []).includes('national-portal') || s.portalUrl !== undefined;
}

/** Dossier figures of one period, summed over the services that report it. */
export interface DossierTotals {
  readonly period: Period;
  /** Services with a row for the period. */
  readonly services: number;
  readonly received: number;
  readonly receivedOnline: number;
  /** Processed online where declared, received online otherwise (see `method`). */
  readonly online: number;
  readonly withPersonalId: number | null;
}

/**
 * The latest period ending on or before `asOf` that any service reports, with the dossiers of every
 * service reporting it. Undefined when no service has dossier figures up to `asOf`.
 */
export function latestDossierTotals(model: Model, asOf: IsoDate): DossierTotals | undefined {
  let latest: Period | undefined;
  for (const s of model.all('service')) {
    for (const d of s.dossiers ?? []) {
      const p = parsePeriod(d.period);
      if (!p || p.end > asOf) continue;
      if (!latest || p.end > latest.end || (p.end === latest.end && p.start > latest.start)) latest = p;
    }
  }
  if (!latest) return undefined;
  let services = 0;
  let received = 0;
  let receivedOnline = 0;
  let online = 0;
  let withId = 0;
  let idRows = 0;
  for (const s of model.all('service')) {
    const rows = (s.dossiers ?? []).filter((d) => d.period === latest.id);
    if (rows.length === 0) continue;
    services++;
    for (const d of rows) {
      received += d.received;
      receivedOnline += d.receivedOnline ?? 0;
      online += d.processedOnline ?? d.receivedOnline ?? 0;
      if (d.withPersonalId !== undefined) {
        withId += d.withPersonalId;
        idRows++;
      }
    }
  }
  return { period: latest, services, received, receivedOnline, online, withPersonalId: idRows > 0 ? withId : null };
}

/** The service KPIs computed from the model, with the population each is computed over. */
export interface ServiceFigures {
  /** Services declared. */
  readonly services: number;
  readonly byLevel: Readonly<Record<OnlineLevel | 'unknown', number>>;
  /** Services declared eligible for full online provision. */
  readonly eligible: number;
  /** Of those, the ones fully online. */
  readonly eligibleFullyOnline: number;
  /** Share of eligible services that are fully online (null without eligible services). */
  readonly fullOnlineShare: number | null;
  /** Eligible services not fully online, sorted by ref (drill-down). */
  readonly eligibleNotFull: readonly string[];
  /** Services whose eligibility is "chưa xác định" or not declared. */
  readonly eligibilityUnknown: number;
  /** Dossiers of the latest reported period (null without dossier figures). */
  readonly dossiers: (DossierTotals & { readonly onlineShare: number | null; readonly personalIdShare: number | null }) | null;
}

/** Service figures at `asOf`: the inputs of the two service KPIs of QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a. */
export function serviceFigures(model: Model, asOf: IsoDate): ServiceFigures {
  const all = model.all('service');
  const byLevel = { full: 0, partial: 0, none: 0, unknown: 0 };
  for (const s of all) byLevel[onlineLevelOf(s) ?? 'unknown']++;
  const eligible = all.filter(isEligibleFullOnline);
  const notFull = eligible.filter((s) => !isFullyOnline(s)).map((s) => s.ref);
  const totals = latestDossierTotals(model, asOf);
  return {
    services: all.length,
    byLevel,
    eligible: eligible.length,
    eligibleFullyOnline: eligible.length - notFull.length,
    fullOnlineShare: percentOf(eligible.length - notFull.length, eligible.length),
    eligibleNotFull: notFull,
    eligibilityUnknown: all.filter((s) => s.eligibleFullOnline !== true && s.eligibleFullOnline !== false).length,
    dossiers: totals
      ? {
          ...totals,
          onlineShare: percentOf(totals.online, totals.received),
          personalIdShare: totals.withPersonalId === null ? null : percentOf(totals.withPersonalId, totals.received),
        }
      : null,
  };
}

/** Services sharing a providing body, then a field: how the business view and the inventories group them. */
export interface ServiceGroup {
  /** The providing body's ref, or "chưa xác định". */
  readonly provider: string;
  readonly fields: readonly { readonly field: string | null; readonly services: readonly Service[] }[];
}

let collator: Intl.Collator | undefined;

/**
 * Services grouped by providing body (in ref order; unknown provider last), then by field (Vietnamese
 * collation; services without a field last), each list in ref order.
 */
export function servicesByProvider(model: Model): readonly ServiceGroup[] {
  const byProvider = new Map<string, Service[]>();
  for (const s of model.all('service')) {
    const key = known(s.provider) ?? 'chưa xác định';
    const list = byProvider.get(key) ?? [];
    list.push(s);
    byProvider.set(key, list);
  }
  const providers = [...byProvider.keys()].sort((a, b) => (a === 'chưa xác định' ? 1 : b === 'chưa xác định' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return providers.map((provider) => {
    const byField = new Map<string | null, Service[]>();
    for (const s of byProvider.get(provider) ?? []) {
      const f = s.field ?? null;
      const list = byField.get(f) ?? [];
      list.push(s);
      byField.set(f, list);
    }
    const fields = [...byField.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : (collator ??= new Intl.Collator('vi')).compare(a, b) || (a < b ? -1 : 1)));
    return { provider, fields: fields.map((field) => ({ field, services: byField.get(field) ?? [] })) };
  });
}

/** Services handled by `systemRef` (handledBy), in ref order. */
export function servicesHandledBy(model: Model, systemRef: string): readonly Service[] {
  return model.all('service').filter((s) => s.handledBy === systemRef);
}

/** Services carrying out a business function (its own, not its sub-functions'), in ref order. */
export function servicesOfFunction(model: Model, functionRef: string): readonly Service[] {
  return model.all('service').filter((s) => s.function === functionRef);
}

/** Direct sub-functions of a business function, in ref order; top-level functions for `undefined`. */
export function subFunctions(model: Model, parent: string | undefined): readonly BusinessFunction[] {
  return model.all('function').filter((f) => f.parent === parent);
}

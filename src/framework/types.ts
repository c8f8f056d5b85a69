import type { IsoDate } from '../core/dates.js';
import type { Ref } from '../core/ref.js';
import { isUnknown } from '../core/unknown.js';

/** Fields every pack entry may carry to say how sure we are of it. */
export interface Provenance {
  /** Where the fact comes from (seed file, brief section, URL). */
  readonly source?: string;
  /** False for facts the research brief marks [U]: shown as "chưa xác nhận", never a blocking rule. */
  readonly confirmed: boolean;
  readonly note?: string;
}

export interface EnumValue extends Provenance {
  readonly value: string | number;
  readonly vi: string;
  readonly en: string;
  /** Printed after a number (units catalogue): `%`, `km`, `GB`. */
  readonly symbol?: string;
  /** Bounds of a unit of the units catalogue (`percent`: 0–100): a KPI value outside them is an error (model.unit-range). */
  readonly min?: number;
  readonly max?: number;
  /**
   * Other words people write for the value (`planned` for a task not started, "ngân sách" for the state
   * budget): only ever used to suggest the code, never accepted in its place.
   */
  readonly aliases?: readonly string[];
}

export interface EnumDef extends Provenance {
  readonly id: string;
  readonly vi: string;
  readonly en: string;
  readonly values: readonly EnumValue[];
}

export interface Component extends Provenance {
  readonly id: string;
  readonly layer: string;
  readonly vi: string;
  readonly en: string;
  /** National platform with the same function (a local one duplicates it). */
  readonly nationalCounterpart?: Ref<'national'>;
}

export interface NationalSystem extends Provenance {
  readonly id: string;
  readonly ref: Ref<'national'>;
  readonly type: string;
  readonly layer: string;
  readonly component: string;
  readonly channel?: string;
  readonly name: string;
  readonly nameEn: string;
  readonly owner?: Ref<'org'>;
  readonly hostedAt?: Ref<'national'>;
  readonly legalRef?: string;
  readonly replacedBy?: Ref<'national'>;
  readonly replacedOn?: IsoDate;
  /** True for an entity the agency declares itself (agency.nationalEntities) because the pack lacks it. */
  readonly declared?: boolean;
}

export interface PackOrganization {
  readonly id: string;
  readonly ref: Ref<'org'>;
  readonly name: string;
  readonly level: string;
}

export interface NationalTarget extends Provenance {
  readonly id: string;
  readonly ref: Ref<'target'>;
  readonly name: string;
  readonly nameEn: string;
  /** Null when the instrument sets no number (e.g. DTI). */
  readonly value: number | null;
  readonly comparator: 'gte' | 'lte';
  readonly unit: string;
  readonly deadline: IsoDate | null;
  readonly appliesTo: 'agency' | 'national';
  /** Coverage measure kientruc computes from the model for this target. */
  readonly measure?: string;
  readonly legalRef: string;
}

export interface LegalDocument extends Provenance {
  readonly id: string;
  readonly short: string;
  readonly citation: string;
  readonly number?: string;
  readonly date?: IsoDate;
  readonly effective?: IsoDate;
  readonly basisFor: readonly string[];
  readonly order: number;
  /** Document type in rank order (enum `documentType`): sorts the căn cứ list by rank, then date. */
  readonly rank?: string;
  readonly supersededBy?: string;
  readonly supersededOn?: IsoDate;
}

export interface Threshold extends Provenance {
  readonly value: number | string;
}

export interface FrameworkRef {
  readonly id: string;
  readonly role: string;
  readonly vi: string;
  readonly en: string;
}

export interface FrameworkPack {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly factsCheckedOn: IsoDate;
  readonly frameworks: readonly FrameworkRef[];
  readonly agencyCode: { readonly pattern: string; readonly example: string } & Provenance;
  readonly thresholds: Readonly<Record<string, Threshold>>;
  readonly enums: Readonly<Record<string, EnumDef>>;
  readonly components: readonly Component[];
  readonly national: readonly NationalSystem[];
  readonly organizations: readonly PackOrganization[];
  readonly targets: readonly NationalTarget[];
  readonly legal: readonly LegalDocument[];
  /** Source file of each part, relative to the package root (for messages). */
  readonly files: readonly string[];
}

/** True for an agency code written but not of the pack's QCVN 102 form ("chưa xác định" is not written yet, so not malformed). */
export function malformedAgencyCode(pack: FrameworkPack, code: string | undefined): boolean {
  return code !== undefined && !isUnknown(code) && !new RegExp(pack.agencyCode.pattern).test(code);
}

/** Label of an enum value in one language; the raw value when unknown. */
export function enumLabel(pack: FrameworkPack, enumId: string, value: string | number, lang: 'vi' | 'en' = 'vi'): string {
  const v = pack.enums[enumId]?.values.find((x) => x.value === value);
  if (v) return v[lang];
  if (isUnknown(value)) return lang === 'vi' ? 'Chưa xác định' : 'Not yet known';
  return String(value);
}

export function enumValue(pack: FrameworkPack, enumId: string, value: string | number): EnumValue | undefined {
  return pack.enums[enumId]?.values.find((x) => x.value === value);
}

export function thresholdNumber(pack: FrameworkPack, key: string, fallback: number): number {
  const t = pack.thresholds[key];
  return typeof t?.value === 'number' ? t.value : fallback;
}

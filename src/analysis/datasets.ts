import { isKnown } from '../core/unknown.js';
import { addDays, type IsoDate } from '../core/dates.js';
import { thresholdNumber } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { Dataset } from '../model/types.js';

export type QualityAssessment = NonNullable<Dataset['quality']>[number];

/** The four dimensions every periodic report shows (seed 003 mục 1.b: đúng – đủ – sạch – sống). */
export const QUALITY_DIMENSIONS = ['correct', 'complete', 'clean', 'live'] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

export const QUALITY_LABELS: Readonly<Record<QualityDimension, { vi: string; en: string }>> = {
  correct: { vi: 'Đúng', en: 'Correct' },
  complete: { vi: 'Đủ', en: 'Complete' },
  clean: { vi: 'Sạch', en: 'Clean' },
  live: { vi: 'Sống', en: 'Live' },
};

/** Sharing class, criticality and personal-data category all declared (QĐ 1751 mục IV.2.a, VII.3.đ). */
export function isClassified(d: Dataset): boolean {
  return isKnown(d.sharing) && isKnown(d.criticality) && isKnown(d.personalData);
}

/** Databases the national consolidated DB must receive: national or sectoral scope (QĐ 1751 IV.2.b). */
export function isNationalOrSectoralDb(d: Dataset): boolean {
  return d.scope === 'national' || d.scope === 'sectoral';
}

/**
 * Why a dataset must be synchronised to the CSDL tổng hợp quốc gia (NĐ 278/2025; QĐ 1751 IV.2.b,
 * VII.3.c): linked to a national database, master data, shared data, listed in NQ 71 Annex II, or a
 * national/sectoral database. Empty when none applies, and for a replica of a national database.
 */
export function nationalSyncReasons(d: Dataset): readonly ('national-database' | 'master' | 'shared' | 'nq71' | 'database')[] {
  const out: ('national-database' | 'master' | 'shared' | 'nq71' | 'database')[] = [];
  // A local copy taken from a national database creates no data: the national owner synchronises it.
  if (d.nationalRole === 'replica') return out;
  if (d.nationalDatabase !== undefined) out.push('national-database');
  if (d.layer === 'master') out.push('master');
  if (d.sharing === 'shared') out.push('shared');
  if (d.nq71 === true) out.push('nq71');
  if (isNationalOrSectoralDb(d)) out.push('database');
  return out;
}

export function isSynchronised(d: Dataset): boolean {
  return d.sync?.status === 'live';
}

/**
 * Datasets whose quality (đúng, đủ, sạch, sống) must be assessed: data shared beyond the agency or
 * synchronised to the national consolidated DB. Internal working data is exempt.
 */
export function needsQualityAssessment(d: Dataset): boolean {
  if (d.scope === 'internal' && d.sharing !== 'shared' && d.sharing !== 'open') return false;
  return d.sharing === 'shared' || d.sharing === 'open' || d.layer === 'master' || d.nationalDatabase !== undefined || isNationalOrSectoralDb(d);
}

/** The latest assessment dated on or before `onOrBefore` (the last one listed wins a tie). */
export function latestQuality(d: Dataset, onOrBefore: IsoDate): QualityAssessment | undefined {
  let best: QualityAssessment | undefined;
  for (const q of d.quality ?? []) {
    if (q.assessedOn > onOrBefore) continue;
    if (!best || q.assessedOn >= best.assessedOn) best = q;
  }
  return best;
}

export function qualityMaxAgeDays(model: Model): number {
  return thresholdNumber(model.pack, 'qualityMaxAgeDays', 365);
}

export function qualityMinPercent(model: Model): number {
  return thresholdNumber(model.pack, 'qualityMinPercent', 90);
}

/** True when the latest assessment is older than the pack threshold at `asOf`. */
export function isQualityStale(model: Model, q: QualityAssessment, asOf: IsoDate): boolean {
  return addDays(q.assessedOn, qualityMaxAgeDays(model)) < asOf;
}

/** Dimensions of an assessment below the pack threshold. */
export function dimensionsBelow(model: Model, q: QualityAssessment): readonly QualityDimension[] {
  const min = qualityMinPercent(model);
  return QUALITY_DIMENSIONS.filter((k) => q[k] < min);
}

/** Open data counts as published when it has a publication date or address. */
export function isPublishedOpen(d: Dataset): boolean {
  return d.openData?.publishedOn !== undefined || d.openData?.url !== undefined;
}

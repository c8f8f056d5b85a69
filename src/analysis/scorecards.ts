import { known } from '../core/unknown.js';
import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { text, type Text } from '../core/text.js';
import type { Model } from '../model/model.js';
import { isClassified, isQualityStale, isSynchronised, latestQuality, nationalSyncReasons, needsQualityAssessment, QUALITY_DIMENSIONS } from './datasets.js';
import { percentOf } from './display.js';
import { hasApprovedSecurityLevel, isInSecurityScope, isInService } from './systems.js';

/** `none`: the row has nothing to assess (no entity, or only planned systems), so it neither meets nor fails. */
export type Rating = 'ok' | 'improve' | 'fix' | 'none';

export const RATING_LABEL: Readonly<Record<Rating, Text>> = {
  ok: text('Đạt', 'Meets'),
  improve: text('Cần cải thiện', 'Needs improvement'),
  fix: text('Cần khắc phục', 'Needs fixing'),
  none: text('—', '—'),
};

/** `fix` with any unwaived error on the row's entities, `improve` with warnings; without findings `ok`, or `none` when nothing was there to assess. */
function rating(errors: number, warnings: number, assessable: boolean): Rating {
  return errors > 0 ? 'fix' : warnings > 0 ? 'improve' : assessable ? 'ok' : 'none';
}

interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly rating: Rating;
  readonly ratingLabel: Text;
}

function counts(findings: readonly Diagnostic[], refs: ReadonlySet<string>, assessable: boolean): Counts {
  let errors = 0;
  let warnings = 0;
  for (const d of findings) {
    if (d.waived || d.entity === undefined || !refs.has(String(d.entity))) continue;
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  const r = rating(errors, warnings, assessable);
  return { errors, warnings, rating: r, ratingLabel: RATING_LABEL[r] };
}

/** One QĐ 3090 layer: its systems and how they stand. */
export interface LayerRow extends Counts {
  readonly layer: string;
  readonly label: Text;
  readonly systems: number;
  readonly inService: number;
  readonly securityScope: number;
  readonly securityApproved: number;
  readonly securityApprovedPct: number | null;
  readonly withPlans: number;
  readonly withPlansPct: number | null;
}

/** One QĐ 2439 data layer (or the datasets without one). */
export interface DataLayerRow extends Counts {
  readonly layer: string | null;
  readonly label: Text;
  readonly datasets: number;
  readonly classified: number;
  readonly classifiedPct: number | null;
  readonly syncRequired: number;
  readonly synchronised: number;
  readonly synchronisedPct: number | null;
  readonly qualityRequired: number;
  readonly qualityCurrent: number;
  readonly qualityCurrentPct: number | null;
  /** Mean of đúng, đủ, sạch, sống over the latest assessments (one decimal), or null. */
  readonly qualityAverage: number | null;
}

export function layerScorecard(model: Model, findings: readonly Diagnostic[]): LayerRow[] {
  const def = model.pack.enums['layer'];
  return (def?.values ?? []).map((v) => {
    const layer = String(v.value);
    const systems = model.all('system').filter((s) => s.layer === layer);
    const scope = systems.filter(isInSecurityScope);
    const approved = scope.filter(hasApprovedSecurityLevel).length;
    const running = systems.filter(isInService);
    const withPlans = running.filter((s) => s.security?.incidentResponsePlan === true && s.security.backup === true).length;
    return {
      layer,
      label: text(v.vi, v.en),
      systems: systems.length,
      inService: running.length,
      securityScope: scope.length,
      securityApproved: approved,
      securityApprovedPct: percentOf(approved, scope.length),
      withPlans,
      withPlansPct: percentOf(withPlans, running.length),
      // A layer without systems, or with planned ones only (no security level due, nothing running), is not rated "Đạt".
      ...counts(findings, new Set(systems.map((s) => s.ref)), scope.length > 0 || running.length > 0),
    };
  });
}

export function dataLayerScorecard(model: Model, asOf: IsoDate, findings: readonly Diagnostic[]): DataLayerRow[] {
  const def = model.pack.enums['dataLayer'];
  const layers: { layer: string | null; label: Text }[] = (def?.values ?? []).map((v) => ({ layer: String(v.value), label: text(v.vi, v.en) }));
  const all = model.all('dataset');
  if (all.some((d) => known(d.layer) === undefined)) layers.push({ layer: null, label: text('Chưa xếp lớp dữ liệu', 'No data layer') });
  return layers.map(({ layer, label }) => {
    const datasets = all.filter((d) => (known(d.layer) ?? null) === layer);
    const classified = datasets.filter(isClassified).length;
    const syncRequired = datasets.filter((d) => nationalSyncReasons(d).length > 0);
    const synchronised = syncRequired.filter(isSynchronised).length;
    const qualityRequired = datasets.filter(needsQualityAssessment);
    const latest = qualityRequired.map((d) => latestQuality(d, asOf)).filter((q) => q !== undefined);
    const current = latest.filter((q) => !isQualityStale(model, q, asOf)).length;
    const averages = latest.map((q) => QUALITY_DIMENSIONS.reduce((s, k) => s + q[k], 0) / QUALITY_DIMENSIONS.length);
    return {
      layer,
      label,
      datasets: datasets.length,
      classified,
      classifiedPct: percentOf(classified, datasets.length),
      syncRequired: syncRequired.length,
      synchronised,
      synchronisedPct: percentOf(synchronised, syncRequired.length),
      qualityRequired: qualityRequired.length,
      qualityCurrent: current,
      qualityCurrentPct: percentOf(current, qualityRequired.length),
      qualityAverage: averages.length ? Math.round((averages.reduce((s, x) => s + x, 0) / averages.length) * 10) / 10 : null,
      ...counts(findings, new Set(datasets.map((d) => d.ref)), datasets.length > 0),
    };
  });
}

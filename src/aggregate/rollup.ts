import { meets } from '../analysis/kpis.js';
import type { IsoDate } from '../core/dates.js';
import { text, type Text } from '../core/text.js';
import type { Model } from '../model/model.js';
import type { Kpi } from '../model/types.js';
import type { MergedAgency } from './merge.js';
import type { KpiRollup, RollupContribution, RollupStatus, WeightBasis } from './types.js';

/** Units whose values can be averaged; counts are summed; milestones and ranks are listed, not combined. */
const AVERAGED = new Set(['percent', 'points', 'level']);

interface Point {
  readonly agency: MergedAgency;
  readonly kpi: Kpi;
  readonly value: number | undefined;
  readonly date: IsoDate | undefined;
  readonly denominator: number | undefined;
  readonly population: number | undefined;
}

function latest(kpi: Kpi, asOf: IsoDate): { value: number; date: IsoDate; denominator: number | undefined } | undefined {
  let best: { value: number; date: IsoDate; denominator: number | undefined } | undefined;
  for (const m of kpi.measurements ?? []) {
    if (m.date > asOf) continue;
    if (!best || m.date >= best.date) best = { value: m.value, date: m.date, denominator: m.denominator };
  }
  return best;
}

const BASIS_LABEL: Readonly<Record<WeightBasis, Text>> = {
  denominator: text('mẫu số của số liệu đo (ví dụ số hồ sơ)', 'the measurement denominator (e.g. number of dossiers)'),
  population: text('dân số của cơ quan', "the agency's population"),
  equal: text('trọng số bằng nhau', 'equal weights'),
};

/** The preferred basis when every contributor has it, else population, else equal weights. */
function chooseBasis(points: readonly Point[], preferred: WeightBasis): { basis: WeightBasis; note: Text } {
  const measured = points.filter((p) => p.value !== undefined);
  const lacking = (basis: WeightBasis) =>
    measured.filter((p) => (basis === 'denominator' ? !(p.denominator && p.denominator > 0) : basis === 'population' ? !(p.population && p.population > 0) : false));
  const chain: WeightBasis[] = preferred === 'denominator' ? ['denominator', 'population', 'equal'] : preferred === 'population' ? ['population', 'equal'] : ['equal'];
  const skipped: Text[] = [];
  for (const basis of chain) {
    const missing = lacking(basis);
    if (missing.length === 0) {
      const vi = skipped.length ? ` (${skipped.map((t) => t.vi).join('; ')})` : '';
      const en = skipped.length ? ` (${skipped.map((t) => t.en).join('; ')})` : '';
      return { basis, note: text(`Trọng số: ${BASIS_LABEL[basis].vi}${vi}.`, `Weights: ${BASIS_LABEL[basis].en}${en}.`) };
    }
    const names = [...new Set(missing.map((p) => p.agency.input.model.agency?.shortName ?? p.agency.input.model.agency?.name ?? p.agency.ns.namespace))].join(', ');
    skipped.push(
      basis === 'denominator'
        ? text(`không dùng mẫu số vì ${names} không có`, `no denominator for ${names}`)
        : text(`không dùng dân số vì ${names} không có`, `no population for ${names}`),
    );
  }
  return { basis: 'equal', note: text(`Trọng số: ${BASIS_LABEL.equal.vi}.`, `Weights: ${BASIS_LABEL.equal.en}.`) };
}

function weightOf(p: Point, basis: WeightBasis): number {
  if (basis === 'denominator') return p.denominator ?? 0;
  if (basis === 'population') return p.population ?? 0;
  return 1;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * One value per national target from every agency's KPI that answers to it: a weighted mean of the
 * latest measurements (weights stated in the output), or a sum for counts.
 */
export function rollUpKpis(model: Model, agencies: readonly MergedAgency[], asOf: IsoDate, preferred: WeightBasis): KpiRollup[] {
  const out: KpiRollup[] = [];
  const agencyOfKpi = new Map<string, MergedAgency>();
  for (const a of agencies) for (const k of a.input.model.all('kpi')) agencyOfKpi.set(a.ns.qualify(k.ref), a);
  for (const target of model.pack.targets) {
    const kpis = model.all('kpi').filter((k) => k.nationalTarget === target.ref);
    if (kpis.length === 0) continue;
    const points: Point[] = kpis.map((kpi) => {
      const agency = agencyOfKpi.get(kpi.ref) as MergedAgency;
      const m = latest(kpi, asOf);
      return { agency, kpi, value: m?.value, date: m?.date, denominator: m?.denominator, population: agency.input.model.agency?.population?.total };
    });
    const measured = points.filter((p) => p.value !== undefined);
    let basis: KpiRollup['basis'];
    let note: Text;
    let value: number | undefined;
    const weights = new Map<Point, number>();
    if (AVERAGED.has(target.unit)) {
      const chosen = chooseBasis(points, preferred);
      basis = chosen.basis;
      note = chosen.note;
      let total = 0;
      let sum = 0;
      for (const p of measured) {
        const w = weightOf(p, chosen.basis);
        weights.set(p, w);
        total += w;
        sum += w * (p.value as number);
      }
      value = total > 0 ? round(sum / total) : undefined;
    } else if (target.unit === 'count') {
      basis = 'sum';
      note = text('Cộng số liệu của các cơ quan.', 'Sum of the agencies’ figures.');
      value = measured.length ? measured.reduce((s, p) => s + (p.value as number), 0) : undefined;
      for (const p of measured) weights.set(p, 1);
    } else {
      basis = 'none';
      note = text('Đơn vị đo không cộng gộp được; xem số liệu từng cơ quan.', 'This unit cannot be combined; see each agency.');
      value = undefined;
    }
    const total = [...weights.values()].reduce((s, w) => s + w, 0);
    const contributions: RollupContribution[] = points.map((p) => {
      const w = weights.get(p);
      return {
        agency: p.agency.ns.namespace,
        agencyName: p.agency.input.model.agency?.name ?? p.agency.ns.namespace,
        kpi: p.kpi.ref,
        value: p.value,
        date: p.date,
        weight: w,
        share: w !== undefined && total > 0 && basis !== 'sum' ? round(w / total, 4) : undefined,
      };
    });
    let status: RollupStatus;
    if (basis === 'none') status = 'not-aggregated';
    else if (target.value === null) status = 'no-target';
    else if (value === undefined) status = 'no-data';
    else if (meets(value, { value: target.value, comparator: target.comparator })) status = 'met';
    else status = target.deadline !== null && target.deadline < asOf ? 'overdue' : 'behind';
    out.push({
      target: target.ref,
      name: text(target.name, target.nameEn),
      unit: target.unit,
      targetValue: target.value,
      comparator: target.comparator,
      deadline: target.deadline,
      legalRef: target.legalRef,
      basis,
      basisNote: note,
      value,
      status,
      contributions,
    });
  }
  return out;
}

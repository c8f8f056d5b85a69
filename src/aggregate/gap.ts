import type { CoverageRow } from '../analysis/coverage.js';
import { displayDate, displayValue, percentOf } from '../analysis/display.js';
import type { CodeInfo } from '../analysis/findings.js';
import { buildGapReport, type GapReport } from '../analysis/gap-report.js';
import { assessProgress, KPI_STATUS_LABEL, meets, type Goal } from '../analysis/kpis.js';
import type { TargetRow } from '../analysis/targets.js';
import { parseDeadline, type IsoDate } from '../core/dates.js';
import { text } from '../core/text.js';
import type { Model } from '../model/model.js';
import type { AggregateResult, KpiRollup } from './types.js';

/**
 * The consolidated gap report: the gap report of the merged model, with what the analysis layer reads
 * from one agency replaced by the whole aggregation. A national target's latest value is the roll-up
 * (the same figure and status as aggregate.md), not the first agency's KPI; the coverage rows counted
 * from the agency itself (network rules, certified IT staff, data-governance maturity) count every
 * merged agency. The summary and the action list follow from those rows.
 */
export function consolidatedGapReport(r: AggregateResult, codes: readonly CodeInfo[]): GapReport {
  const rollups = new Map(r.rollups.map((x) => [x.target, x]));
  return buildGapReport({
    model: r.model,
    diagnostics: r.diagnostics,
    codes,
    asOf: r.asOf,
    adjust: {
      targets: (rows) =>
        rows.map((t) => {
          const ru = rollups.get(t.ref);
          return ru ? rolledUpTarget(r.model, t, ru, r.asOf) : t;
        }),
      coverage: (rows) => rows.map((c) => agencyWideCoverage(r.model, c)),
    },
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The baseline of the roll-up: the contributors' baselines weighted as their measurements are, dated at
 * the latest of them; undefined unless every weighted contributor declared one.
 */
function rolledUpBaseline(model: Model, ru: KpiRollup): { date: IsoDate; value: number } | undefined {
  let total = 0;
  let sum = 0;
  let date: IsoDate | undefined;
  for (const c of ru.contributions) {
    if (c.weight === undefined) continue;
    const b = model.get<'kpi'>(c.kpi)?.baseline;
    if (!b) return undefined;
    const w = ru.basis === 'sum' ? 1 : c.weight;
    total += w;
    sum += w * b.value;
    if (date === undefined || b.date > date) date = b.date;
  }
  if (date === undefined || total <= 0) return undefined;
  return { date, value: ru.basis === 'sum' ? sum : round(sum / total) };
}

/**
 * The agencies' own targets for a national target, summarised: one value when they agree, else the range,
 * with how many agencies set one. Units that differ have no honest range: the row points to aggregate.md.
 */
function agencyTargets(model: Model, ru: KpiRollup): NonNullable<TargetRow['agencyTargets']> {
  const agencies = ru.contributions.length;
  const own = ru.contributions.flatMap((c) => {
    const k = model.get<'kpi'>(c.kpi);
    const dl = k?.target ? parseDeadline(k.target.deadline) : undefined;
    return k?.target ? [{ value: k.target.value, unit: k.unit, deadline: dl?.kind === 'date' ? dl.date : undefined }] : [];
  });
  const withTarget = own.length;
  const units = new Set(own.map((o) => o.unit));
  const values = own.map((o) => o.value);
  const deadlines = own.flatMap((o) => (o.deadline === undefined ? [] : [o.deadline])).sort();
  const unit = [...units][0] ?? ru.unit;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const display = withTarget === 0 || units.size > 1 ? null : lo === hi ? displayValue(lo, unit) : `${displayValue(lo, unit) ?? lo}–${displayValue(hi, unit) ?? hi}`;
  const first = deadlines[0];
  const last = deadlines[deadlines.length - 1];
  const deadlineDisplay = first === undefined || last === undefined || units.size > 1 ? null : first === last ? displayDate(first) : `${displayDate(first) ?? first}–${displayDate(last) ?? last}`;
  const note =
    units.size > 1
      ? text('đơn vị đo khác nhau giữa các cơ quan, xem aggregate.md', 'units differ between agencies, see aggregate.md')
      : withTarget === agencies
        ? text(`${agencies} cơ quan`, `${agencies} ${agencies === 1 ? 'agency' : 'agencies'}`)
        : text(`${withTarget}/${agencies} cơ quan có mục tiêu riêng`, `${withTarget} of ${agencies} agencies set one`);
  return { display, deadlineDisplay, agencies, withTarget, note };
}

/** A national target's row with the rolled-up value in place of the first agency's KPI. */
function rolledUpTarget(model: Model, row: TargetRow, ru: KpiRollup, asOf: IsoDate): TargetRow {
  const n = ru.contributions.length;
  const from = text(`tổng hợp ${n} cơ quan. ${ru.basisNote.vi}`, `rolled up over ${n} agencies. ${ru.basisNote.en}`);
  // The agency-target column speaks for every agency, never for the first one alone.
  const t: TargetRow = { ...row, agencyTargets: agencyTargets(model, ru) };
  if (ru.basis === 'none') {
    return {
      ...t,
      baseline: null,
      latest: null,
      projected: null,
      status: 'no-data',
      statusLabel: KPI_STATUS_LABEL['no-data'],
      overdue: false,
      reason: text('Đơn vị đo không cộng gộp được giữa các cơ quan: xem số liệu từng cơ quan trong aggregate.md.', 'The unit cannot be combined across agencies: see each agency in aggregate.md.'),
      basis: from,
    };
  }
  if (ru.value === undefined) return t;
  const date = ru.contributions.reduce<IsoDate | undefined>((d, c) => (c.date !== undefined && (d === undefined || c.date > d) ? c.date : d), undefined) ?? asOf;
  const unit = ru.unit;
  const goal: Goal | undefined = t.goal ? { value: t.goal.value, deadline: t.goal.deadline, comparator: ru.comparator } : undefined;
  const baseline = rolledUpBaseline(model, ru);
  const latest = { date, value: ru.value };
  const progress = assessProgress({ measurements: [latest], baseline, goal, asOf, unit });
  return {
    ...t,
    baseline: baseline ? { value: baseline.value, display: displayValue(baseline.value, unit) ?? '', date: baseline.date, dateDisplay: displayDate(baseline.date) ?? '' } : null,
    latest: { value: ru.value, display: displayValue(ru.value, unit) ?? '', date, dateDisplay: displayDate(date) ?? '', source: 'rollup' },
    projected: progress.projected !== null ? { value: progress.projected, display: displayValue(progress.projected, unit) } : null,
    status: progress.status,
    statusLabel: KPI_STATUS_LABEL[progress.status],
    overdue: progress.overdue,
    reason: text(`${progress.reason.vi} Giá trị ${from.vi}`, `${progress.reason.en} Value ${from.en}`),
    basis: from,
  };
}

/** The coverage rows the analysis layer reads from `model.agency`, counted over every merged agency instead. */
function agencyWideCoverage(model: Model, c: CoverageRow): CoverageRow {
  const agencies = model.all('agency');
  const n = agencies.length;
  let counted: Pick<CoverageRow, 'numerator' | 'denominator' | 'value' | 'missing' | 'method'>;
  if (c.id === 'internal-network-rules') {
    const missing = agencies.filter((a) => a.security?.internalNetworkRules?.status !== 'approved').map((a) => a.ref);
    counted = {
      numerator: n - missing.length,
      denominator: n,
      value: percentOf(n - missing.length, n),
      missing,
      method: text(`Số cơ quan đã ban hành quy chế trên ${n} cơ quan được tổng hợp.`, `Agencies that issued the rules, of the ${n} merged.`),
    };
  } else if (c.id === 'it-staff-certified') {
    let certified = 0;
    let required = 0;
    const missing: string[] = [];
    for (const a of agencies) {
      const need = a.staffing?.itStaffRequired ?? a.staffing?.itStaff;
      const have = a.staffing?.itStaffCertified;
      if (need === undefined || have === undefined || need <= 0) missing.push(a.ref);
      else {
        certified += Math.min(have, need);
        required += need;
      }
    }
    counted = {
      numerator: required > 0 ? certified : null,
      denominator: required > 0 ? required : null,
      value: required > 0 ? percentOf(certified, required) : null,
      missing,
      method: text(
        `Tổng nhân sự chuyên trách có chứng chỉ trên tổng định biên cần có của ${n - missing.length}/${n} cơ quan có số liệu.`,
        `Certified dedicated staff over staff required, summed over the ${n - missing.length} of ${n} agencies reporting.`,
      ),
    };
  } else if (c.id === 'governance-maturity') {
    const missing = agencies.filter((a) => a.governance?.maturityLevel === undefined).map((a) => a.ref);
    const declared = agencies.flatMap((a): number[] => (a.governance?.maturityLevel === undefined ? [] : [a.governance.maturityLevel]));
    counted = {
      numerator: null,
      denominator: null,
      // The lowest level: the target is each agency's. Unknown while an agency has not assessed itself.
      value: declared.length === n && n > 0 ? Math.min(...declared) : null,
      missing,
      method: text(
        `Cấp độ thấp nhất của các cơ quan (${declared.length}/${n} cơ quan đã tự đánh giá; chưa đủ thì không có giá trị).`,
        `The lowest level among the agencies (${declared.length} of ${n} assessed; none until all have).`,
      ),
    };
  } else return c;
  const target = c.target ? model.pack.targets.find((t) => t.ref === c.target?.ref) : undefined;
  const meetsTarget = target && target.value !== null && counted.value !== null ? meets(counted.value, { value: target.value, comparator: target.comparator }) : null;
  return { ...c, ...counted, display: displayValue(counted.value, c.unit), meetsTarget };
}

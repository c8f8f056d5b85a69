import { unitInfo } from '../../analysis/kpis.js';
import { parseDeadline, viDeadline, viShortDate, type Deadline, type IsoDate } from '../../core/dates.js';
import { parseRef } from '../../core/ref.js';
import type { Model } from '../../model/model.js';
import type { Kpi } from '../../model/types.js';
import { mmdLabel, truncate } from './escape.js';
import type { DiagramOptions, DiagramSpec } from './types.js';

/** Blue results, red required level (the chart's two series, in order). */
const PALETTE = '#2563eb,#dc2626';
const BOUNDED_UNITS = new Set(['percent', 'milestone']);

interface Point {
  readonly date: IsoDate;
  readonly value: number;
  readonly label: string;
}

function num(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** A round upper bound for the y axis: 1, 2 or 5 times a power of ten above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function pointsOf(kpi: Kpi): Point[] {
  const byDate = new Map<string, Point>();
  if (kpi.baseline) byDate.set(kpi.baseline.date, { date: kpi.baseline.date, value: kpi.baseline.value, label: `${viShortDate(kpi.baseline.date)} (cơ sở)` });
  for (const m of kpi.measurements ?? []) byDate.set(m.date, { date: m.date, value: m.value, label: viShortDate(m.date) });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

interface Step {
  readonly value: number;
  readonly due: Extract<Deadline, { kind: 'date' }>;
  readonly isTarget: boolean;
}

/** Dated milestones and the target, in date order (an ongoing deadline has no place on a time axis). */
function stepsOf(kpi: Kpi): Step[] {
  return [...(kpi.milestones ?? []).map((m) => ({ ...m, isTarget: false })), ...(kpi.target ? [{ ...kpi.target, isTarget: true }] : [])]
    .map((s) => ({ value: s.value, due: parseDeadline(s.deadline), isTarget: s.isTarget }))
    .filter((s): s is Step => s.due?.kind === 'date')
    .sort((a, b) => (a.due.date < b.due.date ? -1 : a.due.date > b.due.date ? 1 : 0));
}

/** The step the KPI must have reached by `date`: the first milestone or target due on or after it (else the last). */
function stepAt(steps: readonly Step[], date: IsoDate): Step | undefined {
  return steps.find((s) => s.due.date >= date) ?? steps[steps.length - 1];
}

/** "4 năm 2030", "80% đến 31/12/2025", "100% thường xuyên". */
function levelBy(value: number, unit: string, due: Deadline | undefined): string {
  const when = due ? (due.kind === 'ongoing' ? ' thường xuyên' : due.precision === 'year' ? ` năm ${due.raw}` : ` đến ${viDeadline(due)}`) : '';
  return `${num(value).replace('.', ',')}${unit}${when}`;
}

function chart(model: Model, kpi: Kpi, points: readonly Point[]): string {
  const target = kpi.target;
  const steps = stepsOf(kpi);
  const unit = kpi.unit === 'percent' || kpi.unit === 'milestone' ? '%' : '';
  const values = [...points.map((p) => p.value), ...(target ? [target.value] : []), ...(kpi.milestones ?? []).map((m) => m.value)];
  const max = Math.max(...values);
  // Percentages on 0–100, maturity levels on 0–5, everything else on a round bound above the data.
  const top = BOUNDED_UNITS.has(kpi.unit) && max <= 100 ? 100 : kpi.unit === 'level' && max <= 5 ? 5 : niceMax(max * 1.1);
  // The red line is the level required at each result's date: the next milestone, or the target. When the
  // last point's required level is a milestone, the title names it beside the target, so what the title
  // says is what the line draws ("mốc 3 năm 2027, mục tiêu 4 năm 2030", never "mục tiêu 4" over a line at 3).
  const last = points[points.length - 1];
  const lastStep = last && steps.length ? stepAt(steps, last.date) : undefined;
  const milestone = lastStep && !lastStep.isTarget && lastStep.value !== target?.value ? `mốc ${levelBy(lastStep.value, unit, lastStep.due)}, ` : '';
  const goal = target ? ` — ${milestone}mục tiêu ${levelBy(target.value, unit, parseDeadline(target.deadline))}` : '';
  // The chart is 960 px wide: about 100 characters of title fit on its one line.
  const title = `${truncate(model.shortNameOf(kpi.ref), Math.max(40, 100 - goal.length))}${goal}`;
  const lines = [
    '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "' + PALETTE + '"}}}}%%',
    'xychart-beta',
    `  title ${mmdLabel(title)}`,
    `  x-axis [${points.map((p) => mmdLabel(p.label)).join(', ')}]`,
    `  y-axis ${mmdLabel(unitInfo(model, kpi.unit).vi)} 0 --> ${num(top)}`,
    `  bar ${mmdLabel('Kết quả')} [${points.map((p) => num(p.value)).join(', ')}]`,
  ];
  if (target) {
    const path = points.map((p) => stepAt(steps, p.date)?.value ?? target.value);
    lines.push(`  line ${mmdLabel('Mức phải đạt')} [${path.map(num).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** One bar chart per KPI with data: baseline and dated results as bars, the level required by milestones and target as a line. */
export function kpiDiagrams(model: Model, _opts: DiagramOptions): DiagramSpec[] {
  const specs: DiagramSpec[] = [];
  for (const kpi of model.all('kpi')) {
    const points = pointsOf(kpi);
    if (points.length === 0) continue;
    specs.push({
      name: `kpi/${parseRef(kpi.ref)?.id ?? kpi.id}`,
      group: 'kpi',
      title: `Chỉ tiêu — ${kpi.name}`,
      mermaid: chart(model, kpi, points),
    });
  }
  return specs;
}

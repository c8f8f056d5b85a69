import { latestMeasurement } from '../../../analysis/kpis.js';
import { parseDeadline, viShortDate } from '../../../core/dates.js';
import { viCollator } from '../../../core/text.js';
import type { Kpi } from '../../../model/types.js';
import { viNumber } from '../../markdown.js';
import type { StrategyContext } from '../context.js';
import type { HorizonView, ObjectiveItemView, ObjectivesView } from '../view-types.js';
import { deadlineText, viLetter } from '../wording.js';
import { buildGeneralObjective } from './prose.js';

/** A KPI value with its unit, as the text writes it: `80%`, `cấp độ 4`, `650 điểm`. */
export function kpiValue(value: number, unit: string): string {
  const n = viNumber(value, 1);
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'milestone':
      return value >= 100 ? 'hoàn thành' : `${n}% tiến độ`;
    case 'points':
      return `${n} điểm`;
    case 'level':
      return `cấp độ ${n}`;
    case 'rank':
      return `hạng ${n}`;
    default:
      return n;
  }
}

/** "đạt 80%", "hoàn thành", "không quá 5%", "đạt hạng 10 trở lên". */
export function targetPhrase(value: number, kpi: Kpi): string {
  if (kpi.unit === 'milestone' && value >= 100) return 'hoàn thành';
  if (kpi.unit === 'rank') return `đạt hạng ${viNumber(value)} trở lên`;
  if (kpi.direction === 'decrease') return `không quá ${kpiValue(value, kpi.unit)}`;
  return `đạt ${kpiValue(value, kpi.unit)}`;
}

/** "Tháng 9/2025" opens a table cell; inside a sentence it is "tháng 9/2025". */
export function inline(deadline: string): string {
  return deadline.replace(/^Tháng /u, 'tháng ');
}

interface Point {
  readonly value: number;
  readonly deadline: string | number;
  readonly year: number;
  readonly date: string;
}

function pointsOf(kpi: Kpi): Point[] {
  const raw = [...(kpi.milestones ?? []), ...(kpi.target ? [kpi.target] : [])];
  const out: Point[] = [];
  for (const p of raw) {
    const d = parseDeadline(p.deadline);
    if (!d || d.kind !== 'date') continue;
    out.push({ value: p.value, deadline: p.deadline, year: Number(d.date.slice(0, 4)), date: d.date });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function detailOf(ctx: StrategyContext, kpi: Kpi): string | null {
  const parts: string[] = [];
  const reading = latestMeasurement(kpi, ctx.asOf);
  if (reading) {
    const done = kpi.unit === 'milestone' && reading.value >= 100;
    parts.push(done ? `đã hoàn thành (số liệu ngày ${viShortDate(reading.date)})` : `đến ${viShortDate(reading.date)} đạt ${kpiValue(reading.value, kpi.unit)}`);
  }
  const target = kpi.nationalTarget ? ctx.model.target(kpi.nationalTarget) : undefined;
  if (target) {
    const value = target.value === null ? null : kpiValue(target.value, target.unit);
    const deadline = target.deadline ? ` đến ${inline(deadlineText(target.deadline))}` : '';
    // An unconfirmed national target carries a mark; the note under Mục tiêu cụ thể explains it once.
    const unconfirmed = target.confirmed ? '' : ` ${UNCONFIRMED_MARK}`;
    parts.push(`chỉ tiêu quốc gia${value ? ` ${value}` : ''}${deadline} theo ${target.legalRef}${unconfirmed}`);
  }
  return parts.length ? parts.join('; ') : null;
}

/** Marks a national target whose source the framework has not confirmed (explained once, in `note`). */
export const UNCONFIRMED_MARK = '(*)';
const UNCONFIRMED_NOTE = `${UNCONFIRMED_MARK} Chỉ tiêu quốc gia chưa được đối chiếu với văn bản gốc; cần kiểm tra lại trước khi ban hành.`;

const AREA_ORDER = ['legal', 'infrastructure', 'data', 'applications', 'security', 'international', 'human-resources'];

function compareKpis(a: Kpi, b: Kpi): number {
  const ia = a.area ? AREA_ORDER.indexOf(a.area) : AREA_ORDER.length;
  const ib = b.area ? AREA_ORDER.indexOf(b.area) : AREA_ORDER.length;
  return ia - ib || viCollator.compare(a.name, b.name) || (a.ref < b.ref ? -1 : 1);
}

/**
 * Mục tiêu cụ thể: every line one KPI, with value, unit and deadline, placed by deadline in
 * a) the document's year ("đến hết năm 2026", including targets already due and not yet met),
 * b) up to 2030, c) the horizon beyond 2030 when some KPI reaches that far. Within a period a KPI
 * with several milestones shows the last one and lists the earlier ones as its "lộ trình".
 */
export function buildObjectives(ctx: StrategyContext): ObjectivesView {
  const periods = [
    { heading: `Đến hết năm ${ctx.year}`, from: Number.NEGATIVE_INFINITY, to: ctx.year },
    { heading: 'Đến năm 2030', from: ctx.year + 1, to: 2030 },
    { heading: `Định hướng đến năm ${Math.max(ctx.horizon, 2031)}`, from: Math.max(ctx.year + 1, 2031), to: Number.POSITIVE_INFINITY },
  ];
  const kpis = [...ctx.model.all('kpi')].sort(compareKpis);
  const horizons: HorizonView[] = [];
  for (const period of periods) {
    const items: ObjectiveItemView[] = [];
    for (const kpi of kpis) {
      const points = pointsOf(kpi).filter((p) => p.year >= period.from && p.year <= period.to);
      const last = points[points.length - 1];
      if (!last) continue;
      const road = points.slice(0, -1).map((p) => `${kpiValue(p.value, kpi.unit)} ${p.date.endsWith('-12-31') ? `năm ${p.year}` : inline(deadlineText(p.deadline))}`);
      const text = `${kpi.name}: ${targetPhrase(last.value, kpi)}, thời hạn ${inline(deadlineText(last.deadline))}${road.length ? ` (lộ trình: ${road.join(', ')})` : ''}`;
      items.push({ ref: kpi.ref, text, detail: detailOf(ctx, kpi) });
    }
    if (items.length) horizons.push({ label: `${viLetter(horizons.length)})`, heading: period.heading, items });
  }
  return {
    heading: 'IV. MỤC TIÊU',
    generalHeading: '1. Mục tiêu tổng quát',
    general: buildGeneralObjective(ctx),
    specificHeading: '2. Mục tiêu cụ thể',
    horizons,
    empty: horizons.length ? null : 'Chưa khai báo chỉ tiêu có giá trị và thời hạn.',
    note: horizons.some((h) => h.items.some((i) => i.detail?.includes(UNCONFIRMED_MARK))) ? UNCONFIRMED_NOTE : null,
  };
}

/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), compared as strings and computed in UTC.
 * Nothing here reads the clock: "today" is always passed in (`asOf`).
 */

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Dates already shifted, by number of days then date: rules ask the same few hundred dates again for
 * every entity ("assessed more than 365 days ago"), and a Date made and printed each time cost half a
 * second at 100k entities. Emptied when it grows large (a long-running process sees many dates).
 */
const SHIFTED = new Map<number, Map<IsoDate, IsoDate>>();
const SHIFTED_MAX = 50_000;
let shifted = 0;

export function addDays(date: IsoDate, days: number): IsoDate {
  let byDate = SHIFTED.get(days);
  if (byDate === undefined) SHIFTED.set(days, (byDate = new Map()));
  let out = byDate.get(date);
  if (out === undefined) {
    out = fromUtc(toUtc(date) + days * 86_400_000);
    if (++shifted > SHIFTED_MAX) {
      SHIFTED.clear();
      SHIFTED.set(days, (byDate = new Map()));
      shifted = 1;
    }
    byDate.set(date, out);
  }
  return out;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** ISO date of a JS Date, in UTC. Only the bin turns the clock into a date. */
export function isoOf(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** How often a recurring task comes due (hằng năm, hằng quý, hằng tháng). */
export type Recurrence = 'annual' | 'semiannual' | 'quarterly' | 'monthly';

/**
 * A deadline: a year, a quarter, a month, a day, "ongoing" (Thực hiện thường xuyên), or a recurrence
 * (hằng năm …). A recurring deadline is an "ongoing" one that also says its rhythm, so everything that
 * treats ongoing tasks (never overdue, open bar on the roadmap) treats it the same way.
 */
export type Deadline =
  | { readonly kind: 'date'; readonly precision: 'year' | 'quarter' | 'month' | 'day'; readonly date: IsoDate; readonly raw: string }
  | { readonly kind: 'ongoing'; readonly raw: string; readonly recurrence?: Recurrence };

export const ONGOING = 'ongoing';

/** Recurring deadlines as written in YAML: English keyword or the Vietnamese wording of plans. */
export const RECURRENCES: Readonly<Record<string, Recurrence>> = {
  annual: 'annual',
  'hằng năm': 'annual',
  'hàng năm': 'annual',
  semiannual: 'semiannual',
  '6 tháng một lần': 'semiannual',
  quarterly: 'quarterly',
  'hằng quý': 'quarterly',
  'hàng quý': 'quarterly',
  monthly: 'monthly',
  'hằng tháng': 'monthly',
  'hàng tháng': 'monthly',
};

const RECURRENCE_VI: Readonly<Record<Recurrence, string>> = { annual: 'Hằng năm', semiannual: '6 tháng một lần', quarterly: 'Hằng quý', monthly: 'Hằng tháng' };
const RECURRENCE_EN: Readonly<Record<Recurrence, string>> = { annual: 'Annually', semiannual: 'Every six months', quarterly: 'Quarterly', monthly: 'Monthly' };

/** Normalises a YAML deadline (`2025`, `"2025-09"`, `2025-09-30`, `ongoing`); `date` is the period's last day. */
export function parseDeadline(value: unknown): Deadline | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200) {
    return { kind: 'date', precision: 'year', date: `${value}-12-31`, raw: String(value) };
  }
  if (typeof value !== 'string') return undefined;
  if (value === ONGOING) return { kind: 'ongoing', raw: value };
  const recurrence = RECURRENCES[value.normalize('NFC').trim().toLowerCase()];
  if (recurrence) return { kind: 'ongoing', raw: value, recurrence };
  if (/^\d{4}$/.test(value)) return { kind: 'date', precision: 'year', date: `${value}-12-31`, raw: value };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) {
    const end = Number(quarter[2]) * 3;
    return { kind: 'date', precision: 'quarter', date: `${quarter[1]}-${String(end).padStart(2, '0')}-${end === 3 || end === 12 ? '31' : '30'}`, raw: value };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return undefined;
    return { kind: 'date', precision: 'month', date: `${month[1]}-${month[2]}-${String(daysInMonth(y, m)).padStart(2, '0')}`, raw: value };
  }
  if (isIsoDate(value)) return { kind: 'date', precision: 'day', date: value, raw: value };
  return undefined;
}

/** Day and month as NĐ 30/2020 writes them: a leading zero for days below 10 and for months 1 and 2. */
export function viDayMonth(date: IsoDate): { day: string; month: string; year: string } {
  const [y, m, d] = date.split('-') as [string, string, string];
  const mo = Number(m);
  return { day: d, month: mo <= 2 ? m : String(mo), year: y };
}

/** `05/3/2025` style short date. */
export function viShortDate(date: IsoDate): string {
  const { day, month, year } = viDayMonth(date);
  return `${day}/${month}/${year}`;
}

/** `ngày 05 tháng 3 năm 2025`. */
export function viLongDate(date: IsoDate): string {
  const { day, month, year } = viDayMonth(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** The deadline as the task table prints it: `2025`, `Tháng 9/2025`, `30/9/2025`, `Thực hiện thường xuyên`. */
export function viDeadline(deadline: Deadline): string {
  if (deadline.kind === 'ongoing') return deadline.recurrence ? RECURRENCE_VI[deadline.recurrence] : 'Thực hiện thường xuyên';
  const [y, m] = deadline.date.split('-') as [string, string];
  if (deadline.precision === 'year') return y;
  if (deadline.precision === 'quarter') return `Quý ${['I', 'II', 'III', 'IV'][Math.floor((Number(m) - 1) / 3)]}/${y}`;
  if (deadline.precision === 'month') return `Tháng ${Number(m)}/${y}`;
  return viShortDate(deadline.date);
}

export function enDeadline(deadline: Deadline): string {
  if (deadline.kind === 'ongoing') return deadline.recurrence ? RECURRENCE_EN[deadline.recurrence] : 'Ongoing';
  return deadline.raw;
}

/** A reporting period: `2025` (year), `2025-H1`, `2025-Q4`, `2025-03` (month). */
export interface Period {
  readonly id: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly labelVi: string;
  readonly labelEn: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function parsePeriod(raw: string): Period | undefined {
  let m = /^(\d{4})$/.exec(raw);
  if (m) return { id: raw, start: `${raw}-01-01`, end: `${raw}-12-31`, labelVi: `Năm ${raw}`, labelEn: `Year ${raw}` };
  m = /^(\d{4})-Q([1-4])$/.exec(raw);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const startMonth = (q - 1) * 3 + 1;
    const endMonth = startMonth + 2;
    return {
      id: raw,
      start: `${y}-${String(startMonth).padStart(2, '0')}-01`,
      end: `${y}-${String(endMonth).padStart(2, '0')}-${daysInMonth(y, endMonth)}`,
      labelVi: `Quý ${ROMAN[q - 1]} năm ${y}`,
      labelEn: `Q${q} ${y}`,
    };
  }
  m = /^(\d{4})-H([12])$/.exec(raw);
  if (m) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return h === 1
      ? { id: raw, start: `${y}-01-01`, end: `${y}-06-30`, labelVi: `Sáu tháng đầu năm ${y}`, labelEn: `H1 ${y}` }
      : { id: raw, start: `${y}-07-01`, end: `${y}-12-31`, labelVi: `Sáu tháng cuối năm ${y}`, labelEn: `H2 ${y}` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(raw);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return {
      id: raw,
      start: `${y}-${m[2]}-01`,
      end: `${y}-${m[2]}-${daysInMonth(y, mo)}`,
      labelVi: `Tháng ${mo} năm ${y}`,
      labelEn: `${y}-${m[2]}`,
    };
  }
  return undefined;
}

export const PERIOD_PATTERN = '^\\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])))?$';

/** True when `inner` lies entirely inside `outer`. */
export function periodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

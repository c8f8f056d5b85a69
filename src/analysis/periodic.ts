import { taskLeads } from '../model/roles.js';
import { timePointDate } from '../core/time-fields.js';
import type { IsoDate, Period } from '../core/dates.js';
import { text, viCollator, type Text } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { ValidModel } from '../model/valid.js';
import type { Integration } from '../model/types.js';
import { latestQuality, needsQualityAssessment, qualityMaxAgeDays, qualityMinPercent, QUALITY_DIMENSIONS, QUALITY_LABELS, isQualityStale } from './datasets.js';
import { displayDate, percentOf } from './display.js';
import { endpointName, isActiveIntegration, resolveEndpoint, type Endpoint } from './endpoints.js';
import { agencyHeader, type AgencyHeader } from './gap-report.js';
import { entriesWithin, reportingPeriodOf } from './periods.js';
import { isClosed, taskDeadline, taskStateAt } from './tasks.js';

export type ConnectionCategory = 'national-database' | 'sectoral-database' | 'public-service-portal' | 'national-data-center' | 'national-platform' | 'other-agency' | 'internal';

/** The counterparts the periodic report must cover (seed 003 mục 1.b) come first. */
export const CONNECTION_CATEGORIES: readonly { readonly id: ConnectionCategory; readonly label: Text; readonly required: boolean }[] = [
  { id: 'national-database', label: text('Kết nối với cơ sở dữ liệu quốc gia', 'With national databases'), required: true },
  { id: 'sectoral-database', label: text('Kết nối với cơ sở dữ liệu chuyên ngành', 'With sectoral databases'), required: true },
  { id: 'public-service-portal', label: text('Kết nối với Cổng Dịch vụ công quốc gia', 'With the National Public Service Portal'), required: true },
  { id: 'national-data-center', label: text('Kết nối với Trung tâm dữ liệu quốc gia, CSDL tổng hợp quốc gia', 'With the National Data Center and consolidated database'), required: true },
  { id: 'national-platform', label: text('Kết nối với nền tảng, hệ thống quốc gia khác', 'With other national platforms'), required: false },
  { id: 'other-agency', label: text('Kết nối với cơ quan khác', 'With other bodies'), required: false },
  { id: 'internal', label: text('Kết nối trong nội bộ tỉnh, bộ', 'Internal'), required: false },
];

const DATA_CENTER = new Set(['national:ttdlqg', 'national:csdl-tong-hop-quoc-gia', 'national:ndop']);

function categoryOf(e: Endpoint): ConnectionCategory | undefined {
  if (e.kind === 'national') {
    if (DATA_CENTER.has(e.ref)) return 'national-data-center';
    if (e.ref === 'national:cong-dvcqg') return 'public-service-portal';
    if (e.national.type === 'database') return 'national-database';
    if (e.national.type === 'sectoral-database') return 'sectoral-database';
    return 'national-platform';
  }
  if (e.kind === 'external' || e.kind === 'org') return 'other-agency';
  return undefined;
}

/** The counterpart of an integration: the end that is not one of the agency's own systems, and its category. */
function counterpart(model: Model, it: Integration): { endpoint: Endpoint; category: ConnectionCategory } {
  const ends = [resolveEndpoint(model, it.to), resolveEndpoint(model, it.from)];
  const rank = (e: Endpoint) => {
    const c = categoryOf(e);
    return c === undefined ? 99 : CONNECTION_CATEGORIES.findIndex((x) => x.id === c);
  };
  const best = [...ends].sort((a, b) => rank(a) - rank(b))[0]!;
  return { endpoint: best, category: categoryOf(best) ?? 'internal' };
}

export interface ConnectionRow {
  readonly ref: string;
  readonly name: string;
  readonly counterpart: string;
  readonly channel: string;
  readonly channelLabel: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly mandatory: boolean;
  /** Live with successful transactions in the period. */
  readonly working: boolean;
  readonly transactions: number | null;
  readonly failed: number | null;
  readonly availability: number | null;
  readonly note: Text | null;
}

export interface ConnectionGroup {
  readonly id: ConnectionCategory;
  readonly label: Text;
  readonly required: boolean;
  readonly working: number;
  readonly total: number;
  readonly rows: readonly ConnectionRow[];
}

export interface QualityRow {
  readonly ref: string;
  readonly name: string;
  readonly owner: string | null;
  readonly assessedOn: IsoDate | null;
  readonly assessedOnDisplay: string | null;
  readonly assessedInPeriod: boolean;
  readonly stale: boolean;
  readonly correct: number | null;
  readonly complete: number | null;
  readonly clean: number | null;
  readonly live: number | null;
  readonly average: number | null;
  /** Labels of the dimensions under the threshold. */
  readonly below: readonly string[];
}

export interface SharingRow {
  readonly ref: string;
  readonly name: string;
  readonly owner: string | null;
  readonly received: number;
  readonly met: number;
  readonly refusedInWriting: number;
  readonly pending: number;
  readonly unanswered: number;
  readonly rate: number | null;
}

export interface TaskRow {
  readonly ref: string;
  readonly name: string;
  readonly lead: string;
  readonly deadline: string | null;
  readonly deadlineDisplay: string | null;
  readonly status: string;
  readonly statusLabel: string;
  readonly progress: number | null;
  readonly updatedInPeriod: boolean;
  readonly dueInPeriod: boolean;
  readonly overdue: boolean;
  readonly note: string | null;
}

/** The periodic report (seed 003 mục 1.b) as data: connections, data quality, sharing requests, tasks. */
export interface PeriodicReport {
  readonly kind: 'periodic-report';
  readonly version: 1;
  readonly period: { readonly id: string; readonly label: Text; readonly start: IsoDate; readonly end: IsoDate; readonly startDisplay: string; readonly endDisplay: string; readonly complete: boolean };
  readonly asOf: IsoDate;
  readonly asOfDisplay: string;
  readonly agency: AgencyHeader | null;
  readonly reportingPeriod: { readonly kind: string; readonly label: string; readonly confirmed: boolean };
  readonly connections: {
    readonly working: number;
    readonly total: number;
    readonly transactions: number;
    readonly failed: number;
    readonly groups: readonly ConnectionGroup[];
  };
  readonly quality: {
    readonly threshold: number;
    readonly maxAgeDays: number;
    readonly datasets: number;
    /** Datasets with an assessment dated by the end of the period. */
    readonly assessed: number;
    /** Of those, the ones whose latest assessment is still current at the end of the period (`isQualityStale`): the gap report's coverage row "còn hiệu lực" at the same date. */
    readonly current: number;
    readonly assessedInPeriod: number;
    readonly averages: { readonly correct: number | null; readonly complete: number | null; readonly clean: number | null; readonly live: number | null };
    readonly rows: readonly QualityRow[];
  };
  readonly sharing: { readonly received: number; readonly met: number; readonly refusedInWriting: number; readonly pending: number; readonly unanswered: number; readonly rate: number | null; readonly rows: readonly SharingRow[] };
  readonly tasks: {
    /** Every declared task. */
    readonly declared: number;
    /** Tasks started by the end of the period (no start date, or one up to its end): the ones reported; `byStatus` adds up to this. */
    readonly total: number;
    readonly byStatus: readonly { readonly status: string; readonly label: string; readonly count: number }[];
    readonly dueInPeriod: number;
    readonly doneOfDue: number;
    readonly overdue: number;
    readonly updatedInPeriod: number;
    readonly rows: readonly TaskRow[];
  };
  readonly method: readonly Text[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Display order: Vietnamese alphabetical by name, then by ref (deterministic on ties). */
function byName<T extends { readonly name: string; readonly ref: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => viCollator.compare(a.name, b.name) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}
const mean = (xs: readonly number[]): number | null => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null);
const inPeriod = (date: string, p: Period) => date >= p.start && date <= p.end;

/** Connections seen in `period`, grouped by counterpart (the one count every document prints). */
export function periodConnections(model: Model, period: Period): PeriodicReport['connections'] {
  const rows = new Map<ConnectionCategory, ConnectionRow[]>();
  let transactions = 0;
  let failed = 0;
  for (const it of model.all('integration')) {
    if (!isActiveIntegration(it) && !(it.usage ?? []).some((u) => entriesWithin([u], period).length)) continue;
    const since = timePointDate(it.since, 'start');
    if (since !== undefined && since > period.end) continue;
    const usage = entriesWithin(it.usage ?? [], period);
    const tx = usage.length ? usage.reduce((s, u) => s + u.transactions, 0) : null;
    const fx = usage.some((u) => u.failed !== undefined) ? usage.reduce((s, u) => s + (u.failed ?? 0), 0) : null;
    const av = mean(usage.flatMap((u) => (u.availability === undefined ? [] : [u.availability])));
    // The status is today's; what the period saw is its activity.
    const working = it.status !== 'planned' && tx !== null && tx > 0;
    const statusNow = enumLabel(model.pack, 'integrationStatus', it.status);
    const note =
      it.status === 'planned' ? text('Chưa triển khai', 'Not yet in place')
      : usage.length === 0 ? text('Chưa có số liệu giao dịch trong kỳ', 'No transaction data for the period')
      : !working ? text('Không phát sinh giao dịch thành công trong kỳ', 'No successful transactions in the period')
      : it.status === 'suspended' || it.status === 'retired' ? text(`Hiện: ${statusNow.toLocaleLowerCase('vi')}`, `Now: ${enumLabel(model.pack, 'integrationStatus', it.status, 'en').toLowerCase()}`)
      : null;
    transactions += tx ?? 0;
    failed += fx ?? 0;
    const { endpoint, category } = counterpart(model, it);
    const row: ConnectionRow = {
      ref: it.ref,
      name: it.shortName ?? it.name,
      counterpart: endpointName(model, endpoint),
      channel: it.channel,
      channelLabel: enumLabel(model.pack, 'channel', it.channel),
      status: it.status,
      statusLabel: enumLabel(model.pack, 'integrationStatus', it.status),
      mandatory: it.mandatory === true,
      working,
      transactions: tx,
      failed: fx,
      availability: av,
      note,
    };
    rows.set(category, [...(rows.get(category) ?? []), row]);
  }
  const groups = CONNECTION_CATEGORIES.map((c): ConnectionGroup => {
    const list = rows.get(c.id) ?? [];
    return { id: c.id, label: c.label, required: c.required, working: list.filter((r) => r.working).length, total: list.length, rows: byName(list) };
  });
  return {
    working: groups.reduce((s, g) => s + g.working, 0),
    total: groups.reduce((s, g) => s + g.total, 0),
    transactions,
    failed,
    groups,
  };
}

function quality(model: Model, period: Period): PeriodicReport['quality'] {
  const min = qualityMinPercent(model);
  const rows = model.all('dataset').filter(needsQualityAssessment).map((d): QualityRow => {
    const q = latestQuality(d, period.end);
    const values = q ? QUALITY_DIMENSIONS.map((k) => q[k]) : [];
    return {
      ref: d.ref,
      name: d.shortName ?? d.name,
      owner: d.owner ? model.shortNameOf(d.owner) : null,
      assessedOn: q?.assessedOn ?? null,
      assessedOnDisplay: displayDate(q?.assessedOn),
      assessedInPeriod: q !== undefined && inPeriod(q.assessedOn, period),
      stale: q !== undefined && isQualityStale(model, q, period.end),
      correct: q?.correct ?? null,
      complete: q?.complete ?? null,
      clean: q?.clean ?? null,
      live: q?.live ?? null,
      average: mean(values),
      below: q ? QUALITY_DIMENSIONS.filter((k) => q[k] < min).map((k) => QUALITY_LABELS[k].vi) : [],
    };
  });
  const assessed = rows.filter((r) => r.assessedOn !== null);
  const avg = (k: 'correct' | 'complete' | 'clean' | 'live') => mean(assessed.flatMap((r) => (r[k] === null ? [] : [r[k]!])));
  return {
    threshold: min,
    maxAgeDays: qualityMaxAgeDays(model),
    datasets: rows.length,
    assessed: assessed.length,
    current: assessed.filter((r) => !r.stale).length,
    assessedInPeriod: rows.filter((r) => r.assessedInPeriod).length,
    averages: { correct: avg('correct'), complete: avg('complete'), clean: avg('clean'), live: avg('live') },
    rows: byName(rows),
  };
}

function sharing(model: Model, period: Period): PeriodicReport['sharing'] {
  const rows: SharingRow[] = [];
  for (const d of model.all('dataset')) {
    const entries = entriesWithin(d.sharingRequests ?? [], period);
    if (entries.length === 0) continue;
    const received = entries.reduce((s, e) => s + e.received, 0);
    const met = entries.reduce((s, e) => s + e.met, 0);
    const refusedInWriting = entries.reduce((s, e) => s + (e.refusedInWriting ?? 0), 0);
    const pending = entries.reduce((s, e) => s + (e.pending ?? 0), 0);
    rows.push({
      ref: d.ref,
      name: d.shortName ?? d.name,
      owner: d.owner ? model.shortNameOf(d.owner) : null,
      received,
      met,
      refusedInWriting,
      pending,
      unanswered: Math.max(0, received - met - refusedInWriting - pending),
      rate: percentOf(met, received),
    });
  }
  const sum = (k: 'received' | 'met' | 'refusedInWriting' | 'pending' | 'unanswered') => rows.reduce((s, r) => s + r[k], 0);
  return { received: sum('received'), met: sum('met'), refusedInWriting: sum('refusedInWriting'), pending: sum('pending'), unanswered: sum('unanswered'), rate: percentOf(sum('met'), sum('received')), rows: byName(rows) };
}

function tasks(model: Model, period: Period): PeriodicReport['tasks'] {
  // Tasks that start after the period have nothing to report yet.
  const rows = model.all('task').filter((t) => t.start === undefined || t.start <= period.end).map((t): TaskRow => {
    const state = taskStateAt(t, period.end);
    const dl = taskDeadline(t);
    const date = dl?.kind === 'date' ? dl.date : null;
    const updates = (t.updates ?? []).filter((u) => inPeriod(u.date, period));
    const lastNote = [...updates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).pop()?.note ?? null;
    return {
      ref: t.ref,
      name: t.name,
      lead: taskLeads(t).map((l) => model.shortNameOf(l)).join(', '),
      deadline: t.deadline === undefined ? null : String(t.deadline),
      deadlineDisplay: dl ? (dl.kind === 'ongoing' ? 'Thực hiện thường xuyên' : displayDate(dl.date)) : null,
      status: state.status,
      statusLabel: enumLabel(model.pack, 'taskStatus', state.status),
      progress: state.progress,
      updatedInPeriod: updates.length > 0,
      dueInPeriod: date !== null && inPeriod(date, period),
      overdue: date !== null && date < period.end && !isClosed(state.status),
      note: lastNote,
    };
  });
  const statuses = model.pack.enums['taskStatus']?.values ?? [];
  const due = rows.filter((r) => r.dueInPeriod);
  return {
    declared: model.all('task').length,
    total: rows.length,
    byStatus: statuses.map((s) => ({ status: String(s.value), label: s.vi, count: rows.filter((r) => r.status === s.value).length })),
    dueInPeriod: due.length,
    doneOfDue: due.filter((r) => r.status === 'done').length,
    overdue: rows.filter((r) => r.overdue).length,
    updatedInPeriod: rows.filter((r) => r.updatedInPeriod).length,
    rows: byName(rows),
  };
}

export const PERIODIC_METHOD: readonly Text[] = [
  text(
    'Kết nối thành công: kết nối có giao dịch thành công trong kỳ (theo số liệu hoạt động khai báo cho kỳ, hoặc các tháng, quý nằm trong kỳ; không cộng trùng). Tình trạng ghi "Hiện: …" là tình trạng tại ngày lập báo cáo.',
    'A working connection is live with successful transactions in the period (from the activity recorded for the period or its months and quarters, without double counting).',
  ),
  text('Chất lượng dữ liệu: lần đánh giá gần nhất đến hết kỳ, theo bốn tiêu chí đúng, đủ, sạch, sống; ngưỡng tối thiểu là giá trị cấu hình của bộ khung (chưa có văn bản quy định).', 'Data quality: the latest assessment up to the end of the period; the threshold is a configurable pack value.'),
  text('Tỉ lệ đáp ứng yêu cầu chia sẻ = số yêu cầu được đáp ứng / số yêu cầu nhận được trong kỳ.', 'Sharing-request rate = requests met / requests received in the period.'),
  text('Tiến độ nhiệm vụ: các nhiệm vụ đã bắt đầu đến hết kỳ; trạng thái và tiến độ theo lần cập nhật gần nhất đến hết kỳ; quá hạn khi thời hạn đã qua trước cuối kỳ mà nhiệm vụ chưa hoàn thành.', 'Task progress: tasks started by the end of the period; status and progress from the latest update up to the end of the period; overdue when the deadline passed before the end of the period unfinished.'),
];

/** Builds the periodic report for `period` at `asOf`. Pure. */
export function buildPeriodicReport(model: ValidModel, period: Period, asOf: IsoDate): PeriodicReport {
  const rp = reportingPeriodOf(model);
  return {
    kind: 'periodic-report',
    version: 1,
    period: {
      id: period.id,
      label: text(period.labelVi, period.labelEn),
      start: period.start,
      end: period.end,
      startDisplay: displayDate(period.start) ?? period.start,
      endDisplay: displayDate(period.end) ?? period.end,
      complete: period.end <= asOf,
    },
    asOf,
    asOfDisplay: displayDate(asOf) ?? asOf,
    agency: agencyHeader(model),
    reportingPeriod: { kind: rp.kind, label: rp.label, confirmed: rp.confirmed },
    connections: periodConnections(model, period),
    quality: quality(model, period),
    sharing: sharing(model, period),
    tasks: tasks(model, period),
    method: PERIODIC_METHOD,
  };
}

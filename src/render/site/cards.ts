import { kpiGoal, kpiProgress, KPI_STATUS_LABEL, nationalGoal } from '../../analysis/kpis.js';
import type { IsoDate } from '../../core/dates.js';
import { parseDeadline, viDeadline, viShortDate } from '../../core/dates.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { KIND_LABEL } from '../../core/labels.js';
import { parseRef, type EntityKind } from '../../core/ref.js';
import { pick, type Lang } from '../../core/text.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import { taskLeads } from '../../model/roles.js';
import type { Dataset, Entity, Integration, Kpi, System, Task } from '../../model/types.js';
import { viNumber } from '../markdown.js';
import { esc, escLine } from '../html.js';
import { anchorOf, fold, searchText, type Facets } from './html.js';
import { datasetsOn, integrationsAt, integrationsCarrying } from '../../analysis/indexes.js';

/** One entry of the catalogue, ready to print: every `html` string is already escaped. */
export interface Card {
  readonly kind: EntityKind | 'finding' | 'diagram';
  readonly id: string;
  readonly title: string;
  readonly ref?: string;
  readonly description?: string;
  readonly fields: readonly (readonly [string, string])[];
  readonly findings: readonly Diagnostic[];
  readonly facets: Facets;
  /** Folded text the search matches. */
  readonly q: string;
  /** Extra escaped HTML after the fields (diagram body, progress bar). */
  readonly body?: string;
}

export interface CardContext {
  readonly model: Model;
  readonly asOf: IsoDate;
  readonly lang: Lang;
  readonly findingsOf: (ref: string) => readonly Diagnostic[];
}

/** A link to another entity's card, or its name when it has no card. */
export function linkTo(ctx: CardContext, ref: string | undefined): string {
  if (ref === undefined) return '—';
  const name = ctx.model.shortNameOf(ref);
  const kind = parseRef(ref)?.kind;
  const carded = kind === 'system' || kind === 'dataset' || kind === 'integration' || kind === 'kpi' || kind === 'task';
  return carded && ctx.model.get(ref) ? `<a href="#${anchorOf(ref)}">${esc(name)}</a>` : esc(name);
}

function label(ctx: CardContext, enumId: string, value: string | number | undefined): string {
  return value === undefined ? '—' : esc(enumLabel(ctx.model.pack, enumId, value, ctx.lang));
}

function num(ctx: CardContext, n: number | undefined, digits = 1): string {
  if (n === undefined) return '—';
  return ctx.lang === 'vi' ? viNumber(n, digits) : String(n);
}

function day(ctx: CardContext, d: string | undefined): string {
  if (!d) return '—';
  return ctx.lang === 'vi' ? viShortDate(d) : d;
}

function agencyFacet(ref: string): string | undefined {
  return parseRef(ref)?.agency;
}

function base(ctx: CardContext, e: Entity, fields: (readonly [string, string])[], facets: Facets, extra: readonly string[] = [], body?: string): Card {
  const findings = ctx.findingsOf(e.ref);
  const vi = ctx.lang === 'vi';
  return {
    kind: e.entityKind,
    id: anchorOf(e.ref),
    title: e.name,
    ref: e.ref,
    ...(e.description ? { description: e.description } : {}),
    fields,
    findings,
    facets: { ...facets, agency: agencyFacet(e.ref), findings: findings.length ? (vi ? 'có' : 'yes') : vi ? 'không' : 'no' },
    // The search reads what the card shows (every field's value: owner, lead, status…) plus the hidden extras.
    q: searchText([e.name, 'shortName' in e ? (e.shortName ?? '') : '', e.ref, e.description ?? '', ...extra], fields),
    ...(body ? { body } : {}),
  };
}

/** A link to a web address the YAML gives, for http(s) only (any other scheme stays text); text escaped. */
export function externalLink(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${esc(url)}" rel="noopener" target="_blank">${esc(url)}</a>` : esc(url);
}

/** A go-live written as a year (2012) or a day, with "since" or, when it is still ahead, "planned". */
function goLiveText(ctx: CardContext, goLive: number | string | undefined): string | undefined {
  if (goLive === undefined) return undefined;
  const vi = ctx.lang === 'vi';
  const when = typeof goLive === 'number' ? String(goLive) : /^\d{4}-\d{2}-\d{2}$/.test(goLive) ? day(ctx, goLive) : esc(goLive);
  const ahead = typeof goLive === 'number' ? String(goLive) > ctx.asOf.slice(0, 4) : goLive > ctx.asOf;
  return ahead ? `${vi ? 'dự kiến vận hành' : 'planned go-live'} ${when}` : `${vi ? 'từ' : 'since'} ${when}`;
}

export function systemCard(ctx: CardContext, s: System): Card {
  const vi = ctx.lang === 'vi';
  const datasets = datasetsOn(ctx.model, s.ref);
  const links = integrationsAt(ctx.model, s.ref);
  const comp = ctx.model.pack.components.find((c) => c.id === s.component);
  const live = goLiveText(ctx, s.goLive);
  const vendor = [s.vendorOrg === undefined ? undefined : linkTo(ctx, s.vendorOrg), s.vendor === undefined ? undefined : esc(s.vendor)].filter((v) => v !== undefined);
  const users = [
    s.users?.internal === undefined ? undefined : `${vi ? 'cán bộ' : 'staff'} ${num(ctx, s.users.internal, 0)}`,
    s.users?.external === undefined ? undefined : `${vi ? 'người dân, doanh nghiệp' : 'citizens and businesses'} ${num(ctx, s.users.external, 0)}`,
  ].filter((v) => v !== undefined);
  const retire = [
    s.retireBy === undefined ? undefined : day(ctx, s.retireBy),
    s.replacedBy === undefined ? undefined : `${vi ? 'thay bằng' : 'replaced by'} ${linkTo(ctx, s.replacedBy)}`,
  ].filter((v) => v !== undefined);
  // Internal facts (hosting.location, network.internalUrl) are never published: the schema says so.
  return base(
    ctx,
    s,
    [
      [vi ? 'Lớp, thành phần' : 'Layer, component', `${esc(s.layer)} · ${esc(comp ? (vi ? comp.vi : comp.en) : s.component)}`],
      [vi ? 'Trạng thái' : 'Status', `${label(ctx, 'lifecycle', s.status)}${live ? ` · ${live}` : ''}`],
      ...(retire.length ? [[vi ? 'Dừng hoạt động' : 'Retirement', retire.join(' · ')] as const] : []),
      [vi ? 'Chủ quản' : 'Owner', linkTo(ctx, s.owner)],
      [vi ? 'Vận hành' : 'Operator', linkTo(ctx, s.operator)],
      ...(vendor.length ? [[vi ? 'Đơn vị cung cấp' : 'Vendor', vendor.join(' · ')] as const] : []),
      [vi ? 'Cấp độ an toàn' : 'Security level', s.security?.level === undefined ? (vi ? 'chưa xác định' : 'not set') : `${s.security.level} · ${label(ctx, 'dossierStatus', s.security.dossier)}`],
      [vi ? 'Hạ tầng' : 'Hosting', label(ctx, 'deployment', s.hosting?.deployment)],
      ...(s.network?.publicUrl ? [[vi ? 'Địa chỉ' : 'Address', externalLink(s.network.publicUrl)] as const] : []),
      ...(users.length ? [[vi ? 'Tài khoản người dùng' : 'User accounts', users.join(' · ')] as const] : []),
      ...(datasets.length ? [[vi ? 'Dữ liệu' : 'Datasets', datasets.map((d) => linkTo(ctx, d.ref)).join(', ')] as const] : []),
      ...(links.length ? [[vi ? 'Kết nối' : 'Integrations', links.map((i) => linkTo(ctx, i.ref)).join(', ')] as const] : []),
    ],
    { layer: s.layer, status: s.status, owner: s.owner },
    [s.layer, s.component, ctx.model.nameOf(s.owner)],
  );
}

export function datasetCard(ctx: CardContext, d: Dataset): Card {
  const vi = ctx.lang === 'vi';
  const carriers = integrationsCarrying(ctx.model, d.ref);
  const q = [...(d.quality ?? [])].filter((x) => x.assessedOn <= ctx.asOf).sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : 1)).pop();
  return base(
    ctx,
    d,
    [
      [vi ? 'Phạm vi' : 'Scope', label(ctx, 'dataScope', d.scope)],
      [vi ? 'Chia sẻ' : 'Sharing', label(ctx, 'sharingClass', d.sharing)],
      [vi ? 'Mức độ quan trọng' : 'Criticality', label(ctx, 'criticality', d.criticality)],
      [vi ? 'Dữ liệu cá nhân' : 'Personal data', label(ctx, 'personalData', d.personalData)],
      [vi ? 'Chủ quản' : 'Custodian', linkTo(ctx, d.custodian ?? d.owner)],
      [vi ? 'Hệ thống' : 'System', linkTo(ctx, d.system)],
      ...(d.nationalDatabase ? [[vi ? 'CSDL quốc gia' : 'National database', esc(ctx.model.nameOf(d.nationalDatabase))] as const] : []),
      [vi ? 'Đồng bộ về CSDL tổng hợp' : 'Sync to consolidated DB', `${label(ctx, 'syncStatus', d.sync?.status)}${d.sync?.coverage === undefined ? '' : ` · ${num(ctx, d.sync.coverage)}%`}`],
      ...(d.records === undefined ? [] : [[vi ? 'Số bản ghi' : 'Records', num(ctx, d.records, 0)] as const]),
      ...(q ? [[vi ? 'Chất lượng' : 'Quality', `${vi ? 'đúng' : 'correct'} ${num(ctx, q.correct)}%, ${vi ? 'đủ' : 'complete'} ${num(ctx, q.complete)}%, ${vi ? 'sạch' : 'clean'} ${num(ctx, q.clean)}%, ${vi ? 'sống' : 'live'} ${num(ctx, q.live)}% (${day(ctx, q.assessedOn)})`] as const] : []),
      ...(carriers.length ? [[vi ? 'Kết nối' : 'Integrations', carriers.map((i) => linkTo(ctx, i.ref)).join(', ')] as const] : []),
    ],
    { sharing: d.sharing, scope: d.scope, sync: d.sync?.status ?? 'none' },
    [ctx.model.nameOf(d.nationalDatabase ?? ''), d.scope],
  );
}

export function integrationCard(ctx: CardContext, it: Integration): Card {
  const vi = ctx.lang === 'vi';
  const last = [...(it.usage ?? [])].pop();
  return base(
    ctx,
    it,
    [
      [vi ? 'Từ → đến' : 'From → to', `${linkTo(ctx, it.from)} → ${linkTo(ctx, it.to)}`],
      [vi ? 'Kênh' : 'Channel', `${label(ctx, 'channel', it.channel)}${it.via ? ` (${linkTo(ctx, it.via)})` : ''}`],
      [vi ? 'Trạng thái' : 'Status', label(ctx, 'integrationStatus', it.status)],
      ...((it.datasets ?? []).length ? [[vi ? 'Dữ liệu' : 'Datasets', (it.datasets ?? []).map((d) => linkTo(ctx, d)).join(', ')] as const] : []),
      ...(it.mandatory ? [[vi ? 'Chia sẻ bắt buộc' : 'Mandatory', vi ? 'có' : 'yes'] as const] : []),
      ...(last ? [[vi ? 'Giao dịch gần nhất' : 'Latest activity', `${num(ctx, last.transactions, 0)} (${esc(last.period)})`] as const] : []),
    ],
    { channel: it.channel, status: it.status },
    [ctx.model.nameOf(it.from), ctx.model.nameOf(it.to), it.channel],
  );
}

export function kpiCard(ctx: CardContext, k: Kpi): Card {
  const vi = ctx.lang === 'vi';
  const national = k.nationalTarget ? ctx.model.target(k.nationalTarget) : undefined;
  const goal = kpiGoal(k) ?? (national ? nationalGoal(national) : undefined);
  const p = kpiProgress(k, ctx.asOf, goal);
  const u = k.unit === 'percent' ? '%' : '';
  const status = `<span class="badge st-${esc(p.status)}">${esc(pick(KPI_STATUS_LABEL[p.status], ctx.lang))}${p.overdue ? (vi ? ' · quá hạn' : ' · overdue') : ''}</span>`;
  const ratio = p.latest && goal && goal.value > 0 && goal.comparator === 'gte' ? Math.max(0, Math.min(1, p.latest.value / goal.value)) : undefined;
  return base(
    ctx,
    k,
    [
      [vi ? 'Trạng thái' : 'Status', status],
      [vi ? 'Số liệu mới nhất' : 'Latest', p.latest ? `${num(ctx, p.latest.value, 2)}${u} (${day(ctx, p.latest.date)})` : '—'],
      [vi ? 'Mục tiêu' : 'Target', goal ? `${goal.comparator === 'lte' ? '≤' : '≥'} ${num(ctx, goal.value, 2)}${u} · ${day(ctx, goal.deadline)}` : '—'],
      ...(national ? [[vi ? 'Chỉ tiêu quốc gia' : 'National target', `${esc(vi ? national.name : national.nameEn)} <span class="ref">${esc(national.legalRef)}</span>`] as const] : []),
      [vi ? 'Chịu trách nhiệm' : 'Responsible', linkTo(ctx, k.owner)],
    ],
    { status: p.status, area: k.area },
    [national?.name ?? '', pick(KPI_STATUS_LABEL[p.status], ctx.lang)],
    ratio === undefined ? undefined : `<div class="bar" title="${esc(`${Math.round(ratio * 100)}%`)}"><span style="width:${(ratio * 100).toFixed(1)}%"></span></div>`,
  );
}

export function taskCard(ctx: CardContext, t: Task): Card {
  const vi = ctx.lang === 'vi';
  const due = t.deadline === undefined ? undefined : parseDeadline(t.deadline);
  const budget = (t.budget ?? []).reduce((s, b) => s + b.amount, 0);
  return base(
    ctx,
    t,
    [
      [vi ? 'Chủ trì' : 'Lead', taskLeads(t).map((l) => linkTo(ctx, l)).join(', ')],
      ...((t.partners ?? []).length ? [[vi ? 'Phối hợp' : 'Partners', (t.partners ?? []).map((p) => linkTo(ctx, p)).join(', ')] as const] : []),
      [vi ? 'Thời hạn' : 'Deadline', due ? esc(vi ? viDeadline(due) : due.raw) : '—'],
      [vi ? 'Trạng thái' : 'Status', `${label(ctx, 'taskStatus', t.status)}${t.progress === undefined ? '' : ` · ${t.progress}%`}`],
      ...(budget ? [[vi ? 'Kinh phí' : 'Budget', `${num(ctx, budget, 1)} ${vi ? 'triệu đồng' : 'million VND'}`] as const] : []),
      ...(t.deliverable ? [[vi ? 'Sản phẩm' : 'Deliverable', esc(t.deliverable)] as const] : []),
      ...((t.addresses ?? []).length ? [[vi ? 'Giải quyết' : 'Addresses', (t.addresses ?? []).map((a) => linkTo(ctx, a)).join(', ')] as const] : []),
    ],
    { status: t.status, area: t.area },
    [...taskLeads(t).map((l) => ctx.model.nameOf(l)), t.deliverable ?? ''],
  );
}

export function findingCard(ctx: CardContext, d: Diagnostic, index: number): Card {
  const vi = ctx.lang === 'vi';
  const fix = d.fix ? pick(d.fix, ctx.lang) : undefined;
  const card: Omit<Card, 'q'> = {
    kind: 'finding',
    id: `f-${index}`,
    title: pick(d.message, ctx.lang),
    fields: [
      [vi ? 'Mức' : 'Severity', `<span class="badge sev-${esc(d.severity)}">${esc(vi ? { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' }[d.severity] : d.severity)}</span>${d.waived ? (vi ? ' · đã miễn trừ' : ' · waived') : ''}`],
      [vi ? 'Mã' : 'Code', `<code>${esc(d.code)}</code>`],
      [vi ? 'Vị trí' : 'Location', `<code>${escLine(`${d.file}:${d.range.start.line}:${d.range.start.col}`)}</code>`],
      ...(d.entity ? [[vi ? 'Đối tượng' : 'Entity', linkTo(ctx, d.entity)] as const] : []),
      ...(d.legalRef ? [[vi ? 'Căn cứ' : 'Legal basis', esc(d.legalRef)] as const] : []),
      ...(fix ? [[vi ? 'Cách sửa' : 'Fix', esc(fix)] as const] : []),
    ],
    findings: [],
    facets: { severity: d.severity, code: d.code, agency: d.entity ? agencyFacet(d.entity) : undefined },
  };
  return { ...card, q: searchText([card.title, d.entity ?? ''], card.fields) };
}

export const CARD_KINDS = ['system', 'dataset', 'integration', 'kpi', 'task'] as const;

export function kindTitle(kind: Card['kind'], lang: Lang): string {
  if (kind === 'finding') return lang === 'vi' ? 'Phát hiện' : 'Findings';
  if (kind === 'diagram') return lang === 'vi' ? 'Sơ đồ' : 'Diagrams';
  return pick(KIND_LABEL[kind], lang);
}

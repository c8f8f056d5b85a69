import { currentStatistics } from '../../../analysis/kpis.js';
import { viShortDate } from '../../../core/dates.js';
import { channelFigures, connectionFigures, datasetFigures, datasetSharingParts, systemFigures } from '../../../analysis/figures.js';
import { hasApprovedSecurityLevel, isApprovedWithoutDecision, isInSecurityScope, isInService, securityDossierText } from '../../../analysis/systems.js';
import { viCollator } from '../../../core/text.js';
import { enumLabel } from '../../../framework/types.js';
import type { Dataset, System } from '../../../model/types.js';
import { viNumber } from '../../markdown.js';
import type { StrategyContext } from '../context.js';
import type { AppendixDraft, TableRow } from '../view-types.js';
import { orgName, squash } from '../wording.js';
import { groupNumber, groupRow, itemNumber, row, table, tableAppendix, totalRow } from './tables.js';

/** "Nền tảng chia sẻ, điều phối dữ liệu … (NDOP)" → "NDOP"; other names unchanged. */
export function acronymOf(name: string): string {
  const m = /\(([^()]+)\)$/.exec(name);
  return m ? (m[1] as string) : name;
}

/** Any ref as a short label: own systems by short name, national platforms by acronym, bodies by name. */
export function shortRef(ctx: StrategyContext, ref: string): string {
  const kind = ctx.model.kindOf(ref);
  if (kind === 'national') return acronymOf(ctx.model.nameOf(ref));
  if (kind === 'org' || kind === 'agency') return orgName(ctx.model, ref);
  return squash(ctx.model.shortNameOf(ref));
}

function label(ctx: StrategyContext, enumId: string, value: string | number | undefined): string {
  return value === undefined ? '' : enumLabel(ctx.model.pack, enumId, value);
}

/** "Dữ liệu dùng chung" → "Dùng chung": the column heading already says what it classifies. */
function short(text: string): string {
  const rest = text.replace(/^Dữ liệu\s+/u, '');
  return rest === text ? text : rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function syncText(ctx: StrategyContext, d: Dataset): string {
  if (!d.sync) return d.nationalRole === 'replica' ? 'Khai thác từ CSDL quốc gia' : 'Chưa xác định';
  const parts = [label(ctx, 'syncStatus', d.sync.status)];
  if (d.sync.coverage !== undefined && d.sync.status !== 'none') parts[0] += ` (${viNumber(d.sync.coverage, 1)}%)`;
  if (d.sync.channel && !ctx.isPublic) parts.push(`qua ${shortRef(ctx, d.sync.channel)}`);
  return parts.join(' ');
}

function byEnum<T>(ctx: StrategyContext, enumId: string, items: readonly T[], key: (t: T) => string | undefined): { value: string; label: string; items: T[] }[] {
  // Labels straight from the enum values: some enums (security levels) have numeric values.
  const groups = (ctx.model.pack.enums[enumId]?.values ?? []).map((v) => ({ value: String(v.value), label: v.vi, items: [] as T[] }));
  const other = { value: '', label: 'Chưa phân loại', items: [] as T[] };
  for (const it of items) (groups.find((g) => g.value === key(it)) ?? other).items.push(it);
  return [...groups, other].filter((g) => g.items.length > 0);
}

function byName<T extends { readonly name: string; readonly ref: string }>(a: T, b: T): number {
  return viCollator.compare(a.name, b.name) || (a.ref < b.ref ? -1 : 1);
}

/** Danh mục cơ sở dữ liệu, grouped by scope (quốc gia, chuyên ngành, địa phương, nội bộ). */
export function buildDatabaseAppendix(ctx: StrategyContext): AppendixDraft {
  const pub = ctx.isPublic;
  const headers = pub
    ? ['STT', 'Tên cơ sở dữ liệu', 'Cơ quan chủ quản', 'Phân loại', 'Đồng bộ về CSDL tổng hợp quốc gia']
    : ['STT', 'Tên cơ sở dữ liệu', 'Cơ quan chủ quản', 'Phân loại', 'Mức độ quan trọng; dữ liệu cá nhân', 'Đồng bộ về CSDL tổng hợp quốc gia'];
  const rows: TableRow[] = [];
  byEnum(ctx, 'dataScope', ctx.datasets, (d) => d.scope).forEach((g, gi) => {
    rows.push(groupRow(groupNumber(gi), g.label, headers.length));
    [...g.items].sort(byName).forEach((d, i) => {
      const owner = d.owner ? orgName(ctx.model, d.owner) : '';
      const cells = [itemNumber(i), squash(d.name), owner, short(label(ctx, 'sharingClass', d.sharing))];
      if (!pub) {
        const crit = d.criticality ? short(label(ctx, 'criticality', d.criticality)) : '';
        const personal = d.personalData ? label(ctx, 'personalData', d.personalData) : '';
        cells.push([crit, crit ? lowerFirst(personal) : personal].filter((s) => s).join('; '));
      }
      cells.push(syncText(ctx, d));
      rows.push(row(cells));
    });
  });
  return tableAppendix(
    ctx,
    'databases',
    'DANH MỤC CƠ SỞ DỮ LIỆU',
    table(ctx, pub ? 'databasesPublic' : 'databases', null, headers, rows, {
      align: pub ? ['center', 'left', 'left', 'left', 'left'] : ['center', 'left', 'left', 'left', 'left', 'left'],
      empty: 'Chưa khai báo cơ sở dữ liệu.',
    }),
    pub ? 'Danh mục gồm các cơ sở dữ liệu, tập dữ liệu dùng chung và dữ liệu mở.' : null,
  );
}

function securityText(ctx: StrategyContext, s: System): string {
  const level = s.security?.level === undefined ? 'Chưa xác định' : label(ctx, 'securityLevel', s.security.level);
  return [level, securityDossierText(ctx.model, s)?.vi ?? ''].filter((x) => x).join('; ');
}

/** Danh mục hệ thống thông tin, grouped by QĐ 3090 layer. Public: no security level, no hosting. */
export function buildSystemAppendix(ctx: StrategyContext): AppendixDraft {
  const pub = ctx.isPublic;
  const headers = pub
    ? ['STT', 'Tên hệ thống', 'Cơ quan chủ quản; đơn vị vận hành', 'Trạng thái']
    : ['STT', 'Tên hệ thống', 'Cơ quan chủ quản; đơn vị vận hành', 'Trạng thái', 'Cấp độ an toàn', 'Hình thức triển khai'];
  const rows: TableRow[] = [];
  byEnum(ctx, 'layer', ctx.model.all('system'), (s) => s.layer).forEach((g, gi) => {
    rows.push(groupRow(groupNumber(gi), g.label, headers.length));
    [...g.items].sort(byName).forEach((s, i) => {
      const owners = [orgName(ctx.model, s.owner), s.operator && s.operator !== s.owner ? orgName(ctx.model, s.operator) : ''].filter((x) => x).join('; ');
      const cells = [itemNumber(i), squash(s.name), owners, label(ctx, 'lifecycle', s.status)];
      if (!pub) cells.push(securityText(ctx, s), s.hosting ? label(ctx, 'deployment', s.hosting.deployment) : '');
      rows.push(row(cells));
    });
  });
  return tableAppendix(
    ctx,
    'systems',
    'DANH MỤC HỆ THỐNG THÔNG TIN',
    table(ctx, pub ? 'systemsPublic' : 'systems', null, headers, rows, {
      align: pub ? ['center', 'left', 'left', 'left'] : ['center', 'left', 'left', 'left', 'left', 'left'],
      empty: 'Chưa khai báo hệ thống thông tin.',
    }),
  );
}

/** Counts for the current-state appendix. */
export function countRows(ctx: StrategyContext): TableRow[] {
  const m = ctx.model;
  // Every count comes from the shared figures (analysis/figures.ts), as the Kiến trúc số, the periodic
  // report and the site print them.
  const sys = systemFigures(m);
  const data = datasetFigures(m);
  const c = connectionFigures(m, ctx.asOf);
  const kpis = m.all('kpi');
  const rows: TableRow[] = [
    row(['Cơ quan, đơn vị được mô tả', viNumber(m.all('org').length)]),
    row(['Hệ thống thông tin', viNumber(sys.total)]),
    row(['– trong đó đang vận hành', viNumber(sys.inService)]),
    row(['– trong đó là nền tảng số dùng chung', viNumber(sys.sharedPlatforms)]),
  ];
  if (ctx.isPublic) {
    rows.push(row(['Cơ sở dữ liệu dùng chung, dữ liệu mở', viNumber(ctx.datasets.length)]));
  } else {
    rows.push(row(['Cơ sở dữ liệu, tập dữ liệu', viNumber(data.total)]));
    // Every non-empty part, the undeclared class included, so the parts add up to the total.
    for (const p of datasetSharingParts(data)) {
      const name = p.key === 'unclassified' ? 'chưa xác định phân loại' : label(ctx, 'sharingClass', p.key).toLocaleLowerCase('vi');
      rows.push(row([`– ${name}`, viNumber(p.count)]));
    }
  }
  rows.push(
    row([`Kết nối, chia sẻ dữ liệu (${c.period.labelVi.charAt(0).toLocaleLowerCase('vi')}${c.period.labelVi.slice(1)})`, viNumber(c.total)]),
    row(['– đang hoạt động', viNumber(c.inOperation)]),
    row(['– đang hoạt động qua NDOP', viNumber(c.viaNdop)]),
    // No transaction figures for the period is missing data, not zero (the báo cáo says the same).
    row(['– có giao dịch thành công trong kỳ', c.total > 0 && c.withData === 0 ? 'Chưa có số liệu' : viNumber(c.working)]),
    row(['Chỉ tiêu', viNumber(kpis.length)]),
    row(['– gắn với chỉ tiêu quốc gia', viNumber(kpis.filter((k) => k.nationalTarget).length)]),
    row(['Nhiệm vụ', viNumber(ctx.tasks.length)]),
  );
  // Current-state statistics (statistic: true): the figure, its unit and the date it was measured.
  for (const st of currentStatistics(m, ctx.asOf)) {
    if (st.value === null || st.date === null) continue;
    rows.push(row([st.name, `${viNumber(st.value, 2)}${st.unit.symbol ? (st.unit.symbol === '%' ? '%' : ` ${st.unit.symbol}`) : ''} (${viShortDate(st.date)})`]));
  }
  const staff = ctx.agency?.staffing;
  if (staff?.itStaff !== undefined) {
    const req = staff.itStaffRequired !== undefined ? ` / ${viNumber(staff.itStaffRequired)} theo định biên` : '';
    rows.push(row([`Nhân lực chuyên trách CNTT, chuyển đổi số${staff.asOf ? ` (${viShortDate(staff.asOf)})` : ''}`, `${viNumber(staff.itStaff)}${req}`]));
  }
  const gov = ctx.agency?.governance;
  if (gov?.maturityLevel !== undefined) {
    rows.push(row([`Mức trưởng thành quản trị dữ liệu${gov.assessedOn ? ` (${viShortDate(gov.assessedOn)})` : ''}`, label(ctx, 'maturityLevel', gov.maturityLevel)]));
  }
  return rows;
}

/** Systems per QĐ 3090 layer: total and operating. */
export function layerRows(ctx: StrategyContext): TableRow[] {
  return byEnum(ctx, 'layer', ctx.model.all('system'), (s) => s.layer).map((g) =>
    row([g.label, viNumber(g.items.length), viNumber(g.items.filter(isInService).length)]),
  );
}

/** Integrations: internal edition lists each one; the public one counts them by channel and status. */
export function integrationRows(ctx: StrategyContext): TableRow[] {
  const list = ctx.model.all('integration');
  if (ctx.isPublic) {
    // The connections of the period, as the current-state counts above and the periodic report count them.
    return channelFigures(ctx.model, ctx.asOf).map((c) => row([label(ctx, 'channel', c.channel), viNumber(c.total), viNumber(c.inOperation)]));
  }
  return [...list].sort(byName).map((it, i) =>
    row([String(i + 1), squash(it.name), `${shortRef(ctx, it.from)} → ${shortRef(ctx, it.to)}`, acronymOf(label(ctx, 'channel', it.channel)), label(ctx, 'integrationStatus', it.status)]),
  );
}

/** Security posture (internal edition only): systems per level and dossier status. */
export function securityRows(ctx: StrategyContext): TableRow[] {
  // The one definition every document uses (analysis/systems.ts, the coverage row "Hệ thống thông tin
  // được phê duyệt cấp độ an toàn"): systems being built, operating or upgraded; approved = a level, an
  // approved dossier and the approving decision. The Kiến trúc số and the gap report print the same total.
  const systems = ctx.model.all('system').filter(isInSecurityScope);
  const rows = byEnum(ctx, 'securityLevel', systems, (s) => (s.security?.level === undefined ? undefined : String(s.security.level))).map((g) =>
    row([g.value === '' ? 'Chưa xác định cấp độ' : g.label, viNumber(g.items.length), viNumber(g.items.filter(hasApprovedSecurityLevel).length)]),
  );
  if (rows.length) rows.push(totalRow(['Cộng', viNumber(systems.length), viNumber(systems.filter(hasApprovedSecurityLevel).length)]));
  return rows;
}

/**
 * Under the security table, when some approved dossiers have no decision recorded: why they are not
 * in "Đã phê duyệt cấp độ" (Phụ lục IV lists them as "hồ sơ: đã phê duyệt, chưa có số quyết định").
 */
export function securityNote(ctx: StrategyContext): string | null {
  const pending = ctx.model.all('system').filter((s) => isInSecurityScope(s) && isApprovedWithoutDecision(s)).length;
  if (pending === 0) return null;
  return `Cột "Đã phê duyệt cấp độ" tính hệ thống có hồ sơ đã phê duyệt và có số, ngày quyết định phê duyệt; ${viNumber(pending)} hệ thống có hồ sơ đã phê duyệt nhưng chưa có số quyết định chưa được tính.`;
}

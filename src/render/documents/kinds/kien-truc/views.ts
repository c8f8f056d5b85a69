import type { ArchitectureState } from '../../../../analysis/architecture.js';
import type { CoverageRow } from '../../../../analysis/coverage.js';
import { viShortDate } from '../../../../core/dates.js';
import { viCollator } from '../../../../core/text.js';
import { enumLabel } from '../../../../framework/types.js';
import type { Model } from '../../../../model/model.js';
import { datasetSharingParts, systemStatusParts } from '../../../../analysis/figures.js';
import { isInService } from '../../../../analysis/systems.js';
import { viNumber } from '../../../markdown.js';
import type { StrategyContext } from '../../../strategy/context.js';
import { row, table } from '../../../strategy/sections/tables.js';
import type { DiagramView } from '../../../strategy/view-types.js';
import { squash } from '../../../strategy/wording.js';
import { figureBlock, heading, paragraph, tableBlock, type Block } from '../../view.js';

/**
 * The five views of one state of the architecture (nghiệp vụ, dữ liệu, ứng dụng, công nghệ – hạ
 * tầng, an toàn thông tin), written from the figures of that state (`architectureState`): the
 * Hiện trạng chapter calls it with the current model, the Kiến trúc mục tiêu chapter with the target
 * one, so both chapters have the same shape and can be read side by side.
 */

export interface StateInput {
  /** The model of this state (what its systems, datasets and integrations are at that date). */
  readonly model: Model;
  readonly figures: ArchitectureState;
  /** "Hiện trạng" or "Đến năm 2030": opens each view's first sentence. */
  readonly when: string;
  readonly diagram: DiagramView | null;
}

const n = (v: number): string => viNumber(v);

function coverage(state: ArchitectureState, id: string): CoverageRow | undefined {
  return state.coverage.find((c) => c.id === id);
}

/** "12/15 (80%)", or null when there is nothing to count. */
function ratio(c: CoverageRow | undefined): string | null {
  if (!c || c.numerator === null || c.denominator === null || c.denominator === 0) return null;
  return `${n(c.numerator)}/${n(c.denominator)}${c.display ? ` (${c.display})` : ''}`;
}

function names(list: readonly { readonly name: string; readonly shortName?: string | undefined }[]): string {
  return list.map((x) => squash(x.shortName ?? x.name)).sort(viCollator.compare).join('; ');
}

function business(ctx: StrategyContext, s: StateInput, current: boolean): Block[] {
  const f = s.figures;
  const channels = s.model.all('system').filter((x) => x.layer === 'L4' && x.status !== 'retired');
  const out: Block[] = [
    paragraph(
      `${s.when}, kiến trúc mô tả ${n(f.orgs.total)} cơ quan, đơn vị${f.orgs.communes ? `, trong đó ${n(f.orgs.communes)} xã, phường` : ''}, cùng các hệ thống phục vụ người dân, doanh nghiệp và chỉ đạo, điều hành của ${ctx.vars['entity']}.`,
    ),
  ];
  const sv = f.services;
  if (f.functions) out.push(paragraph(`Chức năng nghiệp vụ được mô tả: ${n(f.functions)}.`));
  if (sv.services) {
    const share = sv.fullOnlineShare === null ? '' : ` (${viNumber(sv.fullOnlineShare, 1)}%)`;
    out.push(
      paragraph(
        `Dịch vụ công được mô tả: ${n(sv.services)}${sv.services ? `, trong đó ${(['full', 'partial', 'none', 'unknown'] as const).filter((k) => sv.byLevel[k] > 0).map((k) => `${n(sv.byLevel[k])} ${ONLINE_PART[k]}`).join(', ')}` : ''}; ${n(sv.eligibleFullyOnline)}/${n(sv.eligible)} dịch vụ đủ điều kiện đã cung cấp trực tuyến toàn trình${share}.`,
      ),
    );
    // Dossiers are a period's figures: the current state's only.
    if (current && sv.dossiers?.onlineShare != null) {
      const period = sv.dossiers.period.labelVi.charAt(0).toLocaleLowerCase('vi') + sv.dossiers.period.labelVi.slice(1);
      out.push(paragraph(`Hồ sơ tiếp nhận (${period}): ${n(sv.dossiers.received)}, trong đó ${n(sv.dossiers.online)} trực tuyến (${viNumber(sv.dossiers.onlineShare, 1)}%).`));
    }
  }
  if (channels.length) {
    out.push(paragraph(`Kênh tương tác với người dân, doanh nghiệp và kênh đo lường hiệu quả (${n(channels.length)} hệ thống): ${names(channels)}.`));
  }
  return out;
}

/** The parts of the dataset total (`datasetSharingParts`), as the sentence names them. */
const SHARING_PART = { shared: 'dữ liệu dùng chung', open: 'dữ liệu mở', restricted: 'dữ liệu dùng riêng', unclassified: 'chưa xác định phân loại' } as const;
/** The parts of the service total by online level (every level, the undeclared one included, so they add up). */
const ONLINE_PART = { full: 'trực tuyến toàn trình', partial: 'trực tuyến một phần', none: 'chưa trực tuyến', unknown: 'chưa xác định mức độ trực tuyến' } as const;
/** The parts of the system total (`systemStatusParts`), as the sentence names them. */
const STATUS_PART = { inService: 'đang vận hành', planned: 'dự kiến hoặc đang xây dựng', retiring: 'đang dừng để chuyển đổi', retired: 'đã dừng' } as const;

function data(s: StateInput): Block[] {
  const f = s.figures;
  const out: Block[] = [
    paragraph(
      `${s.when}, có ${n(f.datasets.total)} cơ sở dữ liệu, tập dữ liệu${f.datasets.total ? `: ${datasetSharingParts(f.datasets).map((p) => `${n(p.count)} ${SHARING_PART[p.key]}`).join(', ')}` : ''}; ${n(f.datasets.master)} tập dữ liệu chủ.`,
    ),
  ];
  const synced = ratio(coverage(f, 'databases-synchronised'));
  if (synced) out.push(paragraph(`Cơ sở dữ liệu quốc gia, chuyên ngành đồng bộ về Cơ sở dữ liệu tổng hợp quốc gia: ${synced}.`));
  const classified = ratio(coverage(f, 'datasets-classified'));
  if (classified) out.push(paragraph(`Tập dữ liệu đã phân loại: ${classified}.`));
  const i = f.integrations;
  const period = i.period.labelVi.charAt(0).toLocaleLowerCase('vi') + i.period.labelVi.slice(1);
  out.push(
    paragraph(
      `Kết nối, chia sẻ dữ liệu (${period}): ${n(i.total)}, trong đó ${n(i.inOperation)} đang hoạt động, gồm ${n(i.viaPlatform)} qua nền tảng tích hợp, chia sẻ dữ liệu (${n(i.viaNdop)} qua NDOP) và ${n(i.inOperation - i.viaPlatform)} kết nối trực tiếp.`,
    ),
  );
  return out;
}

function applications(ctx: StrategyContext, s: StateInput): Block[] {
  const f = s.figures;
  const rows = f.layers.map((l) => row([`${l.layer} · ${enumLabel(ctx.model.pack, 'layer', l.layer)}`, n(l.total), n(l.inService), n(l.sharedPlatforms)]));
  return [
    paragraph(
      `${s.when}, có ${n(f.systems.total)} hệ thống thông tin, nền tảng${f.systems.total ? ` (${systemStatusParts(f.systems).map((p) => `${n(p.count)} ${STATUS_PART[p.key]}`).join(', ')})` : ''}, trong đó ${n(f.systems.sharedPlatforms)} nền tảng số dùng chung; phân theo lớp của Khung kiến trúc tổng thể quốc gia số như sau.`,
    ),
    tableBlock(
      table(ctx, 'archLayers', null, ['Lớp kiến trúc', 'Số hệ thống', 'Đang vận hành', 'Nền tảng dùng chung'], rows, {
        widths: [52, 16, 16, 16],
        align: ['left', 'right', 'right', 'right'],
        empty: 'Chưa khai báo hệ thống thông tin.',
      }),
    ),
  ];
}

function technology(ctx: StrategyContext, s: StateInput): Block[] {
  const f = s.figures;
  const infra = s.model.all('system').filter((x) => x.layer === 'L1' && x.status !== 'retired');
  const rows = f.hosting.map((h) => row([h.deployment === '' ? 'Chưa xác định' : enumLabel(ctx.model.pack, 'deployment', h.deployment), n(h.count)]));
  const out: Block[] = [];
  if (infra.length) out.push(paragraph(`Hạ tầng số và an ninh mạng dùng chung (${n(infra.length)} thành phần, ${n(infra.filter(isInService).length)} đang vận hành): ${names(infra)}.`));
  out.push(
    paragraph('Hình thức triển khai, lưu trữ của các hệ thống thông tin:'),
    tableBlock(table(ctx, 'archHosting', null, ['Hình thức triển khai, lưu trữ', 'Số hệ thống'], rows, { widths: [75, 25], align: ['left', 'right'], empty: 'Chưa khai báo hình thức triển khai.' })),
  );
  return out;
}

function planLine(ctx: StrategyContext, label: string, plan: { readonly status: string; readonly decision?: { readonly number: string; readonly date: string } } | undefined): Block | null {
  if (!plan) return null;
  const status = enumLabel(ctx.model.pack, 'planStatus', plan.status).toLocaleLowerCase('vi');
  const decision = plan.decision ? ` (Quyết định số ${plan.decision.number} ngày ${viShortDate(plan.decision.date)})` : '';
  return paragraph(`- ${label}: ${status}${decision}.`);
}

function security(ctx: StrategyContext, s: StateInput, current: boolean): Block[] {
  // The public edition publishes no security posture (as the strategy's public edition).
  if (ctx.isPublic) return [paragraph('Nội dung chi tiết về an toàn thông tin, an ninh mạng được quản lý theo chế độ riêng, không công bố trong bản công khai.', { italic: true })];
  const sec = s.figures.security;
  const out: Block[] = [
    paragraph(
      `${s.when}, ${n(sec.approved)}/${n(sec.inScope)} hệ thống thông tin đang xây dựng, vận hành được phê duyệt cấp độ an toàn hệ thống thông tin; ${n(sec.monitored)} hệ thống được giám sát an toàn thông tin tập trung.`,
    ),
  ];
  if (current) {
    const a = ctx.agency?.security;
    for (const p of [
      planLine(ctx, 'Phương án ứng phó sự cố', a?.incidentResponsePlan),
      planLine(ctx, 'Phương án khôi phục dữ liệu', a?.dataRecoveryPlan),
      planLine(ctx, 'Quy chế sử dụng mạng nội bộ, mạng kết nối Internet', a?.internalNetworkRules),
    ]) {
      if (p) out.push(p);
    }
  }
  return out;
}

/**
 * The views of one state, numbered from 1 (or from `first` when the chapter opens with its own item).
 * The overall figure takes a landscape page of its own, so it follows enough text to fill the page
 * before it: the current state's after its four layers (technology), the target's after its business
 * view (chapter IV opens with the model the figure draws, which names it). Placed right after the
 * applications and after IV.1, the pages before them were a third blank (issue #13's Kiến trúc số p.7).
 */
export function stateViews(ctx: StrategyContext, s: StateInput, opts: { readonly current: boolean; readonly first?: number }): Block[] {
  let i = opts.first ?? 1;
  const h = (title: string): Block => heading(2, `${i++}. ${title}`);
  return [
    h('Kiến trúc nghiệp vụ'),
    ...business(ctx, s, opts.current),
    ...(!opts.current && s.diagram ? [figureBlock(s.diagram)] : []),
    h('Kiến trúc dữ liệu'),
    ...data(s),
    h('Kiến trúc ứng dụng'),
    ...applications(ctx, s),
    h('Kiến trúc công nghệ, hạ tầng số'),
    ...technology(ctx, s),
    ...(opts.current && s.diagram ? [figureBlock(s.diagram)] : []),
    h('An toàn thông tin, an ninh mạng'),
    ...security(ctx, s, opts.current),
  ];
}

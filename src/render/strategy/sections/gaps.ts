import { countBySeverity, type Diagnostic } from '../../../core/diagnostic.js';
import { viShortDate } from '../../../core/dates.js';
import { unaddressedGaps } from '../../../analysis/gaps.js';
import { unaddressedKpis } from '../../../analysis/findings.js';
import { isOffTrack, kpiGoal, KPI_STATUS_LABEL, KPI_STATUS_RANK, kpiProgress, nationalProgress } from '../../../analysis/kpis.js';
import type { Kpi } from '../../../model/types.js';
import { entityTitle, lowerFirst } from '../../../analysis/names.js';
import { viCollator } from '../../../core/text.js';
import type { StrategyContext } from '../context.js';
import type { AppendixDraft, SubsectionView, TableRow } from '../view-types.js';
import { deadlineText, squash } from '../wording.js';
import { inline, kpiValue, UNCONFIRMED_MARK } from './objectives.js';
import { appendixHeading, row, table } from './tables.js';

/**
 * The KPI's verdict against its national target (`nationalProgress`, as the gap report judges it), when
 * that target is off track and its value or deadline differs from the KPI's own (the same goal gives
 * the same verdict, said once).
 */
function differentNational(ctx: StrategyContext, k: Kpi): ReturnType<typeof nationalProgress> {
  const n = nationalProgress(ctx.model, k, ctx.asOf);
  if (!n || !isOffTrack(n.progress)) return undefined;
  const own = kpiGoal(k);
  return own && own.value === n.goal.value && own.deadline === n.goal.deadline ? undefined : n;
}

/**
 * Phụ lục: tổng hợp khoảng cách, from the analysis: 1. KPIs behind, at risk or without data
 * (`kpiProgress`), or behind the national target they implement; 2. (internal edition) entities with
 * findings that no task addresses (`unaddressedGaps`), and the count of conformance findings. The
 * sections are numbered only when there are two.
 */
export function buildGapAppendix(ctx: StrategyContext, diagnostics: readonly Diagnostic[]): AppendixDraft {
  const sections: SubsectionView[] = [];
  // Each KPI against its own target; and against the national target it implements, which the gap report
  // judges: the two answer different questions (the KPI's own 2026 target at risk on the trend, the
  // national 2025 deadline already passed), so where they differ the cell names both goals.
  const lagging = ctx.model
    .all('kpi')
    .filter((k) => k.statistic !== true)
    .map((k) => ({ k, p: kpiProgress(k, ctx.asOf), national: differentNational(ctx, k) }))
    .filter(({ p, national }) => p.status === 'behind' || p.status === 'at-risk' || p.status === 'no-data' || national !== undefined)
    .sort((a, b) => KPI_STATUS_RANK[a.p.status] - KPI_STATUS_RANK[b.p.status] || viCollator.compare(a.k.name, b.k.name));
  const kpiRows: TableRow[] = lagging.map(({ k, p, national }, i) => {
    const target = k.target ? `mục tiêu ${kpiValue(k.target.value, k.unit)} (${inline(deadlineText(k.target.deadline))})` : 'chưa có mục tiêu';
    const latest = p.latest ? `${kpiValue(p.latest.value, k.unit)} (${viShortDate(p.latest.date)})` : 'chưa có số đo';
    const projected = p.projected !== null && !p.overdue ? `; dự báo tại thời hạn: ${kpiValue(p.projected, k.unit)}` : '';
    const against = national && p.status !== 'no-data' ? ' so với mục tiêu của chỉ tiêu' : '';
    const own = `${KPI_STATUS_LABEL[p.status].vi}${against}: ${lowerFirst(p.reason.vi)}`;
    // An unconfirmed national target carries the mark that Mục tiêu cụ thể explains once.
    const nat = national
      ? ` ${KPI_STATUS_LABEL[national.progress.status].vi} so với chỉ tiêu quốc gia (${kpiValue(national.goal.value, national.target.unit)} vào ${viShortDate(national.goal.deadline)})${national.target.confirmed ? '' : ` ${UNCONFIRMED_MARK}`}: ${lowerFirst(national.progress.reason.vi)}`
      : '';
    return row([String(i + 1), squash(k.name), `${latest}; ${target}${projected}`, `${own}${nat}`]);
  });
  sections.push({
    heading: 'Chỉ tiêu chậm, có nguy cơ không đạt hoặc thiếu số liệu',
    paragraphs: [],
    tables: [
      table(ctx, 'gaps', null, ['STT', 'Chỉ tiêu', 'Hiện trạng', 'Đánh giá'], kpiRows, {
        align: ['center', 'left', 'left', 'left'],
        empty: 'Mọi chỉ tiêu đều đạt hoặc đúng tiến độ.',
      }),
    ],
    diagrams: [],
  });
  if (!ctx.isPublic) {
    // The same list as the gap report's §V (analysis/findings.ts): entities with findings no task
    // addresses, then KPIs not achieved that no task serves.
    const gaps = unaddressedGaps(ctx.model, diagnostics);
    const kpis = unaddressedKpis(ctx.model, ctx.asOf, diagnostics);
    const problems = (findings: readonly Diagnostic[]): string => [...new Set(findings.map((d) => squash(d.message.vi)))].join(' ');
    // Operative text names problems in words; rule ids stay in the check output and the technical reports.
    const openRows = [
      ...gaps.map((g) => [entityTitle(ctx.model, g.entity).vi, problems(g.findings)] as const),
      ...kpis.map(({ kpi, findings }) => [entityTitle(ctx.model, kpi.ref).vi, problems(findings) || 'Chỉ tiêu chưa đạt mà chưa có nhiệm vụ nào thực hiện.'] as const),
    ].map(([who, what], i) => row([String(i + 1), who, what]));
    const n = countBySeverity(diagnostics.filter((d) => !/^(load|yaml|schema|model|internal)\./.test(d.code) && !d.waived));
    const waived = diagnostics.filter((d) => d.waived).length;
    sections.push({
      heading: 'Vấn đề chưa có nhiệm vụ xử lý',
      paragraphs: [
        `Rà soát hiện trạng đối chiếu với các quy định hiện hành ghi nhận ${n.error} vấn đề phải khắc phục và ${n.warning} vấn đề cần lưu ý${waived ? ` (ngoài ra ${waived} vấn đề đã được chấp nhận tạm thời)` : ''}. Các đối tượng dưới đây có vấn đề mà chưa nhiệm vụ nào tại Phụ lục ${ctx.appendix.tasks} xử lý.`,
      ],
      tables: [
        table(ctx, 'openGaps', null, ['STT', 'Đối tượng', 'Vấn đề'], openRows, {
          widths: [6, 30, 64],
          align: ['center', 'left', 'left'],
          empty: 'Mọi vấn đề phát hiện đều đã có nhiệm vụ xử lý.',
        }),
      ],
      diagrams: [],
    });
  }
  return {
    ...appendixHeading(ctx, 'gaps', 'TỔNG HỢP KHOẢNG CÁCH SO VỚI MỤC TIÊU'),
    intro: `Đánh giá tại ngày ${viShortDate(ctx.asOf)} theo số liệu của mô hình kiến trúc.`,
    // Numbered only when there are several (the public edition has the first alone: no lone "1.").
    sections: sections.length > 1 ? sections.map((x, i) => ({ ...x, heading: `${i + 1}. ${x.heading}` })) : sections,
  };
}

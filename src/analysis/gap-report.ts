import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { text, type Text } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { ValidModel } from '../model/valid.js';
import { computeCoverage, type CoverageRow } from './coverage.js';
import { displayDate } from './display.js';
import { actionRows, gapRows, groupFindings, type ActionRow, type CodeInfo, type FindingGroup, type GapRow } from './findings.js';
import type { KpiStatus } from './kpis.js';
import { dataLayerScorecard, layerScorecard, type DataLayerRow, type LayerRow } from './scorecards.js';
import { targetRows, type TargetRow } from './targets.js';

/** The agency as reports head it. */
export interface AgencyHeader {
  readonly ref: string;
  readonly name: string;
  readonly shortName: string;
  readonly code: string | null;
  readonly level: string;
  readonly levelLabel: string;
  readonly location: string | null;
}

/**
 * The gap report as data: JSON-serialisable, every key present (null when empty), so the strategy
 * document, periodic report, provincial roll-up and site can reuse it and Handlebars (strict) can render it.
 */
export interface GapReport {
  readonly kind: 'gap-report';
  readonly version: 1;
  readonly asOf: IsoDate;
  readonly asOfDisplay: string;
  readonly agency: AgencyHeader | null;
  readonly framework: { readonly id: string; readonly version: string; readonly name: string };
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly waived: number;
    readonly targets: number;
    readonly targetsByStatus: Readonly<Record<KpiStatus, number>>;
    readonly targetsOffTrack: number;
    readonly coverageMeetingTarget: number;
    readonly coverageWithTarget: number;
    readonly gaps: number;
    readonly actions: number;
    readonly unconfirmedTargets: number;
  };
  readonly targets: readonly TargetRow[];
  readonly coverage: readonly CoverageRow[];
  readonly scorecards: { readonly layers: readonly LayerRow[]; readonly dataLayers: readonly DataLayerRow[] };
  readonly findings: readonly FindingGroup[];
  readonly gaps: readonly GapRow[];
  readonly actions: readonly ActionRow[];
  /** How statuses and ratings are decided, for the report's closing notes. */
  readonly method: readonly Text[];
}

export interface GapReportInput {
  readonly model: ValidModel;
  /** Every diagnostic of the run (rule findings, waived ones included; config and waiver problems). */
  readonly diagnostics: readonly Diagnostic[];
  /** Rules and built-in codes, for descriptions and legal references. */
  readonly codes: readonly CodeInfo[];
  readonly asOf: IsoDate;
  /**
   * Rows computed from the model, replaced before the summary and the action list are made from them:
   * the consolidated report of an aggregation puts roll-ups and agency-wide counts in (aggregate/gap.ts).
   */
  readonly adjust?: {
    readonly targets?: (rows: readonly TargetRow[]) => readonly TargetRow[];
    readonly coverage?: (rows: readonly CoverageRow[]) => readonly CoverageRow[];
  };
}

export function agencyHeader(model: Model): AgencyHeader | null {
  const a = model.agency;
  if (!a) return null;
  return {
    ref: a.ref,
    name: a.name,
    shortName: a.shortName ?? a.name,
    code: a.code ?? null,
    level: a.level,
    levelLabel: enumLabel(model.pack, 'agencyLevel', a.level),
    location: a.location ?? null,
  };
}

export const METHOD_NOTES: readonly Text[] = [
  text(
    'Trạng thái chỉ tiêu: "Thiếu số liệu" khi chưa có giá trị mục tiêu hoặc chưa có số đo đến ngày báo cáo; "Đạt" khi số đo gần nhất đạt mục tiêu; "Chậm" khi đã quá thời hạn mà chưa đạt, hoặc khi số đo gần nhất thấp hơn lộ trình thẳng từ giá trị cơ sở đến mục tiêu; "Nguy cơ không đạt" khi giá trị dự báo tại thời hạn (đường hồi quy bình phương tối thiểu qua giá trị cơ sở và các lần đo) không đạt mục tiêu; "Đúng tiến độ" trong các trường hợp còn lại. Chỉ có một số đo và không có giá trị cơ sở thì chưa đủ số liệu để đánh giá xu hướng.',
    'KPI status: "No data" without a target value or a measurement up to the report date; "Achieved" when the latest measurement meets the target; "Behind" when the deadline passed unmet, or the latest value lies below the straight path from the baseline; "At risk" when the least-squares projection at the deadline misses the target; otherwise "On track".',
  ),
  text(
    'Mục tiêu so sánh là giá trị và thời hạn của chỉ tiêu quốc gia; khi văn bản không nêu số (ví dụ DTI) thì dùng mục tiêu của cơ quan. Giá trị dự báo được giới hạn trong khoảng hợp lý của đơn vị đo (0–100% với tỷ lệ, cấp độ 1–5).',
    'Status is judged against the national value and deadline, or the agency\'s own target when the instrument sets no number. Projections are clamped to the unit\'s range.',
  ),
  text(
    'Khi chỉ tiêu chưa có số đo, báo cáo dùng độ bao phủ tính từ mô hình kiến trúc (nếu chỉ tiêu quốc gia có thước đo tương ứng), ghi là "tính từ mô hình".',
    'When a KPI has no measurement, the coverage computed from the model stands in for it (marked "from the model").',
  ),
  text(
    'Bảng đánh giá theo lớp: "Cần khắc phục" khi có lỗi chưa miễn trừ trên các thực thể của lớp, "Cần cải thiện" khi chỉ có cảnh báo, "Đạt" khi không có phát hiện; "—" khi lớp không có gì để đánh giá (không có tập dữ liệu, hoặc không có hệ thống đang xây dựng, vận hành).',
    'Layer scorecards: "Needs fixing" with unwaived errors on the layer\'s entities, "Needs improvement" with warnings only, "Meets" otherwise; "—" when the layer has nothing to assess (no datasets, or no system being built or in operation).',
  ),
  text(
    'Thông tin đánh dấu "chưa xác nhận" là số liệu, thời hạn hoặc phạm vi trong bộ khung chưa được đối chiếu với văn bản gốc; các quy tắc dựa trên thông tin đó chỉ cảnh báo.',
    'Facts marked "unconfirmed" have not been checked against the published text; rules resting on them only warn.',
  ),
];

/** Builds the gap report at `asOf` from the model and the run's diagnostics. Pure. */
export function buildGapReport(input: GapReportInput): GapReport {
  const { model, diagnostics, codes, asOf, adjust } = input;
  const measured = computeCoverage(model, asOf);
  const computed = targetRows(model, asOf, measured);
  const targets = adjust?.targets ? adjust.targets(computed) : computed;
  const coverage = adjust?.coverage ? adjust.coverage(measured) : measured;
  const findings = groupFindings(model, diagnostics, codes);
  const gaps = gapRows(model, asOf, diagnostics, codes);
  const actions = actionRows(model, diagnostics, targets);
  const byStatus: Record<KpiStatus, number> = { achieved: 0, 'on-track': 0, behind: 0, 'at-risk': 0, 'no-data': 0 };
  for (const t of targets) byStatus[t.status]++;
  const unwaived = diagnostics.filter((d) => !d.waived);
  const withTarget = coverage.filter((c) => c.meetsTarget !== null);
  return {
    kind: 'gap-report',
    version: 1,
    asOf,
    asOfDisplay: displayDate(asOf) ?? asOf,
    agency: agencyHeader(model),
    framework: { id: model.pack.id, version: model.pack.version, name: model.pack.name },
    summary: {
      errors: unwaived.filter((d) => d.severity === 'error').length,
      warnings: unwaived.filter((d) => d.severity === 'warning').length,
      infos: unwaived.filter((d) => d.severity === 'info').length,
      waived: diagnostics.length - unwaived.length,
      targets: targets.length,
      targetsByStatus: byStatus,
      targetsOffTrack: byStatus.behind + byStatus['at-risk'],
      coverageMeetingTarget: withTarget.filter((c) => c.meetsTarget === true).length,
      coverageWithTarget: withTarget.length,
      gaps: gaps.length,
      actions: actions.length,
      unconfirmedTargets: targets.filter((t) => !t.confirmed).length,
    },
    targets,
    coverage,
    scorecards: { layers: layerScorecard(model, diagnostics), dataLayers: dataLayerScorecard(model, asOf, diagnostics) },
    findings,
    gaps,
    actions,
    method: METHOD_NOTES,
  };
}

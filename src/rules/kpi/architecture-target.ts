/** The Kiến trúc số and the Chiến lược dữ liệu carry the same targets: the target architecture reaches, by each KPI's deadline, what the KPI sets. Source: CV 1215/TTg-KSTT (Chiến lược dữ liệu, Kiến trúc chuyển đổi số thống nhất, có mục tiêu, chỉ số đo lường cụ thể). */
import { targetStateOf } from '../../analysis/architecture.js';
import { computeCoverage, type CoverageRow } from '../../analysis/coverage.js';
import { kpiGoal, meets } from '../../analysis/kpis.js';
import { displayValue } from '../../analysis/display.js';
import { comparableUnit } from '../../analysis/figures.js';
import { entityTitle, lowerFirst } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

/**
 * Measures of what the architecture draws (systems, datasets, integrations, services), which
 * transitions can change; dossier counts are a period's figures, not a state's. Agency-level facts (staffing, the network rules, the governance maturity level) have no
 * target state in the model, so a target on them is not the architecture's to meet.
 */
const ARCHITECTURE_MEASURES: ReadonlySet<string> = new Set([
  'systems-security-approved',
  'integrations-shared-platform',
  'mandatory-via-ndop',
  'datasets-classified',
  'databases-synchronised',
  'personal-data-synchronised',
  'sectoral-db-standardised',
  'datasets-quality-assessed',
  'open-datasets-published',
  'services-full-online',
  'services-on-national-portal',
]);

export const kpiArchitectureTarget = defineRule({
  id: 'kpi.architecture-target',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Kiến trúc số mục tiêu phải đạt các chỉ tiêu mà Chiến lược dữ liệu đặt ra đến cùng thời hạn.',
    'The target digital architecture must reach the targets the data strategy sets, by the same deadlines.',
  ),
  help: text(
    'Chiến lược dữ liệu và Kiến trúc chuyển đổi số phải thống nhất, có mục tiêu và chỉ số đo lường cụ thể (CV 1215/TTg-KSTT). Với chỉ tiêu gắn chỉ tiêu quốc gia đo được từ mô hình (phân loại dữ liệu, đồng bộ về CSDL tổng hợp quốc gia, kết nối qua NDOP, chuẩn hóa CSDL chuyên ngành…), kientruc tính giá trị trên kiến trúc mục tiêu (mô hình tại 31/12 năm mục tiêu, sau các chuyển đổi đã khai báo) và so với mục tiêu của chỉ tiêu có thời hạn từ hôm nay đến năm đó. Chưa đạt nghĩa là lộ trình của Kiến trúc số không đưa tới mục tiêu mà Chiến lược dữ liệu cam kết: khai báo các chuyển đổi (transitions) còn thiếu, hoặc điều chỉnh mục tiêu.',
    'The data strategy and the digital-transformation architecture must agree and carry measurable targets (Official Letter 1215). For a KPI linked to a national target that kientruc measures from the model, the measure is computed on the target architecture (the model at 31 December of the target year, after the declared transitions) and compared with the KPI\'s target due between today and that year. Falling short means the architecture\'s roadmap does not reach what the strategy commits to: declare the missing transitions, or adjust the target.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  // The KPIs, the agency (target year, its code for integration ends) and what the target state's
  // coverage counts: every state derives from the entities as written.
  reads: ['k:kpi', 'agency', 'kw:org', 'kw:system', 'kw:dataset', 'kw:integration', 'kw:service'],
  check({ model, asOf, report }) {
    let coverage: ReadonlyMap<string, CoverageRow> | undefined;
    let state: ReturnType<typeof targetStateOf> | undefined;
    for (const k of model.all('kpi')) {
      if (k.statistic === true || k.nationalTarget === undefined) continue;
      const measure = model.target(k.nationalTarget)?.measure;
      const goal = kpiGoal(k);
      if (!measure || !ARCHITECTURE_MEASURES.has(measure) || !goal || goal.deadline < asOf) continue;
      state ??= targetStateOf(model);
      if (goal.deadline > state.date) continue;
      // Summed entity by entity across models (analysis/coverage.ts): an edit re-counts what it changed.
      coverage ??= new Map(computeCoverage(state.model, state.date, { summed: true }).map((c) => [c.id, c]));
      const row = coverage.get(measure);
      if (!row || row.value === null || !comparableUnit(row, k.unit) || meets(row.value, goal)) continue;
      const name = entityTitle(model, k.ref);
      report({
        entity: k.ref,
        path: ['target'],
        message: text(
          `${name.vi} đặt mục tiêu ${displayValue(goal.value, k.unit) ?? goal.value} đến ${viShortDate(goal.deadline)}, nhưng kiến trúc số mục tiêu năm ${state.year} chỉ đạt ${row.display ?? row.value} (${lowerFirst(row.label.vi)}): Kiến trúc số và Chiến lược dữ liệu không thống nhất.`,
          `${name.en} targets ${goal.value} by ${goal.deadline}, but the ${state.year} target architecture reaches only ${row.value} (${row.label.en.toLowerCase()}): the architecture and the data strategy disagree.`,
        ),
        fix: text(
          'Khai báo các chuyển đổi (transitions, có nhiệm vụ thực hiện) đưa hệ thống, dữ liệu, kết nối tới mục tiêu trước thời hạn, hoặc điều chỉnh mục tiêu của chỉ tiêu.',
          'Declare the transitions (with their delivering tasks) that bring systems, data and connections to the target in time, or adjust the KPI\'s target.',
        ),
      });
    }
  },
});

/** Every KPI is carried by at least one task with a lead and resources. Source: CV 1215/TTg-KSTT (lộ trình rõ ràng, gắn với phân bổ nguồn lực cụ thể); QĐ 1751/QĐ-TTg Phụ lục. */
import { isOffTrack, kpiGoal, kpiProgress, KPI_STATUS_LABEL, nationalGoal } from '../../analysis/kpis.js';
import { displayDate, displayValue } from '../../analysis/display.js';
import { entityTitle } from '../../analysis/names.js';
import { tasksForKpi } from '../../analysis/tasks.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const kpiTaskCoverage = defineEntityRule({
  id: 'kpi.task-coverage',
  severity: 'warning',
  confirmed: true,
  description: text('Mỗi chỉ tiêu phải có ít nhất một nhiệm vụ thực hiện.', 'Every KPI must be carried by at least one task.'),
  help: text(
    'Mô hình phải được triển khai có lộ trình rõ ràng, gắn với phân bổ nguồn lực cụ thể (văn bản triển khai CV 1215/TTg-KSTT); mỗi mục tiêu cụ thể của Chiến lược tương ứng với nhiệm vụ trong Phụ lục (QĐ 1751/QĐ-TTg). Khai báo nhiệm vụ có "addresses: [kpi:…]" (hoặc chỉ tiêu quốc gia target:… mà chỉ tiêu thực hiện).',
    'Implementation needs a clear roadmap tied to resources (Official Letter 1215); every target of the strategy maps to tasks in its annex (Decision 1751). Declare a task with "addresses: [kpi:…]" (or the national target:… the KPI implements).',
  ),
  legalRef: 'CV 1215/TTg-KSTT; QĐ 1751/QĐ-TTg Phụ lục',
  kind: 'kpi',
  check({ model, asOf, report, entity: k }) {
    // A current-state statistic has no target, task or baseline by design.
    if (k.statistic === true) return;
    if (tasksForKpi(model, k.ref).length > 0) return;
    const t = k.nationalTarget ? model.target(k.nationalTarget) : undefined;
    const own = kpiGoal(k);
    const goal = own ?? (t ? nationalGoal(t) : undefined);
    const progress = kpiProgress(k, asOf, goal);
    const name = entityTitle(model, k.ref);
    // The status names the goal it is measured against: the gap report prints the national target's
    // status beside this message, and the KPI's own goal can give another ("Chậm" there, "Nguy cơ không
    // đạt" here).
    const against = goal
      ? text(
          ` so với mục tiêu ${own ? 'của chỉ tiêu' : 'quốc gia'} ${displayValue(goal.value, k.unit) ?? goal.value} vào ${displayDate(goal.deadline) ?? goal.deadline}`,
          ` against ${own ? 'its own' : 'the national'} goal of ${goal.value} by ${goal.deadline}`,
        )
      : text('', '');
    const state = isOffTrack(progress) ? text(` (${KPI_STATUS_LABEL[progress.status].vi}${against.vi})`, ` (${KPI_STATUS_LABEL[progress.status].en}${against.en})`) : text('', '');
    report({
      entity: k.ref,
      part: 'key',
      message: text(`${name.vi}${state.vi} chưa có nhiệm vụ nào thực hiện.`, `${name.en}${state.en} is carried by no task.`),
      fix: text(`Thêm nhiệm vụ có "addresses: [${k.ref}]", có cơ quan chủ trì, thời hạn và sản phẩm.`, `Add a task with "addresses: [${k.ref}]", a lead, a deadline and a deliverable.`),
    });
  },
});

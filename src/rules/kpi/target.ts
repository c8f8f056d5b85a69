/** Every KPI states a target value and deadline, so progress can be measured. Source: Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT (mục tiêu và chỉ số đo lường cụ thể). */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const kpiTarget = defineEntityRule({
  id: 'kpi.target',
  severity: 'error',
  confirmed: true,
  description: text('Mỗi chỉ tiêu phải có giá trị mục tiêu và thời hạn đạt được.', 'Every KPI must state a target value and a deadline.'),
  help: text(
    'Chiến lược dữ liệu, Kiến trúc chuyển đổi số phải có các mục tiêu và chỉ số đo lường cụ thể (Quy định 05-QĐ/BCĐTW, CV 1215/TTg-KSTT). Khai báo target: { value, deadline } cho từng chỉ tiêu; chỉ tiêu gắn chỉ tiêu quốc gia lấy giá trị, thời hạn quốc gia làm mức tối thiểu.',
    'Strategies must carry concrete, measurable targets (Regulation 05, Official Letter 1215). Declare target: { value, deadline } for every KPI.',
  ),
  legalRef: 'Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT',
  kind: 'kpi',
  check({ model, report, entity: k }) {
    // A current-state statistic has no target, task or baseline by design.
    if (k.statistic === true) return;
    if (k.target !== undefined) return;
    const t = k.nationalTarget ? model.target(k.nationalTarget) : undefined;
    const name = entityTitle(model, k.ref);
    const hint = t && t.value !== null ? text(` (chỉ tiêu quốc gia: ${t.value}${t.deadline ? `, thời hạn ${t.deadline}` : ''})`, ` (national target: ${t.value})`) : text('', '');
    report({
      entity: k.ref,
      part: 'key',
      message: text(`${name.vi} chưa có giá trị mục tiêu và thời hạn${hint.vi}.`, `${name.en} has no target value and deadline${hint.en}.`),
      fix: text('Thêm "target: { value: …, deadline: … }".', 'Add "target: { value: …, deadline: … }".'),
    });
  },
});

/** The agency states its data-governance maturity level, against the 2030 targets of levels 4 and 5. Source: QĐ 3090/QĐ-BKHCN. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';
import { at } from '../finding-path.js';

export const agencyMaturityLevel = defineRule({
  id: 'agency.maturity-level',
  severity: 'info',
  // The names and criteria of the five levels are unconfirmed.
  confirmed: false,
  description: text('Cơ quan nên tự đánh giá và khai báo cấp độ trưởng thành quản trị dữ liệu.', 'The agency should assess and declare its data-governance maturity level.'),
  help: text(
    'QĐ 3090/QĐ-BKHCN đặt mục tiêu đến năm 2030: 100% bộ, ngành, địa phương đạt cấp độ 4 và 90% đạt cấp độ 5 về mức độ trưởng thành quản trị dữ liệu. Tiêu chí các cấp độ chưa được xác nhận. Khai báo governance.maturityLevel (1–5) và governance.assessedOn.',
    'Decision 3090 targets, by 2030, level 4 data-governance maturity for all bodies and level 5 for 90%. The level criteria are unconfirmed. Declare governance.maturityLevel (1–5) and governance.assessedOn.',
  ),
  legalRef: 'QĐ 3090/QĐ-BKHCN',
  check({ model, report }) {
    const a = model.agency;
    if (!a || a.governance?.maturityLevel !== undefined) return;
    const name = entityTitle(model, a.ref);
    report({
      entity: a.ref,
      ...at(a, ['governance', 'maturityLevel']),
      message: text(`${name.vi} chưa khai báo cấp độ trưởng thành quản trị dữ liệu (mục tiêu cấp độ 4 đến năm 2030).`, `${name.en} declares no data-governance maturity level (target: level 4 by 2030).`),
      fix: text('Tự đánh giá và khai báo governance.maturityLevel (1–5), governance.assessedOn.', 'Self-assess and declare governance.maturityLevel (1–5) and governance.assessedOn.'),
    });
  },
});

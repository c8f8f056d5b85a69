/** A procedure eligible for full online provision is offered as a fully online public service. Source: QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a (100% TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình). */
import { isEligibleFullOnline, isFullyOnline } from '../../analysis/services.js';
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { enumLabel } from '../../framework/types.js';
import { defineRule } from '../define-rule.js';

/** The national target whose deadline this rule follows (its value and date come from the pack). */
export const FULL_ONLINE_TARGET = 'target:tthc-dvctt-toan-trinh';

export const serviceFullOnline = defineRule({
  id: 'service.full-online',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Thủ tục hành chính đủ điều kiện phải được cung cấp dịch vụ công trực tuyến toàn trình.',
    'An administrative procedure eligible for full online provision must be offered fully online.',
  ),
  help: text(
    'QĐ 1751/QĐ-TTg đặt chỉ tiêu 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình (thời hạn theo chỉ tiêu quốc gia target:tthc-dvctt-toan-trinh của bộ khung). Dịch vụ khai báo "eligibleFullOnline: true" mà "onlineLevel" chưa là full là một khoảng cách: cảnh báo sau thời hạn, thông tin trước thời hạn. Nâng cấp dịch vụ lên toàn trình, hoặc giao nhiệm vụ có "addresses: [service:…]".',
    'QĐ 1751/QĐ-TTg sets 100% of eligible procedures fully online (deadline from the pack target target:tthc-dvctt-toan-trinh). A service declared "eligibleFullOnline: true" whose "onlineLevel" is not full is a gap: a warning after the deadline, info before it. Move it fully online, or add a task with "addresses: [service:…]".',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
  check({ model, asOf, report }) {
    const deadline = model.target(FULL_ONLINE_TARGET)?.deadline ?? null;
    const late = deadline !== null && asOf > deadline;
    for (const s of model.all('service')) {
      if (!isEligibleFullOnline(s) || isFullyOnline(s) || s.onlineLevel === 'chưa xác định' || s.onlineLevel === 'unknown') continue;
      const name = entityTitle(model, s.ref);
      const level = enumLabel(model.pack, 'serviceOnlineLevel', s.onlineLevel);
      const when = deadline === null ? text('', '') : late ? text(` (thời hạn ${viShortDate(deadline)} đã qua)`, ` (the ${deadline} deadline has passed)`) : text(` (thời hạn ${viShortDate(deadline)})`, ` (deadline ${deadline})`);
      report({
        entity: s.ref,
        path: ['onlineLevel'],
        severity: late ? 'warning' : 'info',
        message: text(
          `${name.vi} đủ điều kiện cung cấp trực tuyến toàn trình nhưng mới ở mức "${level}"${when.vi}.`,
          `${name.en} is eligible for full online provision but is "${s.onlineLevel}"${when.en}.`,
        ),
        fix: text(
          `Cung cấp dịch vụ công trực tuyến toàn trình (onlineLevel: full), hoặc giao nhiệm vụ có "addresses: [${s.ref}]".`,
          `Offer it fully online (onlineLevel: full), or add a task with "addresses: [${s.ref}]".`,
        ),
      });
    }
  },
});

/** Online public services are delivered on the National Public Service Portal. Source: QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a (100% dịch vụ công trực tuyến cấp tỉnh, cấp xã triển khai tập trung trên Cổng Dịch vụ công quốc gia). */
import { isOnNationalPortal } from '../../analysis/services.js';
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

/** The national target whose deadline this rule follows. */
export const NATIONAL_PORTAL_TARGET = 'target:dvctt-tinh-xa-tren-cong-dvcqg';

export const serviceNationalPortal = defineRule({
  id: 'service.national-portal',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Dịch vụ công trực tuyến phải được triển khai trên Cổng Dịch vụ công quốc gia.',
    'An online public service must be delivered on the National Public Service Portal.',
  ),
  help: text(
    'QĐ 1751/QĐ-TTg đặt chỉ tiêu 100% dịch vụ công trực tuyến cấp tỉnh, cấp xã triển khai tập trung trên Cổng Dịch vụ công quốc gia (thời hạn theo chỉ tiêu target:dvctt-tinh-xa-tren-cong-dvcqg của bộ khung). Dịch vụ trực tuyến (toàn trình hoặc một phần) chưa có kênh "national-portal" và chưa có "portalUrl" là một khoảng cách: cảnh báo sau thời hạn, thông tin trước thời hạn.',
    'QĐ 1751/QĐ-TTg sets 100% of provincial and commune online services on the National Public Service Portal (deadline from the pack target target:dvctt-tinh-xa-tren-cong-dvcqg). An online service (full or partial) with neither the "national-portal" channel nor a "portalUrl" is a gap: a warning after the deadline, info before it.',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
  check({ model, asOf, report }) {
    const deadline = model.target(NATIONAL_PORTAL_TARGET)?.deadline ?? null;
    const late = deadline !== null && asOf > deadline;
    for (const s of model.all('service')) {
      if ((s.onlineLevel !== 'full' && s.onlineLevel !== 'partial') || isOnNationalPortal(s)) continue;
      const name = entityTitle(model, s.ref);
      const when = deadline === null ? text('', '') : text(` (thời hạn ${viShortDate(deadline)})`, ` (deadline ${deadline})`);
      report({
        entity: s.ref,
        path: s.channels ? ['channels'] : ['onlineLevel'],
        severity: late ? 'warning' : 'info',
        message: text(
          `${name.vi} là dịch vụ công trực tuyến nhưng chưa triển khai trên Cổng Dịch vụ công quốc gia${when.vi}.`,
          `${name.en} is offered online but not on the National Public Service Portal${when.en}.`,
        ),
        fix: text(
          'Đưa dịch vụ lên Cổng Dịch vụ công quốc gia và thêm "national-portal" vào "channels" (và "portalUrl").',
          'Publish it on the National Public Service Portal and add "national-portal" to "channels" (and a "portalUrl").',
        ),
      });
    }
  },
});

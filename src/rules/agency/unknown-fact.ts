/** An agency or organisation fact declared "chưa xác định" (the agency code first) is a gap to close. Source: TT 10/2016/TT-BTTTT (QCVN 102:2016/BTTTT, mã định danh cơ quan). */
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';
import { reportUnknownFactsOf } from '../unknown-fact.js';

export const agencyUnknownFact = defineRule({
  id: 'agency.unknown-fact',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Thông tin của cơ quan, đơn vị đang ghi "chưa xác định" (trước hết là mã định danh) cần được xác định.',
    'An agency or organisation fact recorded as "not yet known" (the agency code first) must be established.',
  ),
  help: text(
    'Mã định danh cơ quan theo QCVN 102:2016/BTTTT dùng để tổng hợp nhiều cơ quan (kientruc aggregate) và tham chiếu liên cơ quan. Khi chưa có mã, ghi "code: chưa xác định": kiểm tra vẫn đạt, còn kientruc aggregate báo rõ cơ quan nào thiếu mã.',
    'The QCVN 102 agency code is needed to aggregate agencies (kientruc aggregate) and for cross-agency references. Until it is known, write "code: chưa xác định": check still passes, and kientruc aggregate names the agency that lacks it.',
  ),
  legalRef: 'TT 10/2016/TT-BTTTT (QCVN 102:2016/BTTTT)',
  check({ model, report }) {
    for (const e of [...model.all('agency'), ...model.all('org')]) {
      reportUnknownFactsOf(model, report, e, (field) =>
        field === 'code'
          ? text('Ghi mã định danh do cơ quan có thẩm quyền cấp theo QCVN 102, ví dụ "000.00.31.H99".', 'Write the code assigned under QCVN 102, e.g. "000.00.31.H99".')
          : text(`Xác định và ghi giá trị cho "${field}".`, `Establish "${field}".`),
      );
    }
  },
});

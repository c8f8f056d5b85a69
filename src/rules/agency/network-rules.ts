/** The agency issues rules for using its internal network and Internet-connected network. Source: CV 1215/TTg-KSTT (provincial implementing directive, item 1.d, before November 2025). */
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';
import { at } from '../finding-path.js';

const TARGET = 'target:quy-che-mang-noi-bo';

export const agencyNetworkRules = defineRule({
  id: 'agency.network-rules',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Cơ quan phải ban hành quy chế sử dụng mạng máy tính nội bộ và mạng có kết nối Internet.',
    'The agency must issue rules on the use of its internal network and Internet-connected network.',
  ),
  help: text(
    'Văn bản triển khai CV 1215/TTg-KSTT (mục 1.d) yêu cầu xây dựng, hoàn thiện quy định, quy chế sử dụng mạng máy tính nội bộ, mạng máy tính có kết nối Internet (thời hạn trước tháng 11/2025 do văn bản cấp tỉnh đặt ra, chưa xác nhận là quy định chung). Khai báo security.internalNetworkRules: { status: approved, decision }.',
    'The directive implementing Official Letter 1215 (item 1.d) requires rules on internal and Internet-connected networks. Declare security.internalNetworkRules: { status: approved, decision }.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  check({ model, report }) {
    const a = model.agency;
    if (!a) return;
    const status = a.security?.internalNetworkRules?.status;
    if (status === 'approved') return;
    const deadline = model.target(TARGET)?.deadline ?? null;
    const name = entityTitle(model, a.ref);
    const when = deadline ? ` (thời hạn ${viShortDate(deadline)}, chưa xác nhận)` : '';
    report({
      entity: a.ref,
      ...at(a, ['security', 'internalNetworkRules', 'status']),
      message: text(
        `${name.vi} ${status === 'drafting' ? 'đang xây dựng, chưa ban hành' : 'chưa ban hành'} quy chế sử dụng mạng nội bộ và mạng kết nối Internet${when}.`,
        `${name.en} has not issued its internal-network and Internet use rules.`,
      ),
      fix: text('Ban hành quy chế; khai báo security.internalNetworkRules: { status: approved, decision: { number, date } }.', 'Issue the rules; declare security.internalNetworkRules: { status: approved, decision: { number, date } }.'),
    });
  },
});

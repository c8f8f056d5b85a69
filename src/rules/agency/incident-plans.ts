/** The agency has an approved incident-response plan and data-recovery plan. Source: CV 1215/TTg-KSTT (provincial implementing directive, item 1.d); Quy định 05-QĐ/BCĐTW. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';
import { at } from '../finding-path.js';

const PLANS = [
  { key: 'incidentResponsePlan', vi: 'phương án ứng phó sự cố an toàn, an ninh mạng', en: 'incident-response plan' },
  { key: 'dataRecoveryPlan', vi: 'phương án khôi phục dữ liệu', en: 'data-recovery plan' },
] as const;

export const agencyIncidentPlans = defineRule({
  id: 'agency.incident-plans',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Cơ quan phải ban hành phương án ứng phó sự cố và phương án khôi phục dữ liệu.',
    'The agency must have an approved incident-response plan and data-recovery plan.',
  ),
  help: text(
    'Văn bản triển khai CV 1215/TTg-KSTT (mục 1.d) yêu cầu các sở, ngành, xã xây dựng, duy trì cơ chế bảo đảm an toàn, an ninh mạng, phương án ứng phó sự cố, phương án khôi phục dữ liệu; Công an tỉnh hướng dẫn. Khai báo security.incidentResponsePlan và security.dataRecoveryPlan với status: approved và quyết định ban hành.',
    'The directive implementing Official Letter 1215 (item 1.d) requires incident-response and data-recovery plans. Declare security.incidentResponsePlan and security.dataRecoveryPlan with status: approved and the approving decision.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  check({ model, report }) {
    const a = model.agency;
    if (!a) return;
    const name = entityTitle(model, a.ref);
    for (const plan of PLANS) {
      const status = a.security?.[plan.key]?.status;
      if (status === 'approved') continue;
      const state = status === 'drafting' ? 'đang xây dựng, chưa ban hành' : 'chưa có';
      report({
        entity: a.ref,
        ...at(a, ['security', plan.key, 'status']),
        message: text(`${name.vi} ${state} ${plan.vi}.`, `${name.en} has no approved ${plan.en}${status === 'drafting' ? ' (being drafted)' : ''}.`),
        fix: text(`Ban hành ${plan.vi}; khai báo security.${plan.key}: { status: approved, decision: { number, date } }.`, `Approve the ${plan.en}; declare security.${plan.key}: { status: approved, decision: { number, date } }.`),
      });
    }
  },
});

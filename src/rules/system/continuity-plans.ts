/** Systems in operation need an incident-response plan and a data backup/recovery plan. Source: CV 1215/TTg-KSTT (provincial implementing directive, item 1.d). */
import { entityTitle } from '../../analysis/names.js';
import { isInService } from '../../analysis/systems.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { at } from '../finding-path.js';

export const systemContinuityPlans = defineEntityRule({
  id: 'system.continuity-plans',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Hệ thống đang vận hành phải có phương án ứng phó sự cố và phương án sao lưu, khôi phục dữ liệu.',
    'A system in operation must have an incident-response plan and a backup and data-recovery plan.',
  ),
  help: text(
    'Văn bản triển khai CV 1215/TTg-KSTT (Quy định 05-QĐ/BCĐTW) yêu cầu xây dựng, duy trì cơ chế bảo đảm an toàn, an ninh mạng, phương án ứng phó sự cố, phương án khôi phục dữ liệu. Khai báo security.incidentResponsePlan: true và security.backup: true khi hệ thống đã có các phương án này.',
    'The directive implementing Official Letter 1215/TTg-KSTT requires incident-response and data-recovery plans. Declare security.incidentResponsePlan: true and security.backup: true once the system has them.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  kind: 'system',
  check({ model, report, entity: s }) {
    if (!isInService(s)) return;
    const noIncident = s.security?.incidentResponsePlan !== true;
    const noBackup = s.security?.backup !== true;
    if (!noIncident && !noBackup) return;
    const missing = [noIncident ? 'phương án ứng phó sự cố' : '', noBackup ? 'phương án sao lưu, khôi phục dữ liệu' : ''].filter(Boolean).join(' và ');
    const missingEn = [noIncident ? 'an incident-response plan' : '', noBackup ? 'a backup and recovery plan' : ''].filter(Boolean).join(' and ');
    const name = entityTitle(model, s.ref);
    const where = at(s, ['security', noIncident ? 'incidentResponsePlan' : 'backup']);
    report({
      entity: s.ref,
      ...where,
      message: text(`${name.vi} đang vận hành nhưng chưa có ${missing}.`, `${name.en} is in operation without ${missingEn}.`),
      fix: text(
        'Xây dựng, phê duyệt các phương án (theo hướng dẫn của Công an tỉnh), rồi khai báo security.incidentResponsePlan: true, security.backup: true.',
        'Draw up and approve the plans, then declare security.incidentResponsePlan: true and security.backup: true.',
      ),
    });
  },
});

/** Mandatory data sharing runs through NDOP, by 31/12/2026 at the latest. Source: NĐ 278/2025/NĐ-CP. */
import { isActiveIntegration } from '../../analysis/endpoints.js';
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';
import { isDataSharing } from '../../model/roles.js';

/** The national target that carries the deadline (a warning before it, an error after). */
const TARGET = 'target:chia-se-bat-buoc-qua-ndop';

export const integrationMandatoryNdop = defineRule({
  id: 'integration.mandatory-ndop',
  severity: 'error',
  confirmed: true,
  description: text(
    'Kết nối, chia sẻ dữ liệu bắt buộc phải thực hiện qua Nền tảng chia sẻ, điều phối dữ liệu (NDOP) của Trung tâm dữ liệu quốc gia.',
    'Mandatory data sharing must run through the National Data Orchestration Platform (NDOP).',
  ),
  help: text(
    'NĐ 278/2025/NĐ-CP (thay thế NĐ 47/2020/NĐ-CP) quy định kết nối, chia sẻ dữ liệu bắt buộc giữa các cơ quan trong hệ thống chính trị thực hiện qua NDOP để giám sát, truy vết; chậm nhất ngày 31/12/2026. Trước thời hạn, kết nối bắt buộc chưa qua NDOP là cảnh báo; sau thời hạn là lỗi. Số điều cụ thể của Nghị định chưa được đối chiếu.',
    'Decree 278/2025 requires mandatory sharing between bodies of the political system to run through NDOP, by 31 December 2026 at the latest. Before that date a mandatory integration elsewhere is a warning; after it, an error.',
  ),
  legalRef: 'NĐ 278/2025/NĐ-CP',
  check({ model, asOf, report }) {
    const deadline = model.target(TARGET)?.deadline ?? undefined;
    const late = deadline !== undefined && asOf > deadline;
    for (const it of model.all('integration')) {
      // Infrastructure and network links carry no business data: the sharing rules do not apply.
      if (!isDataSharing(it)) continue;
      if (!isActiveIntegration(it) || it.mandatory !== true || it.channel === 'ndop') continue;
      const name = entityTitle(model, it.ref);
      report({
        entity: it.ref,
        path: ['channel'],
        severity: late ? 'error' : 'warning',
        message: text(
          `${name.vi} thuộc diện chia sẻ dữ liệu bắt buộc nhưng chưa thực hiện qua NDOP${deadline ? ` (thời hạn ${viShortDate(deadline)})` : ''}.`,
          `${name.en} is mandatory sharing but does not run through NDOP${deadline ? ` (deadline ${deadline})` : ''}.`,
        ),
        fix: text('Chuyển kết nối sang NDOP (channel: ndop) theo hướng dẫn của Bộ Công an.', 'Move the integration to NDOP (channel: ndop).'),
      });
    }
  },
});

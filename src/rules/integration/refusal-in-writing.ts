/** A refusal to share data is made in writing, with reasons and its legal basis. Source: NĐ 194/2025/NĐ-CP Điều 16. */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { isDataSharing } from '../../model/roles.js';

export const integrationRefusalInWriting = defineEntityRule({
  id: 'integration.refusal-in-writing',
  severity: 'error',
  confirmed: true,
  description: text(
    'Từ chối chia sẻ dữ liệu phải bằng văn bản, nêu rõ lý do và căn cứ pháp lý.',
    'A refusal to share data must be in writing, with reasons and its legal basis.',
  ),
  help: text(
    'NĐ 194/2025/NĐ-CP Điều 16: dữ liệu dùng chung, dữ liệu mở được chia sẻ mặc định khi có yêu cầu; trường hợp từ chối phải trả lời bằng văn bản, nêu rõ lý do và căn cứ pháp lý. Khai báo refusal: { written: true, legalBasis: "…", date: … }.',
    'Decree 194/2025 Article 16: shared and open data is shared by default on request; a refusal must be written, with reasons and its legal basis. Declare refusal: { written: true, legalBasis: "…", date: … }.',
  ),
  legalRef: 'NĐ 194/2025/NĐ-CP Điều 16',
  kind: 'integration',
  check({ model, report, entity: it }) {
    // Infrastructure and network links carry no business data: the sharing rules do not apply.
    if (!isDataSharing(it)) return;
    const r = it.refusal;
    if (!r) return;
    const name = entityTitle(model, it.ref);
    if (r.written !== true) {
      report({
        entity: it.ref,
        path: ['refusal', 'written'],
        message: text(`${name.vi}: yêu cầu chia sẻ dữ liệu bị từ chối nhưng không có văn bản trả lời.`, `${name.en}: the sharing request was refused without a written answer.`),
        fix: text('Ban hành văn bản từ chối nêu lý do và căn cứ pháp lý; khai báo refusal.written: true, refusal.legalBasis.', 'Issue a written refusal with reasons and legal basis; declare refusal.written: true and refusal.legalBasis.'),
      });
    } else if (r.legalBasis === undefined) {
      report({
        entity: it.ref,
        path: ['refusal'],
        part: 'key',
        message: text(`${name.vi}: văn bản từ chối chia sẻ dữ liệu không nêu căn cứ pháp lý.`, `${name.en}: the written refusal states no legal basis.`),
        fix: text('Bổ sung refusal.legalBasis (văn bản, điều khoản làm căn cứ từ chối).', 'Add refusal.legalBasis (the instrument and article relied on).'),
      });
    }
  },
});

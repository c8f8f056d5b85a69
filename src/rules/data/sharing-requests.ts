/** Shared and open data is provided on request; a refusal is made in writing with reasons. Source: NĐ 194/2025/NĐ-CP Điều 16. */
import { entityTitle } from '../../analysis/names.js';
import { parsePeriod } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

export const dataSharingRequests = defineRule({
  id: 'data.sharing-requests',
  severity: 'error',
  confirmed: true,
  description: text(
    'Yêu cầu chia sẻ dữ liệu dùng chung, dữ liệu mở phải được đáp ứng, hoặc từ chối bằng văn bản nêu rõ lý do.',
    'Requests for shared or open data must be met, or refused in writing with reasons.',
  ),
  help: text(
    'Theo NĐ 194/2025/NĐ-CP Điều 16, dữ liệu dùng chung và dữ liệu mở được chia sẻ mặc định khi có yêu cầu; từ chối phải bằng văn bản, nêu lý do và căn cứ pháp lý. Với mỗi kỳ đã kết thúc, số yêu cầu nhận được phải bằng số đáp ứng cộng số từ chối bằng văn bản (sharingRequests: received, met, refusedInWriting).',
    'Under Decree 194/2025 Article 16, shared and open data is shared by default on request; a refusal must be written, with reasons and legal grounds. For every closed period, received must equal met plus refusedInWriting.',
  ),
  legalRef: 'NĐ 194/2025/NĐ-CP Điều 16',
  check({ model, asOf, report }) {
    for (const d of model.all('dataset')) {
      if (d.sharing === 'restricted') continue;
      (d.sharingRequests ?? []).forEach((r, i) => {
        const period = parsePeriod(r.period);
        if (!period || period.end >= asOf) return;
        const unanswered = r.received - r.met - (r.refusedInWriting ?? 0);
        if (unanswered <= 0) return;
        const name = entityTitle(model, d.ref);
        report({
          entity: d.ref,
          path: ['sharingRequests', i, 'met'],
          message: text(
            `${name.vi}: trong ${period.labelVi.charAt(0).toLowerCase()}${period.labelVi.slice(1)} có ${unanswered}/${r.received} yêu cầu chia sẻ không được đáp ứng và không có văn bản từ chối.`,
            `${name.en}: in ${period.labelEn}, ${unanswered} of ${r.received} sharing requests were neither met nor refused in writing.`,
          ),
          fix: text('Đáp ứng các yêu cầu còn lại, hoặc ban hành văn bản từ chối nêu lý do và căn cứ; cập nhật met, refusedInWriting.', 'Meet the remaining requests or refuse them in writing; update met and refusedInWriting.'),
        });
      });
    }
  },
});

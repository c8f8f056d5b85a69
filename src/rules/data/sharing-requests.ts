/** Shared and open data is provided on request; a refusal is made in writing with reasons. Source: NĐ 194/2025/NĐ-CP Điều 16. */
import { entityTitle, lowerFirst } from '../../analysis/names.js';
import { parsePeriod, type IsoDate, type Period } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const dataSharingRequests = defineEntityRule({
  id: 'data.sharing-requests',
  severity: 'error',
  confirmed: true,
  description: text(
    'Yêu cầu chia sẻ dữ liệu dùng chung, dữ liệu mở phải được đáp ứng, hoặc từ chối bằng văn bản nêu rõ lý do.',
    'Requests for shared or open data must be met, or refused in writing with reasons.',
  ),
  help: text(
    'Theo NĐ 194/2025/NĐ-CP Điều 16, dữ liệu dùng chung và dữ liệu mở được chia sẻ mặc định khi có yêu cầu; từ chối phải bằng văn bản, nêu lý do và căn cứ pháp lý. Với kỳ gần nhất đã kết thúc, số yêu cầu nhận được phải bằng số đáp ứng, cộng số từ chối bằng văn bản, cộng số đang xử lý (sharingRequests: received, met, refusedInWriting, pending).',
    'Under Decree 194/2025 Article 16, shared and open data is shared by default on request; a refusal must be written, with reasons and legal grounds. For the latest closed period, received must equal met plus refusedInWriting plus pending.',
  ),
  legalRef: 'NĐ 194/2025/NĐ-CP Điều 16',
  kind: 'dataset',
  check({ model, asOf, report, entity: d }) {
    if (d.sharing === 'restricted') return;
    const latest = latestClosedPeriod(d.sharingRequests ?? [], asOf);
    if (!latest) return;
    const { index, entry: r, period } = latest;
    const unanswered = r.received - r.met - (r.refusedInWriting ?? 0) - (r.pending ?? 0);
    if (unanswered <= 0) return;
    const name = entityTitle(model, d.ref);
    report({
      entity: d.ref,
      path: ['sharingRequests', index, 'met'],
      message: text(
        `${name.vi}: trong ${lowerFirst(period.labelVi)} có ${unanswered}/${r.received} yêu cầu chia sẻ không được đáp ứng, không có văn bản từ chối và không ghi là đang xử lý.`,
        `${name.en}: in ${period.labelEn}, ${unanswered} of ${r.received} sharing requests were neither met, refused in writing, nor pending.`,
      ),
      fix: text('Đáp ứng các yêu cầu còn lại, hoặc ban hành văn bản từ chối nêu lý do và căn cứ; cập nhật met, refusedInWriting, pending.', 'Meet the remaining requests or refuse them in writing; update met, refusedInWriting and pending.'),
    });
  },
});

/** The entry of the latest period that ended on or before `asOf`; earlier periods are history the agency can no longer act on. */
function latestClosedPeriod<T extends { readonly period: string }>(entries: readonly T[], asOf: IsoDate): { index: number; entry: T; period: Period } | undefined {
  let best: { index: number; entry: T; period: Period } | undefined;
  entries.forEach((entry, index) => {
    const period = parsePeriod(entry.period);
    if (!period || period.end > asOf) return;
    if (!best || period.end >= best.period.end) best = { index, entry, period };
  });
  return best;
}

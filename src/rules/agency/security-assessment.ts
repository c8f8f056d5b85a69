/** The agency's systems and databases undergo periodic information-security assessment. Source: CV 1215/TTg-KSTT (provincial implementing directive, item 2). */
import { entityTitle } from '../../analysis/names.js';
import { addDays, viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { thresholdNumber } from '../../framework/types.js';
import { defineRule } from '../define-rule.js';
import { at } from '../finding-path.js';

export const agencySecurityAssessment = defineRule({
  id: 'agency.security-assessment',
  severity: 'warning',
  // The assessment period is not set by the seed; the pack threshold is a configurable value.
  confirmed: false,
  description: text(
    'Hệ thống, cơ sở dữ liệu của cơ quan phải được đánh giá an toàn thông tin định kỳ.',
    'The agency\'s systems and databases must undergo periodic information-security assessment.',
  ),
  help: text(
    'Văn bản triển khai CV 1215/TTg-KSTT (mục 2) giao Công an tỉnh tổ chức đánh giá an toàn thông tin định kỳ đối với các hệ thống, cơ sở dữ liệu. Chu kỳ chưa được quy định; bộ khung dùng ngưỡng securityAssessmentMaxAgeDays (giá trị cấu hình), nên quy tắc chỉ cảnh báo. Khai báo security.lastAssessment: { date, by, result }.',
    'The directive implementing Official Letter 1215 (item 2) requires periodic security assessment. The period is not set; the pack threshold securityAssessmentMaxAgeDays is configurable, so this only warns. Declare security.lastAssessment: { date, by, result }.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  check({ model, asOf, report }) {
    const a = model.agency;
    if (!a) return;
    const maxAge = thresholdNumber(model.pack, 'securityAssessmentMaxAgeDays', 365);
    const last = a.security?.lastAssessment;
    const name = entityTitle(model, a.ref);
    if (!last) {
      report({
        entity: a.ref,
        ...at(a, ['security', 'lastAssessment']),
        message: text(`${name.vi} chưa ghi nhận lần đánh giá an toàn thông tin nào.`, `${name.en} records no information-security assessment.`),
        fix: text('Khai báo security.lastAssessment: { date, by, result } sau khi được đánh giá.', 'Declare security.lastAssessment: { date, by, result }.'),
      });
      return;
    }
    if (addDays(last.date, maxAge) < asOf) {
      report({
        entity: a.ref,
        path: ['security', 'lastAssessment', 'date'],
        message: text(
          `${name.vi}: lần đánh giá an toàn thông tin gần nhất (${viShortDate(last.date)}) đã quá ${maxAge} ngày.`,
          `${name.en}: the latest security assessment (${last.date}) is older than ${maxAge} days.`,
        ),
        fix: text('Đề nghị Công an tỉnh đánh giá lại và cập nhật security.lastAssessment.', 'Request a new assessment and update security.lastAssessment.'),
      });
    }
  },
});

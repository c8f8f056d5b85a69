/** Sensitive personal data needs documented protection measures. Source: Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; NĐ 356/2025/NĐ-CP. */
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';
import { at } from '../finding-path.js';

/** The law's id in the framework pack; before it takes effect the finding is only a warning. */
const LAW_ID = 'luat-bvdlcn-2025';

export const dataSensitiveProtection = defineRule({
  id: 'data.sensitive-protection',
  severity: 'error',
  confirmed: true,
  description: text(
    'Tập dữ liệu chứa dữ liệu cá nhân nhạy cảm phải có biện pháp bảo vệ được mô tả.',
    'A dataset holding sensitive personal data must document its protection measures.',
  ),
  help: text(
    'Dữ liệu cá nhân nhạy cảm (sức khỏe, sinh trắc học, tài chính, quan điểm chính trị, tôn giáo…) được bảo vệ tăng cường theo Luật Bảo vệ dữ liệu cá nhân 2025 (hiệu lực từ 01/01/2026) và NĐ 356/2025/NĐ-CP. Mô tả biện pháp trong protection.measures; ghi ngày lập hồ sơ đánh giá tác động trong protection.impactAssessment. Trước ngày luật có hiệu lực, phát hiện chỉ là cảnh báo.',
    'Sensitive personal data (health, biometrics, finance, political or religious views…) needs reinforced protection under the 2025 Personal Data Protection Law (in force 1 January 2026) and Decree 356/2025. Describe the measures in protection.measures. Before the law takes effect the finding is a warning.',
  ),
  legalRef: 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; NĐ 356/2025/NĐ-CP',
  check({ model, asOf, report }) {
    const effective = model.pack.legal.find((l) => l.id === LAW_ID)?.effective;
    const early = effective !== undefined && asOf < effective;
    for (const d of model.all('dataset')) {
      if (d.personalData !== 'sensitive' || d.protection?.measures !== undefined) continue;
      const name = entityTitle(model, d.ref);
      const note = early && effective ? ` (Luật có hiệu lực từ ${viShortDate(effective)}.)` : '';
      report({
        entity: d.ref,
        ...at(d, ['protection', 'measures']),
        ...(early ? { severity: 'warning' as const } : {}),
        message: text(
          `${name.vi} chứa dữ liệu cá nhân nhạy cảm nhưng chưa mô tả biện pháp bảo vệ.${note}`,
          `${name.en} holds sensitive personal data but documents no protection measures.`,
        ),
        fix: text('Thêm protection.measures (biện pháp quản lý, kỹ thuật) và protection.impactAssessment (ngày lập hồ sơ đánh giá tác động).', 'Add protection.measures and protection.impactAssessment.'),
      });
    }
  },
});

/** A level-1 system is an internal system processing public information only; personal or state-secret information rules it out. Source: NĐ 85/2016/NĐ-CP Điều 7. */
import { entityTitle } from '../../analysis/names.js';
import { sensitiveInfoReasons } from '../../analysis/systems.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const systemLevelOneSensitive = defineEntityRule({
  id: 'system.level-one-sensitive',
  severity: 'error',
  confirmed: true,
  description: text(
    'Hệ thống xử lý thông tin cá nhân hoặc thông tin bí mật nhà nước không được xác định ở cấp độ 1.',
    'A system that processes personal or state-secret information cannot be classified at level 1.',
  ),
  help: text(
    'Theo NĐ 85/2016/NĐ-CP, cấp độ 1 chỉ dành cho hệ thống phục vụ hoạt động nội bộ và chỉ xử lý thông tin công cộng. Hệ thống có thông tin cá nhân (khai báo trong infoClasses, hoặc lưu tập dữ liệu có personalData) hay bí mật nhà nước phải được xác định lại cấp độ từ cấp độ 2 trở lên.',
    'Under Decree 85/2016, level 1 is for internal systems processing public information only. A system with personal information (infoClasses, or a hosted dataset with personalData) or state secrets must be re-classified at level 2 or above.',
  ),
  legalRef: 'NĐ 85/2016/NĐ-CP Điều 7',
  kind: 'system',
  check({ model, report, entity: s }) {
    if (s.security?.level !== 1 || s.status === 'retired') return;
    const why = sensitiveInfoReasons(model, s);
    if (why.personal.length === 0 && why.secret.length === 0) return;
    const kinds = [why.personal.length ? 'thông tin cá nhân' : '', why.secret.length ? 'thông tin bí mật nhà nước' : ''].filter(Boolean).join(' và ');
    const kindsEn = [why.personal.length ? 'personal information' : '', why.secret.length ? 'state-secret information' : ''].filter(Boolean).join(' and ');
    const datasets = [...new Set([...why.personal, ...why.secret])].filter((r) => r !== 'infoClasses').map((r) => `"${model.shortNameOf(r)}"`);
    const via = datasets.length ? ` (lưu ${datasets.join(', ')})` : '';
    const viaEn = datasets.length ? ` (hosts ${datasets.join(', ')})` : '';
    const name = entityTitle(model, s.ref);
    report({
      entity: s.ref,
      path: ['security', 'level'],
      message: text(
        `${name.vi} được xác định cấp độ 1 nhưng xử lý ${kinds}${via}; cấp độ 1 chỉ dành cho hệ thống nội bộ xử lý thông tin công cộng.`,
        `${name.en} is classified at level 1 but processes ${kindsEn}${viaEn}; level 1 is for internal systems with public information only.`,
      ),
      fix: text('Xác định lại cấp độ (từ cấp độ 2 trở lên), lập và trình phê duyệt hồ sơ đề xuất cấp độ mới.', 'Re-classify the system (level 2 or above) and get the new dossier approved.'),
    });
  },
});

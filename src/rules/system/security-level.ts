/** Every information system in use must have its security level determined and approved. Source: NĐ 85/2016/NĐ-CP Điều 12–17. */
import { entityTitle } from '../../analysis/names.js';
import { isInSecurityScope } from '../../analysis/systems.js';
import { text } from '../../core/text.js';
import { isUnknown } from '../../core/unknown.js';
import { defineEntityRule } from '../define-rule.js';

export const systemSecurityLevel = defineEntityRule({
  id: 'system.security-level',
  severity: 'error',
  confirmed: true,
  description: text(
    'Hệ thống thông tin đang xây dựng hoặc vận hành phải được xác định cấp độ an toàn và có quyết định phê duyệt cấp độ.',
    'An information system being built or in operation must have its security level determined and approved by decision.',
  ),
  help: text(
    'Chủ quản hệ thống lập hồ sơ đề xuất cấp độ (cấp độ 1–5) theo NĐ 85/2016/NĐ-CP, trình thẩm định và phê duyệt; khai báo security.level, security.dossier: approved và security.decision (số, ngày).',
    'The system owner prepares the security-level dossier (levels 1–5) under Decree 85/2016, has it appraised and approved; declare security.level, security.dossier: approved and security.decision (number, date).',
  ),
  legalRef: 'Luật An toàn thông tin mạng 2015; NĐ 85/2016/NĐ-CP Điều 12–17',
  kind: 'system',
  check({ model, report, entity: s }) {
    if (!isInSecurityScope(s)) return;
    const level = s.security?.level;
    // A level or dossier declared "chưa xác định" is reported once, by system.unknown-fact.
    if (isUnknown(level) || isUnknown(s.security?.dossier)) return;
    const name = entityTitle(model, s.ref);
    if (level === undefined) {
      report({
        entity: s.ref,
        path: s.security ? ['security'] : [],
        part: 'key',
        message: text(`${name.vi} chưa được xác định cấp độ an toàn hệ thống thông tin.`, `${name.en} has no security level.`),
        fix: text('Lập hồ sơ đề xuất cấp độ và khai báo security.level (1–5).', 'Prepare the level dossier and declare security.level (1–5).'),
      });
      return;
    }
    if (s.security?.dossier !== 'approved' || s.security.decision === undefined) {
      report({
        entity: s.ref,
        path: s.security?.dossier !== undefined ? ['security', 'dossier'] : ['security', 'level'],
        message: text(
          `${name.vi} (cấp độ ${level}) chưa có quyết định phê duyệt cấp độ an toàn.`,
          `${name.en} (level ${level}) has no approved security-level decision.`,
        ),
        fix: text('Trình phê duyệt hồ sơ đề xuất cấp độ; khai báo security.dossier: approved và security.decision (số, ngày).', 'Get the dossier approved; declare security.dossier: approved and security.decision (number, date).'),
      });
    }
  },
});

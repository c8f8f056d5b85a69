/** Every public service names the system that handles its dossiers, and that system still runs. Source: QĐ 3090/QĐ-BKHCN (lớp ứng dụng và nghiệp vụ dùng chung: hệ thống thông tin giải quyết thủ tục hành chính); QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a. */
import { entityTitle } from '../../analysis/names.js';
import { isUnknown } from '../../core/unknown.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const serviceHandlingSystem = defineEntityRule({
  id: 'service.handling-system',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Mỗi dịch vụ công phải nêu hệ thống giải quyết hồ sơ, và hệ thống đó còn hoạt động.',
    'Every public service must name the system that handles its dossiers, and that system must still run.',
  ),
  help: text(
    'Kiến trúc nghiệp vụ gắn mỗi dịch vụ công với hệ thống ở lớp ứng dụng và nghiệp vụ dùng chung (QĐ 3090/QĐ-BKHCN) — thường là Hệ thống thông tin giải quyết thủ tục hành chính — để thấy dịch vụ nào bị ảnh hưởng khi hệ thống thay đổi. Ghi "handledBy: system:…" (hoặc "chưa xác định" khi chưa biết). Dịch vụ còn gắn với hệ thống đã dừng (status: retired) hoặc đang dừng (retiring) cần chuyển sang hệ thống thay thế (replacedBy).',
    'The business architecture ties each service to a system of the shared applications layer (QĐ 3090/QĐ-BKHCN) — usually the procedure-handling system — so the services a system change affects are known. Write "handledBy: system:…" (or "chưa xác định" when not yet known). A service still tied to a retired or retiring system must move to its replacement (replacedBy).',
  ),
  legalRef: 'QĐ 3090/QĐ-BKHCN; QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
  kind: 'service',
  check({ model, report, entity: s }) {
    const name = entityTitle(model, s.ref);
    if (s.handledBy === undefined) {
      report({
        entity: s.ref,
        part: 'key',
        message: text(`${name.vi} chưa nêu hệ thống giải quyết hồ sơ.`, `${name.en} names no system handling its dossiers.`),
        fix: text('Thêm "handledBy: system:<hệ thống giải quyết TTHC>", hoặc "handledBy: chưa xác định" khi chưa biết.', 'Add "handledBy: system:<handling system>", or "handledBy: chưa xác định" when not yet known.'),
      });
      return;
    }
    if (isUnknown(s.handledBy)) return; // service.unknown-fact reports it
    const sys = model.get<'system'>(s.handledBy);
    if (!sys || sys.entityKind !== 'system' || (sys.status !== 'retired' && sys.status !== 'retiring')) return;
    const repl = sys.replacedBy;
    const retired = sys.status === 'retired';
    report({
      entity: s.ref,
      path: ['handledBy'],
      severity: retired ? 'warning' : 'info',
      message: text(
        `${name.vi} do ${model.shortNameOf(sys.ref)} giải quyết, hệ thống ${retired ? 'đã dừng hoạt động' : 'đang dừng, chuyển đổi'}${repl ? ` (thay thế bởi ${model.shortNameOf(repl)})` : ''}.`,
        `${name.en} is handled by ${model.shortNameOf(sys.ref)}, which is ${retired ? 'retired' : 'being retired'}${repl ? ` (replaced by ${model.shortNameOf(repl)})` : ''}.`,
      ),
      fix: repl
        ? text(`Sửa "handledBy" thành "${repl}".`, `Change "handledBy" to "${repl}".`)
        : text('Chuyển dịch vụ sang hệ thống đang vận hành và sửa "handledBy".', 'Move the service to a running system and update "handledBy".'),
    });
  },
});

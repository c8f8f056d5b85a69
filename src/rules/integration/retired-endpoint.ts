/** Connections in use must point at systems that still run. Source: CV 1215/TTg-KSTT (bảo đảm kết nối, chia sẻ, liên thông dữ liệu). */
import { isActiveIntegration, resolveEndpoint } from '../../analysis/endpoints.js';
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

export const integrationRetiredEndpoint = defineEntityRule({
  id: 'integration.retired-endpoint',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Kết nối đang dùng hoặc dự kiến không được trỏ tới hệ thống đã dừng hoạt động.',
    'An integration in use or planned must not point at a retired system.',
  ),
  help: text(
    'Văn bản triển khai CV 1215/TTg-KSTT yêu cầu bảo đảm kết nối, chia sẻ, liên thông dữ liệu và chịu trách nhiệm về tính chính xác của dữ liệu. Một kết nối còn hiệu lực tới hệ thống đã dừng (status: retired) là kết nối chết hoặc mô hình chưa cập nhật: chuyển kết nối sang hệ thống thay thế (replacedBy) hoặc đặt status: retired cho kết nối.',
    'The directive implementing Official Letter 1215 requires working data connections. A live or planned integration to a retired system is dead or out of date: move it to the replacement (replacedBy) or retire it.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  kind: 'integration',
  check({ model, report, entity: it }) {
    if (!isActiveIntegration(it) || it.status === 'suspended') return;
    for (const side of ['from', 'to'] as const) {
      const e = resolveEndpoint(model, it[side]);
      if (e.kind !== 'system' || e.system.status !== 'retired') continue;
      const name = entityTitle(model, it.ref);
      const repl = e.system.replacedBy;
      report({
        entity: it.ref,
        path: [side],
        message: text(
          `${name.vi} vẫn trỏ tới ${model.shortNameOf(e.ref)}, hệ thống đã dừng hoạt động${repl ? ` (thay thế bởi ${model.shortNameOf(repl)})` : ''}.`,
          `${name.en} still points at ${model.shortNameOf(e.ref)}, which is retired${repl ? ` (replaced by ${model.shortNameOf(repl)})` : ''}.`,
        ),
        fix: repl
          ? text(`Sửa "${side}" thành "${repl}", hoặc đặt status: retired cho kết nối.`, `Change "${side}" to "${repl}", or retire the integration.`)
          : text('Chuyển kết nối sang hệ thống đang vận hành, hoặc đặt status: retired cho kết nối.', 'Point it at a running system, or retire the integration.'),
      });
    }
  },
});

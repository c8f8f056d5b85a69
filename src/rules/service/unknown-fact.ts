/** A public-service fact declared "chưa xác định" is a gap to close (provider, online level, eligibility, handling system). Source: QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a. */
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { reportUnknownFacts } from '../unknown-fact.js';

export const serviceUnknownFact = defineEntityRule({
  id: 'service.unknown-fact',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Thông tin của dịch vụ công đang ghi "chưa xác định" cần được xác định.',
    'A public-service fact recorded as "not yet known" must be established.',
  ),
  help: text(
    'Các chỉ tiêu dịch vụ công của QĐ 1751/QĐ-TTg (tỷ lệ thủ tục đủ điều kiện được cung cấp trực tuyến toàn trình, tỷ lệ hồ sơ trực tuyến) chỉ tính được khi biết cơ quan cung cấp, mức độ trực tuyến, điều kiện cung cấp toàn trình và hệ thống giải quyết. Ghi "chưa xác định" thay vì đoán: mỗi giá trị là một cảnh báo, được đếm trong báo cáo khoảng cách và có thể giao nhiệm vụ ("addresses: [service:…]").',
    'The service KPIs of QĐ 1751/QĐ-TTg (eligible procedures fully online, dossiers online) can only be computed when the provider, online level, eligibility and handling system are known. Write "chưa xác định" instead of guessing: each is a warning, counted in the gap report, and a task can address it ("addresses: [service:…]").',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
  kind: 'service',
  check: reportUnknownFacts,
});

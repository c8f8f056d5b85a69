/** A system fact declared "chưa xác định" is a gap to close (owner, operator, security level …). Source: NĐ 85/2016/NĐ-CP Điều 3, Điều 12–17 (chủ quản, cấp độ an toàn); Luật An toàn thông tin mạng 2015. */
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { reportUnknownFacts } from '../unknown-fact.js';

export const systemUnknownFact = defineEntityRule({
  id: 'system.unknown-fact',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Thông tin bắt buộc của hệ thống đang ghi "chưa xác định" cần được xác định.',
    'A required system fact recorded as "not yet known" must be established.',
  ),
  help: text(
    'Lần kiểm kê đầu tiên thường chưa biết chủ quản, đơn vị vận hành hay cấp độ an toàn của mọi hệ thống. Ghi "chưa xác định" (hoặc "unknown") thay vì bịa giá trị: kho kiến trúc vẫn kiểm tra đạt, mỗi giá trị chưa xác định là một cảnh báo, được đếm trong báo cáo khoảng cách và có thể giao nhiệm vụ khắc phục ("addresses: [system:…]").',
    'A first inventory rarely knows every owner, operator or security level. Write "chưa xác định" (or "unknown") instead of inventing a value: the repository still validates, each unknown is a warning counted in the gap report, and a task can address it ("addresses: [system:…]").',
  ),
  legalRef: 'NĐ 85/2016/NĐ-CP Điều 3, Điều 12–17',
  kind: 'system',
  check: reportUnknownFacts,
});

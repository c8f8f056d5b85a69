/** A dataset fact declared "chưa xác định" is a gap to close (owner, classification …). Source: Luật Dữ liệu 60/2024/QH15 (chủ sở hữu, phân loại dữ liệu); QĐ 1751/QĐ-TTg mục IV.2.a (hoàn thành phân loại dữ liệu). */
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { reportUnknownFacts } from '../unknown-fact.js';

export const dataUnknownFact = defineEntityRule({
  id: 'data.unknown-fact',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Thông tin bắt buộc của cơ sở dữ liệu đang ghi "chưa xác định" cần được xác định.',
    'A required dataset fact recorded as "not yet known" must be established.',
  ),
  help: text(
    'Chủ sở hữu, chủ quản và phân loại dữ liệu (dùng chung/dùng riêng/mở, cốt lõi/quan trọng, dữ liệu cá nhân) thường chưa có khi kiểm kê lần đầu. Ghi "chưa xác định" thay vì đoán: mỗi giá trị là một cảnh báo trong báo cáo khoảng cách, cho tới khi được xác định hoặc có nhiệm vụ khắc phục.',
    'Owner, custodian and classification are often unknown at the first inventory. Write "chưa xác định" instead of guessing: each is a warning in the gap report until it is established or a task addresses it.',
  ),
  legalRef: 'Luật Dữ liệu 60/2024/QH15; QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
  kind: 'dataset',
  check: reportUnknownFacts,
});

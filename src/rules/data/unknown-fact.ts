/** A dataset fact declared "chưa xác định" is a gap to close (owner, classification …). Source: Luật Dữ liệu 60/2024/QH15 (chủ sở hữu, phân loại dữ liệu); QĐ 1751/QĐ-TTg mục IV.2.a (hoàn thành phân loại dữ liệu). */
import { entityTitle } from '../../analysis/names.js';
import { unknownFacts } from '../../analysis/unknowns.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

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
  check({ model, report, entity: d }) {
    for (const fact of unknownFacts(d)) {
      const name = entityTitle(model, d.ref);
      report({
        entity: d.ref,
        path: fact.path,
        message: text(`${name.vi}: "${fact.field}" chưa xác định.`, `${name.en}: "${fact.field}" is not yet known.`),
        fix: text(`Xác định và ghi giá trị cho "${fact.field}", hoặc giao nhiệm vụ có "addresses: [${d.ref}]".`, `Establish "${fact.field}", or add a task with "addresses: [${d.ref}]".`),
      });
    }
  },
});

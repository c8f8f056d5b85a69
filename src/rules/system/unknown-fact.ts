/** A system fact declared "chưa xác định" is a gap to close (owner, operator, security level …). Source: NĐ 85/2016/NĐ-CP Điều 3, Điều 12–17 (chủ quản, cấp độ an toàn); Luật An toàn thông tin mạng 2015. */
import { entityTitle } from '../../analysis/names.js';
import { unknownFacts } from '../../analysis/unknowns.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

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
  check({ model, report, entity: s }) {
    for (const fact of unknownFacts(s)) {
      const name = entityTitle(model, s.ref);
      report({
        entity: s.ref,
        path: fact.path,
        message: text(`${name.vi}: "${fact.field}" chưa xác định.`, `${name.en}: "${fact.field}" is not yet known.`),
        fix: text(`Xác định và ghi giá trị cho "${fact.field}", hoặc giao nhiệm vụ có "addresses: [${s.ref}]".`, `Establish "${fact.field}", or add a task with "addresses: [${s.ref}]".`),
      });
    }
  },
});

/** Every planned change of the architecture is delivered by a task of the roadmap. Source: CV 1215/TTg-KSTT (lộ trình rõ ràng, gắn với phân bổ nguồn lực cụ thể). */
import { fieldLabel } from '../../analysis/field-labels.js';
import { entityTitle } from '../../analysis/names.js';
import { parseRef } from '../../core/ref.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { transitionsOf } from '../../model/states.js';
import { defineRule } from '../define-rule.js';

export const taskTransitionUnassigned = defineRule({
  id: 'task.transition-unassigned',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Mỗi chuyển đổi theo kế hoạch (transitions) phải gắn với nhiệm vụ thực hiện.',
    'Every planned transition must name the task that delivers it.',
  ),
  help: text(
    'Kiến trúc phải được triển khai có lộ trình rõ ràng, gắn với nguồn lực (văn bản triển khai CV 1215/TTg-KSTT). Lộ trình từ hiện trạng tới kiến trúc mục tiêu được tính từ các chuyển đổi (transitions) của hệ thống, tập dữ liệu, kết nối: một chuyển đổi không có "task" là một bước chưa có ai thực hiện, chưa có kinh phí. Thêm "task: task:<nhiệm vụ>" vào chuyển đổi, hoặc khai báo nhiệm vụ mới trong architecture/tasks.',
    'Implementation needs a roadmap tied to resources (Official Letter 1215). The roadmap from the current state to the target is computed from the transitions of systems, datasets and integrations: a transition without "task" is a step nobody delivers and nothing funds. Add "task: task:<id>" to it, or declare a new task in architecture/tasks.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  check({ model, report }) {
    for (const t of transitionsOf(model)) {
      if (t.kind !== 'change' || t.task !== undefined) continue;
      const name = entityTitle(model, t.entity);
      const kind = parseRef(t.entity)?.kind ?? '';
      const labels = t.changes.map((c) => fieldLabel(kind, c.field));
      const raw = t.changes.map((c) => c.field).join(', ');
      const fields = text(labels.map((l) => l.vi).join(', '), labels.map((l) => l.en).join(', '));
      report({
        entity: t.entity,
        path: t.path,
        part: 'key',
        message: text(
          `${name.vi}: chuyển đổi có hiệu lực ${viShortDate(t.date)} (thay đổi ${fields.vi}) chưa gắn nhiệm vụ thực hiện.`,
          `${name.en}: the transition in force from ${t.date} (changing ${fields.en}) names no delivering task.`,
        ),
        fix: text(
          `Thêm "task: task:<nhiệm vụ>" vào chuyển đổi (set: ${raw}; nhiệm vụ trong architecture/tasks).`,
          `Add "task: task:<id>" to the transition (set: ${raw}; a task in architecture/tasks).`,
        ),
      });
    }
  },
});

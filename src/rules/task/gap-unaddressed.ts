/** Every gap the checks find is closed by a task of the roadmap. Source: CV 1215/TTg-KSTT (lộ trình rõ ràng, gắn với phân bổ nguồn lực cụ thể). */
import { gapFindingsByEntity, gapOf, isGapCode } from '../../analysis/gaps.js';
import { entityTitle } from '../../analysis/names.js';
import { compareRefs } from '../../core/ref.js';
import { text } from '../../core/text.js';
import { defineFindingsEntityRule } from '../define-rule.js';

export const taskGapUnaddressed = defineFindingsEntityRule({
  id: 'task.gap-unaddressed',
  severity: 'warning',
  confirmed: true,
  findingsOf: isGapCode,
  description: text(
    'Mỗi tồn tại phát hiện được (lỗi, cảnh báo chưa miễn trừ) phải có nhiệm vụ khắc phục.',
    'Every gap found (unwaived errors and warnings) must be addressed by a task.',
  ),
  help: text(
    'Kiến trúc phải được triển khai có lộ trình rõ ràng, gắn với nguồn lực (văn bản triển khai CV 1215/TTg-KSTT). Với mỗi hệ thống, tập dữ liệu, kết nối hay cơ quan có phát hiện, khai báo nhiệm vụ có "addresses: [<tham chiếu>]", hoặc miễn trừ phát hiện trong kientruc.config.yaml. Chỉ tiêu được kiểm tra riêng bởi kpi.task-coverage.',
    'Implementation needs a roadmap tied to resources (Official Letter 1215). For every system, dataset, integration or body with findings, declare a task with "addresses: [<ref>]", or waive the finding in kientruc.config.yaml. KPIs are checked by kpi.task-coverage.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  // Entity by entity (an edit judges again only the entities whose gap findings or tasks changed).
  group: gapFindingsByEntity,
  // The groups' order (gapFindingsByEntity sorts by ref): an edit patches the groups it changes.
  order: compareRefs,
  check({ model, entity, findings, report }) {
    const gap = gapOf(model, entity, findings);
    if (gap) {
      const name = entityTitle(model, gap.entity);
      const n = gap.findings.length;
      const k = gap.codes.length;
      // Several findings of one rule share its code: say how many rules when the counts differ.
      const byRules = n === k ? '' : text(`, theo ${k} quy tắc`, ` under ${k} rule${k > 1 ? 's' : ''}`);
      report({
        entity: gap.entity,
        part: 'key',
        message: text(
          `${name.vi} có ${n} phát hiện chưa có nhiệm vụ khắc phục${typeof byRules === 'string' ? '' : byRules.vi}: ${gap.codes.join(', ')}.`,
          `${name.en} has ${n} finding${n > 1 ? 's' : ''} no task addresses${typeof byRules === 'string' ? '' : byRules.en}: ${gap.codes.join(', ')}.`,
        ),
        fix: text(`Thêm nhiệm vụ có "addresses: [${gap.entity}]", hoặc miễn trừ các phát hiện.`, `Add a task with "addresses: [${gap.entity}]", or waive the findings.`),
      });
    }
  },
});

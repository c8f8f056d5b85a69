/** An agency KPI implementing a national target aims at least as high, and no later, than the national target. Source: CV 1215/TTg-KSTT (mục tiêu thống nhất với Khung kiến trúc tổng thể quốc gia số); QĐ 1751/QĐ-TTg Điều 1 mục IV.2. */
import { kpiGoal, nationalGoal } from '../../analysis/kpis.js';
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

const PROGRESS_UNITS = new Set(['percent', 'milestone']);

function comparable(a: string, b: string): boolean {
  return a === b || (PROGRESS_UNITS.has(a) && PROGRESS_UNITS.has(b));
}

export const kpiBelowNationalTarget = defineEntityRule({
  id: 'kpi.below-national-target',
  severity: 'error',
  confirmed: true,
  description: text(
    'Chỉ tiêu của cơ quan gắn với chỉ tiêu quốc gia không được đặt mục tiêu thấp hơn hoặc thời hạn muộn hơn chỉ tiêu quốc gia.',
    'An agency KPI linked to a national target must not aim lower, or later, than the national target.',
  ),
  help: text(
    'Chiến lược dữ liệu, Kiến trúc chuyển đổi số phải thống nhất với khung quốc gia và có mục tiêu đo lường cụ thể (CV 1215/TTg-KSTT). Khi chỉ tiêu gắn nationalTarget, target.value phải đạt ít nhất giá trị quốc gia (hoặc không vượt, với chỉ tiêu càng thấp càng tốt): mục tiêu thấp hơn là lỗi. Thời hạn muộn hơn thời hạn quốc gia là cảnh báo (thường phản ánh việc chậm đã biết, cần nhiệm vụ khắc phục) khi thời hạn quốc gia chưa qua; khi thời hạn quốc gia đã qua, thời hạn muộn hơn là thời hạn khắc phục và không bị cảnh báo. Chỉ tiêu quốc gia chưa xác nhận chỉ cho cảnh báo; chỉ tiêu đo ở cấp quốc gia (cơ quan chỉ đóng góp) không được so sánh.',
    'Strategies must align with the national framework (Official Letter 1215). A KPI with nationalTarget must aim at least at the national value (an error otherwise); a later deadline is a warning while the national deadline is still ahead (once it has passed, a later date is the catch-up date and is not reported). Unconfirmed national targets only warn; national-level targets are not compared.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; QĐ 1751/QĐ-TTg Điều 1 mục IV.2',
  kind: 'kpi',
  check({ model, asOf, report, entity: k }) {
    if (k.nationalTarget === undefined) return;
    const t = model.target(k.nationalTarget);
    const national = t ? nationalGoal(t) : undefined;
    const own = kpiGoal(k);
    if (!t || !national || !own || t.appliesTo !== 'agency') return;
    const severity = t.confirmed ? undefined : ('warning' as const);
    const name = entityTitle(model, k.ref);
    const basis = ` (${t.legalRef}${t.confirmed ? '' : ', chưa xác nhận'})`;
    const lower = national.comparator === 'lte' ? own.value > national.value : own.value < national.value;
    if (comparable(k.unit, t.unit) && lower) {
      report({
        entity: k.ref,
        path: ['target', 'value'],
        ...(severity ? { severity } : {}),
        message: text(
          `${name.vi} đặt mục tiêu ${own.value} thấp hơn chỉ tiêu quốc gia "${t.name}" là ${national.value}${basis}.`,
          `${name.en} aims at ${own.value}, below the national target "${t.nameEn}" of ${national.value}.`,
        ),
        fix: text(`Nâng target.value lên ít nhất ${national.value}, hoặc giải trình bằng miễn trừ.`, `Raise target.value to at least ${national.value}, or justify it with a waiver.`),
      });
    }
    // Once the national deadline has passed, a later agency deadline is the catch-up date, the only
    // honest one left: it cannot be "brought forward" to a past date. The missed target itself shows
    // in the KPI's progress (kpi.task-coverage, gap report).
    if (own.deadline > national.deadline && national.deadline >= asOf) {
      report({
        entity: k.ref,
        path: ['target', 'deadline'],
        // A later date usually records a delay the agency already knows of: a warning, not a block.
        severity: 'warning',
        message: text(
          `${name.vi} đặt thời hạn ${viShortDate(own.deadline)}, muộn hơn thời hạn của chỉ tiêu quốc gia "${t.name}" (${viShortDate(national.deadline)})${basis}.`,
          `${name.en} is due ${own.deadline}, later than the national target "${t.nameEn}" (${national.deadline}).`,
        ),
        fix: text(`Đưa target.deadline về ${national.deadline} hoặc sớm hơn.`, `Bring target.deadline forward to ${national.deadline} or earlier.`),
      });
    }
  },
});

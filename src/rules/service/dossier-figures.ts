/** Dossier figures of a service add up: online, processed-online and ID-tagged counts never exceed dossiers received. Source: QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a (tỷ lệ hồ sơ được xử lý trực tuyến). */
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';

const PARTS = [
  ['receivedOnline', 'tiếp nhận trực tuyến', 'received online'],
  ['processedOnline', 'xử lý trực tuyến', 'processed online'],
  ['withPersonalId', 'gắn định danh cá nhân', 'tagged with a personal ID'],
] as const;

export const serviceDossierFigures = defineEntityRule({
  id: 'service.dossier-figures',
  severity: 'error',
  confirmed: true,
  description: text(
    'Số hồ sơ trực tuyến, xử lý trực tuyến, gắn định danh của một kỳ không được vượt số hồ sơ tiếp nhận; mỗi kỳ khai báo một lần.',
    'Online, processed-online and ID-tagged dossiers of a period cannot exceed dossiers received; each period is declared once.',
  ),
  help: text(
    'Tỷ lệ hồ sơ được xử lý trực tuyến (QĐ 1751/QĐ-TTg) tính từ "dossiers" của các dịch vụ công. Số liệu vượt tổng hồ sơ tiếp nhận, hoặc một kỳ khai báo hai lần, làm sai chỉ tiêu: kiểm tra lại số liệu từ hệ thống giải quyết thủ tục hành chính.',
    'The share of dossiers processed online (QĐ 1751/QĐ-TTg) is computed from the services\' "dossiers". A count above the dossiers received, or a period declared twice, corrupts the KPI: check the figures against the procedure-handling system.',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
  kind: 'service',
  check({ model, report, entity: s }) {
    const name = entityTitle(model, s.ref);
    const seen = new Set<string>();
    (s.dossiers ?? []).forEach((d, i) => {
      if (seen.has(d.period)) {
        report({
          entity: s.ref,
          path: ['dossiers', i, 'period'],
          message: text(`${name.vi}: kỳ ${d.period} được khai báo hai lần trong số liệu hồ sơ theo kỳ.`, `${name.en}: period ${d.period} is declared twice in "dossiers".`),
          fix: text('Gộp hai dòng của kỳ này trong "dossiers" thành một.', 'Merge the two rows of this period in "dossiers" into one.'),
        });
      }
      seen.add(d.period);
      for (const [field, vi, en] of PARTS) {
        const v = d[field];
        if (v === undefined || v <= d.received) continue;
        report({
          entity: s.ref,
          path: ['dossiers', i, field],
          message: text(
            `${name.vi}: kỳ ${d.period} có ${v} hồ sơ ${vi}, nhiều hơn ${d.received} hồ sơ tiếp nhận.`,
            `${name.en}: period ${d.period} has ${v} dossiers ${en}, more than the ${d.received} received.`,
          ),
          fix: text(`Sửa "${field}" hoặc "received" theo số liệu của hệ thống giải quyết TTHC.`, `Correct "${field}" or "received" from the handling system's figures.`),
        });
      }
    });
  },
});

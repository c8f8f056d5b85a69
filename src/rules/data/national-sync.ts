/** Master and shared data, national and sectoral databases, and data linked to a national database are synchronised to the national consolidated database. Source: NĐ 278/2025/NĐ-CP; QĐ 1751/QĐ-TTg Điều 1 mục IV.2.b, VII.3.c. */
import { nationalSyncReasons } from '../../analysis/datasets.js';
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text, type Text } from '../../core/text.js';
import type { Model } from '../../model/model.js';
import type { Dataset } from '../../model/types.js';
import { defineRule } from '../define-rule.js';
import { at } from '../finding-path.js';

/** The national target whose deadline turns the finding from warning into error. */
const TARGET = 'target:csdl-dong-bo-csdl-tong-hop';

/** Why the dataset must be synchronised, in words: "dữ liệu chủ, dữ liệu dùng chung, liên kết CSDL…". */
function reasonsText(model: Model, d: Dataset, reasons: ReturnType<typeof nationalSyncReasons>): Text {
  const vi: string[] = [];
  const en: string[] = [];
  for (const r of reasons) {
    if (r === 'database') {
      vi.push(d.scope === 'national' ? 'cơ sở dữ liệu quốc gia' : 'cơ sở dữ liệu chuyên ngành');
      en.push(d.scope === 'national' ? 'national database' : 'sectoral database');
    } else if (r === 'master') {
      vi.push('dữ liệu chủ');
      en.push('master data');
    } else if (r === 'shared') {
      vi.push('dữ liệu dùng chung');
      en.push('shared data');
    } else if (r === 'nq71') {
      vi.push('thuộc Phụ lục II Nghị quyết 71/NQ-CP');
      en.push('listed in Annex II of Resolution 71');
    } else {
      const name = d.nationalDatabase ? model.nameOf(d.nationalDatabase) : '';
      vi.push(`liên kết ${name}`);
      en.push(`linked to ${name}`);
    }
  }
  return text(vi.join(', '), en.join(', '));
}

export const dataNationalSync = defineRule({
  id: 'data.national-sync',
  severity: 'error',
  confirmed: true,
  description: text(
    'Dữ liệu chủ, dữ liệu dùng chung, cơ sở dữ liệu quốc gia, chuyên ngành và dữ liệu liên kết cơ sở dữ liệu quốc gia phải được đồng bộ về Cơ sở dữ liệu tổng hợp quốc gia.',
    'Master and shared data, national and sectoral databases, and data linked to a national database must be synchronised to the national consolidated database.',
  ),
  help: text(
    'NĐ 278/2025/NĐ-CP yêu cầu dữ liệu chủ, dữ liệu dùng chung của cơ sở dữ liệu cấp bộ, cấp tỉnh đồng bộ với Cơ sở dữ liệu tổng hợp quốc gia; QĐ 1751/QĐ-TTg đặt mục tiêu 100% cơ sở dữ liệu quốc gia, chuyên ngành đồng bộ đến năm 2030 và giao địa phương đồng bộ dữ liệu theo Phụ lục II NQ 71/NQ-CP. Khai báo sync.status (planned, partial, live), kênh và thời hạn. Trước thời hạn của chỉ tiêu quốc gia, thiếu kế hoạch đồng bộ là cảnh báo; sau thời hạn là lỗi.',
    'Decree 278/2025 requires master and shared data of ministry and provincial databases to be synchronised with the national consolidated database; Decision 1751 sets 100% by 2030. Declare sync.status, channel and planned date. Before the national deadline a missing plan is a warning; after it, an error.',
  ),
  legalRef: 'NĐ 278/2025/NĐ-CP; QĐ 1751/QĐ-TTg Điều 1 mục IV.2.b, VII.3.c',
  check({ model, asOf, report }) {
    const deadline = model.target(TARGET)?.deadline ?? undefined;
    const late = deadline !== undefined && asOf > deadline;
    for (const d of model.all('dataset')) {
      const reasons = nationalSyncReasons(d);
      if (reasons.length === 0) continue;
      const name = entityTitle(model, d.ref);
      const why = reasonsText(model, d, reasons);
      const status = d.sync?.status ?? 'none';
      if (status === 'none') {
        report({
          entity: d.ref,
          ...at(d, ['sync', 'status']),
          severity: late ? 'error' : 'warning',
          message: text(
            `${name.vi} (${why.vi}) chưa được đồng bộ và chưa có kế hoạch đồng bộ về Cơ sở dữ liệu tổng hợp quốc gia${deadline ? ` (thời hạn ${viShortDate(deadline)})` : ''}.`,
            `${name.en} (${why.en}) is neither synchronised nor planned for synchronisation to the national consolidated database.`,
          ),
          fix: text('Lập kế hoạch đồng bộ qua NDOP; khai báo sync: { status: planned, plannedDate: … }.', 'Plan the synchronisation through NDOP; declare sync: { status: planned, plannedDate: … }.'),
        });
        continue;
      }
      const planned = d.sync?.plannedDate;
      if (status === 'planned' && planned !== undefined && planned < asOf) {
        report({
          entity: d.ref,
          path: ['sync', 'plannedDate'],
          severity: 'warning',
          message: text(
            `${name.vi} đã quá thời hạn kế hoạch đồng bộ về Cơ sở dữ liệu tổng hợp quốc gia (${viShortDate(planned)}) mà chưa đồng bộ.`,
            `${name.en} missed its planned synchronisation date (${planned}).`,
          ),
          fix: text('Cập nhật sync.status, hoặc điều chỉnh sync.plannedDate kèm lý do.', 'Update sync.status, or revise sync.plannedDate with a reason.'),
        });
      }
    }
  },
});

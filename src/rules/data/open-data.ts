/** Open data is published with a licence and machine-readable formats. Source: NĐ 194/2025/NĐ-CP (dữ liệu mở). */
import { isPublishedOpen } from '../../analysis/datasets.js';
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { at } from '../finding-path.js';

export const dataOpenData = defineEntityRule({
  id: 'data.open-data',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Dữ liệu mở phải được công bố, kèm giấy phép sử dụng và định dạng dữ liệu.',
    'Open data must be published with a licence and data formats.',
  ),
  help: text(
    'NĐ 194/2025/NĐ-CP quy định về dữ liệu mở phục vụ giao dịch điện tử của cơ quan nhà nước. Tập dữ liệu phân loại là dữ liệu mở (sharing: open) cần khai báo openData: license, formats (ví dụ CSV, JSON) và nơi công bố (url hoặc portal, publishedOn). Điều khoản chi tiết về giấy phép và định dạng chưa được đối chiếu văn bản gốc.',
    'Decree 194/2025 governs open data of state bodies. A dataset classified open (sharing: open) needs openData: license, formats (e.g. CSV, JSON) and where it is published (url or portal, publishedOn).',
  ),
  legalRef: 'NĐ 194/2025/NĐ-CP',
  kind: 'dataset',
  check({ model, report, entity: d }) {
    if (d.sharing !== 'open') return;
    const name = entityTitle(model, d.ref);
    const o = d.openData;
    const missing: string[] = [];
    const missingEn: string[] = [];
    if (!isPublishedOpen(d)) {
      missing.push('nơi, ngày công bố');
      missingEn.push('where and when it is published');
    }
    if (o?.license === undefined) {
      missing.push('giấy phép sử dụng');
      missingEn.push('a licence');
    }
    if (o?.formats === undefined || o.formats.length === 0) {
      missing.push('định dạng dữ liệu');
      missingEn.push('data formats');
    }
    if (missing.length === 0) return;
    report({
      entity: d.ref,
      ...at(d, ['openData', o?.license === undefined ? 'license' : o.formats === undefined ? 'formats' : 'publishedOn']),
      message: text(`${name.vi} là dữ liệu mở nhưng chưa khai báo ${missing.join(', ')}.`, `${name.en} is open data but lacks ${missingEn.join(', ')}.`),
      fix: text('Khai báo openData: { license, formats, url hoặc portal, publishedOn }.', 'Declare openData: { license, formats, url or portal, publishedOn }.'),
    });
  },
});

/** Bodies owning national or sectoral databases agree with the Ministry of Public Security a roadmap for hosting them at the National Data Center. Source: QĐ 1751/QĐ-TTg Điều 1 mục VII.3.a. */
import { isNationalOrSectoralDb } from '../../analysis/datasets.js';
import { entityTitle } from '../../analysis/names.js';
import { isInSecurityScope } from '../../analysis/systems.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { at } from '../finding-path.js';
import { datasetsOn } from '../../analysis/indexes.js';
import { systemRoles } from '../../model/roles.js';

const DB_COMPONENTS = new Set(['national-database', 'sectoral-database']);

export const systemTtdlqgRoadmap = defineEntityRule({
  id: 'system.ttdlqg-roadmap',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Hệ thống cơ sở dữ liệu quốc gia, chuyên ngành do cơ quan làm chủ quản phải có lộ trình lưu trữ tại Trung tâm dữ liệu quốc gia được thống nhất với Bộ Công an.',
    'A national or sectoral database system owned by the agency must have a National Data Center hosting roadmap agreed with the Ministry of Public Security.',
  ),
  help: text(
    'QĐ 1751/QĐ-TTg giao các bộ, ngành, địa phương phối hợp với Bộ Công an thống nhất lộ trình lưu trữ dữ liệu, sử dụng hạ tầng Trung tâm dữ liệu quốc gia đối với cơ sở dữ liệu quốc gia, chuyên ngành do mình là cơ quan chủ quản. Khai báo hosting.ttdlqgRoadmap.agreedWithBca: true và targetDate, hoặc hosting.deployment: ttdlqg khi đã chuyển.',
    'Decision 1751 requires bodies to agree with the Ministry of Public Security a roadmap for hosting their national and sectoral databases at the National Data Center. Declare hosting.ttdlqgRoadmap.agreedWithBca: true and targetDate, or hosting.deployment: ttdlqg once moved.',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Điều 1 mục VII.3.a',
  kind: 'system',
  check({ model, report, entity: s }) {
    if (!isInSecurityScope(s) || s.hosting?.deployment === 'ttdlqg') return;
    const hosted = datasetsOn(model, s.ref).filter(isNationalOrSectoralDb);
    if (!systemRoles(s).some((r) => DB_COMPONENTS.has(r.component)) && hosted.length === 0) return;
    if (s.hosting?.ttdlqgRoadmap?.agreedWithBca === true) return;
    const name = entityTitle(model, s.ref);
    const what = hosted.length ? ` (lưu ${hosted.map((d) => `"${model.shortNameOf(d.ref)}"`).join(', ')})` : '';
    report({
      entity: s.ref,
      ...at(s, ['hosting', 'ttdlqgRoadmap', 'agreedWithBca']),
      message: text(
        `${name.vi}${what} là hệ thống cơ sở dữ liệu quốc gia, chuyên ngành nhưng chưa có lộ trình lưu trữ tại Trung tâm dữ liệu quốc gia được thống nhất với Bộ Công an.`,
        `${name.en} is a national or sectoral database system without a National Data Center hosting roadmap agreed with the Ministry of Public Security.`,
      ),
      fix: text(
        'Thống nhất lộ trình với Bộ Công an; khai báo hosting.ttdlqgRoadmap: { agreedWithBca: true, targetDate: … }.',
        'Agree the roadmap with the Ministry of Public Security; declare hosting.ttdlqgRoadmap: { agreedWithBca: true, targetDate: … }.',
      ),
    });
  },
});

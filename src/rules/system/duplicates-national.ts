/** A local system must not duplicate a national shared platform it could use instead. Source: QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a (Cổng DVCQG the single "một cửa số"); QĐ 3090/QĐ-BKHCN. */
import { isActiveIntegration, resolveEndpoint } from '../../analysis/endpoints.js';
import { entityTitle, lowerFirst } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { integrationsAt } from '../../analysis/indexes.js';
import { systemRoles } from '../../model/roles.js';

const IN_SCOPE = new Set(['planned', 'building', 'operating', 'upgrading']);

export const systemDuplicatesNational = defineEntityRule({
  id: 'system.duplicates-national',
  severity: 'warning',
  // The component catalogue of QĐ 3090 (and so the national counterparts) is unconfirmed.
  confirmed: false,
  description: text(
    'Hệ thống của cơ quan không được trùng chức năng với nền tảng dùng chung quốc gia mà không kết nối hoặc chuyển sang nền tảng đó.',
    'A local system must not duplicate a national shared platform without connecting to it or migrating to it.',
  ),
  help: text(
    'Một số thành phần kiến trúc có nền tảng quốc gia cùng chức năng (ví dụ Cổng dịch vụ công ↔ Cổng Dịch vụ công quốc gia, định danh điện tử ↔ VNeID). Hệ thống địa phương thuộc các thành phần này phải kết nối tới nền tảng quốc gia (integration hoặc usesVneid) hoặc có lộ trình chuyển sang (replacedBy: national:…, retireBy); nếu không là đầu tư trùng lặp. Danh mục thành phần theo QĐ 3090 chưa được đối chiếu văn bản gốc nên quy tắc chỉ cảnh báo.',
    'Some components have a national platform with the same function (public-service portal ↔ National Public Service Portal, identity ↔ VNeID). A local system of such a component must connect to the national platform or declare its migration (replacedBy, retireBy); otherwise it duplicates investment. The component catalogue is unconfirmed, so this is a warning.',
  ),
  legalRef: 'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a; QĐ 3090/QĐ-BKHCN',
  kind: 'system',
  check({ model, report, entity: s }) {
    if (!IN_SCOPE.has(s.status)) return;
    // Every role counts: a provincial portal that is also the identity gateway is checked for both.
    systemRoles(s).forEach((role) => {
      const comp = model.pack.components.find((c) => c.id === role.component);
      const counterpartRef = comp?.nationalCounterpart;
      const counterpart = counterpartRef ? model.national(counterpartRef) : undefined;
      if (!comp || !counterpart) return;
      if (s.replacedBy === counterpart.ref) return;
      if (counterpart.component === 'identity' && s.usesVneid === true) return;
      const connected = integrationsAt(model, s.ref).some((it) => {
        if (!isActiveIntegration(it)) return false;
        const ends = [resolveEndpoint(model, it.from), resolveEndpoint(model, it.to)].map((e) => ('ref' in e ? e.ref : e.raw));
        return ends.includes(s.ref) && ends.includes(counterpart.ref);
      });
      if (connected) return;
      const name = entityTitle(model, s.ref);
      const basis = counterpart.legalRef ? ` Căn cứ: ${counterpart.legalRef}.` : '';
      const roleIndex = (s.roles ?? []).findIndex((r) => r.component === role.component);
      report({
        entity: s.ref,
        path: role.primary ? ['component'] : ['roles', roleIndex, 'component'],
        message: text(
          `${name.vi} (${lowerFirst(comp.vi)}) trùng chức năng với ${counterpart.name} nhưng không kết nối và chưa có lộ trình chuyển sang nền tảng quốc gia.${basis}`,
          `${name.en} (${lowerFirst(comp.en)}) duplicates ${counterpart.nameEn} without connecting to it or a plan to migrate.${counterpart.legalRef ? ` Basis: ${counterpart.legalRef}.` : ''}`,
        ),
        fix: text(
          `Kết nối hệ thống với ${counterpart.ref}, hoặc khai báo "replacedBy: ${counterpart.ref}" và thời hạn dừng "retireBy".`,
          `Connect the system to ${counterpart.ref}, or declare "replacedBy: ${counterpart.ref}" and a "retireBy" date.`,
        ),
      });
    });
  },
});

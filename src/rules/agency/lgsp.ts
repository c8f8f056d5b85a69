/** A province or ministry runs exactly one integration and sharing platform (LGSP), connected upward to NDXP. Source: NĐ 194/2025/NĐ-CP Điều 20. */
import { isActiveIntegration, resolveEndpoint } from '../../analysis/endpoints.js';
import { entityTitle } from '../../analysis/names.js';
import { isInService } from '../../analysis/systems.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';
import { hasComponent, isDataSharing } from '../../model/roles.js';

const LEVELS = new Set(['province', 'ministry']);

export const agencyLgsp = defineRule({
  id: 'agency.lgsp',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Tỉnh, bộ phải có đúng một nền tảng tích hợp, chia sẻ dữ liệu (LGSP) đang vận hành, kết nối với NDXP.',
    'A province or ministry must run exactly one integration and sharing platform (LGSP), connected to NDXP.',
  ),
  help: text(
    'NĐ 194/2025/NĐ-CP Điều 20: hạ tầng kết nối, chia sẻ dữ liệu cấp bộ, cấp tỉnh (LGSP) kết nối lên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP). Khai báo một hệ thống component: integration-platform đang vận hành và một kết nối giữa hệ thống đó với national:ndxp.',
    'Decree 194/2025 Article 20: the ministry or provincial sharing infrastructure (LGSP) connects up to NDXP. Declare one operating system with component: integration-platform and an integration between it and national:ndxp.',
  ),
  legalRef: 'NĐ 194/2025/NĐ-CP Điều 20',
  check({ model, report }) {
    const a = model.agency;
    if (!a || !LEVELS.has(a.level)) return;
    const lgsps = model.all('system').filter((s) => hasComponent(s, 'integration-platform') && isInService(s));
    const name = entityTitle(model, a.ref);
    if (lgsps.length === 0) {
      report({
        entity: a.ref,
        path: ['level'],
        message: text(`${name.vi} chưa có nền tảng tích hợp, chia sẻ dữ liệu (LGSP) đang vận hành.`, `${name.en} runs no integration and sharing platform (LGSP).`),
        fix: text('Khai báo hệ thống LGSP (layer: L2, component: integration-platform, status: operating).', 'Declare the LGSP system (layer: L2, component: integration-platform, status: operating).'),
      });
      return;
    }
    if (lgsps.length > 1) {
      for (const extra of lgsps.slice(1)) {
        report({
          entity: extra.ref,
          path: ['component'],
          message: text(
            `${name.vi} có ${lgsps.length} nền tảng tích hợp, chia sẻ dữ liệu đang vận hành (${lgsps.map((s) => model.shortNameOf(s.ref)).join(', ')}); chỉ được có một LGSP.`,
            `${name.en} runs ${lgsps.length} integration platforms; there must be one LGSP.`,
          ),
          fix: text('Hợp nhất về một LGSP; đặt các hệ thống còn lại status: retiring và replacedBy.', 'Consolidate into one LGSP; set the others to status: retiring with replacedBy.'),
        });
      }
      return;
    }
    const lgsp = lgsps[0]!;
    const linked = model.all('integration').some((it) => {
      if (!isDataSharing(it)) return false;
      if (!isActiveIntegration(it) || it.status === 'planned') return false;
      const ends = [resolveEndpoint(model, it.from), resolveEndpoint(model, it.to)].map((e) => ('ref' in e ? e.ref : e.raw));
      return ends.includes(lgsp.ref) && (ends.includes('national:ndxp') || it.channel === 'ndxp');
    });
    if (linked) return;
    report({
      entity: lgsp.ref,
      path: ['component'],
      message: text(`${entityTitle(model, lgsp.ref).vi} chưa kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP).`, `${entityTitle(model, lgsp.ref).en} is not connected to NDXP.`),
      fix: text(`Khai báo kết nối giữa ${lgsp.ref} và national:ndxp (status: live).`, `Declare an integration between ${lgsp.ref} and national:ndxp (status: live).`),
    });
  },
});

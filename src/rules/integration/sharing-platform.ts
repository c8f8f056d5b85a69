/** Data exchanged between bodies goes through the integration and sharing platforms (LGSP, NDXP, NDOP). Source: NĐ 194/2025/NĐ-CP Điều 20. */
import { integrationEnds, isActiveIntegration, ownerName } from '../../analysis/endpoints.js';
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { hasComponent, isDataSharing } from '../../model/roles.js';

export const integrationSharingPlatform = defineEntityRule({
  id: 'integration.sharing-platform',
  severity: 'error',
  confirmed: true,
  description: text(
    'Kết nối, chia sẻ dữ liệu giữa các cơ quan phải qua nền tảng tích hợp, chia sẻ dữ liệu (LGSP, NDXP, NDOP), không kết nối trực tiếp.',
    'Data exchange between bodies must go through an integration and sharing platform (LGSP, NDXP, NDOP), not a direct connection.',
  ),
  help: text(
    'NĐ 194/2025/NĐ-CP Điều 20 quy định hạ tầng kết nối trung gian gồm Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP), Nền tảng chia sẻ, điều phối dữ liệu của Trung tâm dữ liệu quốc gia (NDOP) và nền tảng tích hợp, chia sẻ dữ liệu cấp bộ, cấp tỉnh (LGSP). Kết nối giữa hai cơ quan khác nhau (theo chủ quản của hai đầu) phải có channel: lgsp, ndxp hoặc ndop (vdxp với văn bản điện tử); khi channel là lgsp, via trỏ tới hệ thống LGSP của cơ quan.',
    'Decree 194/2025 Article 20 sets out the intermediary platforms NDXP, NDOP and the ministry/provincial LGSP. An integration between two different bodies (by the owners of its two ends) must use channel lgsp, ndxp or ndop (vdxp for official documents); with lgsp, via points to the agency\'s LGSP system.',
  ),
  legalRef: 'NĐ 194/2025/NĐ-CP Điều 20',
  kind: 'integration',
  check({ model, report, entity: it }) {
    // Infrastructure and network links carry no business data: the sharing rules do not apply.
    if (!isDataSharing(it)) return;
    if (!isActiveIntegration(it)) return;
    const ends = integrationEnds(model, it);
    if (ends.fromOwner === undefined || ends.toOwner === undefined || ends.fromOwner === ends.toOwner) return;
    const name = entityTitle(model, it.ref);
    const a = ownerName(model, ends.fromOwner);
    const b = ownerName(model, ends.toOwner);
    if (it.channel === 'direct') {
      report({
        entity: it.ref,
        path: ['channel'],
        message: text(
          `${name.vi} trao đổi dữ liệu giữa ${a.vi} và ${b.vi} bằng kết nối trực tiếp, không qua nền tảng tích hợp, chia sẻ dữ liệu.`,
          `${name.en} exchanges data between ${a.en} and ${b.en} over a direct connection instead of an integration platform.`,
        ),
        fix: text('Chuyển kết nối sang LGSP của tỉnh (channel: lgsp, via: system:<lgsp>) hoặc NDXP/NDOP.', 'Route it through the provincial LGSP (channel: lgsp, via: system:<lgsp>) or NDXP/NDOP.'),
      });
      return;
    }
    if (it.channel === 'lgsp' && it.via !== undefined) {
      const via = model.get<'system'>(it.via);
      if (via && !hasComponent(via, 'integration-platform')) {
        report({
          entity: it.ref,
          path: ['via'],
          message: text(
            `${name.vi} khai báo đi qua LGSP nhưng nền tảng trung gian được ghi là ${model.shortNameOf(via.ref)}, không phải nền tảng tích hợp, chia sẻ dữ liệu.`,
            `${name.en} claims to use the LGSP but the platform it names is ${model.shortNameOf(via.ref)}, which is not an integration platform.`,
          ),
          fix: text('Sửa "via" thành hệ thống LGSP của cơ quan (component: integration-platform).', 'Point "via" at the agency\'s LGSP system (component: integration-platform).'),
        });
      }
    }
  },
});

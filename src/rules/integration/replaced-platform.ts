/** An integration must not run through a national platform the law has replaced. Source: NĐ 194/2025/NĐ-CP Điều 20 (the platforms in force); the replacing instrument is named by the framework pack. */
import { channelPlatform, isActiveIntegration, resolveEndpoint } from '../../analysis/endpoints.js';
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import { text } from '../../core/text.js';
import type { NationalSystem } from '../../framework/types.js';
import { defineEntityRule } from '../define-rule.js';
import { isDataSharing } from '../../model/roles.js';

export const integrationReplacedPlatform = defineEntityRule({
  id: 'integration.replaced-platform',
  severity: 'error',
  confirmed: true,
  description: text(
    'Kết nối không được đi qua hoặc trỏ tới nền tảng quốc gia đã được pháp luật thay thế.',
    'An integration must not run through or point at a national platform the law has replaced.',
  ),
  help: text(
    'Bộ khung ghi nền tảng quốc gia bị thay thế (replacedBy, replacedOn, kèm căn cứ). Kết nối còn hiệu lực qua nền tảng đó phải chuyển sang nền tảng thay thế; trước ngày thay thế là cảnh báo, từ ngày đó là lỗi. Nền tảng mà bộ khung ghi là chưa xác nhận chỉ cho cảnh báo.',
    'The framework pack records replaced national platforms (replacedBy, replacedOn, with the legal basis). Integrations still using one must move to its replacement: a warning before the replacement date, an error from it. Unconfirmed pack entries only warn.',
  ),
  legalRef: 'NĐ 194/2025/NĐ-CP Điều 20',
  kind: 'integration',
  check({ model, asOf, report, entity: it }) {
    // Infrastructure and network links carry no business data: the sharing rules do not apply.
    if (!isDataSharing(it)) return;
    if (!isActiveIntegration(it)) return;
    const hits: { path: 'from' | 'to' | 'channel'; platform: NationalSystem }[] = [];
    for (const side of ['from', 'to'] as const) {
      const e = resolveEndpoint(model, it[side]);
      if (e.kind === 'national' && e.national.replacedBy !== undefined) hits.push({ path: side, platform: e.national });
    }
    const viaChannel = channelPlatform(model, it.channel);
    if (viaChannel?.replacedBy !== undefined && !hits.some((h) => h.platform.ref === viaChannel.ref)) hits.push({ path: 'channel', platform: viaChannel });
    for (const { path, platform } of hits) {
      const by = platform.replacedBy!;
      const on = platform.replacedOn;
      const inForce = on === undefined || on <= asOf;
      const name = entityTitle(model, it.ref);
      const when = on ? (inForce ? ` từ ngày ${viShortDate(on)}` : ` từ ngày ${viShortDate(on)} (sắp tới)`) : '';
      const basis = platform.legalRef ? ` Căn cứ: ${platform.legalRef}.` : '';
      report({
        entity: it.ref,
        path: [path],
        severity: inForce && platform.confirmed ? 'error' : 'warning',
        message: text(
          `${name.vi} đi qua ${platform.name}, nền tảng đã được thay thế bởi ${model.nameOf(by)}${when}.${basis}`,
          `${name.en} runs through ${platform.nameEn}, replaced by ${model.nameOf(by)}${on ? ` on ${on}` : ''}.`,
        ),
        fix: text(`Chuyển kết nối sang ${by}.`, `Move the integration to ${by}.`),
      });
    }
  },
});

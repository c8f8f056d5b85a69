/** Restricted data is used only inside its own body; carrying it to another body needs a reclassification or a specific legal basis. Source: Luật Dữ liệu 60/2024/QH15 Điều 3 khoản 3. */
import { integrationEnds, isActiveIntegration, ownerName } from '../../analysis/endpoints.js';
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineRule } from '../define-rule.js';

export const integrationRestrictedData = defineRule({
  id: 'integration.restricted-data',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Dữ liệu dùng riêng không được chia sẻ sang cơ quan khác qua kết nối.',
    'Restricted data must not be carried to another body by an integration.',
  ),
  help: text(
    'Luật Dữ liệu 2024 (Điều 3 khoản 3) định nghĩa dữ liệu dùng riêng là dữ liệu chỉ dùng trong nội bộ một cơ quan hoặc phạm vi của cơ quan đó. Một kết nối giữa hai cơ quan mang tập dữ liệu "sharing: restricted" cho thấy phân loại sai, hoặc cần căn cứ pháp lý riêng (khi đó lập miễn trừ có lý do).',
    'The 2024 Data Law (Article 3.3) defines restricted data as used only within one body. An integration between two bodies carrying a "sharing: restricted" dataset means the classification is wrong, or a specific legal basis applies (record a waiver with the reason).',
  ),
  legalRef: 'Luật Dữ liệu 60/2024/QH15 Điều 3 khoản 3',
  check({ model, report }) {
    for (const it of model.all('integration')) {
      if (!isActiveIntegration(it)) continue;
      const ends = integrationEnds(model, it);
      if (ends.fromOwner === undefined || ends.toOwner === undefined || ends.fromOwner === ends.toOwner) continue;
      (it.datasets ?? []).forEach((ref, i) => {
        const d = model.get<'dataset'>(ref);
        if (!d || d.entityKind !== 'dataset' || d.sharing !== 'restricted') return;
        const name = entityTitle(model, it.ref);
        const a = ownerName(model, ends.fromOwner!);
        const b = ownerName(model, ends.toOwner!);
        report({
          entity: it.ref,
          path: ['datasets', i],
          message: text(
            `${name.vi} chia sẻ dữ liệu dùng riêng "${model.shortNameOf(d.ref)}" giữa ${a.vi} và ${b.vi}.`,
            `${name.en} carries restricted data "${model.shortNameOf(d.ref)}" between ${a.en} and ${b.en}.`,
          ),
          fix: text('Rà soát phân loại của tập dữ liệu (dùng chung?), hoặc bỏ tập dữ liệu khỏi kết nối.', 'Review the dataset\'s classification (shared?), or drop it from the integration.'),
        });
      });
    }
  },
});


/** Restricted data is used only inside its own body or scope; handing it to a peer body needs a reclassification or a specific legal basis. Source: Luật Dữ liệu 60/2024/QH15 Điều 3 khoản 3. */
import { integrationEnds, isActiveIntegration, isUpward, ownerName } from '../../analysis/endpoints.js';
import { entityTitle } from '../../analysis/names.js';
import { text } from '../../core/text.js';
import { defineEntityRule } from '../define-rule.js';
import { isDataSharing } from '../../model/roles.js';

export const integrationRestrictedData = defineEntityRule({
  id: 'integration.restricted-data',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Dữ liệu dùng riêng không được chia sẻ ngang sang cơ quan khác qua kết nối.',
    'Restricted data must not be handed to a peer body by an integration.',
  ),
  help: text(
    'Luật Dữ liệu 2024 (Điều 3 khoản 3) định nghĩa dữ liệu dùng riêng là dữ liệu chỉ dùng trong nội bộ một cơ quan hoặc phạm vi của cơ quan đó. Một kết nối mang tập dữ liệu "sharing: restricted" sang cơ quan ngang cấp (sở khác, cơ quan ngành dọc, cơ quan của địa phương khác) cho thấy phân loại sai, hoặc cần căn cứ pháp lý riêng (khi đó lập miễn trừ có lý do). kientruc coi việc báo cáo lên cơ quan quản lý cấp trên (Ủy ban nhân dân, cơ quan cấp trên, bộ, ngành trung ương) và trao đổi văn bản qua Trục liên thông văn bản quốc gia là trong phạm vi quản lý, không báo.',
    'The 2024 Data Law (Article 3.3) defines restricted data as used only within one body or its scope. An integration handing a "sharing: restricted" dataset to a peer body (another department, a local office of a central body, another province) means the classification is wrong or a specific legal basis applies (record a waiver). kientruc treats reporting up the line of management (the People\'s Committee, a parent body, a ministry) and document exchange over VDXP as within scope.',
  ),
  legalRef: 'Luật Dữ liệu 60/2024/QH15 Điều 3 khoản 3',
  kind: 'integration',
  check({ model, report, entity: it }) {
    // Infrastructure and network links carry no business data: the sharing rules do not apply.
    if (!isDataSharing(it)) return;
    if (!isActiveIntegration(it) || it.channel === 'vdxp') return;
    const ends = integrationEnds(model, it);
    if (ends.fromOwner === undefined || ends.toOwner === undefined || ends.fromOwner === ends.toOwner) return;
    if (isUpward(model, ends.fromOwner, ends.toOwner)) return;
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
          `${name.vi} chuyển dữ liệu dùng riêng "${model.shortNameOf(d.ref)}" của ${a.vi} sang ${b.vi}.`,
          `${name.en} hands restricted data "${model.shortNameOf(d.ref)}" of ${a.en} to ${b.en}.`,
        ),
        fix: text('Rà soát phân loại của tập dữ liệu (dùng chung?), hoặc bỏ tập dữ liệu khỏi kết nối.', 'Review the dataset\'s classification (shared?), or drop it from the integration.'),
      });
    });
  },
});


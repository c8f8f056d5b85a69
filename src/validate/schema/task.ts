import type { FrameworkPack } from '../../framework/types.js';
import { BASE_REQUIRED, baseProperties, deadline, orgRef } from './common.js';
import { arr, date, enumOf, id, int, num, obj, percent, ref, str, type Schema } from './dsl.js';

export function taskSchema(pack: FrameworkPack): Schema {
  return obj(
    { vi: 'Nhiệm vụ', en: 'Task', legal: 'QĐ 1751/QĐ-TTg Phụ lục (Bảng tổng hợp các nhiệm vụ)' },
    {
      ...baseProperties('Task', { vi: 'nhiệm vụ', en: 'a task' }),
      area: enumOf(pack, 'taskArea'),
      lead: orgRef({ vi: 'Cơ quan chủ trì', en: 'Lead body', dvi: 'Cơ quan chủ trì. Khi nhiều cơ quan đồng chủ trì, dùng "leads".', den: 'The lead body. When several bodies co-lead, use "leads".' }),
      leads: arr(
        { vi: 'Các cơ quan đồng chủ trì', en: 'Co-leading bodies', dvi: 'Khi nhiệm vụ có nhiều cơ quan chủ trì; cơ quan đầu tiên đứng đầu danh sách. Dùng "lead" hoặc "leads", không dùng cả hai.', den: 'When several bodies co-lead; the first is listed first. Use "lead" or "leads", not both.', examples: [['org:so-khcn', 'org:cong-an-tinh']] },
        orgRef({ vi: 'Cơ quan chủ trì', en: 'Lead body' }),
        { uniqueItems: true, minItems: 1 },
      ),
      theme: id({ vi: 'Chủ đề của kế hoạch', en: 'Plan theme', dvi: 'Mã chủ đề do cơ quan định nghĩa trong agency.plan.themes (ví dụ "nen-tang-so"); nhóm nhiệm vụ theo kế hoạch của cơ quan, bên cạnh "area" (phân loại quốc gia).', den: 'Id of a theme the agency defines in agency.plan.themes; groups tasks as the agency\'s plan does, beside "area" (the national classification).', examples: ['nen-tang-so'] }),
      partners: arr({ vi: 'Cơ quan phối hợp', en: 'Cooperating bodies' }, orgRef({ vi: 'Cơ quan phối hợp', en: 'Cooperating body' }), { uniqueItems: true }),
      partnersText: str({ vi: 'Cơ quan phối hợp (mô tả)', en: 'Cooperating bodies (text)', dvi: 'Ví dụ "Các sở, ban, ngành liên quan"; in sau danh sách cơ quan phối hợp.', den: 'E.g. "relevant departments"; printed after the listed partners.' }),
      start: date({ vi: 'Ngày bắt đầu', en: 'Start date' }),
      deadline: deadline({ vi: 'Thời gian hoàn thành', en: 'Deadline', dvi: 'Năm (2025), quý ("2025-Q3"), tháng ("2025-09"), ngày (2025-09-30), "ongoing" (Thực hiện thường xuyên) hoặc định kỳ ("hằng năm", "hằng quý", "hằng tháng").', den: 'Year, quarter, month, day, "ongoing" or a recurrence ("annual", "quarterly", "monthly").' }),
      deadlineAfter: obj(
        {
          vi: 'Thời hạn tính theo nhiệm vụ, sự kiện khác',
          en: 'Deadline relative to another task or event',
          dvi: 'Ví dụ "20 ngày sau khi nhiệm vụ X hoàn thành" (task + days) hoặc "khi có nhiệm vụ chậm tiến độ" (event). Dùng thay cho, hoặc cùng với, "deadline".',
          den: 'E.g. "20 days after task X is done" (task + days) or "when a task falls behind" (event). Instead of, or beside, "deadline".',
          examples: [{ task: 'task:ban-hanh-kien-truc', days: 20 }, { event: 'Khi có nhiệm vụ chậm tiến độ' }],
        },
        {
          task: ref({ vi: 'Sau khi hoàn thành nhiệm vụ', en: 'After task' }, ['task']),
          event: str({ vi: 'Sự kiện', en: 'Event', dvi: 'Sự kiện kích hoạt, ví dụ "Khi có văn bản hướng dẫn của Bộ Công an".', den: 'Triggering event.' }, { maxLength: 300 }),
          days: int({ vi: 'Số ngày sau đó', en: 'Days after' }, 0, 3650),
          months: int({ vi: 'Số tháng sau đó', en: 'Months after' }, 0, 120),
        },
      ),
      deliverable: str({ vi: 'Sản phẩm', en: 'Deliverable' }),
      note: str({ vi: 'Ghi chú', en: 'Note' }),
      status: enumOf(pack, 'taskStatus'),
      progress: percent({ vi: 'Tiến độ (%)', en: 'Progress (%)' }),
      updates: arr(
        { vi: 'Cập nhật tiến độ', en: 'Progress updates' },
        obj({ vi: 'Cập nhật', en: 'Update' }, {
          date: date({ vi: 'Ngày', en: 'Date' }),
          progress: percent({ vi: 'Tiến độ (%)', en: 'Progress (%)' }),
          status: enumOf(pack, 'taskStatus'),
          note: str({ vi: 'Ghi chú', en: 'Note' }),
        }, ['date', 'progress']),
      ),
      budget: arr(
        { vi: 'Kinh phí', en: 'Budget', legal: 'QĐ 1751/QĐ-TTg mục VI' },
        obj({ vi: 'Khoản kinh phí', en: 'Budget line' }, {
          year: int({ vi: 'Năm', en: 'Year' }, 2000, 2100),
          amount: num({ vi: 'Số tiền (triệu đồng)', en: 'Amount (million VND)' }, 0),
          source: enumOf(pack, 'budgetSource'),
          level: enumOf(pack, 'budgetLevel'),
          type: enumOf(pack, 'budgetType'),
          status: enumOf(pack, 'budgetStatus'),
          note: str({ vi: 'Ghi chú', en: 'Note' }),
        }, ['year', 'amount', 'source']),
      ),
      addresses: arr(
        { vi: 'Giải quyết', en: 'Addresses', dvi: 'Chỉ tiêu, chỉ tiêu quốc gia và thực thể có tồn tại mà nhiệm vụ này khắc phục.', den: 'KPIs, national targets and entities with gaps this task closes.' },
        ref({ vi: 'Đối tượng', en: 'Subject' }, ['kpi', 'target', 'system', 'dataset', 'integration', 'agency', 'org', 'service', 'function']),
        { uniqueItems: true },
      ),
    },
    [...BASE_REQUIRED, 'area'],
  );
}

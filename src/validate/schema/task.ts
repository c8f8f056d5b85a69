import type { FrameworkPack } from '../../framework/types.js';
import { BASE_REQUIRED, baseProperties, deadline, orgRef } from './common.js';
import { arr, date, enumOf, int, num, obj, percent, ref, str, type Schema } from './dsl.js';

export function taskSchema(pack: FrameworkPack): Schema {
  return obj(
    { vi: 'Nhiệm vụ', en: 'Task', legal: 'QĐ 1751/QĐ-TTg Phụ lục (Bảng tổng hợp các nhiệm vụ)' },
    {
      ...baseProperties('Task', { vi: 'nhiệm vụ', en: 'a task' }),
      area: enumOf(pack, 'taskArea'),
      lead: orgRef({ vi: 'Cơ quan chủ trì', en: 'Lead body', dvi: 'Đúng một cơ quan chủ trì.', den: 'Exactly one lead body.' }),
      partners: arr({ vi: 'Cơ quan phối hợp', en: 'Cooperating bodies' }, orgRef({ vi: 'Cơ quan phối hợp', en: 'Cooperating body' }), { uniqueItems: true }),
      partnersText: str({ vi: 'Cơ quan phối hợp (mô tả)', en: 'Cooperating bodies (text)', dvi: 'Ví dụ "Các sở, ban, ngành liên quan"; in sau danh sách cơ quan phối hợp.', den: 'E.g. "relevant departments"; printed after the listed partners.' }),
      start: date({ vi: 'Ngày bắt đầu', en: 'Start date' }),
      deadline: deadline({ vi: 'Thời gian hoàn thành', en: 'Deadline', dvi: 'Năm (2025), tháng ("2025-09"), ngày (2025-09-30) hoặc "ongoing" (Thực hiện thường xuyên).', den: 'Year, month, day or "ongoing".' }),
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
        ref({ vi: 'Đối tượng', en: 'Subject' }, ['kpi', 'target', 'system', 'dataset', 'integration', 'agency', 'org']),
        { uniqueItems: true },
      ),
    },
    [...BASE_REQUIRED, 'area', 'lead'],
  );
}

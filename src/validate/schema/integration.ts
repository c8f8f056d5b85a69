import type { FrameworkPack } from '../../framework/types.js';
import { BASE_REQUIRED, baseProperties, period, timeProperties } from './common.js';
import { arr, bool, date, enumOf, int, obj, percent, ref, str, type Schema } from './dsl.js';

const ENDPOINT_KINDS = ['system', 'national', 'org', 'agency'] as const;

export function integrationSchema(pack: FrameworkPack): Schema {
  const endpoint = (vi: string, en: string): Schema =>
    ref(
      {
        vi,
        en,
        dvi: `${vi}: hệ thống của cơ quan (system:…), nền tảng, CSDL quốc gia (national:…), cơ quan khác (org:…) hoặc hệ thống của cơ quan khác (system:…@mã-cơ-quan).`,
        den: `${en}: own system (system:…), national platform or database (national:…), another body (org:…) or another agency's system (system:…@agency-code).`,
      },
      ENDPOINT_KINDS,
    );
  const properties: Record<string, Schema> = {
    ...baseProperties('Integration', { vi: 'kết nối, chia sẻ dữ liệu', en: 'an integration' }),
    type: enumOf(pack, 'integrationKind', {
      dvi: 'data-sharing (mặc định): kết nối, chia sẻ dữ liệu — các quy tắc chia sẻ dữ liệu áp dụng. network: kết nối hạ tầng, đường truyền (ví dụ Trung tâm dữ liệu tỉnh với Trung tâm dữ liệu quốc gia, mạng truyền số liệu chuyên dùng) — không trao đổi dữ liệu nghiệp vụ, không áp dụng quy tắc chia sẻ.',
      den: 'data-sharing (default): data exchange, to which the sharing rules apply. network: an infrastructure or network link (e.g. provincial data centre to the National Data Center, the government WAN), which carries no business data and is not subject to the sharing rules.',
    }),
    from: endpoint('Bên cung cấp', 'Provider'),
    to: endpoint('Bên khai thác', 'Consumer'),
    channel: enumOf(pack, 'channel', { dvi: 'Kênh chia sẻ dữ liệu. Với kết nối hạ tầng (type: network) ghi kênh truyền dẫn, thường là direct.', den: 'Sharing channel. For a network link (type: network), the transport, usually direct.' }),
    bandwidth: str({ vi: 'Băng thông', en: 'Bandwidth', dvi: 'Với kết nối hạ tầng, ví dụ "10 Gbps".', den: 'For network links, e.g. "10 Gbps".', examples: ['10 Gbps'] }, { maxLength: 60 }),
    via: ref({ vi: 'Nền tảng trung gian của cơ quan', en: 'Own platform used', dvi: 'Hệ thống LGSP của cơ quan khi kênh là lgsp.', den: 'The agency\'s LGSP system when the channel is lgsp.' }, ['system']),
    datasets: arr({ vi: 'Dữ liệu trao đổi', en: 'Data carried' }, ref({ vi: 'Tập dữ liệu', en: 'Dataset' }, ['dataset', 'national']), { uniqueItems: true }),
    direction: enumOf(pack, 'integrationDirection'),
    format: enumOf(pack, 'integrationFormat'),
    mandatory: bool({ vi: 'Thuộc diện chia sẻ bắt buộc', en: 'Mandatory sharing', legal: 'NĐ 278/2025/NĐ-CP' }),
    status: enumOf(pack, 'integrationStatus'),
    plannedDate: date({ vi: 'Thời hạn kế hoạch', en: 'Planned date' }),
    usage: arr(
      { vi: 'Hoạt động theo kỳ', en: 'Activity per period', legal: 'Seed 003 mục 1.b (số lượng kết nối thành công)' },
      obj({ vi: 'Hoạt động trong kỳ', en: 'Activity in a period' }, {
        period: period({ vi: 'Kỳ', en: 'Period' }),
        transactions: int({ vi: 'Số giao dịch thành công', en: 'Successful transactions' }, 0),
        failed: int({ vi: 'Số giao dịch lỗi', en: 'Failed transactions' }, 0),
        availability: percent({ vi: 'Tỷ lệ sẵn sàng (%)', en: 'Availability (%)' }),
      }, ['period', 'transactions']),
    ),
    refusal: obj(
      { vi: 'Từ chối chia sẻ', en: 'Sharing refused', legal: 'NĐ 194/2025/NĐ-CP Điều 16' },
      {
        written: bool({ vi: 'Từ chối bằng văn bản', en: 'Refused in writing' }),
        legalBasis: str({ vi: 'Căn cứ từ chối', en: 'Legal basis for refusal' }),
        date: date({ vi: 'Ngày từ chối', en: 'Refused on' }),
      },
      ['written'],
    ),
  };
  return obj(
    { vi: 'Kết nối, chia sẻ dữ liệu', en: 'Integration', legal: 'NĐ 194/2025/NĐ-CP; NĐ 278/2025/NĐ-CP' },
    { ...properties, ...timeProperties('integration', properties) },
    [...BASE_REQUIRED, 'from', 'to', 'channel', 'status'],
  );
}

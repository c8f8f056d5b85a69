import type { FrameworkPack } from '../../framework/types.js';
import { BASE_REQUIRED, baseProperties, decision, orgRef, timePoint, timeProperties } from './common.js';
import { arr, bool, date, doc, enumOf, id, int, obj, ref, str, unknownable, type Schema } from './dsl.js';

export function systemSchema(pack: FrameworkPack): Schema {
  const components = pack.components.map((c) => c.id);
  const component = (d: { vi: string; en: string }): Schema =>
    doc(
      {
        vi: d.vi,
        en: d.en,
        dvi: 'Thành phần của lớp kiến trúc (QĐ 3090); phải thuộc đúng lớp đã khai báo. Danh mục thành phần chưa được xác nhận với văn bản gốc.',
        den: 'Component within the layer (Decision 3090); must belong to the declared layer.',
        legal: 'QĐ 3090/QĐ-BKHCN',
      },
      {
        type: 'string',
        enum: components,
        markdownEnumDescriptions: pack.components.map((c) => `**${c.vi}** (${c.layer}) — ${c.en}`),
        'x-enum': 'component',
      },
    );
  const properties: Record<string, Schema> = {
    ...baseProperties('System', { vi: 'hệ thống thông tin', en: 'an information system' }),
    layer: enumOf(pack, 'layer'),
    component: component({ vi: 'Thành phần kiến trúc', en: 'Architecture component' }),
    roles: arr(
      {
        vi: 'Vai trò khác',
        en: 'Further roles',
        dvi: 'Lớp và thành phần khác mà hệ thống cũng đảm nhận (ví dụ Trung tâm dữ liệu tỉnh đồng thời là IOC). "layer"/"component" là vai trò chính: sơ đồ tổng thể đặt hệ thống ở vai trò chính và ghi chú các vai trò khác; các quy tắc xét mọi vai trò.',
        den: 'Other layers and components the system also plays (e.g. a provincial data centre that is also the IOC). "layer"/"component" is the primary role: the landscape places the system there and marks the others; rules read every role.',
        examples: [[{ layer: 'L3', component: 'ioc' }]],
      },
      obj(
        { vi: 'Vai trò', en: 'Role' },
        {
          layer: enumOf(pack, 'layer'),
          component: component({ vi: 'Thành phần kiến trúc', en: 'Architecture component' }),
          note: str({ vi: 'Ghi chú', en: 'Note' }, { maxLength: 300 }),
        },
        ['layer', 'component'],
      ),
      { uniqueItems: true },
    ),
    status: enumOf(pack, 'lifecycle'),
    owner: unknownable(orgRef({ vi: 'Chủ quản hệ thống', en: 'System owner', dvi: 'Cơ quan chủ quản hệ thống thông tin — đúng một cơ quan.', den: 'The one accountable owner body.', legal: 'NĐ 85/2016/NĐ-CP Điều 3' })),
    operator: unknownable(orgRef({ vi: 'Đơn vị vận hành', en: 'Operator', legal: 'NĐ 85/2016/NĐ-CP Điều 3' })),
    vendor: str({ vi: 'Đơn vị phát triển, cung cấp', en: 'Vendor' }),
    vendorOrg: orgRef({ vi: 'Doanh nghiệp cung cấp, vận hành', en: 'Vendor organisation', dvi: 'Doanh nghiệp (org:… có type: vendor hoặc state-enterprise) phát triển, cung cấp hoặc thuê vận hành hệ thống.', den: 'Company (org:… with type vendor or state-enterprise) that builds, supplies or operates the system.' }),
    functionClass: unknownable(enumOf(pack, 'functionClass')),
    infoClasses: arr({ vi: 'Loại thông tin xử lý', en: 'Information classes', legal: 'NĐ 85/2016/NĐ-CP Điều 6' }, enumOf(pack, 'infoClass'), { uniqueItems: true }),
    security: obj(
      { vi: 'An toàn hệ thống thông tin theo cấp độ', en: 'Security level', legal: 'Luật An toàn thông tin mạng 2015; NĐ 85/2016/NĐ-CP' },
      {
        level: unknownable(enumOf(pack, 'securityLevel')),
        dossier: unknownable(enumOf(pack, 'dossierStatus')),
        decision: decision({ vi: 'Quyết định phê duyệt cấp độ', en: 'Approval decision', legal: 'NĐ 85/2016/NĐ-CP Điều 16–17' }),
        lastAssessment: date({ vi: 'Ngày kiểm tra, đánh giá an toàn gần nhất', en: 'Last security assessment' }),
        monitoredBy: ref({ vi: 'Giám sát bởi', en: 'Monitored by', dvi: 'Hệ thống giám sát an toàn thông tin (SOC).', den: 'Security operations centre.' }, ['system', 'national']),
        incidentResponsePlan: bool({ vi: 'Có phương án ứng phó sự cố', en: 'Has an incident-response plan', legal: 'Seed 003 mục 1.d' }),
        backup: bool({ vi: 'Có sao lưu, phương án khôi phục dữ liệu', en: 'Has backups and a recovery plan', legal: 'Seed 003 mục 1.d' }),
      },
    ),
    hosting: obj(
      { vi: 'Hạ tầng triển khai', en: 'Hosting' },
      {
        deployment: unknownable(enumOf(pack, 'deployment')),
        location: str({ vi: 'Vị trí đặt máy chủ', en: 'Server location', dvi: 'Thông tin nội bộ, không công bố.', den: 'Internal; never published.' }),
        provider: str({ vi: 'Nhà cung cấp hạ tầng', en: 'Infrastructure provider' }),
        ttdlqgRoadmap: obj(
          { vi: 'Lộ trình lưu trữ tại Trung tâm dữ liệu quốc gia', en: 'National Data Center hosting roadmap', legal: 'QĐ 1751/QĐ-TTg mục VII.3.a' },
          {
            agreedWithBca: bool({ vi: 'Đã thống nhất với Bộ Công an', en: 'Agreed with the Ministry of Public Security' }),
            targetDate: date({ vi: 'Thời hạn chuyển', en: 'Target date' }),
          },
        ),
      },
      ['deployment'],
    ),
    network: obj(
      { vi: 'Mạng và địa chỉ truy cập', en: 'Network and addresses' },
      {
        zone: enumOf(pack, 'networkZone'),
        publicUrl: str({ vi: 'Địa chỉ công khai', en: 'Public URL' }, { format: 'uri' }),
        internalUrl: str({ vi: 'Địa chỉ nội bộ', en: 'Internal URL', dvi: 'Không công bố.', den: 'Never published.' }),
      },
    ),
    sharedPlatform: bool({ vi: 'Là nền tảng số dùng chung', en: 'Shared digital platform', legal: 'Seed 004' }),
    usesVneid: bool({ vi: 'Xác thực qua VNeID', en: 'Authenticates with VNeID' }),
    usesDigitalSignature: bool({ vi: 'Sử dụng chữ ký số', en: 'Uses digital signatures' }),
    users: obj(
      { vi: 'Người dùng', en: 'Users' },
      {
        internal: int({ vi: 'Số tài khoản cán bộ', en: 'Staff accounts' }, 0),
        external: int({ vi: 'Số tài khoản người dân, doanh nghiệp', en: 'Citizen and business accounts' }, 0),
      },
    ),
    // A year as inventories record it ("Năm đưa vào sử dụng: 2012"), or the day when it is known.
    goLive: timePoint({
      vi: 'Ngày đưa vào vận hành',
      en: 'Go-live date',
      dvi: 'Năm (2012) khi chỉ biết năm, như các bảng danh mục thường ghi, hoặc ngày (2012-09-01).',
      den: 'Year (2012) when only the year is known, as inventories usually record it, or day (2012-09-01).',
    }),
    retireBy: date({ vi: 'Thời hạn dừng hoạt động', en: 'Retire by' }),
    replacedBy: ref({ vi: 'Được thay thế bởi', en: 'Replaced by' }, ['system', 'national']),
    legalBasis: arr(
      {
        vi: 'Căn cứ pháp lý của hệ thống',
        en: 'Legal basis of the system',
        dvi: 'Mã văn bản: văn bản của bộ khung (kientruc schema --list legal) hoặc văn bản của cơ quan khai báo trong agency.documents.',
        den: 'Document ids: framework documents (kientruc schema --list legal) or the agency\'s own documents declared in agency.documents.',
        examples: [['nd-85-2016', 'qd-khung-kien-truc-so']],
      },
      id({ vi: 'Mã văn bản', en: 'Document id', examples: ['nd-85-2016'] }),
      { uniqueItems: true },
    ),
    operatingRules: arr(
      { vi: 'Quy chế vận hành, khai thác', en: 'Operating rules', dvi: 'Mã văn bản trong agency.documents (quy chế quản lý, vận hành, khai thác hệ thống).', den: 'Ids of documents in agency.documents (rules for operating and using the system).', examples: [['quy-che-lgsp']] },
      id({ vi: 'Mã văn bản', en: 'Document id', examples: ['quy-che-lgsp'] }),
      { uniqueItems: true },
    ),
    funding: arr(
      { vi: 'Nguồn kinh phí', en: 'Funding sources', dvi: 'Nguồn vốn đầu tư, duy trì hệ thống; số tiền không bắt buộc.', den: 'Sources funding the system; the amount is optional.', legal: 'QĐ 1751/QĐ-TTg mục VI' },
      obj(
        { vi: 'Nguồn kinh phí', en: 'Funding source' },
        {
          source: enumOf(pack, 'budgetSource'),
          level: enumOf(pack, 'budgetLevel'),
          period: str({ vi: 'Giai đoạn', en: 'Period', examples: ['2021-2025'] }, { maxLength: 40 }),
          note: str({ vi: 'Ghi chú', en: 'Note' }),
        },
        ['source'],
      ),
    ),
  };
  return obj(
    { vi: 'Hệ thống thông tin', en: 'Information system' },
    { ...properties, ...timeProperties('system', properties) },
    [...BASE_REQUIRED, 'layer', 'component', 'status', 'owner'],
  );
}

import { UNKNOWN_VALUES } from '../../core/unknown.js';
import type { FrameworkPack } from '../../framework/types.js';
import { BASE_REQUIRED, baseProperties, orgRef, period, timeProperties } from './common.js';
import { arr, doc, enumOf, int, obj, ref, str, unknownable, type Schema } from './dsl.js';

const LEGAL_1751 = 'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a';

/**
 * A public service (dịch vụ công): one administrative procedure (thủ tục hành chính) or a group of them
 * provided together, with its online level, channels, the system that handles it and dossier figures per
 * period, from which the service KPIs are computed (QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a).
 */
export function serviceSchema(pack: FrameworkPack): Schema {
  const properties: Record<string, Schema> = {
    ...baseProperties('Service', { vi: 'dịch vụ công', en: 'a public service' }),
    procedures: arr(
      {
        vi: 'Mã thủ tục hành chính',
        en: 'Procedure codes',
        dvi: 'Mã của (các) thủ tục hành chính trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, khi đã biết.',
        den: 'Code(s) of the administrative procedure(s) in the national procedure database, when known.',
      },
      { type: 'string', minLength: 1, maxLength: 40 },
      { uniqueItems: true },
    ),
    field: str({ vi: 'Lĩnh vực', en: 'Field', dvi: 'Lĩnh vực thủ tục hành chính, ví dụ "Hộ tịch", "Đất đai".', den: 'Procedure field, e.g. "Hộ tịch" (civil status), "Đất đai" (land).', examples: ['Hộ tịch'] }, { maxLength: 200 }),
    function: ref({ vi: 'Chức năng nghiệp vụ', en: 'Business function', dvi: 'Chức năng nghiệp vụ (function:…) mà dịch vụ thực hiện.', den: 'The business function (function:…) the service carries out.' }, ['function']),
    provider: unknownable(orgRef({ vi: 'Cơ quan cung cấp', en: 'Providing body', dvi: 'Cơ quan có thẩm quyền giải quyết thủ tục (agency:… hoặc org:…).', den: 'The body competent to decide the procedure (agency:… or org:…).' })),
    onlineLevel: unknownable(enumOf(pack, 'serviceOnlineLevel')),
    eligibleFullOnline: doc(
      {
        vi: 'Đủ điều kiện cung cấp trực tuyến toàn trình',
        en: 'Eligible for full online provision',
        dvi: 'true khi thủ tục đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình (chỉ tiêu 100% của QĐ 1751/QĐ-TTg); ghi "chưa xác định" khi chưa rà soát.',
        den: 'true when the procedure is eligible to be offered fully online (the 100% target of QĐ 1751/QĐ-TTg); "chưa xác định" when not yet reviewed.',
        legal: LEGAL_1751,
      },
      { type: ['boolean', 'string'], enum: [true, false, ...UNKNOWN_VALUES], 'x-unknown': true },
    ),
    channels: arr({ vi: 'Kênh tiếp nhận hồ sơ', en: 'Submission channels' }, enumOf(pack, 'serviceChannel'), { uniqueItems: true }),
    handledBy: unknownable(
      ref(
        {
          vi: 'Hệ thống giải quyết',
          en: 'Handling system',
          dvi: 'Hệ thống thông tin giải quyết thủ tục hành chính hoặc hệ thống chuyên ngành xử lý hồ sơ (system:… hoặc national:…).',
          den: 'The procedure-handling or line-of-business system that processes the dossiers (system:… or national:…).',
        },
        ['system', 'national'],
      ),
    ),
    alsoUses: arr(
      { vi: 'Hệ thống khác sử dụng', en: 'Other systems used', dvi: 'Hệ thống, nền tảng, CSDL khác mà dịch vụ dùng (ví dụ CSDL dân cư, thanh toán trực tuyến).', den: 'Other systems, platforms or databases the service uses.' },
      ref({ vi: 'Hệ thống', en: 'System' }, ['system', 'national']),
      { uniqueItems: true },
    ),
    portalUrl: str({ vi: 'Địa chỉ trên Cổng Dịch vụ công quốc gia', en: 'Address on the National Public Service Portal', legal: LEGAL_1751 }, { format: 'uri' }),
    dossiers: arr(
      {
        vi: 'Số liệu hồ sơ theo kỳ',
        en: 'Dossier figures per period',
        dvi: 'Số hồ sơ tiếp nhận, tiếp nhận trực tuyến, xử lý trực tuyến trong mỗi kỳ; dùng để tính tỷ lệ hồ sơ trực tuyến.',
        den: 'Dossiers received, received online and processed online in each period; used to compute the share of dossiers online.',
        legal: LEGAL_1751,
      },
      obj(
        { vi: 'Hồ sơ trong kỳ', en: 'Dossiers in a period' },
        {
          period: period({ vi: 'Kỳ', en: 'Period' }),
          received: int({ vi: 'Số hồ sơ tiếp nhận', en: 'Dossiers received' }, 0),
          receivedOnline: int({ vi: 'Số hồ sơ tiếp nhận trực tuyến', en: 'Dossiers received online' }, 0),
          processedOnline: int({ vi: 'Số hồ sơ xử lý trực tuyến', en: 'Dossiers processed online' }, 0),
          withPersonalId: int({ vi: 'Số hồ sơ gắn định danh cá nhân', en: 'Dossiers tagged with a personal ID' }, 0),
          source: str({ vi: 'Nguồn số liệu', en: 'Source' }),
        },
        ['period', 'received'],
      ),
    ),
  };
  return obj(
    {
      vi: 'Dịch vụ công',
      en: 'Public service',
      dvi: 'Một thủ tục hành chính hoặc một nhóm thủ tục hành chính cung cấp cùng nhau, kèm mức độ trực tuyến, kênh tiếp nhận, hệ thống giải quyết và số liệu hồ sơ theo kỳ.',
      den: 'One administrative procedure or a group provided together, with its online level, channels, handling system and dossier figures per period.',
      legal: LEGAL_1751,
    },
    { ...properties, ...timeProperties('service', properties) },
    [...BASE_REQUIRED, 'provider', 'onlineLevel'],
  );
}

/**
 * A business function (chức năng nghiệp vụ) of a body: what it is assigned to do, under which its
 * services are grouped (the business layer of the architecture, BRM of QĐ 292/QĐ-BKHCN).
 */
export function businessFunctionSchema(): Schema {
  const properties: Record<string, Schema> = {
    ...baseProperties('BusinessFunction', { vi: 'chức năng nghiệp vụ', en: 'a business function' }),
    owner: unknownable(orgRef({ vi: 'Cơ quan thực hiện', en: 'Responsible body', dvi: 'Cơ quan được giao chức năng (agency:… hoặc org:…).', den: 'The body assigned the function (agency:… or org:…).' })),
    parent: ref({ vi: 'Chức năng cấp trên', en: 'Parent function' }, ['function']),
    fields: arr({ vi: 'Lĩnh vực', en: 'Fields', dvi: 'Lĩnh vực thủ tục hành chính thuộc chức năng.', den: 'Procedure fields within the function.' }, { type: 'string', minLength: 1, maxLength: 200 }, { uniqueItems: true }),
    supportedBy: arr(
      { vi: 'Hệ thống hỗ trợ', en: 'Supporting systems', dvi: 'Hệ thống, nền tảng hỗ trợ chức năng ngoài các hệ thống giải quyết dịch vụ.', den: 'Systems or platforms supporting the function beyond those handling its services.' },
      ref({ vi: 'Hệ thống', en: 'System' }, ['system', 'national']),
      { uniqueItems: true },
    ),
  };
  return obj(
    {
      vi: 'Chức năng nghiệp vụ',
      en: 'Business function',
      dvi: 'Chức năng, nhiệm vụ được giao của một cơ quan (ví dụ "Quản lý hộ tịch"); nhóm các dịch vụ công và hệ thống hỗ trợ trong kiến trúc nghiệp vụ.',
      den: 'A function assigned to a body (e.g. civil-status management); groups its public services and supporting systems in the business architecture.',
      legal: 'QĐ 292/QĐ-BKHCN (mô hình tham chiếu nghiệp vụ)',
    },
    { ...properties, ...timeProperties('function', properties) },
    [...BASE_REQUIRED, 'owner'],
  );
}

import type { FrameworkPack } from '../../framework/types.js';
import { BASE_REQUIRED, baseProperties, orgRef, period, timeProperties } from './common.js';
import { arr, bool, date, enumOf, int, obj, percent, ref, str, text, unknownable, type Schema } from './dsl.js';

export function datasetSchema(pack: FrameworkPack): Schema {
  const quality = obj(
    { vi: 'Lần đánh giá chất lượng', en: 'Quality assessment', legal: 'Nguyên tắc "đúng - đủ - sạch - sống" (QĐ 1751/QĐ-TTg; seed 003)' },
    {
      assessedOn: date({ vi: 'Ngày đánh giá', en: 'Assessed on' }),
      correct: percent({ vi: 'Đúng (%)', en: 'Correct (%)', dvi: 'Tỷ lệ bản ghi chính xác.', den: 'Share of records that are accurate.' }),
      complete: percent({ vi: 'Đủ (%)', en: 'Complete (%)', dvi: 'Tỷ lệ bản ghi đầy đủ thông tin bắt buộc.', den: 'Share of records with all mandatory fields.' }),
      clean: percent({ vi: 'Sạch (%)', en: 'Clean (%)', dvi: 'Tỷ lệ bản ghi đã chuẩn hóa, không trùng lặp, đã xác thực.', den: 'Share of records standardised, de-duplicated, verified.' }),
      live: percent({ vi: 'Sống (%)', en: 'Live (%)', dvi: 'Tỷ lệ bản ghi được cập nhật kịp thời.', den: 'Share of records kept up to date.' }),
      consistent: percent({ vi: 'Thống nhất (%)', en: 'Consistent (%)' }),
      shared: percent({ vi: 'Dùng chung (%)', en: 'Shared use (%)', dvi: 'Tỷ lệ bản ghi được khai thác, dùng chung qua nền tảng chia sẻ.', den: 'Share of records reused through sharing platforms.' }),
      method: str({ vi: 'Phương pháp đánh giá', en: 'Method' }),
      by: orgRef({ vi: 'Đơn vị đánh giá', en: 'Assessed by' }),
    },
    ['assessedOn', 'correct', 'complete', 'clean', 'live'],
  );
  const properties: Record<string, Schema> = {
    ...baseProperties('Dataset', { vi: 'cơ sở dữ liệu, tập dữ liệu', en: 'a database or dataset' }),
    scope: enumOf(pack, 'dataScope'),
    layer: unknownable(enumOf(pack, 'dataLayer')),
    block: unknownable(enumOf(pack, 'dataBlock')),
    sharing: unknownable(enumOf(pack, 'sharingClass')),
    criticality: unknownable(enumOf(pack, 'criticality')),
    personalData: unknownable(enumOf(pack, 'personalData')),
    stateSecret: bool({ vi: 'Chứa bí mật nhà nước', en: 'Holds state secrets' }),
    classifiedOn: date({ vi: 'Ngày hoàn thành phân loại', en: 'Classified on', legal: 'QĐ 1751/QĐ-TTg mục VII.3.đ' }),
    owner: unknownable(orgRef({ vi: 'Chủ sở hữu dữ liệu', en: 'Data owner', legal: 'Luật Dữ liệu 60/2024/QH15' })),
    custodian: unknownable(orgRef({ vi: 'Chủ quản dữ liệu', en: 'Data custodian', legal: 'Luật Dữ liệu 60/2024/QH15' })),
    system: ref({ vi: 'Hệ thống lưu trữ', en: 'Hosting system' }, ['system']),
    nationalDatabase: ref({ vi: 'Liên kết CSDL quốc gia', en: 'Linked national database', dvi: 'CSDL quốc gia, chuyên ngành mà tập dữ liệu này cung cấp hoặc đồng bộ với.', den: 'National or sectoral database this dataset feeds or mirrors.' }, ['national']),
    nationalRole: enumOf(pack, 'nationalRole', { dvi: 'Cơ quan tạo lập dữ liệu cho CSDL quốc gia (contributor, mặc định) hay giữ bản sao khai thác từ CSDL quốc gia (replica, không có nghĩa vụ đồng bộ).', den: 'Whether the agency creates data for the national database (contributor, default) or keeps a copy taken from it (replica, no sync duty).' }),
    nq71: bool({ vi: 'Thuộc Phụ lục II Nghị quyết 71/NQ-CP', en: 'Listed in Annex II of Resolution 71', legal: 'NQ 71/NQ-CP Phụ lục II; QĐ 1751/QĐ-TTg mục VII.3.c' }),
    nationalStore: enumOf(pack, 'nationalStore'),
    sync: obj(
      { vi: 'Đồng bộ về CSDL tổng hợp quốc gia', en: 'Sync to the national consolidated database', legal: 'NĐ 278/2025/NĐ-CP; QĐ 1751/QĐ-TTg' },
      {
        status: enumOf(pack, 'syncStatus'),
        channel: ref({ vi: 'Nền tảng đồng bộ', en: 'Sync platform' }, ['national']),
        integration: ref({ vi: 'Kết nối thực hiện', en: 'Integration used' }, ['integration']),
        since: date({ vi: 'Đồng bộ từ ngày', en: 'Live since' }),
        plannedDate: date({ vi: 'Thời hạn kế hoạch', en: 'Planned date' }),
        coverage: percent({ vi: 'Tỷ lệ bản ghi đã đồng bộ (%)', en: 'Records synchronised (%)' }),
      },
      ['status'],
    ),
    records: int({ vi: 'Số bản ghi', en: 'Records' }, 0),
    updateFrequency: enumOf(pack, 'updateFrequency'),
    dictionary: enumOf(pack, 'dictionaryConformance'),
    standardised: bool({ vi: 'Đã chuẩn hóa theo tiêu chuẩn chung', en: 'Standardised to common standards', legal: 'NQ 214/NQ-CP' }),
    quality: arr({ vi: 'Đánh giá chất lượng dữ liệu', en: 'Data-quality assessments' }, quality),
    openData: obj(
      { vi: 'Công bố dữ liệu mở', en: 'Open-data publication', legal: 'NĐ 194/2025/NĐ-CP' },
      {
        license: str({ vi: 'Giấy phép', en: 'Licence' }),
        formats: arr({ vi: 'Định dạng', en: 'Formats' }, { type: 'string', minLength: 1, maxLength: 20 }, { uniqueItems: true }),
        url: str({ vi: 'Địa chỉ công bố', en: 'Published at' }, { format: 'uri' }),
        portal: ref({ vi: 'Cổng dữ liệu', en: 'Data portal' }, ['system', 'national']),
        publishedOn: date({ vi: 'Ngày công bố', en: 'Published on' }),
      },
    ),
    protection: obj(
      { vi: 'Bảo vệ dữ liệu cá nhân', en: 'Personal-data protection', legal: 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; NĐ 356/2025/NĐ-CP' },
      {
        impactAssessment: date({ vi: 'Ngày lập hồ sơ đánh giá tác động xử lý dữ liệu cá nhân', en: 'Impact assessment date' }),
        measures: text({ vi: 'Biện pháp bảo vệ', en: 'Protection measures' }),
      },
    ),
    sharingRequests: arr(
      { vi: 'Yêu cầu chia sẻ theo kỳ', en: 'Sharing requests per period', legal: 'Seed 003 mục 1.b (tỉ lệ đáp ứng yêu cầu chia sẻ); NĐ 194/2025/NĐ-CP Điều 16' },
      obj({ vi: 'Yêu cầu chia sẻ trong kỳ', en: 'Requests in a period' }, {
        period: period({ vi: 'Kỳ', en: 'Period' }),
        received: int({ vi: 'Số yêu cầu nhận được', en: 'Received' }, 0),
        met: int({ vi: 'Số yêu cầu đáp ứng', en: 'Met' }, 0),
        refusedInWriting: int({ vi: 'Số yêu cầu từ chối có văn bản nêu lý do', en: 'Refused in writing' }, 0),
        pending: int({ vi: 'Số yêu cầu đang xử lý', en: 'Pending' }, 0),
      }, ['period', 'received', 'met']),
    ),
  };
  return obj(
    { vi: 'Cơ sở dữ liệu, tập dữ liệu', en: 'Database or dataset' },
    { ...properties, ...timeProperties('dataset', properties) },
    [...BASE_REQUIRED, 'scope'],
  );
}

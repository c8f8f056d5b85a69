import type { FrameworkPack } from '../../framework/types.js';
import { BASE_REQUIRED, baseProperties, deadline, orgRef, period } from './common.js';
import { arr, bool, date, doc, enumOf, num, obj, ref, str, type Schema } from './dsl.js';
import { ID_PATTERN } from '../../core/ref.js';

export function kpiSchema(pack: FrameworkPack): Schema {
  const value = num({ vi: 'Giá trị', en: 'Value', dvi: 'Với đơn vị "milestone": tỷ lệ hoàn thành 0–100.', den: 'For "milestone": percent complete, 0–100.' });
  return obj(
    { vi: 'Chỉ tiêu', en: 'KPI', legal: 'Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT (mục tiêu, chỉ số đo lường cụ thể)' },
    {
      ...baseProperties('Kpi', { vi: 'chỉ tiêu', en: 'a KPI' }),
      nationalTarget: ref({ vi: 'Chỉ tiêu quốc gia', en: 'National target', dvi: 'Chỉ tiêu quốc gia mà chỉ tiêu này thực hiện (target:…).', den: 'National target this KPI implements (target:…).' }, ['target']),
      unit: unitSchema(pack),
      statistic: bool({
        vi: 'Số liệu thống kê hiện trạng',
        en: 'Current-state statistic',
        dvi: 'true: chỉ số đo hiện trạng (ví dụ số trạm BTS, km cáp quang), không đặt mục tiêu; không cần target, nhiệm vụ hay giá trị cơ sở, chỉ cần các lần đo có ngày, đơn vị, nguồn.',
        den: 'true: a current-state figure (e.g. base stations, km of fibre) with no target; needs no target, task or baseline, only measurements with date, unit and source.',
      }),
      direction: enumOf(pack, 'kpiDirection'),
      owner: orgRef({ vi: 'Cơ quan chịu trách nhiệm', en: 'Responsible body' }),
      area: enumOf(pack, 'taskArea'),
      baseline: obj(
        { vi: 'Giá trị cơ sở', en: 'Baseline' },
        { value, date: date({ vi: 'Thời điểm', en: 'Date' }), source: str({ vi: 'Nguồn số liệu', en: 'Source' }) },
        ['value', 'date'],
      ),
      measurements: arr(
        { vi: 'Kết quả đo', en: 'Measurements' },
        obj(
          { vi: 'Một lần đo', en: 'Measurement' },
          {
            date: date({ vi: 'Thời điểm', en: 'Date' }),
            period: period({ vi: 'Kỳ số liệu', en: 'Period', dvi: 'Kỳ mà số đo phản ánh khi số liệu tính theo kỳ (ví dụ hồ sơ trong quý).', den: 'Period the figure covers when it is per period (e.g. dossiers in a quarter).' }),
            value,
            source: str({ vi: 'Nguồn số liệu', en: 'Source', dvi: 'Hệ thống hoặc báo cáo cung cấp số liệu.', den: 'System or report the figure comes from.' }),
            numerator: num({ vi: 'Tử số', en: 'Numerator' }, 0),
            denominator: num({ vi: 'Mẫu số', en: 'Denominator', dvi: 'Cũng là trọng số khi tổng hợp nhiều cơ quan (ví dụ số hồ sơ).', den: 'Also the weight when rolling up agencies (e.g. number of dossiers).' }, 0),
            note: str({ vi: 'Ghi chú', en: 'Note' }),
          },
          ['date', 'value', 'source'],
        ),
      ),
      target: obj(
        { vi: 'Mục tiêu của cơ quan', en: 'Agency target' },
        { value, deadline: deadline({ vi: 'Thời hạn', en: 'Deadline' }) },
        ['value', 'deadline'],
      ),
      milestones: arr(
        { vi: 'Mốc trung gian', en: 'Interim milestones' },
        obj({ vi: 'Mốc', en: 'Milestone' }, { value, deadline: deadline({ vi: 'Thời hạn', en: 'Deadline' }) }, ['value', 'deadline']),
      ),
    },
    [...BASE_REQUIRED, 'unit'],
  );
}

/** A unit of the pack's catalogue (kientruc schema --list units) or one the agency declares in agency.units. */
function unitSchema(pack: FrameworkPack): Schema {
  const def = pack.enums['kpiUnit'];
  const values = def?.values ?? [];
  return doc(
    {
      vi: 'Đơn vị đo',
      en: 'Unit',
      dvi: `Đơn vị trong danh mục của bộ khung (${values.map((v) => v.value).join(', ')}) hoặc đơn vị cơ quan khai báo trong agency.units.`,
      den: `A unit of the framework catalogue (${values.map((v) => v.value).join(', ')}) or one the agency declares in agency.units.`,
      legal: def?.source ?? '',
      examples: values.map((v) => v.value),
    },
    { type: 'string', pattern: ID_PATTERN, maxLength: 40 },
  );
}

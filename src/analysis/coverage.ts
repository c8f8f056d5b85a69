import type { IsoDate } from '../core/dates.js';
import { text, type Text } from '../core/text.js';
import type { NationalTarget } from '../framework/types.js';
import type { Model } from '../model/model.js';
import { isClassified, isNationalOrSectoralDb, isPublishedOpen, isQualityStale, isSynchronised, latestQuality, needsQualityAssessment, qualityMaxAgeDays } from './datasets.js';
import { displayDate, displayValue, percentOf } from './display.js';
import { integrationEnds, isActiveIntegration, isThroughPlatform } from './endpoints.js';
import { meets } from './kpis.js';
import { isFullyOnline, isOnNationalPortal, serviceFigures } from './services.js';
import { hasApprovedSecurityLevel, isInSecurityScope } from './systems.js';

/** One coverage measure computed from the model itself. */
export interface CoverageRow {
  /** The measure id; pack targets name it in `measure`. */
  readonly id: string;
  readonly label: Text;
  /** How it is counted, one sentence. */
  readonly method: Text;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Percentage, or a level for `governance-maturity`; null when nothing to count. */
  readonly value: number | null;
  readonly unit: 'percent' | 'level' | 'milestone';
  readonly display: string | null;
  /** The national target measured by this, when the pack has one. */
  readonly target: CoverageTarget | null;
  /** Whether the value meets that target today (null without a target or a value). */
  readonly meetsTarget: boolean | null;
  readonly legalRef: string | null;
  /** Entities that do not count towards the numerator (sorted refs), for drill-down. */
  readonly missing: readonly string[];
  /** What the value is computed from, when a report should say it ("tính từ 20 dịch vụ công"). */
  readonly basis: Text | null;
}

export interface CoverageTarget {
  readonly ref: string;
  readonly name: string;
  readonly value: number | null;
  readonly display: string | null;
  readonly deadline: IsoDate | null;
  readonly deadlineDisplay: string | null;
  readonly confirmed: boolean;
}

interface Counted {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly missing: readonly string[];
  readonly basis?: Text;
}

function share<T extends { readonly ref: string }>(population: readonly T[], ok: (t: T) => boolean): Counted {
  const missing = population.filter((t) => !ok(t)).map((t) => t.ref);
  const numerator = population.length - missing.length;
  return { numerator, denominator: population.length, value: percentOf(numerator, population.length), missing };
}

/** The target measured by `measure`, preferring one the agency itself must meet. */
function targetFor(model: Model, measure: string): NationalTarget | undefined {
  const list = model.pack.targets.filter((t) => t.measure === measure);
  return list.find((t) => t.appliesTo === 'agency') ?? list[0];
}

/**
 * Architecture coverage measured from the model at `asOf`: the pack's `measure` ids plus systems with
 * an approved security level, integrations through shared platforms, datasets quality-assessed and
 * open data published. Each against its national target where the pack has one.
 */
export function computeCoverage(model: Model, asOf: IsoDate): CoverageRow[] {
  const systems = model.all('system');
  const datasets = model.all('dataset');
  const integrations = model.all('integration').filter(isActiveIntegration);
  const own = datasets.filter((d) => d.nationalRole !== 'replica');
  const a = model.agency;
  const rows: { id: string; label: Text; method: Text; unit: CoverageRow['unit']; legalRef: string | null; counted: Counted }[] = [];
  const add = (id: string, label: Text, method: Text, counted: Counted, legalRef: string | null, unit: CoverageRow['unit'] = 'percent') =>
    rows.push({ id, label, method, unit, legalRef, counted });

  add(
    'systems-security-approved',
    text('Hệ thống thông tin được phê duyệt cấp độ an toàn', 'Systems with an approved security level'),
    text('Hệ thống đang xây dựng, vận hành, nâng cấp có cấp độ, hồ sơ đã phê duyệt và quyết định phê duyệt.', 'Systems being built, operating or upgraded with a level, approved dossier and decision.'),
    share(systems.filter(isInSecurityScope), hasApprovedSecurityLevel),
    'NĐ 85/2016/NĐ-CP Điều 12–17',
  );
  add(
    'integrations-shared-platform',
    text('Kết nối liên cơ quan qua nền tảng dùng chung', 'Inter-agency integrations through shared platforms'),
    text('Kết nối còn hiệu lực giữa hai cơ quan khác nhau, đi qua LGSP, NDXP, NDOP hoặc VDXP.', 'Active integrations between two bodies that use LGSP, NDXP, NDOP or VDXP.'),
    share(integrations.filter((it) => { const e = integrationEnds(model, it); return e.fromOwner !== undefined && e.toOwner !== undefined && e.fromOwner !== e.toOwner; }), isThroughPlatform),
    'NĐ 194/2025/NĐ-CP Điều 20',
  );
  add(
    'mandatory-via-ndop',
    text('Kết nối chia sẻ bắt buộc qua NDOP', 'Mandatory sharing through NDOP'),
    text('Kết nối còn hiệu lực thuộc diện chia sẻ dữ liệu bắt buộc, thực hiện qua NDOP.', 'Active mandatory integrations that run through NDOP.'),
    share(integrations.filter((it) => it.mandatory === true), (it) => it.channel === 'ndop'),
    'NĐ 278/2025/NĐ-CP',
  );
  add(
    'datasets-classified',
    text('Tập dữ liệu đã phân loại', 'Datasets classified'),
    text('Tập dữ liệu đã khai báo phân loại chia sẻ, mức độ quan trọng và dữ liệu cá nhân.', 'Datasets with sharing class, criticality and personal-data category declared.'),
    share(datasets, isClassified),
    'Luật Dữ liệu 60/2024/QH15; QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
  );
  add(
    'databases-synchronised',
    text('CSDL quốc gia, chuyên ngành đồng bộ về CSDL tổng hợp quốc gia', 'National and sectoral databases synchronised'),
    text('Cơ sở dữ liệu quốc gia, chuyên ngành do cơ quan tạo lập (không tính bản sao khai thác) đã đồng bộ thường xuyên.', 'National and sectoral databases the agency creates (replicas excluded) synchronised on a live basis.'),
    share(own.filter(isNationalOrSectoralDb), isSynchronised),
    'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.b',
  );
  add(
    'personal-data-synchronised',
    text('Dữ liệu về công dân đồng bộ về CSDL tổng hợp quốc gia', 'Citizen data synchronised'),
    text('Tập dữ liệu có dữ liệu cá nhân do cơ quan tạo lập (không tính bản sao khai thác) đã đồng bộ thường xuyên.', 'Datasets with personal data the agency creates (replicas excluded) synchronised on a live basis.'),
    share(own.filter((d) => d.personalData === 'basic' || d.personalData === 'sensitive'), isSynchronised),
    'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.b',
  );
  add(
    'sectoral-db-standardised',
    text('CSDL chuyên ngành đã chuẩn hóa', 'Sectoral databases standardised'),
    text('Cơ sở dữ liệu chuyên ngành do cơ quan tạo lập đã chuẩn hóa theo tiêu chuẩn chung.', 'Sectoral databases the agency creates that are standardised.'),
    share(own.filter((d) => d.scope === 'sectoral'), (d) => d.standardised === true),
    'NQ 214/NQ-CP',
  );
  add(
    'datasets-quality-assessed',
    text('Tập dữ liệu được đánh giá chất lượng còn hiệu lực', 'Datasets with a current quality assessment'),
    text(
      `Dữ liệu dùng chung, dữ liệu mở, dữ liệu chủ, CSDL quốc gia, chuyên ngành được đánh giá đúng – đủ – sạch – sống trong ${qualityMaxAgeDays(model)} ngày gần nhất.`,
      `Shared, open and master data and national/sectoral databases assessed in the last ${qualityMaxAgeDays(model)} days.`,
    ),
    share(datasets.filter(needsQualityAssessment), (d) => { const q = latestQuality(d, asOf); return q !== undefined && !isQualityStale(model, q, asOf); }),
    'QĐ 1751/QĐ-TTg Điều 1 mục VII.3.c',
  );
  add(
    'open-datasets-published',
    text('Dữ liệu mở đã công bố', 'Open data published'),
    text('Tập dữ liệu phân loại dữ liệu mở có địa chỉ hoặc ngày công bố.', 'Datasets classified open with a publication address or date.'),
    share(datasets.filter((d) => d.sharing === 'open'), isPublishedOpen),
    'NĐ 194/2025/NĐ-CP',
  );
  // Public services (kind: Service): the two service KPIs of QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a and the
  // share on the National Public Service Portal, each saying how many services it is computed from.
  // Only when the model declares services: without them the KPIs stay declared (no empty rows).
  const services = model.all('service');
  const sf = serviceFigures(model, asOf);
  if (services.length > 0) {
    const fromServices = (n: number): Text => text(`tính từ ${n} dịch vụ công`, `computed from ${n} public services`);
    add(
      'services-full-online',
      text('Thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình', 'Eligible procedures offered fully online'),
      text(
        `Dịch vụ công khai báo đủ điều kiện cung cấp trực tuyến toàn trình (${sf.eligible} trên ${sf.services} dịch vụ công của mô hình) đang cung cấp dịch vụ công trực tuyến toàn trình.`,
        `Services declared eligible for full online provision (${sf.eligible} of the model's ${sf.services} public services) that are offered fully online.`,
      ),
      { ...share(services.filter((s) => s.eligibleFullOnline === true), isFullyOnline), basis: fromServices(sf.eligible) },
      'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
    );
    const d = sf.dossiers;
    add(
      'service-dossiers-online',
      text('Hồ sơ thủ tục hành chính được xử lý trực tuyến', 'Dossiers processed online'),
      d
        ? text(
            `Hồ sơ xử lý trực tuyến (hoặc tiếp nhận trực tuyến khi dịch vụ không khai báo số xử lý trực tuyến) trên hồ sơ tiếp nhận, ${d.period.labelVi.charAt(0).toLocaleLowerCase('vi')}${d.period.labelVi.slice(1)}, ${d.services} dịch vụ công có số liệu.`,
            `Dossiers processed online (received online where a service does not declare it) over dossiers received, ${d.period.labelEn}, ${d.services} public services reporting.`,
          )
        : text('Hồ sơ xử lý trực tuyến trên hồ sơ tiếp nhận, kỳ gần nhất các dịch vụ công khai báo số liệu.', 'Dossiers processed online over dossiers received, in the latest period the public services report.'),
      d
        ? { numerator: d.online, denominator: d.received, value: percentOf(d.online, d.received), missing: [], basis: fromServices(d.services) }
        : { numerator: null, denominator: null, value: null, missing: [] },
      'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
    );
    const online = services.filter((s) => s.onlineLevel === 'full' || s.onlineLevel === 'partial');
    add(
      'services-on-national-portal',
      text('Dịch vụ công trực tuyến triển khai trên Cổng Dịch vụ công quốc gia', 'Online services on the National Public Service Portal'),
      text('Dịch vụ công trực tuyến (toàn trình, một phần) có kênh Cổng Dịch vụ công quốc gia hoặc địa chỉ trên Cổng.', 'Online services (full or partial) with the National Public Service Portal as a channel or a portal address.'),
      { ...share(online, isOnNationalPortal), basis: fromServices(online.length) },
      'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
    );
  }
  const staff = a?.staffing;
  const required = staff?.itStaffRequired ?? staff?.itStaff;
  const certified = staff?.itStaffCertified;
  add(
    'it-staff-certified',
    text('Nhân sự chuyên trách CNTT, chuyển đổi số có chứng chỉ', 'Certified dedicated IT staff'),
    text('Số nhân sự chuyên trách có chứng chỉ phù hợp trên định biên cần có (hoặc trên số nhân sự chuyên trách).', 'Certified dedicated staff over the staff required (or the dedicated staff).'),
    certified !== undefined && required !== undefined && required > 0
      ? { numerator: certified, denominator: required, value: Math.min(100, percentOf(certified, required) ?? 0), missing: [] }
      : { numerator: null, denominator: null, value: null, missing: [] },
    'Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT',
  );
  const rules = a?.security?.internalNetworkRules?.status;
  add(
    'internal-network-rules',
    text('Quy chế sử dụng mạng nội bộ, mạng kết nối Internet', 'Internal-network and Internet use rules'),
    text('100% khi quy chế đã ban hành, 0% khi chưa.', '100% once issued, 0% otherwise.'),
    a ? { numerator: rules === 'approved' ? 1 : 0, denominator: 1, value: rules === 'approved' ? 100 : 0, missing: rules === 'approved' ? [] : [a.ref] } : { numerator: null, denominator: null, value: null, missing: [] },
    'Quy định 05-QĐ/BCĐTW; CV 1215/TTg-KSTT',
    'milestone',
  );
  const level = a?.governance?.maturityLevel;
  add(
    'governance-maturity',
    text('Cấp độ trưởng thành quản trị dữ liệu', 'Data-governance maturity level'),
    text('Cấp độ do cơ quan tự đánh giá.', 'The level the agency declares.'),
    { numerator: null, denominator: null, value: level ?? null, missing: level === undefined && a ? [a.ref] : [] },
    'QĐ 3090/QĐ-BKHCN',
    'level',
  );

  return rows.map(({ id, label, method, unit, legalRef, counted }) => {
    const t = targetFor(model, id);
    const target: CoverageTarget | null = t
      ? { ref: t.ref, name: t.name, value: t.value, display: displayValue(t.value, t.unit), deadline: t.deadline, deadlineDisplay: displayDate(t.deadline), confirmed: t.confirmed }
      : null;
    const meetsTarget = t && t.value !== null && counted.value !== null ? meets(counted.value, { value: t.value, comparator: t.comparator }) : null;
    return {
      id,
      label,
      method,
      numerator: counted.numerator,
      denominator: counted.denominator,
      value: counted.value,
      unit,
      display: displayValue(counted.value, unit),
      target,
      meetsTarget,
      legalRef,
      missing: counted.missing,
      basis: counted.basis ?? null,
    };
  });
}

import type { IsoDate } from '../core/dates.js';
import { text, type Text } from '../core/text.js';
import type { NationalTarget } from '../framework/types.js';
import { localRefOf, parseRef } from '../core/ref.js';
import { isUnknown } from '../core/unknown.js';
import type { Model } from '../model/model.js';
import type { Dataset, Entity, EntityByKind, Integration, Service, System } from '../model/types.js';
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

/** How one entity counts towards a share: 0 outside its population, 1 in it but not counted, 2 counted. */
type Count = 0 | 1 | 2;
const countOf = (inPopulation: boolean, ok: () => boolean): Count => (!inPopulation ? 0 : ok() ? 2 : 1);

/**
 * The share measures counted entity by entity, by the kind they count: how one entity counts towards
 * each depends on that entity alone (and the pack and the date), except an integration's inter-agency
 * test, which reads the owners of its ends (`integrationEnds`). One table for the whole count
 * (`computeCoverage`) and the summed one (`ShareSums`), so both count alike.
 */
const SHARES = {
  system: [['systems-security-approved', (_m: Model, s: System): Count => countOf(isInSecurityScope(s), () => hasApprovedSecurityLevel(s))]],
  integration: [
    [
      'integrations-shared-platform',
      (m: Model, it: Integration): Count => {
        if (!isActiveIntegration(it)) return 0;
        const e = integrationEnds(m, it);
        return countOf(e.fromOwner !== undefined && e.toOwner !== undefined && e.fromOwner !== e.toOwner, () => isThroughPlatform(it));
      },
    ],
    ['mandatory-via-ndop', (_m: Model, it: Integration): Count => countOf(isActiveIntegration(it) && it.mandatory === true, () => it.channel === 'ndop')],
  ],
  dataset: [
    ['datasets-classified', (_m: Model, d: Dataset): Count => countOf(true, () => isClassified(d))],
    ['databases-synchronised', (_m: Model, d: Dataset): Count => countOf(d.nationalRole !== 'replica' && isNationalOrSectoralDb(d), () => isSynchronised(d))],
    ['personal-data-synchronised', (_m: Model, d: Dataset): Count => countOf(d.nationalRole !== 'replica' && (d.personalData === 'basic' || d.personalData === 'sensitive'), () => isSynchronised(d))],
    ['sectoral-db-standardised', (_m: Model, d: Dataset): Count => countOf(d.nationalRole !== 'replica' && d.scope === 'sectoral', () => d.standardised === true)],
    [
      'datasets-quality-assessed',
      (m: Model, d: Dataset, asOf: IsoDate): Count =>
        countOf(needsQualityAssessment(d), () => {
          const q = latestQuality(d, asOf);
          return q !== undefined && !isQualityStale(m, q, asOf);
        }),
    ],
    ['open-datasets-published', (_m: Model, d: Dataset): Count => countOf(d.sharing === 'open', () => isPublishedOpen(d))],
  ],
  service: [
    ['services-full-online', (_m: Model, s: Service): Count => countOf(s.eligibleFullOnline === true, () => isFullyOnline(s))],
    ['services-on-national-portal', (_m: Model, s: Service): Count => countOf(s.onlineLevel === 'full' || s.onlineLevel === 'partial', () => isOnNationalPortal(s))],
  ],
} as const satisfies { readonly [K in SharedKind]: readonly (readonly [string, (m: Model, e: EntityByKind[K], asOf: IsoDate) => Count])[] };

type SharedKind = 'system' | 'integration' | 'dataset' | 'service';
const SHARED_KINDS: readonly SharedKind[] = ['system', 'dataset', 'service', 'integration'];

/** The counter of share `id` over the entities of its kind. */
function counterOf(id: string): { readonly kind: SharedKind; readonly count: (m: Model, e: Entity, asOf: IsoDate) => Count } {
  for (const kind of SHARED_KINDS) for (const [sid, count] of SHARES[kind]) if (sid === id) return { kind, count: count as (m: Model, e: Entity, asOf: IsoDate) => Count };
  throw new Error(`no share measure ${id}`);
}

/** A share counted over every entity of its kind, with the entities not counted (in model order). */
function share(model: Model, id: string, asOf: IsoDate): Counted {
  const { kind, count } = counterOf(id);
  const missing: string[] = [];
  let numerator = 0;
  for (const e of model.all(kind)) {
    const c = count(model, e, asOf);
    if (c === 2) numerator++;
    else if (c === 1) missing.push(e.ref);
  }
  const denominator = numerator + missing.length;
  return { numerator, denominator, value: percentOf(numerator, denominator), missing };
}

/** A share from sums kept entity by entity (`ShareSums`): no list of the entities not counted. */
function summed(sums: ReadonlyMap<string, { readonly numerator: number; readonly denominator: number }>, id: string): Counted {
  const s = sums.get(id) ?? { numerator: 0, denominator: 0 };
  return { numerator: s.numerator, denominator: s.denominator, value: percentOf(s.numerator, s.denominator), missing: [] };
}

/**
 * The share measures of one model, summed entity by entity and kept from one model to the next of the
 * same pack and date: each entity's count towards each share of its kind is kept with the entity (the
 * same object from model to model while its document is unchanged), and a new model re-counts only the
 * entities that are not the same objects as in the model before (found by walking each kind's list, in
 * ref order, comparing objects), and the integrations whose ends read an entity that changed (what
 * `integrationEnds` looked up: the systems and bodies of each end and the bodies above them; the agency
 * changing re-counts everything). The sums are those of `share` over the whole kind.
 */
class ShareSums {
  private agency: Entity | undefined | null = null;
  private readonly lists = new Map<SharedKind | 'org', readonly Entity[]>();
  /** Each entity's counts towards the shares of its kind, 2 bits per share (table order). */
  private readonly counts = new Map<Entity, number>();
  readonly sums = new Map<string, { numerator: number; denominator: number }>();
  /** What each integration's ends looked up (`model.get`), and the integrations that looked up each ref. */
  private readonly deps = new Map<string, readonly string[]>();
  private readonly dependents = new Map<string, Set<string>>();

  constructor(private readonly asOf: IsoDate) {}

  update(model: Model): void {
    recounted = 0;
    if (model.agency !== this.agency) {
      // The agency's code and its entity decide how every end resolves: count everything again.
      this.agency = model.agency;
      this.lists.clear();
      this.counts.clear();
      this.sums.clear();
      this.deps.clear();
      this.dependents.clear();
    }
    // Systems and bodies that are not the same objects as before: the integrations whose ends read them count again.
    const changed = new Set<string>();
    const walk = (kind: SharedKind | 'org', onChange: (was: Entity | undefined, is: Entity | undefined) => void): void => {
      const now = model.all(kind) as readonly Entity[];
      const old = this.lists.get(kind) ?? [];
      this.lists.set(kind, now);
      if (old === now) return;
      let i = 0;
      let j = 0;
      while (i < old.length || j < now.length) {
        const a = old[i];
        const b = now[j];
        if (a === b) {
          i++;
          j++;
        } else if (a !== undefined && b !== undefined && a.ref === b.ref) {
          onChange(a, b);
          i++;
          j++;
        } else if (b === undefined || (a !== undefined && a.ref < b.ref)) {
          onChange(a, undefined);
          i++;
        } else {
          onChange(undefined, b);
          j++;
        }
      }
    };
    walk('org', (was, is) => changed.add((was ?? is)?.ref as string));
    for (const kind of SHARED_KINDS) {
      walk(kind, (was, is) => {
        if (kind === 'system') changed.add((was ?? is)?.ref as string);
        if (was) this.remove(kind, was);
        if (is) this.add(model, kind, is);
      });
    }
    if (changed.size === 0) return;
    const again = new Set<string>();
    for (const ref of changed) for (const it of this.dependents.get(ref) ?? []) again.add(it);
    for (const ref of again) {
      const it = model.get(ref);
      if (!it || !this.counts.has(it)) continue;
      this.remove('integration', it);
      this.add(model, 'integration', it);
    }
  }

  private add(model: Model, kind: SharedKind, e: Entity): void {
    recounted++;
    let packed = 0;
    // What an integration's ends look up in the model (`integrationEnds`): its count depends on those.
    const looked = kind === 'integration' ? endLookups(model, e as Integration) : undefined;
    SHARES[kind].forEach(([id, count], i) => {
      const c = (count as (m: Model, e: Entity, asOf: IsoDate) => Count)(model, e, this.asOf);
      packed |= c << (2 * i);
      if (c === 0) return;
      const s = this.sum(id);
      s.denominator++;
      if (c === 2) s.numerator++;
    });
    this.counts.set(e, packed);
    if (looked) {
      this.deps.set(e.ref, looked);
      for (const ref of looked) {
        const set = this.dependents.get(ref);
        if (set) set.add(e.ref);
        else this.dependents.set(ref, new Set([e.ref]));
      }
    }
  }

  private remove(kind: SharedKind, e: Entity): void {
    const packed = this.counts.get(e);
    if (packed === undefined) return;
    this.counts.delete(e);
    SHARES[kind].forEach(([id], i) => {
      const c = (packed >> (2 * i)) & 3;
      if (c === 0) return;
      const s = this.sum(id);
      s.denominator--;
      if (c === 2) s.numerator--;
    });
    const looked = kind === 'integration' ? this.deps.get(e.ref) : undefined;
    if (looked) {
      this.deps.delete(e.ref);
      for (const ref of looked) this.dependents.get(ref)?.delete(e.ref);
    }
  }

  private sum(id: string): { numerator: number; denominator: number } {
    let s = this.sums.get(id);
    if (!s) this.sums.set(id, (s = { numerator: 0, denominator: 0 }));
    return s;
  }
}

/**
 * The refs `integrationEnds` looks up in the model for `it` (`model.get`, also through `model.org`):
 * each end's own ref as written without the agency's code (a system, a body, or a ref that does not
 * resolve yet), and, from the body that owns it, the bodies above it that `bodyOf` climbs through. More
 * than it reads is harmless (an integration counted again for nothing); less would leave a count stale.
 */
function endLookups(model: Model, it: Integration): string[] {
  const out: string[] = [];
  const climb = (org: string): void => {
    // As `bodyOf`: every ref it asks about, up to the first that is not a unit with a parent.
    const seen = new Set<string>();
    let cur = org;
    for (;;) {
      out.push(cur);
      const e = model.get(cur);
      if (!e || e.entityKind !== 'org' || e.level !== 'unit' || e.parent === undefined || seen.has(cur)) return;
      seen.add(cur);
      cur = e.parent;
    }
  };
  for (const raw of [it.from, it.to]) {
    const parsed = parseRef(raw);
    if (!parsed || (parsed.agency !== undefined && parsed.agency !== model.agency?.code)) continue;
    const ref = localRefOf(raw, parsed);
    out.push(ref);
    const e = model.get(ref);
    if (e?.entityKind === 'system' && !isUnknown(e.owner)) climb(e.owner);
    else if (e?.entityKind === 'org' || e?.entityKind === 'agency') climb(ref);
  }
  return out;
}

let recounted = 0;

/** How many entities the last summed coverage counted (again): what an edit cost it (tests). */
export function shareSumsRecounted(): number {
  return recounted;
}

/**
 * The sums kept per pack and date (one architecture's models in turn: the language server, the daemon),
 * or null for a pack and date asked about once: a one-off check counts in full (cheaper than keeping
 * every entity's count), and the sums are made from the second model on.
 */
const SUMS = new WeakMap<object, Map<IsoDate, ShareSums | null>>();

function shareSumsOf(model: Model, asOf: IsoDate): ReadonlyMap<string, { readonly numerator: number; readonly denominator: number }> | undefined {
  let byDate = SUMS.get(model.pack);
  if (!byDate) SUMS.set(model.pack, (byDate = new Map()));
  let sums = byDate.get(asOf);
  if (sums === undefined) {
    // A few dates at most (the report date, the target state's): the oldest goes past eight.
    if (byDate.size >= 8) byDate.delete(byDate.keys().next().value as IsoDate);
    byDate.set(asOf, null);
    return undefined;
  }
  if (sums === null) byDate.set(asOf, (sums = new ShareSums(asOf)));
  sums.update(model);
  return sums.sums;
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
export function computeCoverage(model: Model, asOf: IsoDate, opts: { readonly summed?: boolean } = {}): CoverageRow[] {
  // `summed`: the shares from sums kept entity by entity across models (`ShareSums`), re-counting only
  // the entities that changed; their rows list no missing entities (what the rules compare: the values).
  // The first time a pack and date are asked about, counted in full (see `shareSumsOf`).
  const sums = opts.summed ? shareSumsOf(model, asOf) : undefined;
  const counted = (id: string): Counted => (sums ? summed(sums, id) : share(model, id, asOf));
  const a = model.agency;
  const rows: { id: string; label: Text; method: Text; unit: CoverageRow['unit']; legalRef: string | null; counted: Counted }[] = [];
  const add = (id: string, label: Text, method: Text, counted: Counted, legalRef: string | null, unit: CoverageRow['unit'] = 'percent') =>
    rows.push({ id, label, method, unit, legalRef, counted });

  add(
    'systems-security-approved',
    text('Hệ thống thông tin được phê duyệt cấp độ an toàn', 'Systems with an approved security level'),
    text('Hệ thống đang xây dựng, vận hành, nâng cấp có cấp độ, hồ sơ đã phê duyệt và quyết định phê duyệt.', 'Systems being built, operating or upgraded with a level, approved dossier and decision.'),
    counted('systems-security-approved'),
    'NĐ 85/2016/NĐ-CP Điều 12–17',
  );
  add(
    'integrations-shared-platform',
    text('Kết nối liên cơ quan qua nền tảng dùng chung', 'Inter-agency integrations through shared platforms'),
    text('Kết nối còn hiệu lực giữa hai cơ quan khác nhau, đi qua LGSP, NDXP, NDOP hoặc VDXP.', 'Active integrations between two bodies that use LGSP, NDXP, NDOP or VDXP.'),
    counted('integrations-shared-platform'),
    'NĐ 194/2025/NĐ-CP Điều 20',
  );
  add(
    'mandatory-via-ndop',
    text('Kết nối chia sẻ bắt buộc qua NDOP', 'Mandatory sharing through NDOP'),
    text('Kết nối còn hiệu lực thuộc diện chia sẻ dữ liệu bắt buộc, thực hiện qua NDOP.', 'Active mandatory integrations that run through NDOP.'),
    counted('mandatory-via-ndop'),
    'NĐ 278/2025/NĐ-CP',
  );
  add(
    'datasets-classified',
    text('Tập dữ liệu đã phân loại', 'Datasets classified'),
    text('Tập dữ liệu đã khai báo phân loại chia sẻ, mức độ quan trọng và dữ liệu cá nhân.', 'Datasets with sharing class, criticality and personal-data category declared.'),
    counted('datasets-classified'),
    'Luật Dữ liệu 60/2024/QH15; QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a',
  );
  add(
    'databases-synchronised',
    text('CSDL quốc gia, chuyên ngành đồng bộ về CSDL tổng hợp quốc gia', 'National and sectoral databases synchronised'),
    text('Cơ sở dữ liệu quốc gia, chuyên ngành do cơ quan tạo lập (không tính bản sao khai thác) đã đồng bộ thường xuyên.', 'National and sectoral databases the agency creates (replicas excluded) synchronised on a live basis.'),
    counted('databases-synchronised'),
    'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.b',
  );
  add(
    'personal-data-synchronised',
    text('Dữ liệu về công dân đồng bộ về CSDL tổng hợp quốc gia', 'Citizen data synchronised'),
    text('Tập dữ liệu có dữ liệu cá nhân do cơ quan tạo lập (không tính bản sao khai thác) đã đồng bộ thường xuyên.', 'Datasets with personal data the agency creates (replicas excluded) synchronised on a live basis.'),
    counted('personal-data-synchronised'),
    'QĐ 1751/QĐ-TTg Điều 1 mục IV.2.b',
  );
  add(
    'sectoral-db-standardised',
    text('CSDL chuyên ngành đã chuẩn hóa', 'Sectoral databases standardised'),
    text('Cơ sở dữ liệu chuyên ngành do cơ quan tạo lập đã chuẩn hóa theo tiêu chuẩn chung.', 'Sectoral databases the agency creates that are standardised.'),
    counted('sectoral-db-standardised'),
    'NQ 214/NQ-CP',
  );
  add(
    'datasets-quality-assessed',
    text('Tập dữ liệu được đánh giá chất lượng còn hiệu lực', 'Datasets with a current quality assessment'),
    text(
      `Dữ liệu dùng chung, dữ liệu mở, dữ liệu chủ, CSDL quốc gia, chuyên ngành được đánh giá đúng – đủ – sạch – sống trong ${qualityMaxAgeDays(model)} ngày gần nhất.`,
      `Shared, open and master data and national/sectoral databases assessed in the last ${qualityMaxAgeDays(model)} days.`,
    ),
    counted('datasets-quality-assessed'),
    'QĐ 1751/QĐ-TTg Điều 1 mục VII.3.c',
  );
  add(
    'open-datasets-published',
    text('Dữ liệu mở đã công bố', 'Open data published'),
    text('Tập dữ liệu phân loại dữ liệu mở có địa chỉ hoặc ngày công bố.', 'Datasets classified open with a publication address or date.'),
    counted('open-datasets-published'),
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
      { ...counted('services-full-online'), basis: fromServices(sf.eligible) },
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
      { ...counted('services-on-national-portal'), basis: fromServices(online.length) },
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

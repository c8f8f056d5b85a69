/**
 * Synthetic national-scale architecture: one central Agency, every province and ministry as an
 * Organization, each with its departments or communes, and each of those with its systems, datasets,
 * integrations, a KPI and tasks. Deterministic for a given size and seed; schema-valid, with a
 * realistic sprinkling of rule findings. Used by `npm run bench` and by tests that need volume.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadPack } from '../../src/framework/load-pack.js';
import type { FrameworkPack } from '../../src/framework/types.js';

export const PROVINCES = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh',
  'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình',
  'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Hồ Chí Minh', 'Đồng Nai',
  'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
] as const;

export const MINISTRIES = [
  'Bộ Quốc phòng', 'Bộ Ngoại giao', 'Bộ Công Thương', 'Bộ Xây dựng', 'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Dân tộc và Tôn giáo', 'Ngân hàng Nhà nước Việt Nam', 'Thanh tra Chính phủ', 'Kiểm toán Nhà nước',
  'Đài Truyền hình Việt Nam', 'Thông tấn xã Việt Nam', 'Viện Hàn lâm Khoa học xã hội Việt Nam',
  'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Đài Tiếng nói Việt Nam', 'Ủy ban Quản lý vốn nhà nước', 'Bộ Nội vụ (cơ quan thử)', 'Bộ Tư pháp (cơ quan thử)',
] as const;

const DEPARTMENTS = [
  'Sở Tư pháp', 'Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Tài chính', 'Sở Nông nghiệp và Môi trường', 'Sở Xây dựng',
  'Sở Khoa học và Công nghệ', 'Sở Nội vụ', 'Sở Công Thương', 'Sở Văn hóa, Thể thao và Du lịch', 'Thanh tra tỉnh',
  'Văn phòng UBND tỉnh', 'Sở Dân tộc và Tôn giáo',
] as const;
const DIVISIONS = ['Cục Công nghệ thông tin', 'Vụ Kế hoạch - Tài chính', 'Cục Chuyển đổi số', 'Trung tâm Dữ liệu', 'Vụ Pháp chế', 'Văn phòng Bộ'] as const;
const SYSTEM_NAMES = [
  'Hệ thống quản lý văn bản và điều hành', 'Cổng thông tin điện tử', 'Hệ thống thông tin giải quyết thủ tục hành chính',
  'Phần mềm quản lý hồ sơ cán bộ', 'Hệ thống báo cáo chuyên ngành', 'Ứng dụng di động phục vụ người dân',
  'Kho dữ liệu chuyên ngành', 'Hệ thống giám sát, điều hành', 'Phần mềm kế toán', 'Hệ thống một cửa điện tử',
] as const;
const DATASET_NAMES = [
  'Dữ liệu hộ tịch', 'Dữ liệu đất đai', 'Dữ liệu cán bộ, công chức, viên chức', 'Dữ liệu doanh nghiệp',
  'Dữ liệu hồ sơ thủ tục hành chính', 'Dữ liệu y tế cơ sở', 'Dữ liệu học sinh, sinh viên', 'Dữ liệu công trình xây dựng',
  'Dữ liệu văn bản quy phạm pháp luật', 'Dữ liệu tài chính, ngân sách',
] as const;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** YAML double-quoted scalar (names hold commas and colons). */
function q(s: string): string {
  return JSON.stringify(s);
}

export interface GenerateOptions {
  /** Approximate number of entities (documents) to produce. */
  readonly entities: number;
  readonly seed?: number;
}

export interface GeneratedModel {
  /** Files relative to the project folder (`architecture/…`) → YAML text. */
  readonly files: ReadonlyMap<string, string>;
  readonly entities: number;
  readonly bytes: number;
}

/** Entities each department or commune contributes: 1 org, 5 systems, 5 datasets, 5 integrations, 1 KPI, 3 tasks. */
const PER_SUB = 20;

/** Builds the files of a synthetic model in memory (pure; no I/O). */
export function generateModel(opts: GenerateOptions, pack: FrameworkPack = loadPack()): GeneratedModel {
  const rnd = prng(opts.seed ?? 20260115);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const enumValues = (id: string): string[] => (pack.enums[id]?.values ?? []).map((v) => String(v.value));
  const componentsByLayer = new Map<string, string[]>();
  for (const c of pack.components) componentsByLayer.set(c.layer, [...(componentsByLayer.get(c.layer) ?? []), c.id]);
  const nationalDbs = pack.national.filter((n) => n.id.startsWith('csdl')).map((n) => n.ref);
  const targets = pack.targets.map((t) => t.ref);
  const units = [
    ...PROVINCES.map((name, i) => ({ id: `p${String(i + 1).padStart(2, '0')}`, name: `Ủy ban nhân dân tỉnh ${name}`, place: name, level: 'province', province: true })),
    ...MINISTRIES.map((name, i) => ({ id: `m${String(i + 1).padStart(2, '0')}`, name, place: name, level: 'ministry', province: false })),
  ];
  const subs = Math.max(1, Math.ceil((opts.entities - 1 - units.length) / PER_SUB));
  const files = new Map<string, string>();
  let entities = 1;

  files.set(
    'architecture/agency.yaml',
    `# yaml-language-server: $schema=../generated/schema/kientruc.schema.json
# Mô hình tổng hợp quốc gia sinh tự động để đo hiệu năng (không phải số liệu thật).
apiVersion: kientruc/v1
kind: Agency
id: tong-hop-quoc-gia
name: Kiến trúc số tổng hợp quốc gia (mô hình thử hiệu năng)
framework: ${pack.id}
code: 000.00.00.G01
level: central
asOf: 2026-09-30
`,
  );

  const layers = ['L1', 'L2', 'L3', 'L4'].filter((l) => componentsByLayer.has(l));
  for (const [u, unit] of units.entries()) {
    const unitRef = `org:${unit.id}`;
    const unitDocs = [
      `apiVersion: kientruc/v1
kind: Organization
id: ${unit.id}
name: ${q(unit.name)}
level: ${unit.level}
roles: [dx-standing-body]
code: 000.00.${String(u).padStart(2, '0')}.H${String(10 + u).padStart(2, '0')}
`,
      `apiVersion: kientruc/v1
kind: System
id: ${unit.id}-lgsp
name: ${q(`Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) — ${unit.place}`)}
layer: L2
component: integration-platform
status: operating
owner: ${unitRef}
sharedPlatform: true
security: { level: 3, dossier: approved, decision: { number: "${100 + u}/QĐ-UBND", date: 2024-05-0${1 + (u % 9)} }, incidentResponsePlan: true, backup: true }
hosting: { deployment: provincial-dc }
`,
    ];
    entities += 2;
    files.set(`architecture/${unit.id}/_don-vi.yaml`, unitDocs.join('---\n'));
  }

  for (let s = 0; s < subs; s++) {
    const unit = units[s % units.length] as (typeof units)[number];
    const n = Math.floor(s / units.length) + 1;
    const subId = `${unit.id}-d${String(n).padStart(3, '0')}`;
    const subName = unit.province
      ? n <= DEPARTMENTS.length
        ? `${DEPARTMENTS[n - 1]} tỉnh ${unit.place}`
        : `Ủy ban nhân dân xã số ${n} tỉnh ${unit.place}`
      : `${DIVISIONS[(n - 1) % DIVISIONS.length]} ${n > DIVISIONS.length ? `(đơn vị ${n}) ` : ''}— ${unit.place}`;
    const level = unit.province ? (n <= DEPARTMENTS.length ? 'department' : 'commune') : 'unit';
    const org = `org:${subId}`;
    const docs: string[] = [];
    docs.push(`# yaml-language-server: $schema=../../generated/schema/kientruc.schema.json
apiVersion: kientruc/v1
kind: Organization
id: ${subId}
name: ${q(subName)}
level: ${level}
parent: org:${unit.id}
responsibilities:
  - Cập nhật dữ liệu chuyên ngành, bảo đảm đúng, đủ, sạch, sống.
`);
    const systems: string[] = [];
    // One name per system of a unit (model.duplicate-name otherwise); a repeated draw is numbered, so the draws stay the same.
    const named = new Set<string>();
    const once = (name: string): string => {
      let out = name;
      for (let i = 2; named.has(out); i++) out = `${name} (${i})`;
      named.add(out);
      return out;
    };
    for (let k = 1; k <= 5; k++) {
      const id = `${subId}-s${k}`;
      systems.push(id);
      const layer = layers[(k + n) % layers.length] as string;
      const status = rnd() < 0.85 ? 'operating' : pick(enumValues('lifecycle'));
      const approved = rnd() < 0.9;
      docs.push(`apiVersion: kientruc/v1
kind: System
id: ${id}
name: ${q(once(`${pick(SYSTEM_NAMES)} — ${subName}`))}
description: Hệ thống phục vụ nghiệp vụ, triển khai trên hạ tầng dùng chung của ${unit.place}.
layer: ${layer}
component: ${pick(componentsByLayer.get(layer) ?? [])}
status: ${status}
owner: ${org}
operator: ${org}
infoClasses: [${[...new Set([pick(enumValues('infoClass')), pick(enumValues('infoClass'))])].join(', ')}]
security:
  level: ${1 + Math.floor(rnd() * 4)}
  dossier: ${approved ? 'approved' : 'drafting'}${approved ? `\n  decision: { number: "${1000 + s}/QĐ-UBND", date: 2025-0${1 + (k % 9)}-1${k % 10} }` : ''}
  incidentResponsePlan: ${rnd() < 0.8}
  backup: ${rnd() < 0.8}
hosting:
  deployment: ${pick(enumValues('deployment'))}
`);
    }
    const datasets: string[] = [];
    for (let k = 1; k <= 5; k++) {
      const id = `${subId}-d${k}`;
      datasets.push(id);
      docs.push(`apiVersion: kientruc/v1
kind: Dataset
id: ${id}
name: ${q(once(`${pick(DATASET_NAMES)} — ${subName}`))}
scope: ${pick(enumValues('dataScope'))}
layer: ${pick(enumValues('dataLayer'))}
block: ${pick(enumValues('dataBlock'))}
sharing: ${pick(enumValues('sharingClass'))}
criticality: ${pick(enumValues('criticality'))}
personalData: ${pick(enumValues('personalData'))}
owner: ${org}
system: system:${systems[k - 1]}${rnd() < 0.3 ? `\nnationalDatabase: ${pick(nationalDbs)}` : ''}
updateFrequency: ${pick(enumValues('updateFrequency'))}
quality:
  - { assessedOn: 2026-03-31, correct: ${(80 + rnd() * 20).toFixed(1)}, complete: ${(70 + rnd() * 30).toFixed(1)}, clean: ${(70 + rnd() * 30).toFixed(1)}, live: ${(75 + rnd() * 25).toFixed(1)} }
`);
    }
    for (let k = 1; k <= 5; k++) {
      const from = systems[k - 1] as string;
      const to = k === 5 ? `national:${pick(['ndxp', 'ndop', 'vdxp'])}` : `system:${systems[k] as string}`;
      docs.push(`apiVersion: kientruc/v1
kind: Integration
id: ${subId}-i${k}
name: ${q(`Kết nối ${k} của ${subName}`)}
from: system:${from}
to: ${to}
channel: ${k === 5 ? 'ndxp' : 'lgsp'}${k === 5 ? '' : `\nvia: system:${unit.id}-lgsp`}
datasets: [dataset:${datasets[k - 1] as string}]
status: ${pick(enumValues('integrationStatus'))}
`);
    }
    docs.push(`apiVersion: kientruc/v1
kind: Kpi
id: ${subId}-k1
name: ${q(`Tỷ lệ hồ sơ xử lý trực tuyến — ${subName}`)}
nationalTarget: ${pick(targets)}
unit: percent
owner: ${org}
baseline: { value: ${Math.floor(rnd() * 50)}, date: 2025-01-01 }
measurements:
  - { date: 2026-06-30, value: ${Math.floor(50 + rnd() * 50)}, source: Hệ thống báo cáo }
target: { value: 100, deadline: 2030 }
`);
    for (let k = 1; k <= 3; k++) {
      docs.push(`apiVersion: kientruc/v1
kind: Task
id: ${subId}-t${k}
name: ${q(`Nhiệm vụ ${k}: nâng cấp, kết nối dữ liệu của ${subName}`)}
area: ${pick(enumValues('taskArea'))}
lead: ${org}
partners: [org:${unit.id}]
deadline: ${2026 + k}
deliverable: Hệ thống được nâng cấp, kết nối
budget:
  - { year: ${2026 + k}, amount: ${(rnd() * 5000).toFixed(0)}, source: ${pick(enumValues('budgetSource'))} }
addresses: [kpi:${subId}-k1]
`);
    }
    entities += PER_SUB;
    files.set(`architecture/${unit.id}/${subId}.yaml`, docs.join('---\n'));
  }
  let bytes = 0;
  for (const t of files.values()) bytes += Buffer.byteLength(t);
  return { files, entities, bytes };
}

/** Writes a generated model into `dir` (a fresh temp folder by default); returns the project folder. */
export function writeModel(model: GeneratedModel, dir: string = mkdtempSync(join(tmpdir(), 'kientruc-bench-'))): string {
  for (const [rel, text] of model.files) {
    const target = join(dir, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return dir;
}

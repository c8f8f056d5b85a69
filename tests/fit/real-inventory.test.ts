/**
 * Issue #14: what a real province's first inventory holds can be said as the source says it. One
 * fixture laid out like a provincial inventory (Sơn Hà-style names, real national platforms), each
 * test changing one thing.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { parseDeadline, viDeadline } from '../../src/core/dates.js';
import { currentStatistics, unitInfo } from '../../src/analysis/kpis.js';
import { taskDeadlineVi } from '../../src/analysis/tasks.js';
import { systemRoles, taskLeads } from '../../src/model/roles.js';
import { landscapeDiagrams } from '../../src/render/mermaid/landscape.js';
import { integrationDiagrams } from '../../src/render/mermaid/integration-map.js';
import { AS_OF, pipelineFor } from '../helpers/project.js';

const AGENCY = `apiVersion: kientruc/v1
kind: Agency
id: ubnd-tinh-lam-dong-thu
name: Ủy ban nhân dân tỉnh Lâm Đồng Thử
framework: vn-2025
level: province
code: 000.00.00.H97
plan:
  themes:
    - { id: nen-tang-so, title: Phát triển nền tảng số }
    - { id: tai-chinh-giai-ngan, title: Tài chính và giải ngân }
    - { id: ky-luat-thuc-thi, title: Kỷ luật thực thi }
units:
  - { id: tram-bts, vi: Trạm phát sóng di động (BTS), en: Base stations, symbol: trạm }
documents:
  - id: khung-kien-truc-so
    type: decision
    number: 2380/QĐ-UBND
    date: 2025-12-26
    issuer: UBND tỉnh Lâm Đồng Thử
    title: Ban hành Khung kiến trúc số tỉnh Lâm Đồng Thử
    legalBasis: true
  - id: quy-che-lgsp
    type: regulation
    number: 41/2025/QĐ-UBND
    date: 2025-11-25
    issuer: UBND tỉnh Lâm Đồng Thử
    title: Quy chế quản lý, vận hành, khai thác Nền tảng tích hợp, chia sẻ dữ liệu tỉnh
    link: https://lamdongthu.gov.vn/van-ban/41-2025-qd-ubnd
`;

const ORGS = `apiVersion: kientruc/v1
kind: Organization
id: so-khcn
name: Sở Khoa học và Công nghệ tỉnh Lâm Đồng Thử
level: department
---
apiVersion: kientruc/v1
kind: Organization
id: cong-an-tinh
name: Công an tỉnh Lâm Đồng Thử
level: deconcentrated
---
apiVersion: kientruc/v1
kind: Organization
id: van-phong-tinh-uy
name: Văn phòng Tỉnh ủy Lâm Đồng Thử
type: party
level: department
---
apiVersion: kientruc/v1
kind: Organization
id: mttq-tinh
name: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng Thử
type: fatherland-front
level: department
---
apiVersion: kientruc/v1
kind: Organization
id: cong-ty-phan-mem
name: Công ty cổ phần Phần mềm Lâm Đồng Thử
type: vendor
level: unit
`;

const SYSTEMS = `apiVersion: kientruc/v1
kind: System
id: ttdl-tinh
name: Trung tâm dữ liệu tỉnh
layer: L1
component: data-center
roles:
  - { layer: L3, component: ioc, note: Phòng điều hành IOC đặt tại Trung tâm dữ liệu }
status: operating
owner: org:so-khcn
security: { level: 3, dossier: approved, decision: { number: 1520/QĐ-UBND, date: 2024-08-12 } }
legalBasis: [nd-85-2016, khung-kien-truc-so]
funding:
  - { source: state-budget, level: province, period: 2021-2025 }
---
apiVersion: kientruc/v1
kind: System
id: lgsp-tinh
name: Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)
layer: L2
component: integration-platform
status: operating
owner: org:so-khcn
vendorOrg: org:cong-ty-phan-mem
security: { level: 3, dossier: approved, decision: { number: 1521/QĐ-UBND, date: 2024-08-12 } }
legalBasis: [nd-194-2025]
operatingRules: [quy-che-lgsp]
---
apiVersion: kientruc/v1
kind: System
id: camera-giao-thong
name: Hệ thống camera giám sát giao thông, trật tự đô thị
layer: L1
component: iot
status: operating
owner: chưa xác định
operator: chưa xác định
security:
  level: chưa xác định
`;

const INTEGRATIONS = `apiVersion: kientruc/v1
kind: Integration
id: ttdl-ttdlqg
name: Đường truyền Trung tâm dữ liệu tỉnh – Trung tâm dữ liệu quốc gia
type: network
from: system:ttdl-tinh
to: national:ttdlqg
channel: direct
bandwidth: 10 Gbps
status: live
---
apiVersion: kientruc/v1
kind: Integration
id: lgsp-ndxp
name: LGSP tỉnh kết nối NDXP
from: system:lgsp-tinh
to: national:ndxp
channel: ndxp
status: live
`;

const KPIS = `apiVersion: kientruc/v1
kind: Kpi
id: so-tram-bts
name: Số trạm phát sóng di động (BTS) trên địa bàn
statistic: true
unit: tram-bts
measurements:
  - { date: 2025-12-31, value: 3295, source: "Sở Khoa học và Công nghệ, báo cáo hạ tầng viễn thông năm 2025" }
---
apiVersion: kientruc/v1
kind: Kpi
id: cap-quang
name: Chiều dài tuyến cáp quang
statistic: true
unit: km
measurements:
  - { date: 2025-12-31, value: 21000, source: Báo cáo của các doanh nghiệp viễn thông }
`;

const TASKS = `apiVersion: kientruc/v1
kind: Task
id: xac-dinh-chu-quan
name: Rà soát, xác định chủ quản và cấp độ an toàn các hệ thống chưa rõ
area: security
theme: ky-luat-thuc-thi
leads: [org:so-khcn, org:cong-an-tinh]
partners: [org:mttq-tinh]
deadline: 2026-Q2
deliverable: Danh mục hệ thống có chủ quản, cấp độ an toàn
addresses: [system:camera-giao-thong]
---
apiVersion: kientruc/v1
kind: Task
id: bao-cao-dinh-ky
name: Báo cáo kết quả kết nối, chia sẻ dữ liệu
area: data
theme: ky-luat-thuc-thi
lead: org:so-khcn
deadline: hằng quý
deliverable: Báo cáo quý
---
apiVersion: kientruc/v1
kind: Task
id: cong-bo-danh-muc
name: Công bố danh mục hệ thống sau rà soát
area: legal
theme: nen-tang-so
lead: org:so-khcn
deadlineAfter: { task: task:xac-dinh-chu-quan, days: 20 }
deliverable: Quyết định công bố danh mục
---
apiVersion: kientruc/v1
kind: Task
id: xu-ly-cham-tien-do
name: Kiểm điểm, xử lý trách nhiệm khi có nhiệm vụ chậm tiến độ
area: human-resources
theme: ky-luat-thuc-thi
lead: org:so-khcn
deadlineAfter: { event: Khi có nhiệm vụ chậm tiến độ }
`;

const BASE: Record<string, string> = {
  'architecture/agency.yaml': AGENCY,
  'architecture/organizations/co-quan.yaml': ORGS,
  'architecture/systems/he-thong.yaml': SYSTEMS,
  'architecture/integrations/ket-noi.yaml': INTEGRATIONS,
  'architecture/kpis/hien-trang.yaml': KPIS,
  'architecture/tasks/nhiem-vu.yaml': TASKS,
};

const at = (d: Diagnostic) => `${d.file.replace(/^architecture\//, '')}:${d.range.start.line}:${d.range.start.col}`;
const found = (ds: readonly Diagnostic[], code: string) => ds.filter((d) => d.code === code).map((d) => `${d.entity ?? ''} ${at(d)} ${d.severity}`);
const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error' && !d.waived).map((d) => `${d.code} ${at(d)} ${d.message.en}`);

async function run(over: Record<string, string> = {}) {
  return pipelineFor({ ...BASE, ...over });
}

describe('a first provincial inventory (issue #14)', () => {
  it('validates with unknown owners, co-leads, statistics, a network link and several roles', async () => {
    const r = await run();
    expect(errors(r.diagnostics)).toEqual([]);
    // Each unknown is one warning, located on its value.
    expect(found(r.diagnostics, 'system.unknown-fact')).toEqual([
      'system:camera-giao-thong systems/he-thong.yaml:36:8 warning',
      'system:camera-giao-thong systems/he-thong.yaml:37:11 warning',
      'system:camera-giao-thong systems/he-thong.yaml:39:10 warning',
    ]);
    // A task addresses them, so they are not "unaddressed gaps".
    expect(found(r.diagnostics, 'task.gap-unaddressed').filter((s) => s.includes('camera'))).toEqual([]);
    // Statistics need no target, task or baseline.
    expect(r.diagnostics.filter((d) => d.entity?.startsWith('kpi:') && ['kpi.target', 'kpi.task-coverage', 'kpi.baseline'].includes(d.code))).toEqual([]);
  });

  it('reads every role of a system, and draws it once with its other roles marked', async () => {
    const r = await run();
    const ttdl = r.model.get<'system'>('system:ttdl-tinh');
    expect(ttdl && systemRoles(ttdl).map((x) => `${x.layer}/${x.component}/${x.primary}`)).toEqual(['L1/data-center/true', 'L3/ioc/false']);
    const [landscape] = landscapeDiagrams(r.model, { maxNodes: 60 } as never);
    const mermaid = landscape?.mermaid ?? '';
    expect(mermaid.match(/system_ttdl_tinh\[/g)?.length ?? mermaid.split('ttdl_tinh').length - 1).toBeGreaterThan(0);
    expect(mermaid).toMatch(/＋ L3 · Trung tâm giám sát,/);
    // The L3 layer holds no second copy of the data centre.
    expect(mermaid.split('Trung tâm dữ liệu tỉnh').length - 1).toBe(1);
  });

  it('flags a role whose component belongs to another layer', async () => {
    const r = await run({ 'architecture/systems/he-thong.yaml': SYSTEMS.replace('{ layer: L3, component: ioc,', '{ layer: L4, component: ioc,') });
    expect(found(r.diagnostics, 'model.component-layer')).toEqual(['system:ttdl-tinh systems/he-thong.yaml:8:29 warning']);
  });

  it('keeps network links out of the sharing rules and apart in the integration map', async () => {
    const r = await run();
    expect(r.diagnostics.filter((d) => d.entity === 'integration:ttdl-ttdlqg' && d.code.startsWith('integration.'))).toEqual([]);
    const map = integrationDiagrams(r.model, { maxNodes: 60 } as never)[0]?.mermaid ?? '';
    expect(map).toContain('Hạ tầng 10 Gbps');
    expect(map).toContain('Kết nối hạ tầng, đường truyền');
    // The same link declared as data sharing is a direct exchange with an outside body: an error.
    const shared = await run({ 'architecture/integrations/ket-noi.yaml': INTEGRATIONS.replace('type: network\n', '') });
    expect(found(shared.diagnostics, 'integration.sharing-platform')).toEqual(['integration:ttdl-ttdlqg integrations/ket-noi.yaml:7:10 error']);
  });

  it('lists co-leads, themes and deadlines as plans write them', async () => {
    const r = await run();
    const t = (id: string) => r.model.get<'task'>(`task:${id}`);
    expect(taskLeads(t('xac-dinh-chu-quan')!)).toEqual(['org:so-khcn', 'org:cong-an-tinh']);
    expect(t('xac-dinh-chu-quan')?.theme).toBe('ky-luat-thuc-thi');
    expect(taskDeadlineVi(r.model, t('xac-dinh-chu-quan')!)).toBe('Quý II/2026');
    expect(taskDeadlineVi(r.model, t('bao-cao-dinh-ky')!)).toBe('Hằng quý');
    expect(taskDeadlineVi(r.model, t('cong-bo-danh-muc')!)).toBe('20 ngày sau khi hoàn thành nhiệm vụ "Rà soát, xác định chủ quản và cấp độ an toàn các hệ thống chưa rõ"');
    expect(taskDeadlineVi(r.model, t('xu-ly-cham-tien-do')!)).toBe('Khi có nhiệm vụ chậm tiến độ');
    // A recurring task is never overdue; a relative one needs no fixed date.
    expect(r.diagnostics.filter((d) => d.entity?.startsWith('task:') && (d.code === 'task.overdue' || d.code === 'task.deadline'))).toEqual([]);
  });

  it('reports a task with both lead and leads, or with none, and an undeclared theme', async () => {
    const tasks = TASKS.replace('leads: [org:so-khcn, org:cong-an-tinh]', 'lead: org:so-khcn\nleads: [org:so-khcn, org:cong-an-tinh]')
      .replace('lead: org:so-khcn\ndeadline: hằng quý', 'deadline: hằng quý')
      .replace('theme: nen-tang-so', 'theme: nen-tang-sô');
    const r = await run({ 'architecture/tasks/nhiem-vu.yaml': tasks });
    expect(found(r.diagnostics, 'model.task-lead')).toEqual(['task:xac-dinh-chu-quan tasks/nhiem-vu.yaml:8:8 error', 'task:bao-cao-dinh-ky tasks/nhiem-vu.yaml:16:5 error']);
    // "nen-tang-sô" is not a valid id at all: the schema says so first.
    expect(found(r.diagnostics, 'schema.pattern').length + found(r.diagnostics, 'model.unknown-theme').length).toBe(1);
    const typo = await run({ 'architecture/tasks/nhiem-vu.yaml': TASKS.replace('theme: nen-tang-so', 'theme: nen-tang-s') });
    const d = typo.diagnostics.find((x) => x.code === 'model.unknown-theme');
    expect(d?.message.vi).toContain('ý bạn là "nen-tang-so"');
  });

  it('prints statistics with the unit the agency declared', async () => {
    const r = await run();
    expect(unitInfo(r.model, 'tram-bts')).toEqual({ id: 'tram-bts', vi: 'Trạm phát sóng di động (BTS)', en: 'Base stations', symbol: 'trạm' });
    expect(unitInfo(r.model, 'km').symbol).toBe('km');
    expect(currentStatistics(r.model, AS_OF).map((s) => `${s.name}: ${s.value} ${s.unit.symbol} (${s.date})`)).toEqual([
      'Chiều dài tuyến cáp quang: 21000 km (2025-12-31)',
      'Số trạm phát sóng di động (BTS) trên địa bàn: 3295 trạm (2025-12-31)',
    ]);
    const typo = await run({ 'architecture/kpis/hien-trang.yaml': KPIS.replace('unit: tram-bts', 'unit: tram-bst') });
    expect(typo.diagnostics.find((x) => x.code === 'model.unknown-unit')?.fix?.vi).toContain('"tram-bts"');
  });

  it('never guesses a number written the Vietnamese way', async () => {
    const plain = await run({ 'architecture/kpis/hien-trang.yaml': KPIS.replace('value: 21000', 'value: 21.000') });
    const d = plain.diagnostics.find((x) => x.code === 'schema.ambiguous-number');
    expect(d && at(d)).toBe('kpis/hien-trang.yaml:17:32');
    expect(d?.message.vi).toContain('YAML đọc thành 21');
    expect(d?.fix?.vi).toContain('Viết 21000');
    const quoted = await run({ 'architecture/kpis/hien-trang.yaml': KPIS.replace('value: 21000', 'value: "21.000"') });
    const t = quoted.diagnostics.find((x) => x.code === 'schema.type');
    expect(t?.fix?.vi).toContain('21000');
    const comma = await run({ 'architecture/kpis/hien-trang.yaml': KPIS.replace('  - { date: 2025-12-31, value: 3295,', '  - value: 3,5\n    date: 2025-12-31\n    source: Báo cáo quý\n  - { date: 2025-09-30, value: 3200,') });
    expect(comma.diagnostics.find((x) => x.code === 'schema.type')?.fix?.en).toBe('Use a dot for decimals: 3.5.');
    // A decimal that cannot be a thousands group stays a number.
    const decimal = await run({ 'architecture/kpis/hien-trang.yaml': KPIS.replace('value: 21000', 'value: 0.125') });
    expect(decimal.diagnostics.filter((x) => x.code.startsWith('schema.'))).toEqual([]);
  });

  it('checks the documents systems cite, and sorts legal bases by rank then date', async () => {
    const r = await run({ 'architecture/systems/he-thong.yaml': SYSTEMS.replace('operatingRules: [quy-che-lgsp]', 'operatingRules: [quy-che-lgps]') });
    expect(found(r.diagnostics, 'model.unknown-document')).toEqual(['system:lgsp-tinh systems/he-thong.yaml:27:18 error']);
    expect(r.diagnostics.find((d) => d.code === 'model.unknown-document')?.fix?.vi).toContain('"quy-che-lgsp"');
  });

  it('lets an agency declare a national database the pack lacks, with a warning until the pack knows it', async () => {
    const agency = `${AGENCY}nationalEntities:
  - id: csdl-tai-chinh-thu
    name: Cơ sở dữ liệu tài chính (khai báo thử)
    layer: L2
    component: national-database
    owner: org:bo-tai-chinh
    source: Văn bản của Bộ Tài chính mà cơ quan dẫn chiếu (ghi số, ngày khi khai báo thật)
`;
    const integration = `${INTEGRATIONS}---
apiVersion: kientruc/v1
kind: Integration
id: ngan-sach-csdl-tai-chinh
name: Đồng bộ dữ liệu ngân sách về CSDL tài chính
from: system:lgsp-tinh
to: national:csdl-tai-chinh-thu
channel: ndxp
status: planned
`;
    const r = await run({ 'architecture/agency.yaml': agency, 'architecture/integrations/ket-noi.yaml': integration });
    expect(found(r.diagnostics, 'model.unresolved-ref')).toEqual([]);
    expect(found(r.diagnostics, 'model.national-declared')).toEqual(['agency:ubnd-tinh-lam-dong-thu agency.yaml:31:9 warning']);
    expect(r.model.nameOf('national:csdl-tai-chinh-thu')).toBe('Cơ sở dữ liệu tài chính (khai báo thử)');
    // Declaring what the pack already has: the warning says the declaration can go.
    const dup = await run({ 'architecture/agency.yaml': agency.replace('id: csdl-tai-chinh-thu', 'id: ndxp') });
    expect(dup.diagnostics.find((d) => d.code === 'model.national-declared')?.fix?.en).toBe('Remove this entry from agency.nationalEntities.');
  });
});

describe('deadlines as plans write them', () => {
  it.each([
    ['2026-Q1', 'Quý I/2026', '2026-03-31'],
    ['2026-Q3', 'Quý III/2026', '2026-09-30'],
    ['2026-Q4', 'Quý IV/2026', '2026-12-31'],
    ['hằng năm', 'Hằng năm', null],
    ['quarterly', 'Hằng quý', null],
    ['ongoing', 'Thực hiện thường xuyên', null],
  ])('%s', (raw, vi, date) => {
    const d = parseDeadline(raw);
    expect(d && viDeadline(d)).toBe(vi);
    expect(d?.kind === 'date' ? d.date : null).toBe(date);
  });
});

describe('a required fact the inventory does not know', () => {
  it('is not guessed: a free-text owner gets the sentinel in its fix', async () => {
    const r = await pipelineFor({ ...BASE, 'architecture/systems/he-thong.yaml': SYSTEMS.replace('owner: chưa xác định', 'owner: không rõ') });
    const d = r.diagnostics.find((x) => x.code === 'schema.ref-format');
    expect(d?.fix?.vi).toContain('ghi "chưa xác định"');
  });
});

import { buildStrategyView, type StrategyBuild, type StrategyInput } from '../../../src/render/strategy/view-model.js';
import type { Audience } from '../../../src/render/strategy/view-types.js';
import { pipelineFor, validPipelineFor } from '../../helpers/project.js';

/** A small province with every kind of entity the strategy document reads. */
export const AGENCY_DOC = `apiVersion: kientruc/v1
kind: Agency
id: tinh-thu
name: Ủy ban nhân dân tỉnh Thử
framework: vn-2025
level: province
code: 000.00.00.H98
location: Thử
asOf: 2026-03-31
governance: { dataCoordinator: org:so-khcn, reportingPeriod: quarterly }
document:
  status: draft
  number: "5/QĐ-UBND"
  date: 2026-03-05
  title: Phê duyệt Chiến lược dữ liệu tỉnh Thử đến năm 2030
  proposer: Giám đốc Sở Khoa học và Công nghệ
  excludeBases: [nq-214-nqcp-2025]
  legalBases: ["Nghị quyết số 1-NQ/TU ngày 02 tháng 01 năm 2026 của Tỉnh ủy Thử"]
  signer: { authority: TM. ỦY BAN NHÂN DÂN, delegation: KT. CHỦ TỊCH, title: PHÓ CHỦ TỊCH, name: Nguyễn Văn Ký }
  recipients: ["Như Điều 3", "Lưu: VT, KGVX", "Bộ Công an (để b/c)."]
`;

export const ENTITIES = `apiVersion: kientruc/v1
kind: Organization
id: so-khcn
name: Sở Khoa học và Công nghệ tỉnh Thử
level: department
parent: agency:tinh-thu
roles: [data-coordinator]
responsibilities: [Chủ trì tham mưu cập nhật Chiến lược dữ liệu.]
---
apiVersion: kientruc/v1
kind: Organization
id: cong-an-tinh
name: Công an tỉnh Thử
level: deconcentrated
roles: [security-lead]
---
apiVersion: kientruc/v1
kind: Organization
id: xa-mot
name: Ủy ban nhân dân xã Một
level: commune
parent: agency:tinh-thu
---
apiVersion: kientruc/v1
kind: System
id: lgsp
name: Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Thử
shortName: LGSP tỉnh
layer: L2
component: integration-platform
status: operating
owner: org:so-khcn
vendor: Công ty Nhà Cung Cấp Bí Mật
notes: Ghi chú nội bộ về máy chủ số 7
security: { level: 3, dossier: approved, decision: { number: 77/QĐ-UBND, date: 2025-01-02 } }
hosting: { deployment: provincial-dc, location: Phòng máy tầng 5 số 12 Đường Thử }
network: { zone: wan, internalUrl: https://lgsp.thu.local }
---
apiVersion: kientruc/v1
kind: System
id: cong-dvc
name: Cổng dịch vụ công tỉnh Thử
layer: L4
component: public-service-portal
status: operating
owner: org:so-khcn
security: { level: 2, dossier: submitted }
---
apiVersion: kientruc/v1
kind: Dataset
id: ho-tich
name: Dữ liệu hộ tịch tỉnh Thử
scope: sectoral
sharing: shared
criticality: important
personalData: sensitive
owner: org:so-khcn
sync: { status: partial, channel: national:ndop, coverage: 60 }
---
apiVersion: kientruc/v1
kind: Dataset
id: nhat-ky-mat
name: Dữ liệu nhật ký giám sát an ninh mạng tuyệt mật
scope: internal
sharing: restricted
owner: org:cong-an-tinh
---
apiVersion: kientruc/v1
kind: Integration
id: dvc-lgsp
name: Kết nối nội bộ cổng với trục tích hợp
from: system:cong-dvc
to: system:lgsp
channel: lgsp
status: live
---
apiVersion: kientruc/v1
kind: Kpi
id: phan-loai
name: Tỷ lệ cơ sở dữ liệu đã phân loại
nationalTarget: target:phan-loai-du-lieu
unit: percent
owner: org:so-khcn
area: data
measurements: [{ date: 2026-03-01, value: 50, source: Danh mục }]
target: { value: 100, deadline: 2026-12-31 }
---
apiVersion: kientruc/v1
kind: Kpi
id: dong-bo
name: Tỷ lệ cơ sở dữ liệu đồng bộ
unit: percent
area: data
target: { value: 100, deadline: 2030 }
milestones: [{ value: 50, deadline: 2027 }, { value: 80, deadline: 2026 }]
---
apiVersion: kientruc/v1
kind: Task
id: phan-loai
name: Phân loại dữ liệu
area: data
lead: org:so-khcn
partners: [org:cong-an-tinh, org:xa-mot]
deadline: 2026-12-31
deliverable: Danh mục dữ liệu
budget: [{ year: 2026, amount: 100, source: state-budget }, { year: 2027, amount: 50.5, source: pooled }]
---
apiVersion: kientruc/v1
kind: Task
id: luat
name: Ban hành quy chế dữ liệu
area: legal
lead: org:so-khcn
deadline: ongoing
budget: [{ year: 2026, amount: 20, source: state-budget }]
---
apiVersion: kientruc/v1
kind: Task
id: huy
name: Nhiệm vụ đã dừng
area: legal
lead: org:so-khcn
status: cancelled
`;

export async function viewFor(
  files: Record<string, string> = {},
  opts: { audience?: Audience; asOf?: string } & Partial<Pick<StrategyInput, 'diagrams'>> = {},
): Promise<StrategyBuild> {
  const r = await validPipelineFor({ 'architecture/agency.yaml': AGENCY_DOC, 'architecture/entities.yaml': ENTITIES, ...files }, { asOf: opts.asOf ?? '2026-03-31' });
  const structural = r.diagnostics.filter((d) => /^(load|yaml|schema|model)\./.test(d.code) && d.severity === 'error');
  if (structural.length) throw new Error(structural.map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message.vi}`).join('\n'));
  return buildStrategyView({
    model: r.model,
    asOf: r.asOf,
    audience: opts.audience ?? 'internal',
    toolVersion: '0.0.0-test',
    assets: r.assets,
    diagnostics: r.diagnostics,
    ...(opts.diagrams ? { diagrams: opts.diagrams } : {}),
  });
}

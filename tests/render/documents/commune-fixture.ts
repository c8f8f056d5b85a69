/**
 * The commune a user-tester played (UBND xã, 4 systems, 3 datasets, 2 integrations, 3 KPIs, 4 tasks),
 * cut to what the documents read: its own units under the agency, the province's Sở KH&CN outside it
 * (owner of two systems the commune runs, partner of one task), approved dossiers without a decision.
 */
export const COMMUNE_AGENCY = `apiVersion: kientruc/v1
kind: Agency
id: uy-ban-nhan-dan-xa-tan-phu
name: "Ủy ban nhân dân xã Tân Phú"
framework: vn-2025
level: commune
code: "001.25.31.H26"
location: "Tân Phú"
asOf: 2026-12-04
governance:
  reportingPeriod: quarterly
document:
  status: draft
  title: "Phê duyệt Chiến lược dữ liệu của Ủy ban nhân dân xã Tân Phú"
  issuer: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"
  number: "    /QĐ-UBND"
  signer:
    title: CHỦ TỊCH
    name: Nguyễn Văn Bình
  recipients: [Như Điều 3, "Lưu: VT"]
report:
  period: 2026-Q3
  recipients: [Như trên, "Lưu: VT"]
`;

export const COMMUNE_ENTITIES = `apiVersion: kientruc/v1
kind: Organization
id: van-phong
name: Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Tân Phú
level: unit
parent: agency:uy-ban-nhan-dan-xa-tan-phu
roles: [dx-standing-body, data-coordinator]
---
apiVersion: kientruc/v1
kind: Organization
id: phong-van-hoa-xa-hoi
name: Phòng Văn hóa - Xã hội
level: unit
parent: agency:uy-ban-nhan-dan-xa-tan-phu
---
apiVersion: kientruc/v1
kind: Organization
id: so-khcn
name: Sở Khoa học và Công nghệ tỉnh Đồng Nai
level: department
---
apiVersion: kientruc/v1
kind: System
id: quan-ly-van-ban
name: Hệ thống quản lý văn bản và điều hành
layer: L3
component: document-management
status: operating
owner: org:so-khcn
operator: org:van-phong
functionClass: internal
infoClasses: [public, private]
security: { level: 2, dossier: approved }
hosting: { deployment: provincial-dc }
---
apiVersion: kientruc/v1
kind: System
id: cong-thong-tin
name: Cổng thông tin điện tử xã Tân Phú
layer: L4
component: portal
status: operating
owner: agency:uy-ban-nhan-dan-xa-tan-phu
operator: org:van-phong
functionClass: citizen-business
infoClasses: [public]
security: { level: 1, dossier: approved, decision: { number: 12/QĐ-UBND, date: 2026-03-02 } }
hosting: { deployment: provincial-dc }
---
apiVersion: kientruc/v1
kind: System
id: camera-an-ninh
name: Hệ thống camera giám sát an ninh trật tự
layer: L1
component: iot
status: planned
owner: agency:uy-ban-nhan-dan-xa-tan-phu
operator: org:van-phong
functionClass: other
infoClasses: [private]
---
apiVersion: kientruc/v1
kind: Dataset
id: van-ban-di-den
name: Cơ sở dữ liệu văn bản đi, đến
scope: internal
layer: transactional
block: internal-resources
sharing: restricted
criticality: other
personalData: basic
owner: agency:uy-ban-nhan-dan-xa-tan-phu
system: system:quan-ly-van-ban
---
apiVersion: kientruc/v1
kind: Dataset
id: ho-so-tthc
name: Dữ liệu hồ sơ thủ tục hành chính cấp xã
scope: local
layer: transactional
block: citizen-business
sharing: shared
criticality: important
personalData: basic
owner: agency:uy-ban-nhan-dan-xa-tan-phu
quality:
  - { assessedOn: 2026-09-20, correct: 95, complete: 88, clean: 92, live: 97 }
---
apiVersion: kientruc/v1
kind: Dataset
id: ho-ngheo
name: Danh sách hộ nghèo, hộ cận nghèo
scope: local
layer: master
block: sectoral-ops
sharing: restricted
criticality: important
personalData: sensitive
owner: agency:uy-ban-nhan-dan-xa-tan-phu
---
apiVersion: kientruc/v1
kind: Integration
id: lien-thong-van-ban
name: Liên thông văn bản điện tử qua Trục liên thông văn bản quốc gia
from: system:quan-ly-van-ban
to: national:vdxp
channel: vdxp
format: edxml
direction: bidirectional
status: live
since: 2024-01-01
usage:
  - { period: 2026-Q3, transactions: 1020, failed: 2 }
---
apiVersion: kientruc/v1
kind: Kpi
id: phan-loai-du-lieu
name: Tỷ lệ cơ sở dữ liệu đã hoàn thành phân loại
nationalTarget: target:phan-loai-du-lieu
unit: percent
owner: org:van-phong
area: data
baseline: { value: 0, date: 2025-06-30, source: Rà soát của Văn phòng }
measurements:
  - { date: 2026-09-30, value: 67, source: Báo cáo quý III }
target: { value: 100, deadline: 2026 }
---
apiVersion: kientruc/v1
kind: Task
id: phan-loai-du-lieu
name: Rà soát, phân loại dữ liệu theo Luật Dữ liệu
area: data
lead: org:van-phong
deadline: 2026
deliverable: Danh mục dữ liệu đã phân loại
status: in-progress
addresses: [kpi:phan-loai-du-lieu]
---
apiVersion: kientruc/v1
kind: Task
id: phe-duyet-cap-do
name: Lập, trình phê duyệt hồ sơ cấp độ an toàn thông tin
area: security
lead: org:van-phong
partners: [org:so-khcn]
deadline: 2027-06
deliverable: Quyết định phê duyệt cấp độ
addresses: [system:quan-ly-van-ban]
---
apiVersion: kientruc/v1
kind: Task
id: danh-gia-ho-ngheo
name: Đánh giá chất lượng dữ liệu hộ nghèo
area: data
lead: org:phong-van-hoa-xa-hoi
deadline: 2027-03-31
deliverable: Báo cáo đánh giá chất lượng dữ liệu
addresses: [dataset:ho-ngheo]
`;

/** The commune's project files, `agency` replacing its agency.yaml. */
export function communeFiles(agency: string = COMMUNE_AGENCY, entities: string = COMMUNE_ENTITIES): Record<string, string> {
  return { 'architecture/agency.yaml': agency, 'architecture/entities.yaml': entities };
}

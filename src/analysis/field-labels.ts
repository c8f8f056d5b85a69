/**
 * What the readers of a finding call a field: the Vietnamese (and English) label of a YAML field path,
 * for messages about facts ("chủ quản hệ thống chưa xác định", a transition changing "hạ tầng triển
 * khai"). The labels are the schema's own short titles (`x-vi`/`x-en` in src/validate/schema); this
 * layer may not import the schema, so tests/analysis/field-labels.test.ts holds the two equal and
 * checks that every field a rule can name (every "chưa xác định"-able field, every field a transition
 * may change) has one. The YAML name stays in the fix hint, where the IT lead needs it.
 */
import type { DocPath } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import { lowerFirst } from './names.js';

/** Per entity kind, per dotted field path (no list indices): [vi, en], as the schema titles them. */
export const FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, readonly [string, string]>>>> = {
  system: {
    owner: ['Chủ quản hệ thống', 'System owner'],
    operator: ['Đơn vị vận hành', 'Operator'],
    functionClass: ['Loại hệ thống theo chức năng', 'System function class'],
    'security.level': ['Cấp độ an toàn hệ thống thông tin', 'Information-system security level'],
    'security.dossier': ['Trạng thái hồ sơ đề xuất cấp độ', 'Security-level dossier status'],
    'hosting.deployment': ['Hình thức triển khai, lưu trữ', 'Hosting'],
    name: ['Tên', 'Name'],
    shortName: ['Tên viết tắt', 'Short name'],
    status: ['Trạng thái vòng đời', 'Lifecycle status'],
    layer: ['Lớp kiến trúc (QĐ 3090)', 'Architecture layer (Decision 3090)'],
    component: ['Thành phần kiến trúc', 'Architecture component'],
    roles: ['Vai trò khác', 'Further roles'],
    vendor: ['Đơn vị phát triển, cung cấp', 'Vendor'],
    vendorOrg: ['Doanh nghiệp cung cấp, vận hành', 'Vendor organisation'],
    hosting: ['Hạ tầng triển khai', 'Hosting'],
    network: ['Mạng và địa chỉ truy cập', 'Network and addresses'],
    security: ['An toàn hệ thống thông tin theo cấp độ', 'Security level'],
    sharedPlatform: ['Là nền tảng số dùng chung', 'Shared digital platform'],
    usesVneid: ['Xác thực qua VNeID', 'Authenticates with VNeID'],
    usesDigitalSignature: ['Sử dụng chữ ký số', 'Uses digital signatures'],
    replacedBy: ['Được thay thế bởi', 'Replaced by'],
  },
  dataset: {
    layer: ['Lớp dữ liệu (QĐ 2439)', 'Data layer (Decision 2439)'],
    block: ['Khối dữ liệu (QĐ 2439)', 'Data block (Decision 2439)'],
    sharing: ['Phân loại dữ liệu theo chia sẻ', 'Sharing class'],
    criticality: ['Mức độ quan trọng của dữ liệu', 'Data criticality'],
    personalData: ['Dữ liệu cá nhân', 'Personal data'],
    owner: ['Chủ sở hữu dữ liệu', 'Data owner'],
    custodian: ['Chủ quản dữ liệu', 'Data custodian'],
    name: ['Tên', 'Name'],
    shortName: ['Tên viết tắt', 'Short name'],
    system: ['Hệ thống lưu trữ', 'Hosting system'],
    nationalDatabase: ['Liên kết CSDL quốc gia', 'Linked national database'],
    nationalRole: ['Vai trò đối với CSDL quốc gia', 'Role towards the national database'],
    nationalStore: ['Kho dữ liệu tại CSDL tổng hợp quốc gia', 'Store of the national consolidated database'],
    sync: ['Đồng bộ về CSDL tổng hợp quốc gia', 'Sync to the national consolidated database'],
    updateFrequency: ['Tần suất cập nhật', 'Update frequency'],
    dictionary: ['Mức phù hợp Từ điển dữ liệu dùng chung', 'Conformance with the common data dictionary'],
    standardised: ['Đã chuẩn hóa theo tiêu chuẩn chung', 'Standardised to common standards'],
    openData: ['Công bố dữ liệu mở', 'Open-data publication'],
    replacedBy: ['Được thay thế bởi', 'Replaced by'],
  },
  service: {
    provider: ['Cơ quan cung cấp', 'Providing body'],
    onlineLevel: ['Mức độ cung cấp dịch vụ công trực tuyến', 'Online provision level'],
    eligibleFullOnline: ['Đủ điều kiện cung cấp trực tuyến toàn trình', 'Eligible for full online provision'],
    handledBy: ['Hệ thống giải quyết', 'Handling system'],
    name: ['Tên', 'Name'],
    shortName: ['Tên viết tắt', 'Short name'],
    function: ['Chức năng nghiệp vụ', 'Business function'],
    channels: ['Kênh tiếp nhận hồ sơ', 'Submission channels'],
    alsoUses: ['Hệ thống khác sử dụng', 'Other systems used'],
    portalUrl: ['Địa chỉ trên Cổng Dịch vụ công quốc gia', 'Address on the National Public Service Portal'],
    replacedBy: ['Được thay thế bởi', 'Replaced by'],
  },
  function: {
    owner: ['Cơ quan thực hiện', 'Responsible body'],
    name: ['Tên', 'Name'],
    shortName: ['Tên viết tắt', 'Short name'],
    parent: ['Chức năng cấp trên', 'Parent function'],
    fields: ['Lĩnh vực', 'Fields'],
    supportedBy: ['Hệ thống hỗ trợ', 'Supporting systems'],
    replacedBy: ['Được thay thế bởi', 'Replaced by'],
  },
  org: {
    name: ['Tên', 'Name'],
    shortName: ['Tên viết tắt', 'Short name'],
    parent: ['Cơ quan cấp trên', 'Parent'],
    level: ['Cấp cơ quan', 'Agency level'],
    roles: ['Vai trò', 'Roles'],
    replacedBy: ['Được thay thế bởi', 'Replaced by'],
  },
  integration: {
    name: ['Tên', 'Name'],
    shortName: ['Tên viết tắt', 'Short name'],
    status: ['Trạng thái kết nối', 'Integration status'],
    type: ['Loại kết nối', 'Integration kind'],
    from: ['Bên cung cấp', 'Provider'],
    to: ['Bên khai thác', 'Consumer'],
    channel: ['Kênh kết nối, chia sẻ', 'Integration channel'],
    via: ['Nền tảng trung gian của cơ quan', 'Own platform used'],
    datasets: ['Dữ liệu trao đổi', 'Data carried'],
    direction: ['Chiều trao đổi', 'Direction'],
    format: ['Phương thức kỹ thuật', 'Technical format'],
    mandatory: ['Thuộc diện chia sẻ bắt buộc', 'Mandatory sharing'],
    replacedBy: ['Được thay thế bởi', 'Replaced by'],
  },
  agency: {
    code: ['Mã định danh cơ quan', 'Agency code'],
  },
};

const TRANSITION = /^transitions\.\d+\.set\.(.+)$/;

/**
 * The label of `field` (dotted, as `unknownFacts` and transitions give it) of an entity of `kind`, in
 * lower case for mid-sentence use; a field inside a planned transition says so. A path the table does
 * not know falls back to the quoted YAML name, as messages showed it before.
 */
export function fieldLabel(kind: string, field: string | DocPath): Text {
  const dotted = typeof field === 'string' ? field : field.join('.');
  const inTransition = TRANSITION.exec(dotted);
  const path = (inTransition ? inTransition[1]! : dotted)
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .join('.');
  const row = FIELD_LABELS[kind]?.[path];
  const label = row ? text(lowerFirst(row[0]), lowerFirst(row[1])) : text(`"${dotted}"`, `"${dotted}"`);
  if (!row || !inTransition) return label;
  return text(`${label.vi} (trong chuyển đổi theo kế hoạch)`, `${label.en} (in a planned transition)`);
}

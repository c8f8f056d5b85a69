/**
 * How spreadsheet columns map to YAML fields, as data: one line per field. `import` recognises a
 * column when its header matches one of `headers` (case-, diacritic- and punctuation-insensitive);
 * `export` writes `headers[0]`. A user map (`--map FILE`, docs/import-export.md) adds headers, sheets,
 * value synonyms and organisation levels on top of this default, or columns for further fields.
 */

/** The entity kinds a spreadsheet can hold. */
export type SheetKind = 'system' | 'dataset' | 'integration' | 'org' | 'task' | 'function' | 'service';
export const SHEET_KINDS: readonly SheetKind[] = ['org', 'system', 'dataset', 'integration', 'task', 'function', 'service'];

/**
 * How a cell is read and written: `text`, `text-list` (several texts separated by `;`), `id`, `url`, `integer`, `number`, `bool`, `date` (a day;
 * "năm 2023" becomes its first day, reported), `deadline` (a day, month or year as the task schema
 * allows), `enum:<pack enum>`, `enum-list:<pack enum>`, `component` (QĐ 3090 component), `org`,
 * `org-list`, `ref:<kinds>`, `ref-list:<kinds>` (kinds separated by `,`: system, dataset, national …).
 */
export type ColumnType = string;

export interface ColumnDef {
  /** Dotted path in the YAML document, e.g. `security.level`. */
  readonly field: string;
  readonly type: ColumnType;
  /** Headers that name this column; the first is the one `export` writes. */
  readonly headers: readonly string[];
  /** Column width in characters for `export`. */
  readonly width?: number;
  /** For `org-list`: the text field that receives names which are not organisations ("Các sở, ngành liên quan"). */
  readonly rest?: string;
}

export interface KindMapping {
  readonly kind: SheetKind;
  /** YAML `kind:` of the documents. */
  readonly docKind: string;
  /** Folder under the architecture root. */
  readonly folder: string;
  /** Sheet names that hold this kind; the first is the one `export` writes. */
  readonly sheets: readonly string[];
  /** Field holding the name; a row without it is not an entity. */
  readonly nameField: string;
  /** Field a merged group row ("I. LỚP HẠ TẦNG SỐ …") sets for the rows under it, if any. */
  readonly groupField?: string;
  readonly columns: readonly ColumnDef[];
  /** Fields the schema requires beyond id and name: a row without them is not imported. */
  readonly required: readonly string[];
  /** Values set on every imported entity of this kind that has none (from the user map). */
  readonly defaults: Readonly<Record<string, unknown>>;
}

export interface Mapping {
  readonly kinds: readonly KindMapping[];
  /** Extra spellings for pack enum values: enum id → folded text → value. */
  readonly values: Readonly<Record<string, Readonly<Record<string, string | number>>>>;
  /** Organisation level from the start of a name ("Sở " → department), for owners the inventory names but does not list. */
  readonly orgLevels: readonly (readonly [prefix: string, level: string])[];
  /** Labels of subtotal rows, skipped ("Tổng cộng", "Cộng"); compared with diacritics, since "Cổng" is not "Cộng". */
  readonly subtotals: readonly string[];
}

const ID = (kind: string): ColumnDef => ({ field: 'id', type: 'id', headers: ['Mã (id)', `Mã ${kind}`, 'Mã', 'id'], width: 28 });
const SHORT: ColumnDef = { field: 'shortName', type: 'text', headers: ['Tên viết tắt', 'Tên ngắn', 'Tên gọi tắt'], width: 24 };
const DESCRIPTION: ColumnDef = { field: 'description', type: 'text', headers: ['Mô tả', 'Mô tả chức năng', 'Chức năng chính'], width: 50 };
const NOTES: ColumnDef = { field: 'notes', type: 'text', headers: ['Ghi chú nội bộ', 'Ghi chú'], width: 30 };

const SYSTEM: KindMapping = {
  required: ['layer', 'component', 'status', 'owner'],
  kind: 'system',
  docKind: 'System',
  folder: 'systems',
  sheets: ['Hệ thống', 'Hệ thống thông tin', 'Danh mục hệ thống', 'Danh mục HTTT', 'HTTT', 'Phần mềm'],
  nameField: 'name',
  groupField: 'layer',
  columns: [
    ID('hệ thống'),
    { field: 'name', type: 'text', headers: ['Tên hệ thống', 'Tên hệ thống thông tin', 'Tên HTTT', 'Tên hệ thống, phần mềm', 'Tên phần mềm', 'Tên nền tảng'], width: 50 },
    SHORT,
    { field: 'layer', type: 'enum:layer', headers: ['Lớp kiến trúc', 'Lớp'], width: 14 },
    { field: 'component', type: 'component', headers: ['Thành phần kiến trúc', 'Thành phần', 'Nhóm hệ thống'], width: 36 },
    { field: 'status', type: 'enum:lifecycle', headers: ['Trạng thái', 'Tình trạng', 'Hiện trạng', 'Tình trạng hoạt động', 'Tình trạng sử dụng', 'Trạng thái sử dụng', 'Trạng thái hoạt động'], width: 18 },
    { field: 'owner', type: 'org', headers: ['Đơn vị chủ quản', 'Cơ quan chủ quản', 'Chủ quản', 'Đơn vị quản lý', 'Đơn vị chủ quản/quản lý', 'Đơn vị'], width: 36 },
    { field: 'operator', type: 'org', headers: ['Đơn vị vận hành', 'Đơn vị quản lý vận hành', 'Đơn vị quản trị, vận hành'], width: 36 },
    { field: 'vendor', type: 'text', headers: ['Đơn vị phát triển', 'Đơn vị cung cấp', 'Nhà cung cấp', 'Đơn vị xây dựng'], width: 30 },
    { field: 'functionClass', type: 'enum:functionClass', headers: ['Loại hệ thống', 'Phân loại theo chức năng'], width: 24 },
    { field: 'infoClasses', type: 'enum-list:infoClass', headers: ['Loại thông tin xử lý', 'Loại thông tin'], width: 30 },
    { field: 'security.level', type: 'enum:securityLevel', headers: ['Cấp độ an toàn', 'Cấp độ an toàn thông tin', 'Cấp độ ATTT', 'Cấp độ an toàn HTTT', 'Cấp độ'], width: 14 },
    { field: 'security.dossier', type: 'enum:dossierStatus', headers: ['Hồ sơ đề xuất cấp độ', 'Tình trạng hồ sơ cấp độ', 'Hồ sơ cấp độ'], width: 20 },
    { field: 'hosting.deployment', type: 'enum:deployment', headers: ['Nơi triển khai', 'Hạ tầng triển khai', 'Hình thức triển khai', 'Nơi đặt máy chủ'], width: 26 },
    { field: 'network.zone', type: 'enum:networkZone', headers: ['Phạm vi', 'Phạm vi truy cập', 'Môi trường mạng', 'Vùng mạng'], width: 22 },
    { field: 'network.publicUrl', type: 'url', headers: ['Địa chỉ truy cập', 'Địa chỉ truy cập (URL)', 'Đường dẫn truy cập', 'Tên miền', 'URL'], width: 34 },
    { field: 'users.internal', type: 'integer', headers: ['Số tài khoản cán bộ', 'Số người dùng nội bộ', 'Số tài khoản nội bộ'], width: 14 },
    { field: 'users.external', type: 'integer', headers: ['Số tài khoản người dân, doanh nghiệp', 'Số người dùng bên ngoài'], width: 14 },
    { field: 'sharedPlatform', type: 'bool', headers: ['Nền tảng dùng chung', 'Là nền tảng dùng chung'], width: 12 },
    { field: 'usesVneid', type: 'bool', headers: ['Xác thực qua VNeID', 'Tích hợp VNeID'], width: 12 },
    { field: 'usesDigitalSignature', type: 'bool', headers: ['Sử dụng chữ ký số', 'Ký số'], width: 12 },
    { field: 'goLive', type: 'date', headers: ['Năm đưa vào sử dụng', 'Thời gian đưa vào sử dụng', 'Ngày đưa vào vận hành', 'Năm đưa vào vận hành', 'Năm triển khai', 'Năm vận hành', 'Năm xây dựng'], width: 14 },
    { field: 'retireBy', type: 'date', headers: ['Thời hạn dừng hoạt động', 'Năm dừng hoạt động'], width: 14 },
    { field: 'replacedBy', type: 'ref:system,national', headers: ['Được thay thế bởi', 'Hệ thống thay thế'], width: 30 },
    DESCRIPTION,
    NOTES,
  ],
  defaults: {},
};

const DATASET: KindMapping = {
  required: ['scope'],
  kind: 'dataset',
  docKind: 'Dataset',
  folder: 'datasets',
  sheets: ['Cơ sở dữ liệu', 'CSDL', 'Danh mục CSDL', 'Dữ liệu', 'Tập dữ liệu'],
  nameField: 'name',
  columns: [
    ID('CSDL'),
    { field: 'name', type: 'text', headers: ['Tên CSDL', 'Tên cơ sở dữ liệu', 'Tên cơ sở dữ liệu, tập dữ liệu', 'Tên tập dữ liệu', 'Tên dữ liệu'], width: 50 },
    SHORT,
    { field: 'scope', type: 'enum:dataScope', headers: ['Phạm vi', 'Loại CSDL', 'Phân loại CSDL'], width: 22 },
    { field: 'layer', type: 'enum:dataLayer', headers: ['Lớp dữ liệu'], width: 18 },
    { field: 'block', type: 'enum:dataBlock', headers: ['Khối dữ liệu'], width: 30 },
    { field: 'sharing', type: 'enum:sharingClass', headers: ['Phân loại chia sẻ', 'Loại dữ liệu theo chia sẻ', 'Chia sẻ'], width: 18 },
    { field: 'criticality', type: 'enum:criticality', headers: ['Mức độ quan trọng'], width: 18 },
    { field: 'personalData', type: 'enum:personalData', headers: ['Dữ liệu cá nhân'], width: 22 },
    { field: 'owner', type: 'org', headers: ['Đơn vị chủ quản', 'Chủ sở hữu dữ liệu', 'Cơ quan chủ quản', 'Đơn vị chủ quản/quản lý', 'Đơn vị'], width: 36 },
    { field: 'custodian', type: 'org', headers: ['Đơn vị quản lý dữ liệu', 'Chủ quản dữ liệu', 'Đơn vị quản lý'], width: 36 },
    { field: 'system', type: 'ref:system', headers: ['Hệ thống lưu trữ', 'Thuộc hệ thống', 'Hệ thống thông tin'], width: 36 },
    { field: 'nationalDatabase', type: 'ref:national', headers: ['CSDL quốc gia liên quan', 'Liên kết CSDL quốc gia'], width: 36 },
    { field: 'sync.status', type: 'enum:syncStatus', headers: ['Đồng bộ CSDL quốc gia', 'Tình trạng đồng bộ'], width: 20 },
    { field: 'records', type: 'integer', headers: ['Số bản ghi', 'Số lượng bản ghi', 'Số lượng dữ liệu'], width: 14 },
    { field: 'updateFrequency', type: 'enum:updateFrequency', headers: ['Tần suất cập nhật'], width: 16 },
    { field: 'classifiedOn', type: 'date', headers: ['Ngày hoàn thành phân loại', 'Ngày phân loại'], width: 14 },
    DESCRIPTION,
    NOTES,
  ],
  defaults: {},
};

const INTEGRATION: KindMapping = {
  required: ['from', 'to', 'channel', 'status'],
  kind: 'integration',
  docKind: 'Integration',
  folder: 'integrations',
  sheets: ['Kết nối', 'Kết nối, chia sẻ', 'Tích hợp', 'Danh mục kết nối'],
  nameField: 'name',
  columns: [
    ID('kết nối'),
    { field: 'name', type: 'text', headers: ['Tên kết nối', 'Nội dung kết nối', 'Tên kết nối, chia sẻ'], width: 50 },
    SHORT,
    { field: 'from', type: 'ref:system,national,org,agency', headers: ['Bên cung cấp', 'Hệ thống cung cấp', 'Từ hệ thống'], width: 36 },
    { field: 'to', type: 'ref:system,national,org,agency', headers: ['Bên khai thác', 'Hệ thống khai thác', 'Đến hệ thống'], width: 36 },
    { field: 'channel', type: 'enum:channel', headers: ['Kênh kết nối', 'Nền tảng kết nối', 'Qua nền tảng'], width: 30 },
    { field: 'via', type: 'ref:system', headers: ['Nền tảng trung gian', 'LGSP'], width: 30 },
    { field: 'datasets', type: 'ref-list:dataset,national', headers: ['Dữ liệu trao đổi', 'Dữ liệu chia sẻ'], width: 40 },
    { field: 'direction', type: 'enum:integrationDirection', headers: ['Chiều trao đổi', 'Chiều kết nối'], width: 16 },
    { field: 'format', type: 'enum:integrationFormat', headers: ['Phương thức kỹ thuật', 'Phương thức kết nối'], width: 18 },
    { field: 'mandatory', type: 'bool', headers: ['Chia sẻ bắt buộc', 'Thuộc diện chia sẻ bắt buộc'], width: 12 },
    { field: 'status', type: 'enum:integrationStatus', headers: ['Trạng thái', 'Tình trạng'], width: 18 },
    { field: 'since', type: 'date', headers: ['Hoạt động từ ngày', 'Ngày kết nối', 'Thời gian kết nối'], width: 14 },
    { field: 'plannedDate', type: 'date', headers: ['Thời hạn kế hoạch', 'Thời hạn kết nối'], width: 14 },
    DESCRIPTION,
    NOTES,
  ],
  defaults: {},
};

const ORG: KindMapping = {
  required: ['level'],
  kind: 'org',
  docKind: 'Organization',
  folder: 'organizations',
  sheets: ['Cơ quan, đơn vị', 'Đơn vị', 'Cơ quan', 'Danh mục cơ quan'],
  nameField: 'name',
  columns: [
    ID('đơn vị'),
    { field: 'name', type: 'text', headers: ['Tên cơ quan, đơn vị', 'Tên cơ quan', 'Tên đơn vị', 'Cơ quan, đơn vị'], width: 50 },
    SHORT,
    { field: 'code', type: 'text', headers: ['Mã định danh cơ quan', 'Mã định danh điện tử', 'Mã định danh', 'Mã cơ quan'], width: 18 },
    { field: 'level', type: 'enum:agencyLevel', headers: ['Cấp', 'Cấp cơ quan', 'Loại đơn vị'], width: 26 },
    { field: 'parent', type: 'org', headers: ['Cơ quan cấp trên', 'Trực thuộc', 'Cơ quan chủ quản'], width: 36 },
    { field: 'roles', type: 'enum-list:orgRole', headers: ['Vai trò'], width: 36 },
    DESCRIPTION,
    NOTES,
  ],
  defaults: {},
};

const TASK: KindMapping = {
  required: ['area', 'lead'],
  kind: 'task',
  docKind: 'Task',
  folder: 'tasks',
  sheets: ['Nhiệm vụ', 'Danh mục nhiệm vụ', 'Kế hoạch', 'Nhiệm vụ, giải pháp'],
  nameField: 'name',
  groupField: 'area',
  columns: [
    ID('nhiệm vụ'),
    { field: 'name', type: 'text', headers: ['Tên nhiệm vụ', 'Nội dung nhiệm vụ', 'Nhiệm vụ', 'Nội dung'], width: 60 },
    SHORT,
    { field: 'area', type: 'enum:taskArea', headers: ['Nhóm nhiệm vụ', 'Lĩnh vực'], width: 30 },
    { field: 'lead', type: 'org', headers: ['Cơ quan chủ trì', 'Đơn vị chủ trì', 'Chủ trì'], width: 36 },
    { field: 'partners', type: 'org-list', headers: ['Cơ quan phối hợp', 'Đơn vị phối hợp', 'Phối hợp'], width: 40, rest: 'partnersText' },
    { field: 'partnersText', type: 'text', headers: ['Cơ quan phối hợp khác'], width: 30 },
    { field: 'start', type: 'date', headers: ['Ngày bắt đầu', 'Thời gian bắt đầu'], width: 14 },
    { field: 'deadline', type: 'deadline', headers: ['Thời gian hoàn thành', 'Thời hạn hoàn thành', 'Thời hạn'], width: 16 },
    { field: 'deliverable', type: 'text', headers: ['Sản phẩm', 'Sản phẩm đầu ra', 'Kết quả, sản phẩm'], width: 40 },
    { field: 'status', type: 'enum:taskStatus', headers: ['Tình trạng', 'Trạng thái', 'Tình hình thực hiện'], width: 18 },
    { field: 'progress', type: 'number', headers: ['Tiến độ (%)', 'Tỷ lệ hoàn thành (%)', 'Tiến độ'], width: 10 },
    { field: 'note', type: 'text', headers: ['Ghi chú'], width: 30 },
    DESCRIPTION,
    { field: 'notes', type: 'text', headers: ['Ghi chú nội bộ'], width: 30 },
  ],
  defaults: {},
};

const FUNCTION: KindMapping = {
  required: ['owner'],
  kind: 'function',
  docKind: 'BusinessFunction',
  folder: 'functions',
  sheets: ['Chức năng nghiệp vụ', 'Chức năng'],
  nameField: 'name',
  columns: [
    ID('chức năng'),
    { field: 'name', type: 'text', headers: ['Tên chức năng nghiệp vụ', 'Tên chức năng'], width: 50 },
    SHORT,
    { field: 'owner', type: 'org', headers: ['Cơ quan thực hiện', 'Cơ quan được giao'], width: 36 },
    { field: 'parent', type: 'ref:function', headers: ['Chức năng cấp trên'], width: 36 },
    { field: 'fields', type: 'text-list', headers: ['Lĩnh vực'], width: 36 },
    { field: 'supportedBy', type: 'ref-list:system,national', headers: ['Hệ thống hỗ trợ'], width: 40 },
    DESCRIPTION,
    NOTES,
  ],
  defaults: {},
};

const SERVICE: KindMapping = {
  required: ['provider', 'onlineLevel'],
  kind: 'service',
  docKind: 'Service',
  folder: 'services',
  sheets: ['Dịch vụ công', 'Danh mục dịch vụ công', 'Thủ tục hành chính', 'Danh mục TTHC', 'TTHC'],
  nameField: 'name',
  columns: [
    ID('dịch vụ'),
    { field: 'name', type: 'text', headers: ['Tên dịch vụ công', 'Tên thủ tục hành chính', 'Tên thủ tục', 'Tên TTHC'], width: 50 },
    SHORT,
    { field: 'procedures', type: 'text-list', headers: ['Mã thủ tục hành chính', 'Mã TTHC', 'Mã thủ tục', 'Mã số TTHC'], width: 20 },
    { field: 'field', type: 'text', headers: ['Lĩnh vực thủ tục', 'Lĩnh vực TTHC', 'Lĩnh vực'], width: 26 },
    { field: 'function', type: 'ref:function', headers: ['Chức năng nghiệp vụ'], width: 30 },
    { field: 'provider', type: 'org', headers: ['Cơ quan cung cấp', 'Cơ quan giải quyết', 'Cơ quan thực hiện', 'Cơ quan có thẩm quyền'], width: 36 },
    { field: 'onlineLevel', type: 'enum:serviceOnlineLevel', headers: ['Mức độ trực tuyến', 'Mức độ cung cấp DVCTT', 'Mức độ DVCTT'], width: 24 },
    { field: 'eligibleFullOnline', type: 'bool', headers: ['Đủ điều kiện toàn trình', 'Đủ điều kiện cung cấp DVCTT toàn trình'], width: 14 },
    { field: 'channels', type: 'enum-list:serviceChannel', headers: ['Kênh tiếp nhận', 'Kênh nộp hồ sơ'], width: 36 },
    { field: 'handledBy', type: 'ref:system,national', headers: ['Hệ thống giải quyết', 'Hệ thống xử lý hồ sơ', 'Phần mềm giải quyết'], width: 30 },
    { field: 'alsoUses', type: 'ref-list:system,national', headers: ['Hệ thống khác sử dụng'], width: 36 },
    { field: 'portalUrl', type: 'url', headers: ['Địa chỉ trên Cổng Dịch vụ công quốc gia', 'Đường dẫn trên Cổng DVCQG'], width: 36 },
    DESCRIPTION,
    NOTES,
  ],
  defaults: {},
};

/** Spellings provincial inventories use for enum values, beyond the pack's own labels and values. */
const VALUES: Mapping['values'] = {
  layer: { 'lop 1': 'L1', 'lop 2': 'L2', 'lop 3': 'L3', 'lop 4': 'L4' },
  lifecycle: {
    'dang su dung': 'operating', 'dang hoat dong': 'operating', 'hoat dong': 'operating', 'dang khai thac': 'operating', 'da dua vao su dung': 'operating', 'van hanh': 'operating',
    'dang trien khai': 'building', 'dang xay dung': 'building', 'dang thu nghiem': 'building', 'thu nghiem': 'building', 'van hanh thu nghiem': 'building', 'dang van hanh thu nghiem': 'building',
    'dang nang cap': 'upgrading',
    'da dung': 'retired', 'dung su dung': 'retired', 'da dung su dung': 'retired', 'ngung su dung': 'retired', 'da ngung su dung': 'retired',
    'dung hoat dong': 'retired', 'da dung hoat dong': 'retired', 'ngung hoat dong': 'retired', 'da ngung hoat dong': 'retired',
    'du kien': 'planned', 'ke hoach': 'planned', 'chua trien khai': 'planned', 'chua xay dung': 'planned',
  },
  // "Cấp độ 3", "Cấp độ III", "Cấp III", "Cấp 3", "CĐ 3", "III": every way of writing the five levels.
  securityLevel: Object.fromEntries(
    ['i', 'ii', 'iii', 'iv', 'v'].flatMap((roman, i) => [String(i + 1), roman].flatMap((n) => ['cap do', 'cap', 'cd', ''].map((p) => [`${p} ${n}`.trim(), i + 1] as const))),
  ),
  dossierStatus: { 'chua': 'none', 'chua co': 'none', 'dang xay dung': 'drafting', 'da trinh': 'submitted', 'da duyet': 'approved', 'da phe duyet cap do': 'approved' },
  networkZone: {
    'mang truyen so lieu chuyen dung': 'wan', 'tslcd': 'wan', 'mang tslcd': 'wan', 'mang chuyen dung': 'wan',
    'noi bo': 'lan', 'mang noi bo': 'lan', 'lan': 'lan', 'internet': 'internet', 'cong khai': 'internet', 'doc lap': 'isolated',
  },
  deployment: {
    'trung tam du lieu tinh': 'provincial-dc', 'ttdl tinh': 'provincial-dc', 'trung tam du lieu quoc gia': 'ttdlqg', 'ttdlqg': 'ttdlqg',
    'dien toan dam may': 'gov-cloud', 'thue dich vu': 'commercial-cloud', 'phong may chu': 'on-prem', 'tai don vi': 'on-prem',
  },
  dataScope: { 'quoc gia': 'national', 'csdl quoc gia': 'national', 'chuyen nganh': 'sectoral', 'csdl chuyen nganh': 'sectoral', 'dia phuong': 'local', 'cua tinh': 'local', 'noi bo': 'internal' },
  infoClass: { 'cong cong': 'public', 'rieng': 'private', 'ca nhan': 'personal', 'bi mat nha nuoc': 'state-secret' },
  sharingClass: { 'dung chung': 'shared', 'dung rieng': 'restricted', 'mo': 'open' },
  personalData: { 'khong': 'none', 'khong co': 'none', 'co ban': 'basic', 'co co ban': 'basic', 'nhay cam': 'sensitive', 'co nhay cam': 'sensitive' },
  channel: { 'lgsp': 'lgsp', 'ndxp': 'ndxp', 'ndop': 'ndop', 'vdxp': 'vdxp', 'truc tiep': 'direct', 'lgsp tinh': 'lgsp' },
  integrationStatus: {
    'da ket noi': 'live', 'dang ket noi': 'live', 'hoat dong': 'live', 'chua ket noi': 'planned', 'chua trien khai': 'planned', 'thu nghiem': 'testing', 'tam dung': 'suspended',
    'da dung': 'retired', 'dung hoat dong': 'retired', 'ngung hoat dong': 'retired', 'ngung ket noi': 'retired', 'dung ket noi': 'retired',
  },
  taskStatus: { 'dang thuc hien': 'in-progress', 'da hoan thanh': 'done', 'chua thuc hien': 'not-started', 'cham': 'delayed', 'cham tien do': 'delayed' },
  serviceOnlineLevel: { 'toan trinh': 'full', 'truc tuyen toan trinh': 'full', 'dvctt toan trinh': 'full', 'mot phan': 'partial', 'truc tuyen mot phan': 'partial', 'dvctt mot phan': 'partial', 'khong': 'none', 'chua truc tuyen': 'none' },
  serviceChannel: { 'cong dvcqg': 'national-portal', 'cong dich vu cong quoc gia': 'national-portal', 'truc tiep': 'in-person', 'mot cua': 'in-person', 'buu chinh': 'post', 'buu chinh cong ich': 'post', 'ung dung di dong': 'mobile-app' },
  agencyLevel: { 'so': 'department', 'so nganh': 'department', 'xa': 'commune', 'phuong': 'commune', 'don vi su nghiep': 'unit' },
};

/**
 * Spellings that name more than one value of an enum: read as "chưa xác định" where the field accepts
 * it (with a warning naming the candidates), else refused. "Có" in a personal-data column says there
 * is personal data, not whether it is basic or sensitive (Luật BVDLCN 91/2025/QH15 Điều 2), and the
 * duties differ: picking one would be a guess.
 */
export const AMBIGUOUS_VALUES: Readonly<Record<string, Readonly<Record<string, readonly (string | number)[]>>>> = {
  personalData: { co: ['basic', 'sensitive'], 'co du lieu ca nhan': ['basic', 'sensitive'], x: ['basic', 'sensitive'] },
};

/** Levels of organisations an inventory names without listing them, by how their name starts (folded). */
const ORG_LEVELS: Mapping['orgLevels'] = [
  ['so ', 'department'],
  ['ban quan ly ', 'department'],
  ['thanh tra tinh', 'department'],
  ['van phong uy ban nhan dan', 'department'],
  ['van phong ubnd', 'department'],
  ['uy ban nhan dan xa', 'commune'],
  ['uy ban nhan dan phuong', 'commune'],
  ['ubnd xa', 'commune'],
  ['ubnd phuong', 'commune'],
  ['cong an tinh', 'deconcentrated'],
  ['bao hiem xa hoi tinh', 'deconcentrated'],
  ['cuc thue', 'deconcentrated'],
  ['trung tam ', 'unit'],
  ['van phong dang ky dat dai', 'unit'],
  ['benh vien ', 'unit'],
  ['truong ', 'unit'],
  ['bo ', 'ministry'],
];

export const DEFAULT_MAPPING: Mapping = {
  kinds: [ORG, SYSTEM, DATASET, INTEGRATION, TASK, FUNCTION, SERVICE],
  values: VALUES,
  orgLevels: ORG_LEVELS,
  subtotals: ['Tổng cộng', 'Tổng số', 'Tổng', 'Cộng'],
};

/** The mapping of one kind. */
export function kindMapping(mapping: Mapping, kind: SheetKind): KindMapping {
  const m = mapping.kinds.find((k) => k.kind === kind);
  if (!m) throw new Error(`no mapping for ${kind}`);
  return m;
}

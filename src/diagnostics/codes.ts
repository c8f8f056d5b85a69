import { isStructuralCode } from '../core/diagnostic.js';
import type { Severity } from '../core/severity.js';
import { text, type Text } from '../core/text.js';

/** A diagnostic code that is not a conformance rule: reported by the loader, validator or model. */
export interface CodeMeta {
  readonly id: string;
  readonly severity: Severity;
  readonly description: Text;
}

const c = (id: string, severity: Severity, vi: string, en: string): CodeMeta => ({ id, severity, description: text(vi, en) });

/** Every built-in code, sorted by id. SARIF lists them next to the rules; the README documents them. */
export const BUILTIN_CODES: readonly CodeMeta[] = [
  c('aggregate.duplicate-code', 'error', 'Hai thư mục được tổng hợp có cùng mã định danh cơ quan.', 'Two aggregated folders share an agency code.'),
  c('aggregate.framework-mismatch', 'error', 'Các cơ quan được tổng hợp dùng bộ khung khác nhau.', 'Aggregated agencies use different framework packs.'),
  c('aggregate.missing-code', 'error', 'Cơ quan được tổng hợp chưa có mã định danh (QCVN 102).', 'An aggregated agency has no agency code (QCVN 102).'),
  c('aggregate.national-db-owned-twice', 'error', 'Hai cơ quan cùng nhận là nguồn của một CSDL quốc gia.', 'Two agencies both claim to be the source of one national database.'),
  c('aggregate.system-claimed-twice', 'warning', 'Hai cơ quan cùng khai báo một hệ thống (cùng tên, tên viết tắt, hoặc đã được thay thế mà vẫn vận hành).', 'Two agencies declare one system (same name or short name, or replaced yet still in service).'),
  c('aggregate.unknown-agency', 'warning', 'Tham chiếu tới cơ quan không có trong lần tổng hợp.', 'Reference to an agency outside the aggregation.'),
  c('aggregate.unresolved-ref', 'error', 'Tham chiếu liên cơ quan tới thực thể không tồn tại.', 'Cross-agency reference to an entity that does not exist.'),
  c('config.empty', 'error', 'Tệp cấu hình rỗng.', 'The configuration file is empty.'),
  c('config.enum', 'error', 'Giá trị cấu hình không thuộc danh mục cho phép (mức nghiêm trọng: error, warning, info, off).', 'Configuration value not allowed (severity: error, warning, info, off).'),
  c('config.format', 'error', 'Sai định dạng trong tệp cấu hình (ngày YYYY-MM-DD).', 'Wrong format in the configuration (date YYYY-MM-DD).'),
  c('config.invalid', 'error', 'Giá trị không hợp lệ trong tệp cấu hình.', 'Invalid value in the configuration.'),
  c('config.not-a-mapping', 'error', 'Tệp cấu hình không phải đối tượng khóa: giá trị.', 'The configuration is not a mapping.'),
  c('config.off-without-reason', 'error', 'Tắt quy tắc mà không nêu lý do.', 'A rule is switched off without a reason.'),
  c('config.pattern', 'error', 'Mã quy tắc hoặc tham chiếu thực thể sai dạng trong tệp cấu hình.', 'Malformed rule id or entity reference in the configuration.'),
  c('config.required', 'error', 'Thiếu trường bắt buộc trong tệp cấu hình (miễn trừ cần rule, entity, reason, approvedBy, expires).', 'Required field missing in the configuration (a waiver needs rule, entity, reason, approvedBy, expires).'),
  c('config.syntax', 'error', 'Lỗi cú pháp YAML trong tệp cấu hình.', 'YAML syntax error in the configuration.'),
  c('config.too-long', 'error', 'Chuỗi quá dài trong tệp cấu hình.', 'String too long in the configuration.'),
  c('config.type', 'error', 'Sai kiểu dữ liệu trong tệp cấu hình.', 'Wrong type in the configuration.'),
  c('config.unknown-field', 'error', 'Trường không có trong lược đồ tệp cấu hình.', 'Field not in the configuration schema.'),
  c('config.unknown-rule', 'error', 'Tệp cấu hình nêu quy tắc không tồn tại.', 'The configuration names a rule that does not exist.'),
  c('internal.error', 'error', 'Lỗi nội bộ của kientruc.', 'Internal kientruc error.'),
  c('internal.rule-crashed', 'error', 'Một quy tắc gặp lỗi nội bộ; các quy tắc khác vẫn chạy.', 'A rule crashed; the other rules still ran.'),
  c('load.binary', 'error', 'Tệp chứa byte NUL, không phải văn bản.', 'File contains NUL bytes.'),
  c('load.file-too-large', 'error', 'Tệp vượt giới hạn kích thước.', 'File exceeds the size limit.'),
  c('load.invalid-utf8', 'error', 'Tệp không phải UTF-8 hợp lệ.', 'File is not valid UTF-8.'),
  c('load.no-files', 'error', 'Thư mục kiến trúc không có tệp YAML.', 'Architecture folder holds no YAML file.'),
  c('load.not-a-file', 'error', 'Không phải tệp thông thường (FIFO, socket, thiết bị).', 'Not a regular file (FIFO, socket, device).'),
  c('load.symlink-broken', 'error', 'Liên kết tượng trưng hỏng.', 'Broken symbolic link.'),
  c('load.symlink-outside', 'error', 'Liên kết tượng trưng trỏ ra ngoài thư mục kiến trúc.', 'Symbolic link points outside the architecture folder.'),
  c('load.template-outside', 'error', 'Mẫu ghi đè Chiến lược dữ liệu trỏ ra ngoài thư mục dự án.', 'A strategy template override resolves outside the project folder.'),
  c('load.unknown-strategy-file', 'warning', 'Tệp Markdown trong strategy/ không phải tệp nội dung Chiến lược nào.', 'A Markdown file in strategy/ is not one of the strategy prose files.'),
  c('load.unknown-template', 'warning', 'Mẫu ghi đè không trùng tên mẫu nào của Chiến lược dữ liệu.', 'A template override does not name any strategy template.'),
  c('load.unreadable', 'error', 'Không đọc được tệp.', 'File cannot be read.'),
  c('model.agency-code-format', 'warning', 'Mã định danh cơ quan không theo dạng QCVN 102 thường gặp.', 'Agency code does not follow the usual QCVN 102 shape.'),
  c('model.component-layer', 'warning', 'Thành phần kiến trúc không thuộc lớp đã khai báo.', 'Component does not belong to the declared layer.'),
  c('model.duplicate-id', 'error', 'Mã định danh bị khai báo hai lần trong cùng loại.', 'Identifier declared twice within a kind.'),
  c('model.missing-agency', 'error', 'Thiếu tài liệu Agency.', 'No Agency document.'),
  c('model.multiple-agencies', 'error', 'Có nhiều hơn một tài liệu Agency.', 'More than one Agency document.'),
  c('model.reference-cycle', 'error', 'Tham chiếu vòng (parent, replacedBy).', 'Reference cycle (parent, replacedBy).'),
  c('model.self-integration', 'warning', 'Kết nối một hệ thống với chính nó.', 'Integration connects a system to itself.'),
  c('model.unresolved-ref', 'error', 'Tham chiếu tới thực thể không tồn tại.', 'Reference to an entity that does not exist.'),
  c('model.wrong-ref-kind', 'error', 'Tham chiếu sai loại thực thể.', 'Reference to the wrong kind of entity.'),
  c('schema.const', 'error', 'Giá trị phải đúng hằng số quy định.', 'Value must equal the fixed constant.'),
  c('schema.duplicate-item', 'error', 'Danh sách có phần tử lặp lại.', 'List has a repeated item.'),
  c('schema.empty', 'error', 'Giá trị không được để trống.', 'Value must not be empty.'),
  c('schema.enum', 'error', 'Giá trị không thuộc danh mục cho phép.', 'Value is not one of the allowed values.'),
  c('schema.format', 'error', 'Sai định dạng (ngày, URL, thư điện tử, thời hạn).', 'Wrong format (date, URL, e-mail, deadline).'),
  c('schema.id-format', 'error', 'Mã định danh không theo kebab-case.', 'Identifier is not kebab-case.'),
  c('schema.missing-api-version', 'error', 'Thiếu apiVersion.', 'apiVersion is missing.'),
  c('schema.missing-kind', 'error', 'Thiếu kind.', 'kind is missing.'),
  c('schema.not-a-mapping', 'error', 'Tài liệu không phải đối tượng khóa: giá trị.', 'Document is not a mapping.'),
  c('schema.pattern', 'error', 'Giá trị sai định dạng.', 'Value does not match its pattern.'),
  c('schema.range', 'error', 'Giá trị nằm ngoài khoảng cho phép.', 'Value out of range.'),
  c('schema.ref-format', 'error', 'Tham chiếu không đúng dạng kind:id.', 'Reference is not of the form kind:id.'),
  c('schema.required', 'error', 'Thiếu trường bắt buộc.', 'Required field missing.'),
  c('schema.too-long', 'error', 'Chuỗi quá dài.', 'String too long.'),
  c('schema.type', 'error', 'Sai kiểu dữ liệu.', 'Wrong type.'),
  c('schema.unknown-api-version', 'error', 'apiVersion không được hỗ trợ.', 'Unsupported apiVersion.'),
  c('schema.unknown-field', 'error', 'Trường không có trong lược đồ.', 'Field not in the schema.'),
  c('schema.unknown-framework', 'error', 'Bộ khung không được cài đặt.', 'Framework pack not installed.'),
  c('schema.unknown-kind', 'error', 'Loại thực thể không tồn tại.', 'Unknown kind.'),
  c('waiver.expired', 'error', 'Miễn trừ đã hết hạn; phát hiện không còn được miễn trừ.', 'A waiver has expired; the finding is no longer waived.'),
  c('waiver.unused', 'warning', 'Miễn trừ không khớp phát hiện nào.', 'A waiver matches no finding.'),
  c('yaml.alias-cycle', 'error', 'Bí danh YAML nằm trong chính neo nó trỏ tới.', 'YAML alias inside its own anchor.'),
  c('yaml.alias-limit', 'error', 'Dùng bí danh YAML quá nhiều lần (billion laughs).', 'Too many YAML alias expansions (billion laughs).'),
  c('yaml.bad-escape', 'error', 'Ký tự thoát không hợp lệ trong chuỗi nháy kép.', 'Invalid escape in a double-quoted string.'),
  c('yaml.complex-key', 'error', 'Khóa không phải chuỗi văn bản (danh sách, đối tượng, bí danh).', 'Key is not plain text (list, mapping, alias).'),
  c('yaml.duplicate-key', 'error', 'Khóa lặp lại trong cùng đối tượng.', 'Duplicate key in a mapping.'),
  c('yaml.empty-file', 'error', 'Tệp rỗng hoặc chỉ có chú thích.', 'File is empty or comments only.'),
  c('yaml.indent', 'error', 'Thụt lề sai.', 'Bad indentation.'),
  c('yaml.merge-key', 'error', 'Khóa gộp "<<" của YAML 1.1 (không được hỗ trợ; viết trực tiếp các trường).', 'YAML 1.1 "<<" merge key (not supported; write the fields out).'),
  c('yaml.syntax', 'error', 'Lỗi cú pháp YAML.', 'YAML syntax error.'),
  c('yaml.tab-indent', 'error', 'Dùng Tab để thụt lề.', 'Tab used for indentation.'),
  c('yaml.too-deep', 'error', 'Lồng nhau quá sâu.', 'Nested too deeply.'),
  c('yaml.too-many-errors', 'error', 'Tệp có quá nhiều lỗi YAML; phần còn lại không được liệt kê.', 'Too many YAML errors in the file; the rest are not listed.'),
  c('yaml.unclosed', 'error', 'Thiếu dấu đóng nháy hoặc ngoặc.', 'Unclosed quote or bracket.'),
  c('yaml.unknown-alias', 'error', 'Bí danh YAML không trỏ tới neo nào.', 'YAML alias names no anchor.'),
  c('yaml.unknown-tag', 'error', 'Thẻ YAML không được hỗ trợ.', 'Unsupported YAML tag.'),
];

/** Codes whose presence means the model cannot be trusted for rendering. */
export function isStructural(code: string): boolean {
  return isStructuralCode(code);
}

/**
 * The gap report's sections, in order: the table of contents of every format (md, html, pdf, docx)
 * and the HTML anchors. File paths (file:line:col) stay in the last one, the technical section.
 */

/** What the technical section says it is, under its heading. */
export const TECHNICAL_NOTE = 'Phần kỹ thuật, dành cho người cập nhật mô hình kiến trúc: vị trí (tệp:dòng:cột), mã quy tắc và cách khắc phục từng phát hiện.';
export const GAP_TOC = [
  { id: 'tom-tat', title: 'I. Tóm tắt' },
  { id: 'chi-tieu', title: 'II. Tình hình thực hiện các chỉ tiêu quốc gia' },
  { id: 'bao-phu', title: 'III. Mức độ bao phủ của kiến trúc' },
  { id: 'theo-lop', title: 'IV. Đánh giá theo lớp kiến trúc và lớp dữ liệu' },
  { id: 'ton-tai', title: 'V. Tồn tại chưa có nhiệm vụ khắc phục' },
  { id: 'viec-can-lam', title: 'VI. Danh mục việc cần làm' },
  { id: 'ky-thuat', title: 'VII. Chi tiết phát hiện theo quy tắc' },
] as const;

/** The title of a section, by id: the headings and the table of contents cannot drift apart. */
export function gapSection(id: (typeof GAP_TOC)[number]['id']): string {
  return GAP_TOC.find((s) => s.id === id)!.title;
}

import { expect } from 'vitest';

/** What a reviewer looks for in each document, in reading order (shared by the text and print tests). */

/** Fails naming the first needle that is missing or out of order. */
export function expectInOrder(haystack: string, needles: readonly string[]): void {
  let from = 0;
  for (const n of needles) {
    const at = haystack.indexOf(n, from);
    expect(at, `"${n}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + n.length;
  }
}

export const PLAN_SECTIONS = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH SƠN HÀ',
  '/KH-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Sơn Hà, ngày',
  'KẾ HOẠCH',
  'Triển khai thực hiện Chiến lược dữ liệu tỉnh Sơn Hà',
  'Căn cứ Luật Dữ liệu',
  'ban hành Kế hoạch',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  '2. Yêu cầu',
  'II. MỤC TIÊU',
  '1. Mục tiêu chung',
  '2. Mục tiêu cụ thể',
  'a) Xây dựng và hoàn thiện cơ sở pháp lý',
  'III. NHIỆM VỤ, GIẢI PHÁP',
  '1. Hoàn thiện thể chế, kỷ luật thực thi',
  'IV. KINH PHÍ THỰC HIỆN',
  'V. TỔ CHỨC THỰC HIỆN',
  '1. Sở Khoa học và Công nghệ',
  'Trong quá trình thực hiện',
  'Nơi nhận:',
  'PHÓ CHỦ TỊCH',
  'Phạm Minh Khoa',
  'PHỤ LỤC I',
  'BẢNG TỔNG HỢP CÁC NHIỆM VỤ',
  '(Kèm theo Kế hoạch số',
];

export const REPORT_SECTIONS = [
  'ỦY BAN NHÂN DÂN',
  '/BC-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'BÁO CÁO',
  'quý III năm 2026',
  'Kính gửi:',
  '- Bộ Khoa học và Công nghệ;',
  '- Bộ Công an.',
  'I. KẾT QUẢ THỰC HIỆN',
  '1. Kết nối, chia sẻ dữ liệu',
  '2. Chất lượng dữ liệu',
  'đúng',
  'đủ',
  'sạch',
  'sống',
  '3. Đáp ứng yêu cầu chia sẻ dữ liệu',
  '4. Tiến độ thực hiện nhiệm vụ',
  'II. DANH MỤC NGUỒN DỮ LIỆU VÀ DỮ LIỆU ƯU TIÊN',
  'cần ưu tiên xử lý',
  'III. KHÓ KHĂN, VƯỚNG MẮC',
  'chưa mở dịch vụ chia sẻ',
  'IV. KIẾN NGHỊ, ĐỀ XUẤT',
  'Đề nghị Bộ Công an',
  'Người lập báo cáo, đầu mối liên hệ: Nguyễn Thị Thu Hằng',
  'cds@sonha.gov.vn',
  'Nơi nhận:',
  'PHÓ CHỦ TỊCH',
  'PHỤ LỤC I',
  'KẾT NỐI, CHIA SẺ DỮ LIỆU TRONG KỲ',
  '(Kèm theo Báo cáo số',
  'PHỤ LỤC II',
  'CHẤT LƯỢNG DỮ LIỆU',
  'PHỤ LỤC III',
  'TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ',
  'PHỤ LỤC IV',
  'DANH MỤC NGUỒN DỮ LIỆU',
];

/** The data-source catalogue columns of the periodic survey, those the model holds. */
export const CATALOGUE_COLUMNS = ['Nguồn dữ liệu', 'Cơ quan quản lý', 'Hệ thống lưu trữ', 'Định dạng', 'Tần suất cập nhật', 'Số bản ghi', 'Phân loại, điều kiện bảo mật'];


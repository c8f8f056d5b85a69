/** Reading single cells: Vietnamese dates, numbers typed as text, enum spellings, ids from names. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK, loadPack } from '../../src/framework/load-pack.js';
import { deriveId, NameIndex, nameKey } from '../../src/exchange/xlsx/import/names.js';
import { subtotalKey } from '../../src/exchange/xlsx/import/sheet.js';
import { DEFAULT_MAPPING } from '../../src/exchange/xlsx/mapping.js';
import { parseCell, type CellValue } from '../../src/exchange/xlsx/values.js';

const ctx = { pack: loadPack(DEFAULT_PACK), mapping: DEFAULT_MAPPING };
const read = (type: string, raw: CellValue) => parseCell(type, raw, ctx, 'x');
const value = (type: string, raw: CellValue) => {
  const p = read(type, raw);
  return p.ok ? p.value : `ERR ${p.reason.vi}`;
};

describe('dates', () => {
  it.each<[CellValue, unknown]>([
    ['15/3/2022', '2022-03-15'],
    ['05-09-2020', '2020-09-05'],
    ['ngày 5 tháng 3 năm 2024', '2024-03-05'],
    ['tháng 3/2024', '2024-03-01'],
    ['năm 2023', '2023-01-01'],
    [2019, '2019-01-01'],
    ['2021-06-15', '2021-06-15'],
    [new Date(Date.UTC(2023, 10, 1)), '2023-11-01'],
    [45292, '2024-01-01'],
  ])('date %j → %j', (raw, want) => expect(value('date', raw)).toBe(want));

  it('reports a partial date it keeps as a day, and refuses impossible ones', () => {
    const p = read('date', 'năm 2023');
    expect(p.ok && p.note?.vi).toMatch(/không có ngày cụ thể/);
    expect(value('date', '31/02/2020')).toMatch(/^ERR .*không phải ngày có thật/);
    expect(value('date', '13/13/2020')).toMatch(/^ERR/);
    expect(value('date', 'sắp tới')).toMatch(/^ERR .*không đọc được/);
  });

  it.each<[CellValue, unknown]>([
    ['năm 2026', 2026],
    ['tháng 6/2026', '2026-06'],
    ['Quý IV/2026', '2026-Q4'],
    ['quý 2 năm 2027', '2027-Q2'],
    ['hằng quý', 'hằng quý'],
    ['30/6/2027', '2027-06-30'],
    ['Thực hiện thường xuyên', 'ongoing'],
  ])('deadline %j → %j', (raw, want) => expect(value('deadline', raw)).toBe(want));
});

describe('numbers stored as text', () => {
  it.each<[string, CellValue, unknown]>([
    ['integer', '1.412.600', 1412600],
    ['integer', '21.000', 21000],
    ['integer', '21,000', 21000],
    ['integer', '6 850', 6850],
    ['integer', 320, 320],
    ['number', '95,5', 95.5],
    ['number', '95.5', 95.5],
    ['number', '98%', 98],
  ])('%s %j → %j', (type, raw, want) => expect(value(type, raw)).toBe(want));

  it('never guesses: an ambiguous separator, words, decimals in an integer column are refused', () => {
    expect(value('number', '1.234')).toMatch(/hai cách đọc/);
    expect(value('integer', 'khoảng 500')).toMatch(/không phải số/);
    expect(value('integer', '12,5')).toMatch(/^ERR/);
    expect(value('integer', -3)).toMatch(/số âm/);
  });
});

describe('enums, booleans, urls', () => {
  it.each<[string, CellValue, unknown]>([
    ['enum:securityLevel', 'Cấp độ 3', 3],
    ['enum:securityLevel', 3, 3],
    ['enum:securityLevel', 'III', 3],
    ['enum:lifecycle', 'Đang sử dụng', 'operating'],
    ['enum:lifecycle', 'ĐANG VẬN HÀNH', 'operating'],
    ['enum:layer', 'II. LỚP DỮ LIỆU VÀ NỀN TẢNG CỐT LÕI', 'L2'],
    ['enum:networkZone', 'Mạng TSLCD', 'wan'],
    ['enum:dataScope', 'Chuyên ngành', 'sectoral'],
    ['enum-list:infoClass', 'Công cộng; Cá nhân', ['public', 'personal']],
    ['component', 'Cổng dịch vụ công', 'public-service-portal'],
    ['bool', 'Có', true],
    ['bool', 'x', true],
    ['bool', 'Không', false],
    ['url', 'sonha.gov.vn', 'https://sonha.gov.vn'],
  ])('%s %j → %j', (type, raw, want) => expect(value(type, raw)).toEqual(want));

  it('names the allowed values when a spelling is unknown', () => {
    const p = read('enum:securityLevel', 'Cấp 6');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.fix.vi).toMatch(/Cấp độ 1; Cấp độ 2/);
  });
});

describe('ids and subtotal rows', () => {
  it('derives ASCII kebab-case ids, abbreviated, cut at a word, unique', () => {
    expect(deriveId('Cơ sở dữ liệu hộ tịch điện tử tỉnh', new Set(), 'x')).toBe('csdl-ho-tich-dien-tu-tinh');
    expect(deriveId('Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Sơn Hà', new Set(), 'x')).toBe('httt-giai-quyet-tthc-tinh-son-ha');
    expect(deriveId('Cổng Dịch vụ công', new Set(['cong-dich-vu-cong']), 'x')).toBe('cong-dich-vu-cong-2');
    const long = deriveId('Hệ thống hội nghị truyền hình trực tuyến từ tỉnh đến cấp xã, phường và thôn, tổ dân phố', new Set(), 'x');
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(deriveId('!!!', new Set(), 'system-12')).toBe('system-12');
  });

  it('tells "Cộng" (subtotal) from "Cổng" (a portal) by the diacritics', () => {
    expect(subtotalKey('Cộng')).toBe('cộng');
    expect(subtotalKey('Cổng')).not.toBe(subtotalKey('Cộng'));
  });
});

describe('names to refs', () => {
  const index = new NameIndex(nameKey('Sơn Hà'));
  index.add('org:so-y-te', 'Sở Y tế tỉnh Sơn Hà');
  index.add('org:van-phong-ubnd', 'Văn phòng Ủy ban nhân dân tỉnh Sơn Hà', 'Văn phòng UBND tỉnh');
  index.add('task:nang-cap-ttdl', 'Nâng cấp Trung tâm dữ liệu tỉnh và mở rộng nền tảng điện toán đám mây');
  index.add('org:a', 'Trung tâm Y tế');
  index.add('org:b', 'TRUNG TÂM Y TẾ');

  it('finds a body by its name without the province, its short name, abbreviations, its id or ref', () => {
    expect(index.find('Sở Y tế', 'org')).toBe('org:so-y-te');
    expect(index.find('SỞ Y TẾ TỈNH SƠN HÀ', 'org')).toBe('org:so-y-te');
    expect(index.find('Văn phòng UBND tỉnh Sơn Hà', 'org')).toBe('org:van-phong-ubnd');
    expect(index.find('so-y-te', 'org')).toBe('org:so-y-te');
    expect(index.find('org:so-y-te', 'org')).toBe('org:so-y-te');
  });

  it('drops only the agency\'s own place, and refuses a name two entities share', () => {
    expect(index.find('Nâng cấp Trung tâm dữ liệu tỉnh đáp ứng tiêu chuẩn an toàn', 'task')).toBeUndefined();
    expect(index.find('Sở Y tế tỉnh Hà Giang', 'org')).toBeUndefined();
    expect(index.find('Trung tâm y tế', 'org')).toBe('ambiguous');
  });
});

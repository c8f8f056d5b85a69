import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, expandBodyNames, expandFolded, foldForSearch, SEARCH_EXPANSIONS } from '../../src/core/abbreviations.js';

const expand = (s: string) => expandFolded(foldForSearch(s));

describe('abbreviations officials write, spelled out for search', () => {
  it('the phrases of derived ids and common bodies, in any usual spelling, read as their words', () => {
    expect(expand('CSDL hộ tịch')).toBe('co so du lieu ho tich');
    expect(expand('Cơ sở dữ liệu hộ tịch')).toBe('co so du lieu ho tich');
    expect(expand('HTTT giải quyết TTHC của UBND tỉnh')).toBe('he thong thong tin giai quyet thu tuc hanh chinh cua uy ban nhan dan tinh');
    for (const written of ['Sở KH&CN', 'Sở KH & CN', 'Sở KHCN', 'Sở KH và CN', 'Sở Khoa học và Công nghệ']) {
      expect(expand(written), written).toBe('so khoa hoc va cong nghe');
    }
    expect(expand('Sở VH,TT&DL')).toBe(expand('Sở Văn hóa, Thể thao và Du lịch'));
    expect(expand('HĐND tỉnh')).toBe('hoi dong nhan dan tinh');
  });

  it('only whole words: an id or a longer word holding the letters is left alone', () => {
    expect(expand('csdlx ubnds')).toBe('csdlx ubnds');
    // Ids are words between hyphens: expanded the same way on both sides of a search.
    expect(expand('system:csdl-dat-dai')).toBe('system:co so du lieu-dat-dai');
  });

  it('every listed short form is expanded, longest spellings first', () => {
    for (const a of ABBREVIATIONS) expect(expand(a.short[0] as string), a.short[0]).toBe(foldForSearch(a.full));
    const lengths = SEARCH_EXPANSIONS.map(([from]) => from.length);
    expect(lengths).toEqual([...lengths].sort((x, y) => y - x));
  });
});

describe('expandBodyNames (init, the documents\' issuer lines, import)', () => {
  it('writes the official abbreviations of bodies in full, keeping diacritics and every other word', () => {
    expect(expandBodyNames('UBND xã Tân Phú')).toBe('Ủy ban nhân dân xã Tân Phú');
    expect(expandBodyNames('Sở KH&CN tỉnh Sơn Hà')).toBe('Sở Khoa học và Công nghệ tỉnh Sơn Hà');
    expect(expandBodyNames('Sở KH & CN')).toBe('Sở Khoa học và Công nghệ');
    expect(expandBodyNames('SỞ GD&ĐT TỈNH SƠN HÀ').toLocaleUpperCase('vi')).toBe('SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH SƠN HÀ');
    // Phrases that are not bodies, and letters inside a longer word, stay as written.
    expect(expandBodyNames('CSDL hộ tịch của UBNDX')).toBe('CSDL hộ tịch của UBNDX');
  });
});

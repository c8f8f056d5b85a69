import { describe, expect, it } from 'vitest';
import { dateOfCitation, rankOfCitation, sortBases } from '../../src/analysis/legal-rank.js';
import { loadPack } from '../../src/framework/load-pack.js';

describe('căn cứ sorted by rank, then date', () => {
  const pack = loadPack();
  it('ranks free-text citations by their wording', () => {
    expect(rankOfCitation('Luật Tổ chức chính quyền địa phương năm 2025')).toBe('organic-law');
    expect(rankOfCitation('Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006')).toBe('law');
    expect(rankOfCitation('Nghị quyết số 12-NQ/TU ngày 10 tháng 3 năm 2025 của Ban Chấp hành Đảng bộ tỉnh')).toBe('provincial-party');
    expect(rankOfCitation('Quyết định số 142/QĐ-TTg ngày 02 tháng 02 năm 2024')).toBe('pm-decision');
    expect(rankOfCitation('Quyết định số 2380/QĐ-UBND ngày 26 tháng 12 năm 2025')).toBe('decision');
    expect(rankOfCitation('Theo đề nghị chung')).toBeUndefined();
    expect(dateOfCitation('Quyết định số 2380/QĐ-UBND ngày 26 tháng 12 năm 2025')).toBe('2025-12-26');
  });
  it('puts an agency basis after higher-ranking ones and before lower ones, whatever order it was written in', () => {
    const own = 'Quyết định số 2380/QĐ-UBND ngày 26 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh ban hành Khung kiến trúc số';
    const sorted = sortBases(pack, [
      { citation: own, rank: rankOfCitation(own), date: dateOfCitation(own) },
      { citation: 'QĐ 1751', rank: 'pm-decision', date: '2025-08-18' },
      { citation: 'QĐ 142', rank: 'pm-decision', date: '2024-02-02' },
      { citation: 'Luật Dữ liệu', rank: 'law', date: '2024-11-30' },
      { citation: 'Luật TCCQĐP', rank: 'organic-law', date: undefined },
      { citation: 'Ghi chú không rõ loại', rank: undefined, date: undefined },
    ]).map((b) => b.citation);
    expect(sorted).toEqual(['Luật TCCQĐP', 'Luật Dữ liệu', 'QĐ 142', 'QĐ 1751', own, 'Ghi chú không rõ loại']);
  });
  it('every pack document has a rank of the documentType enum', () => {
    const ranks = new Set(pack.enums['documentType']?.values.map((v) => v.value));
    expect(pack.legal.filter((l) => !ranks.has(l.rank ?? '')).map((l) => l.id)).toEqual([]);
  });
});

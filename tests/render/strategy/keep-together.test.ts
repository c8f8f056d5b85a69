import { describe, expect, it } from 'vitest';
import { KEEP_TOGETHER_ROWS, keepsTogether } from '../../../src/render/strategy/sections/tables.js';
import type { TableRow } from '../../../src/render/strategy/view-types.js';

const row = (...cells: string[]): TableRow => ({ isGroup: false, isTotal: false, cells, span: null });
const cols = (...widthPct: number[]) => widthPct.map((w) => ({ widthPct: w }));

/** A table kept on one page must fit in about half a page, or DOCX leaves the page before it nearly blank (issue #13, báo cáo p.3). */
describe('keepsTogether', () => {
  it('keeps a short table of short cells together (budget, counts)', () => {
    expect(keepsTogether(cols(40, 12, 12, 12, 12, 12), Array.from({ length: 6 }, () => row('Ngân sách nhà nước', '100.200', '110.800', '36.800', '9.700', '267.100')))).toBe(true);
  });

  it('lets a table of few rows but long cells break across pages (the priority list of the báo cáo)', () => {
    const long = 'Hoàn thành xây dựng cơ sở dữ liệu đất đai, chuẩn hóa và đồng bộ toàn bộ dữ liệu lên CSDL quốc gia về đất đai';
    const rows = Array.from({ length: 14 }, (_, i) => row(String(i + 1), 'Cơ sở dữ liệu cán bộ, công chức, viên chức tỉnh Sơn Hà', 'Dữ liệu quan trọng', 'Đồng bộ một phần (71%)', long));
    expect(keepsTogether(cols(6, 30, 14, 16, 34), rows)).toBe(false);
    expect(keepsTogether(cols(6, 30, 14, 16, 34), rows.slice(0, 3))).toBe(true);
  });

  it('never keeps more than KEEP_TOGETHER_ROWS rows together', () => {
    expect(keepsTogether(cols(50, 50), Array.from({ length: KEEP_TOGETHER_ROWS + 1 }, () => row('a', '1')))).toBe(false);
    expect(keepsTogether(cols(50, 50), Array.from({ length: KEEP_TOGETHER_ROWS }, () => row('a', '1')))).toBe(true);
  });
});

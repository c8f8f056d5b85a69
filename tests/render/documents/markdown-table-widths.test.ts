import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../../src/render/documents/markdown-blocks.js';

/**
 * Column widths of a Markdown table printed in a DOCX (the gap report): the long-text column gets the
 * room, and no column is narrower than its longest word (the gap report's DOCX broke "STT" into
 * "S/T/T" and a deadline into "31/1|2/20|25").
 */
describe('Markdown table widths in the DOCX', () => {
  const long = 'Chỉ tiêu "Tỷ lệ hồ sơ thủ tục hành chính được số hóa" chưa đạt mục tiêu; giá trị gần nhất thấp hơn lộ trình của cơ quan và nguy cơ không đạt tại thời hạn';
  const md = ['| STT | Đối tượng | Tồn tại cần khắc phục | Mức độ | Thời hạn |', '|---|---|---|---|---|', ...[1, 2, 3].map((i) => `| ${i} | Tập dữ liệu hộ tịch | ${long} | Cảnh báo | 31/12/2025 |`)].join('\n');
  const table = markdownBlocks(md).find((b) => b.table)?.table;
  const w = table?.columns.map((c) => c.widthPct) ?? [];

  it('adds up to the page width', () => {
    expect(w).toHaveLength(5);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(100, 0);
  });

  it('gives the long text the widest column', () => {
    expect(Math.max(...w)).toBe(w[2]);
    expect(w[2]).toBeGreaterThan(35);
  });

  it('keeps the date and the STT whole: at least their length in characters (100 to a line)', () => {
    expect(w[4]).toBeGreaterThanOrEqual('31/12/2025'.length);
    expect(w[0]).toBeGreaterThanOrEqual('STT'.length);
    expect(w[3]).toBeGreaterThanOrEqual('Cảnh'.length);
  });

  it('shares the page out when the longest words do not fit side by side (no negative width)', () => {
    const word = 'x'.repeat(40);
    const wide = markdownBlocks([`| ${Array(6).fill('H').join(' | ')} |`, `|${'---|'.repeat(6)}`, `| ${Array(6).fill(word).join(' | ')} |`].join('\n')).find((b) => b.table)?.table;
    const ws = wide?.columns.map((c) => c.widthPct) ?? [];
    expect(ws).toHaveLength(6);
    for (const x of ws) expect(x).toBeGreaterThan(10);
    expect(ws.reduce((s, x) => s + x, 0)).toBeCloseTo(100, 0);
  });
});

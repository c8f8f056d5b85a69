import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { packDocx, packDocxWithPacker } from '../../src/render/documents/docx-frame.js';
import { readZip } from '../../src/render/strategy/zip.js';
import { REPO } from '../helpers/project.js';

/** A document with text, a table, a header-less section and an image (a media part), made anew each time. */
function sample(png: Uint8Array): Document {
  const cell = (t: string): TableCell => new TableCell({ children: [new Paragraph(t)] });
  return new Document({
    creator: 'kientruc',
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Báo cáo đánh giá khoảng cách', bold: true })] }),
          new Table({ rows: [new TableRow({ children: [cell('Mã'), cell('Tên & <mô tả>')] }), new TableRow({ children: [cell('1'), cell('Hệ thống "một cửa"')] })] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 120, height: 60 } })] }),
        ],
      },
    ],
  });
}

describe('packing a DOCX', () => {
  const png = new Uint8Array(readFileSync(join(REPO, 'generated', 'diagrams', 'kpi', 'cap-quang.png')));

  it('gives the same bytes from docx’s compiled parts as through Packer and a re-zip', async () => {
    const direct = await packDocx(sample(png), '2026-09-30');
    const viaPacker = await packDocxWithPacker(sample(png), '2026-09-30');
    expect(Buffer.from(direct).equals(Buffer.from(viaPacker))).toBe(true);
    const names = readZip(direct).map((e) => e.name);
    expect(names).toContain('word/document.xml');
    expect(names.some((n) => n.startsWith('word/media/'))).toBe(true);
  });

  it('stamps the document date, not the clock, so two packs are identical', async () => {
    const a = await packDocx(sample(png), '2026-09-30');
    const b = await packDocx(sample(png), '2026-09-30');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = Buffer.from(readZip(a).find((e) => e.name === 'docProps/core.xml')!.data).toString('utf8');
    expect(core).toContain('2026-09-30T00:00:00Z');
  });
});

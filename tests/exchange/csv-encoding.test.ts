/**
 * CSV files as Vietnamese offices save them: Excel's "CSV" on a Vietnamese Windows (Windows-1258, tone
 * marks as combining characters), "CSV UTF-8" (with a byte-order mark), "Unicode text" (UTF-16) and
 * tab-separated exports. Each must read as the same NFC text as a plain UTF-8 file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsv, readCsv } from '../../src/exchange/xlsx/import/grid.js';
import { AGENCY, makeProject, runMain } from '../helpers/project.js';

const TEXT = 'Tên hệ thống;Đơn vị chủ quản\nPhần mềm một cửa điện tử;Văn phòng UBND tỉnh\n';

/**
 * Windows-1258 bytes of `s`, as Excel writes them: letters with a circumflex, breve or horn (and đ) are
 * one byte, the five tone marks follow as combining bytes. Written out by hand from the code page
 * (https://en.wikipedia.org/wiki/Windows-1258) so the test does not share the decoder it checks.
 */
function cp1258(s: string): Buffer {
  const letters: Record<string, number> = { â: 0xe2, ê: 0xea, ô: 0xf4, ơ: 0xf5, ư: 0xfd, ă: 0xe3, đ: 0xf0, Đ: 0xd0, Â: 0xc2, Ê: 0xca, Ô: 0xd4, Ơ: 0xd5, Ư: 0xdd, Ă: 0xc3 };
  const tones: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2 };
  const out: number[] = [];
  for (const ch of s) {
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((c) => tones[c] !== undefined);
    const base = parts.filter((c) => c !== tone).join('').normalize('NFC');
    const code = letters[base] ?? base.charCodeAt(0);
    if (base.length !== 1 || code > 0xff || (code >= 0x80 && letters[base] === undefined)) throw new Error(`not in the test's table: ${ch}`);
    out.push(code);
    if (tone) out.push(tones[tone] as number);
  }
  return Buffer.from(out);
}

describe('CSV encodings', () => {
  it('reads Windows-1258, UTF-8 with and without its mark, and UTF-16 as the same NFC text', () => {
    const expected = TEXT.normalize('NFC');
    expect(decodeCsv(cp1258(TEXT))).toEqual({ text: expected, encoding: 'windows-1258' });
    expect(decodeCsv(Buffer.from(TEXT))).toEqual({ text: expected, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.from(`\uFEFF${TEXT}`))).toEqual({ text: expected, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]))).toEqual({ text: expected, encoding: 'utf-16le' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]))).toEqual({ text: expected, encoding: 'utf-16be' });
    // A name typed decomposed (macOS) is stored composed.
    expect(decodeCsv(Buffer.from(TEXT.normalize('NFD'))).text).toBe(expected);
  });

  it('splits on the delimiter the header line uses most: semicolon, tab or comma', async () => {
    for (const d of [';', '\t', ',']) {
      const [grid] = await readCsv(Buffer.from(TEXT.replace(/;/g, d)), 'x');
      expect(grid?.cell(2, 2).value, JSON.stringify(d)).toBe('Văn phòng UBND tỉnh');
      expect(grid?.colCount).toBe(2);
    }
  });

  it('kientruc import reads a Windows-1258 CSV and warns that it guessed the encoding', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY });
    writeFileSync(join(dir, 'he-thong.csv'), cp1258('Tên hệ thống;Lớp;Thành phần;Đơn vị chủ quản;Tình trạng\nPhần mềm một cửa điện tử;L3;sectoral-app;Văn phòng UBND tỉnh;Đang sử dụng\n'));
    const r = await runMain(['import', 'he-thong.csv', '--dry-run', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; message: string }[] };
    expect(report.diagnostics.find((d) => d.code === 'import.encoding')).toMatchObject({ severity: 'warning' });
    // The owner named in the row, decoded, is the body the import creates.
    expect(r.stdout).toContain('Văn phòng UBND tỉnh'.normalize('NFC'));
    const utf8 = makeProject({ 'architecture/agency.yaml': AGENCY, 'he-thong.csv': 'Tên hệ thống\nX\n' });
    const plain = await runMain(['import', 'he-thong.csv', '--dry-run', '--format', 'json'], utf8);
    expect(plain.stdout).not.toContain('import.encoding');
  });

  it('warns, once per sheet and without converting, about text typed in a TCVN3 (.VnTime) font', async () => {
    // "Tên hệ thống / Phần mềm một cửa" as TCVN3 bytes read as Unicode.
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'cu.csv': 'Tªn hÖ thèng\nPhÇn mÒm mét cöa\n', 'moi.csv': 'Tên hệ thống;Ghi chú\nPhần mềm một cửa;Mức độ © 2024 · Tài chính\n' });
    const old = await runMain(['import', 'cu.csv', '--dry-run', '--format', 'json'], dir);
    const found = (JSON.parse(old.stdout) as { diagnostics: { code: string; path: string[] }[] }).diagnostics.filter((d) => d.code === 'import.legacy-encoding');
    expect(found.map((d) => d.path)).toEqual([['cu', 'A1']]);
    // Unicode Vietnamese, symbols and Latin-1 letters Vietnamese shares (à, í, ê) are not TCVN3.
    const unicode = await runMain(['import', 'moi.csv', '--dry-run', '--format', 'json'], dir);
    expect(unicode.stdout).not.toContain('import.legacy-encoding');
  });
});

/**
 * Spreadsheets as provinces fill them in: abbreviated department names, sheets without the QĐ 3090
 * columns or with headers worded their own way, routine spellings of statuses and levels, hidden
 * sheets, columns no field takes, years without a day, Excel's "Unicode Text", and a summary that
 * counts every row that was not imported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK, loadPack } from '../../src/framework/load-pack.js';
import { sameValue } from '../../src/exchange/xlsx/import/compare.js';
import { nameKey, similarName } from '../../src/exchange/xlsx/import/names.js';
import { deleteField, setField } from '../../src/exchange/xlsx/import/yaml-edit.js';
import { DEFAULT_MAPPING } from '../../src/exchange/xlsx/mapping.js';
import { parseCell, type CellValue } from '../../src/exchange/xlsx/values.js';
import { runPipeline } from '../../src/pipeline.js';
import { AGENCY, AS_OF, makeProject, runMain } from '../helpers/project.js';

type Cells = readonly (string | number | null)[];

async function workbook(sheets: Record<string, { rows: readonly Cells[]; state?: 'hidden' | 'veryHidden' }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, s] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name, s.state ? { state: s.state } : {});
    for (const r of s.rows) ws.addRow([...r]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const docs = (dir: string, path: string): Record<string, unknown>[] =>
  parseAllDocuments(readFileSync(join(dir, 'architecture', path), 'utf8')).map((d) => d.toJSON() as Record<string, unknown>);
const lines = (out: string, code: string): string[] => out.split('\n').filter((l) => l.endsWith(`  ${code}`));

describe('organisation names', () => {
  it('reads official abbreviations as the full name: one organisation, named in full, the short form kept', async () => {
    const dir = makeProject({
      'architecture/agency.yaml': AGENCY,
      'ht.xlsx': await workbook({
        'Hệ thống': {
          rows: [
            ['Tên hệ thống', 'Lớp', 'Thành phần', 'Đơn vị chủ quản', 'Tình trạng'],
            ['Hệ thống A', 'L3', 'internal-app', 'Sở KH&CN', 'Đang vận hành'],
            ['Hệ thống B', 'L3', 'internal-app', 'Sở Khoa học và Công nghệ', 'Đang vận hành'],
            ['Hệ thống C', 'L3', 'internal-app', 'Sở NN&MT', 'Đang vận hành'],
            ['Hệ thống D', 'L3', 'internal-app', 'Sở Nông nghiệp và Môi trường', 'Đang vận hành'],
            ['Hệ thống E', 'L3', 'internal-app', 'Sở GD&ĐT', 'Đang vận hành'],
            ['Hệ thống F', 'L3', 'internal-app', 'Sở VHTTDL', 'Đang vận hành'],
            ['Hệ thống G', 'L3', 'internal-app', 'Sở Văn hóa, Thể thao và Du lịch', 'Đang vận hành'],
            ['Hệ thống H', 'L3', 'internal-app', 'Sở LĐ-TB&XH', 'Đang vận hành'],
            ['Hệ thống I', 'L3', 'internal-app', 'Sở Tài chính', 'Đang vận hành'],
            ['Hệ thống K', 'L3', 'internal-app', 'Sở TC', 'Đang vận hành'],
          ],
        },
      }),
    });
    const r = await runMain(['import', 'ht.xlsx'], dir);
    const orgs = docs(dir, 'organizations/ht.yaml').map((d) => [d['id'], d['name'], d['shortName']]);
    expect(orgs).toEqual([
      ['so-khoa-hoc-va-cong-nghe', 'Sở Khoa học và Công nghệ', 'Sở KH&CN'],
      ['so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường', 'Sở NN&MT'],
      ['so-giao-duc-va-dao-tao', 'Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'],
      ['so-van-hoa-the-thao-va-du-lich', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở VHTTDL'],
      ['so-lao-dong-thuong-binh-va-xa-hoi', 'Sở Lao động - Thương binh và Xã hội', 'Sở LĐ-TB&XH'],
      ['so-tai-chinh', 'Sở Tài chính', undefined],
      ['so-tc', 'Sở TC', undefined],
    ]);
    // An unlisted shorthand is not merged (TC has several readings), but said.
    expect(lines(r.stdout, 'import.similar-org')).toEqual([expect.stringMatching(/^ht\.xlsx:Hệ thống!D11  warning  "Sở TC" gần giống "Sở Tài chính" \(org:so-tai-chinh\)/)]);
  });

  it('compares names through the table, and flags near spellings only', () => {
    expect(nameKey('Sở KH&CN')).toBe(nameKey('Sở Khoa học và Công nghệ'));
    expect(nameKey('Sở KH & CN')).toBe(nameKey('SỞ KHOA HỌC VÀ CÔNG NGHỆ'));
    expect(nameKey('Sở TN&MT')).toBe(nameKey('Sở Tài nguyên và Môi trường'));
    expect(nameKey('Sở KH&ĐT')).toBe(nameKey('Sở Kế hoạch và Đầu tư'));
    expect(nameKey('Sở TT&TT')).toBe(nameKey('Sở Thông tin và Truyền thông'));
    expect(nameKey('Sở GTVT')).toBe(nameKey('Sở Giao thông vận tải'));
    expect(nameKey('HTTT giải quyết TTHC tỉnh')).toBe(nameKey('Hệ thống thông tin giải quyết thủ tục hành chính tỉnh'));
    expect(similarName('Sở Nông nghiệp, Môi trường', 'Sở Nông nghiệp và Môi trường')).toBe(true);
    expect(similarName('Sở NV', 'Sở Nội vụ')).toBe(true);
    expect(similarName('UBND xã An Phú', 'UBND xã An Phước')).toBe(false);
    expect(similarName('Sở Y tế', 'Sở Tư pháp')).toBe(false);
  });

  it('finds a system written with HTTT and TTHC, as derived ids abbreviate them', async () => {
    const dir = makeProject({
      'architecture/agency.yaml': AGENCY,
      'dm.xlsx': await workbook({
        'Hệ thống': { rows: [['Tên hệ thống', 'Lớp', 'Thành phần', 'Đơn vị chủ quản', 'Tình trạng'], ['Hệ thống thông tin giải quyết thủ tục hành chính tỉnh', 'L3', 'tthc', 'Văn phòng UBND tỉnh', 'Đang vận hành']] },
        CSDL: { rows: [['Tên CSDL', 'Phạm vi', 'Đơn vị chủ quản', 'Hệ thống lưu trữ'], ['CSDL thủ tục hành chính', 'Địa phương', 'Văn phòng UBND tỉnh', 'HTTT giải quyết TTHC tỉnh']] },
      }),
    });
    const r = await runMain(['import', 'dm.xlsx'], dir);
    expect(r.stdout).not.toContain('import.unknown-ref');
    expect(docs(dir, 'datasets/dm.yaml')[0]).toMatchObject({ system: 'system:httt-giai-quyet-tthc-tinh' });
  });
});

describe('sheets and columns', () => {
  it('a sheet without the QĐ 3090 columns: one finding naming them and their values, no organisation made for rows not imported', async () => {
    const dir = makeProject({
      'architecture/agency.yaml': AGENCY,
      'dm.xlsx': await workbook({
        HTTT: { rows: [['STT', 'Tên hệ thống', 'Đơn vị chủ quản', 'Tình trạng'], ...Array.from({ length: 30 }, (_, i) => [i + 1, `Hệ thống số ${i + 1}`, `Sở Ngành ${i % 3}`, 'Đang vận hành'])] },
        CSDL: { rows: [['Tên CSDL', 'Phạm vi', 'Đơn vị chủ quản'], ['CSDL hộ tịch', 'Địa phương', 'Sở Tư pháp'], ['CSDL đất đai', '', 'Sở Ngành 0']] },
      }),
    });
    const r = await runMain(['import', 'dm.xlsx'], dir);
    expect(lines(r.stdout, 'import.missing-column')).toEqual([
      'dm.xlsx:HTTT!A1  error  Sheet "HTTT" không có cột Lớp kiến trúc, Thành phần kiến trúc (bắt buộc với hệ thống) nên 30/30 hàng không được nhập.  import.missing-column',
    ]);
    expect(r.stdout).toMatch(/Cách sửa: Thêm cột "Lớp kiến trúc" \(giá trị: L1 \(.*\), L2 .*"Thành phần kiến trúc" \(giá trị: mã hoặc tên thành phần theo QĐ 3090/);
    // The dataset row with no scope is still reported on its own row.
    expect(lines(r.stdout, 'import.missing-required')).toEqual([expect.stringMatching(/^dm\.xlsx:CSDL!A3  error  "CSDL đất đai" thiếu Phạm vi/)]);
    // Only the body a written row names is created.
    expect(docs(dir, 'organizations/dm.yaml').map((d) => d['id'])).toEqual(['so-tu-phap']);
    expect(r.stdout).not.toMatch(/Sở Ngành/);
    expect(r.stderr).toContain('Đọc dm.xlsx: 0/30 hàng hệ thống, 1/2 hàng CSDL được nhập; 1 cơ quan, đơn vị được tạo theo tên trong ô.');
  });

  it('recognises common header wordings, and suggests the unmapped column a missing field may be, once for the sheet', async () => {
    const dir = makeProject({
      'architecture/agency.yaml': AGENCY,
      'a.csv': 'STT;Tên hệ thống/phần mềm;Lớp;Thành phần;Đơn vị chủ quản/quản lý;Tình trạng sử dụng;Năm xây dựng\n1;Phần mềm A;L3;internal-app;Sở Nội vụ;Đang vận hành;2020\n',
      'b.csv': 'STT;Tên hệ thống;Lớp;Thành phần;Đơn vị;Tình trạng vận hành hiện nay\n1;Phần mềm B;L3;internal-app;Sở Nội vụ;Đang vận hành\n2;Phần mềm C;L3;internal-app;Sở Nội vụ;Đang vận hành\n',
    });
    const a = await runMain(['import', 'a.csv'], dir);
    expect(a.stdout).toContain('0 lỗi, 0 cảnh báo');
    expect(docs(dir, 'systems/a.yaml')[0]).toMatchObject({ owner: 'org:so-noi-vu', status: 'operating', goLive: 2020 });
    const b = await runMain(['import', 'b.csv', '--dry-run'], dir);
    expect(lines(b.stdout, 'import.missing-column')).toEqual([
      'b.csv:b!A1  error  Sheet "b" không có cột Trạng thái (bắt buộc với hệ thống) nên 2/2 hàng không được nhập. Có phải: cột F «Tình trạng vận hành hiện nay» → Trạng thái?  import.missing-column',
    ]);
    expect(b.stdout).toContain('Cách sửa: Khai báo tiêu đề đó trong tệp ánh xạ: columns: { system: { status: ["Tình trạng vận hành hiện nay"] } }');
    expect(lines(b.stdout, 'import.missing-required')).toEqual([]);
    const en = await runMain(['--lang', 'en', 'import', 'b.csv', '--dry-run'], dir);
    expect(en.stdout).toContain('Did you mean: column F «Tình trạng vận hành hiện nay» → Trạng thái?');
  });

  it('warns about a column whose data no field takes, and lists the dropped columns in the summary', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'a.csv': 'Tên hệ thống;Lớp;Thành phần;Đơn vị chủ quản;Tình trạng;Kết nối LGSP;Cột trống\nPhần mềm A;L3;internal-app;Sở Nội vụ;Đang vận hành;Có;\n' });
    const r = await runMain(['import', 'a.csv', '--dry-run'], dir);
    expect(lines(r.stdout, 'import.unmapped-column')).toEqual([
      'a.csv:a!F1  warning  Cột "Kết nối LGSP" không khớp trường nào: dữ liệu của cột (1 hàng) không được nhập.  import.unmapped-column',
      'a.csv:a!G1  info  Cột "Cột trống" không khớp trường nào nên không được nhập (cột trống).  import.unmapped-column',
    ]);
    expect(r.stderr).toContain('; cột không được nhập: a!F1 «Kết nối LGSP».');
    expect((await runMain(['import', 'a.csv', '--dry-run', '--fail-on', 'warning'], dir)).code).toBe(1);
  });

  it('skips hidden and very hidden sheets with a warning naming them, unless --include-hidden', async () => {
    const header = ['Tên hệ thống', 'Lớp', 'Thành phần', 'Đơn vị chủ quản', 'Tình trạng'];
    const dir = makeProject({
      'architecture/agency.yaml': AGENCY,
      'dm.xlsx': await workbook({
        HTTT: { rows: [header, ['Phần mềm mới', 'L3', 'internal-app', 'Sở Nội vụ', 'Đang vận hành']] },
        'HTTT 2023': { rows: [header, ['Phần mềm cũ', 'L3', 'internal-app', 'Sở Nội vụ', 'Đã dừng']], state: 'hidden' },
        'Dữ liệu ẩn': { rows: [header, ['Phần mềm ẩn', 'L3', 'internal-app', 'Sở Nội vụ', 'Đã dừng']], state: 'veryHidden' },
      }),
    });
    const r = await runMain(['import', 'dm.xlsx', '--dry-run', '--format', 'json'], dir);
    const hidden = (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; path: string[] }[] }).diagnostics.filter((d) => d.code === 'import.hidden-sheet');
    expect(hidden.map((d) => [d.severity, d.path])).toEqual([
      ['warning', ['HTTT 2023', 'A1']],
      ['warning', ['Dữ liệu ẩn', 'A1']],
    ]);
    expect(r.stderr).toContain('1/1 hàng hệ thống được nhập');
    expect(r.stderr).toContain('sheet ẩn bị bỏ qua: HTTT 2023, Dữ liệu ẩn');
    const all = await runMain(['import', 'dm.xlsx', '--include-hidden'], dir);
    expect(all.stdout).not.toContain('import.hidden-sheet');
    expect(docs(dir, 'systems/dm.yaml').map((d) => d['name'])).toEqual(['Phần mềm mới', 'Phần mềm cũ', 'Phần mềm ẩn']);
  });

  it('reads Excel\'s "Unicode Text" (.txt, UTF-16, tab-separated) and .tsv', async () => {
    const tsv = 'Tên hệ thống\tLớp\tThành phần\tĐơn vị chủ quản\tTình trạng\r\nPhần mềm một cửa\tL3\ttthc\tVăn phòng UBND tỉnh\tĐang vận hành\r\n';
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'HTTT.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]), 'b.tsv': tsv.replace('một cửa', 'hai cửa') });
    const txt = await runMain(['import', 'HTTT.txt'], dir);
    expect(txt.code).toBe(0);
    expect(docs(dir, 'systems/httt.yaml')[0]).toMatchObject({ name: 'Phần mềm một cửa', owner: 'org:van-phong-ubnd-tinh', status: 'operating' });
    expect((await runMain(['import', 'b.tsv'], dir)).code).toBe(0);
    expect(docs(dir, 'systems/b.yaml')[0]).toMatchObject({ name: 'Phần mềm hai cửa' });
    expect((await runMain(['import', 'b.ods'], dir)).stderr).toContain('không phải tệp .xlsx, .csv, .tsv hoặc .txt');
  });
});

describe('values', () => {
  const ctx = { pack: loadPack(DEFAULT_PACK), mapping: DEFAULT_MAPPING };
  const value = (type: string, raw: CellValue) => {
    const p = parseCell(type, raw, ctx, 'x');
    return p.ok ? p.value : p.ambiguous ? `AMBIGUOUS ${p.reason.vi}` : `ERR ${p.reason.vi}`;
  };

  it.each<[string, unknown]>([
    ['Dừng sử dụng', 'retired'],
    ['Dừng hoạt động', 'retired'],
    ['ngừng hoạt động', 'retired'],
    ['Ngừng sử dụng', 'retired'],
    ['Hoạt động', 'operating'],
    ['Đang hoạt động', 'operating'],
    ['Đang thử nghiệm', 'building'],
    ['Chưa triển khai', 'planned'],
    ['vận hành', 'operating'],
  ])('status %j → %j', (raw, want) => expect(value('enum:lifecycle', raw)).toBe(want));

  it.each<[string, unknown]>([
    ['Cấp độ III', 3],
    ['Cấp III', 3],
    ['CĐ 4', 4],
    ['cấp độ 2 ', 2],
    ['Cap do 3', 3],
    ['IV', 4],
    ['Cấp độ 2 (đã phê duyệt)', 2],
  ])('security level %j → %j', (raw, want) => expect(value('enum:securityLevel', raw)).toBe(want));

  it('says what a parenthesis it set aside held, and suggests the label a near spelling may mean', () => {
    const p = parseCell('enum:securityLevel', 'Cấp độ 2 (đã phê duyệt)', ctx, 'security.level');
    expect(p.ok && p.note?.vi).toBe('đọc "Cấp độ 2"; phần "(đã phê duyệt)" không được nhập.');
    expect(value('enum:lifecycle', 'Dang van han')).toBe('ERR "Dang van han" không thuộc danh mục Trạng thái vòng đời (ý bạn là "Đang vận hành"?)');
    expect(value('enum:securityLevel', 'Cấp 6')).toMatch(/^ERR "Cấp 6" không thuộc danh mục/);
  });

  it.each<[string, unknown]>([
    ['Không', 'none'],
    ['Nhạy cảm', 'sensitive'],
    ['Cơ bản', 'basic'],
    ['Có', 'AMBIGUOUS "Có" có thể là "Dữ liệu cá nhân cơ bản" hoặc "Dữ liệu cá nhân nhạy cảm"'],
  ])('personal data %j → %j', (raw, want) => expect(value('enum:personalData', raw)).toBe(want));

  it('writes "chưa xác định" for personal data "Có", with a warning, and the rows validate', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'csdl.csv': 'Tên CSDL;Phạm vi;Dữ liệu cá nhân\nCSDL A;Địa phương;Có\nCSDL B;Địa phương;Nhạy cảm\n' });
    const r = await runMain(['import', 'csdl.csv'], dir);
    expect(lines(r.stdout, 'import.ambiguous-value')).toEqual([expect.stringMatching(/^csdl\.csv:csdl!C2  warning  Dữ liệu cá nhân: "Có" có thể là .*; ghi "chưa xác định"\./)]);
    expect(docs(dir, 'datasets/csdl.yaml').map((d) => d['personalData'])).toEqual(['chưa xác định', 'sensitive']);
    const checked = await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: false });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a year agrees with any day in it when a row is compared with the YAML (no "2022" ≠ "2022-01-01" noise)', () => {
    expect(sameValue(2022, '2022-01-01')).toBe(true);
    expect(sameValue('2022-06-15', 2022)).toBe(true);
    expect(sameValue('2024-06', '2024-06-30')).toBe(true);
    expect(sameValue(2022, '2023-01-01')).toBe(false);
    expect(sameValue(['org:a', 'org:b'], ['org:b', 'org:a'])).toBe(true);
  });

  it('keeps a year-only go-live a year, through import and export', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'a.csv': 'Tên hệ thống;Lớp;Thành phần;Đơn vị chủ quản;Tình trạng;Năm đưa vào sử dụng\nPhần mềm A;L3;internal-app;Sở Nội vụ;Đang vận hành;2012\nPhần mềm B;L3;internal-app;Sở Nội vụ;Đang vận hành;T6/2024\n' });
    const r = await runMain(['import', 'a.csv'], dir);
    expect(r.stdout).not.toContain('"2012" không có ngày cụ thể');
    expect(docs(dir, 'systems/a.yaml').map((d) => d['goLive'])).toEqual([2012, '2024-06-01']);
    expect(readFileSync(join(dir, 'architecture/systems/a.yaml'), 'utf8')).toContain('goLive: 2012\n');
    const checked = await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: false });
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await runMain(['export', '--format', 'xlsx', '--out', 'x.xlsx'], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'x.xlsx')) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Hệ thống')!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('Năm đưa vào sử dụng');
    expect(ws.getRow(2).getCell(col).value).toBe(2012);
    expect(ws.getRow(2).getCell(col).numFmt).not.toBe('dd/mm/yyyy');
  });
});

describe('yaml-edit', () => {
  const TEXT = '# đầu tệp\napiVersion: kientruc/v1\nkind: System\nid: a\nname: "A"   # tên\nstatus: operating   # giữ chú thích\nsecurity:\n    level: 3\ninfoClasses: [public, private]\nnotes: |\n  dòng 1\n  dòng 2\n';
  const ORDER = ['apiVersion', 'kind', 'id', 'name', 'operator', 'status', 'security.level', 'security.dossier', 'infoClasses', 'goLive', 'notes'];

  it('changes a scalar in place, keeping its comment and every other byte', () => {
    expect(setField(TEXT, ['status'], 'retired', ORDER)).toBe(TEXT.replace('status: operating', 'status: retired'));
    expect(setField(TEXT, ['notes'], 'một dòng', ORDER)).toBe(TEXT.replace('notes: |\n  dòng 1\n  dòng 2\n', 'notes: một dòng\n'));
  });

  it('inserts a field at its place in the mapping order, nested maps at their own indentation', () => {
    expect(setField(TEXT, ['operator'], 'org:x', ORDER)).toBe(TEXT.replace('status: operating', 'operator: org:x\nstatus: operating'));
    expect(setField(TEXT, ['security', 'dossier'], 'approved', ORDER)).toBe(TEXT.replace('    level: 3\n', '    level: 3\n    dossier: approved\n'));
    expect(setField(TEXT, ['goLive'], 2012, ORDER)).toBe(TEXT.replace('notes: |', 'goLive: 2012\nnotes: |'));
    expect(setField('id: a\n', ['users', 'internal'], 5, ['id', 'users.internal'])).toBe('id: a\nusers:\n  internal: 5\n');
  });

  it('removes a field, and its map when left empty', () => {
    expect(deleteField(TEXT, ['security', 'level'])).toBe(TEXT.replace('security:\n    level: 3\n', ''));
    expect(deleteField(TEXT, ['infoClasses'])).toBe(TEXT.replace('infoClasses: [public, private]\n', ''));
  });
});

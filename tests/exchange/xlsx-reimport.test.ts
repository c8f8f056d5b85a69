/**
 * Importing next quarter's spreadsheet: a three-way merge that keeps hand edits (the record beside
 * the YAML tells them from sheet changes), rows that name entities an earlier import made under
 * another file name, and entities the update would delete while other YAML still refers to them.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { AGENCY, AS_OF, makeProject, runMain } from '../helpers/project.js';

type Cells = readonly (string | number | null)[];
const HEADER = ['Tên hệ thống', 'Lớp', 'Thành phần', 'Đơn vị chủ quản', 'Tình trạng', 'Ghi chú'];

/** A one-sheet systems inventory, as bytes. */
async function workbook(rows: readonly Cells[], header: readonly string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hệ thống');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const Q1: readonly Cells[] = [
  ['Hệ thống quản lý hồ sơ sức khỏe', 'L3', 'sectoral-app', 'Sở Y tế', 'Đang vận hành', 'Giai đoạn 1'],
  ['Phần mềm kế toán', 'L3', 'internal-app', 'Sở Tài chính', 'Đang vận hành', null],
  ['Cổng thông tin điện tử', 'L4', 'portal', 'Văn phòng UBND tỉnh', 'Đang vận hành', null],
];

const read = (dir: string, path: string): string => readFileSync(join(dir, 'architecture', path), 'utf8');
const docsOf = (text: string): Record<string, unknown>[] => parseAllDocuments(text).map((d) => d.toJSON() as Record<string, unknown>);
const validate = async (dir: string) => (await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: false })).diagnostics.filter((d) => d.severity === 'error');

describe('re-importing the same spreadsheet (three-way merge)', () => {
  it('keeps hand edits and fields without a column, takes the sheet\'s changes, reports conflicts at the cell with file:line', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'danh-muc.xlsx': await workbook(Q1) });
    expect((await runMain(['import', 'danh-muc.xlsx'], dir)).code).toBe(0);
    // What the import wrote is recorded beside the YAML, deterministically.
    const record = read(dir, 'systems/danh-muc.import.json');
    expect(JSON.parse(record)).toMatchObject({ version: 1, source: 'danh-muc.xlsx', entities: { 'system:he-thong-quan-ly-ho-so-suc-khoe': { sheet: 'Hệ thống', row: 2, values: { status: 'operating', notes: 'Giai đoạn 1' } } } });

    // The officer edits the YAML by hand: a comment, fields the sheet has no column for, a corrected owner, a note.
    const generated = read(dir, 'systems/danh-muc.yaml');
    const edited = generated
      .replace('id: he-thong-quan-ly-ho-so-suc-khoe\n', 'id: he-thong-quan-ly-ho-so-suc-khoe\n# Trung tâm Y tế vận hành từ 2024\n')
      .replace('notes: Giai đoạn 1\n', 'operator: org:so-tai-chinh   # tạm thời\nsecurity:\n  level: 3\n  decision: { number: 12/QĐ-UBND, date: 2025-03-01 }\nnotes: Đã nghiệm thu\n')
      .replace(/(name: Phần mềm kế toán\n(?:.*\n)*?)owner: org:so-tai-chinh\n/, '$1owner: org:so-y-te\n');
    expect(edited).not.toBe(generated);
    writeFileSync(join(dir, 'architecture/systems/danh-muc.yaml'), edited);
    expect(await validate(dir)).toEqual([]);

    // Next quarter's sheet, same file name: one status changed; the note changed too (a conflict).
    const q2 = [[...(Q1[0] as Cells).slice(0, 4), 'Đã dừng', 'Giai đoạn 2'], Q1[1] as Cells, Q1[2] as Cells];
    writeFileSync(join(dir, 'danh-muc.xlsx'), await workbook(q2));
    const plan = await runMain(['import', 'danh-muc.xlsx'], dir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/--update/);
    expect(read(dir, 'systems/danh-muc.yaml')).toBe(edited);
    // The diff shows the sheet's change and nothing of the hand edits.
    expect(plan.stdout).toMatch(/^-status: operating\n\+status: retired$/m);
    expect(plan.stdout).not.toMatch(/^[-+](operator|owner|security|  level|# Trung tâm|notes)/m);
    const conflict = plan.stdout.split('\n').find((l) => l.includes('import.conflict'));
    expect(conflict).toMatch(/^danh-muc\.xlsx:Hệ thống!F2  warning  Ghi chú nội bộ: bảng tính đổi "Giai đoạn 1" thành "Giai đoạn 2", còn architecture\/systems\/danh-muc\.yaml:\d+ đã sửa bằng tay thành "Đã nghiệm thu"; giữ giá trị trong YAML\.  import\.conflict$/);

    const applied = await runMain(['import', 'danh-muc.xlsx', '--update'], dir);
    expect(applied.stderr).toMatch(/Đã cập nhật architecture\/systems\/danh-muc\.yaml/);
    // Byte for byte the hand-edited file, but for the one line the sheet changed.
    expect(read(dir, 'systems/danh-muc.yaml')).toBe(edited.replace(/(id: he-thong-quan-ly-ho-so-suc-khoe\n(?:.*\n)*?)status: operating\n/, '$1status: retired\n'));
    expect(await validate(dir)).toEqual([]);

    // Acknowledged with --update: the same sheet again changes nothing and reports no conflict.
    const again = await runMain(['import', 'danh-muc.xlsx'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('import.conflict');
    expect(again.stderr).toMatch(/Không có thay đổi: 2 tệp/);
  });

  it('--prefer-sheet takes the sheet\'s value in a conflict; without a record every difference is a conflict', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'danh-muc.xlsx': await workbook(Q1) });
    await runMain(['import', 'danh-muc.xlsx'], dir);
    const file = join(dir, 'architecture/systems/danh-muc.yaml');
    writeFileSync(file, read(dir, 'systems/danh-muc.yaml').replace('notes: Giai đoạn 1', 'notes: Sửa tay'));
    writeFileSync(join(dir, 'danh-muc.xlsx'), await workbook([[...(Q1[0] as Cells).slice(0, 5), 'Giai đoạn 2'], Q1[1] as Cells, Q1[2] as Cells]));
    await runMain(['import', 'danh-muc.xlsx', '--update', '--prefer-sheet'], dir);
    expect(read(dir, 'systems/danh-muc.yaml')).toContain('notes: Giai đoạn 2\n');

    // A file from before records were kept: the YAML's value stays, and the difference is reported as such.
    rmSync(join(dir, 'architecture/systems/danh-muc.import.json'));
    writeFileSync(file, read(dir, 'systems/danh-muc.yaml').replace('notes: Giai đoạn 2', 'notes: Sửa tay lần hai'));
    const legacy = await runMain(['import', 'danh-muc.xlsx'], dir);
    expect(legacy.stdout).toMatch(/Ghi chú nội bộ: bảng tính ghi "Giai đoạn 2", còn architecture\/systems\/danh-muc\.yaml:\d+ ghi "Sửa tay lần hai", và không có bản ghi lần nhập trước/);
    expect(legacy.stderr).toMatch(/Không có thay đổi/);
    expect(legacy.stderr).toMatch(/Bản ghi lần nhập .* --update/);
  });

  it('does not make again an entity deleted by hand, keeps one added by hand to the file', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'danh-muc.xlsx': await workbook(Q1) });
    await runMain(['import', 'danh-muc.xlsx'], dir);
    const file = join(dir, 'architecture/systems/danh-muc.yaml');
    const text = read(dir, 'systems/danh-muc.yaml');
    const parts = text.split('---\n');
    // Delete the accounting system, add one of the user's own.
    const own = 'apiVersion: kientruc/v1\nkind: System\nid: he-thong-rieng\nname: Hệ thống riêng\nlayer: L3\ncomponent: internal-app\nstatus: planned\nowner: org:so-y-te\n';
    writeFileSync(file, `${parts.filter((p) => !p.includes('Phần mềm kế toán')).join('---\n')}---\n${own}`);
    const r = await runMain(['import', 'danh-muc.xlsx'], dir);
    expect(r.stdout).toMatch(/^danh-muc\.xlsx:Hệ thống!A3  info  system:phan-mem-ke-toan đã bị xoá bằng tay .*import\.removed-by-hand$/m);
    expect(r.stderr).toMatch(/Không có thay đổi/);
    expect(docsOf(read(dir, 'systems/danh-muc.yaml')).map((d) => d['id'])).toEqual(['he-thong-quan-ly-ho-so-suc-khoe', 'cong-thong-tin-dien-tu', 'he-thong-rieng']);
  });
});

describe('an updated spreadsheet under a new file name', () => {
  const ROWS: readonly Cells[] = [
    ['Hệ thống quản lý hồ sơ sức khỏe', 'L3', 'sectoral-app', 'Sở Y tế', 'Đang vận hành', 'Giai đoạn 1'],
    ['Hệ thống quản lý hồ sơ sức khỏe', 'L3', 'sectoral-app', 'Sở Y tế', 'Đang xây dựng', 'Giai đoạn 2'],
    ['Phần mềm kế toán', 'L3', 'internal-app', 'Sở Tài chính', 'Đang vận hành', null],
  ];

  it('reports each differing field at its cell with the entity\'s file:line, counts the rows, and never makes duplicates again', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'q1.xlsx': await workbook(ROWS) });
    await runMain(['import', 'q1.xlsx'], dir);
    expect(docsOf(read(dir, 'systems/q1.yaml')).map((d) => d['id'])).toEqual(['he-thong-quan-ly-ho-so-suc-khoe', 'he-thong-quan-ly-ho-so-suc-khoe-2', 'phan-mem-ke-toan']);
    const q2 = [ROWS[0] as Cells, [...(ROWS[1] as Cells).slice(0, 4), 'Đang vận hành', 'Giai đoạn 2'], ROWS[2] as Cells];
    writeFileSync(join(dir, 'q2.xlsx'), await workbook(q2));
    const r = await runMain(['import', 'q2.xlsx'], dir);
    // The second row of the shared name is the second entity (the record of q1's import says so).
    expect(r.stdout).toMatch(/^q2\.xlsx:Hệ thống!E3  warning  Trạng thái: bảng tính ghi "Đang vận hành" \("operating"\), còn system:he-thong-quan-ly-ho-so-suc-khoe-2 khai báo "building" \(architecture\/systems\/q1\.yaml:\d+\); .*import\.existing-differs$/m);
    expect(r.stdout).toMatch(/^ {4}Cách sửa: architecture\/systems\/q1\.yaml do lần nhập "q1\.xlsx" tạo: .*kientruc import q1\.xlsx --update/m);
    expect(r.stderr).toMatch(/\(3 hàng đã có trong kiến trúc, 1 hàng khác khai báo/);
    expect(existsSync(join(dir, 'architecture/systems/q2.yaml'))).toBe(false);

    // Without the record nothing tells the two apart: said, and neither is made again as "-3".
    rmSync(join(dir, 'architecture/systems/q1.import.json'));
    const blind = await runMain(['import', 'q2.xlsx'], dir);
    expect(blind.stdout.split('\n').filter((l) => l.includes('import.ambiguous-existing'))).toHaveLength(2);
    expect(blind.stdout).not.toMatch(/-3\b/);
    expect(existsSync(join(dir, 'architecture/systems/q2.yaml'))).toBe(false);
  });
});

describe('an update that would delete entities other YAML refers to', () => {
  it('refuses, listing each reference as file:line; --keep-referenced keeps them retired, and validate passes', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'danh-muc.xlsx': await workbook(Q1) });
    await runMain(['import', 'danh-muc.xlsx'], dir);
    mkdirSync(join(dir, 'architecture/datasets'));
    writeFileSync(
      join(dir, 'architecture/datasets/ke-toan.yaml'),
      'apiVersion: kientruc/v1\nkind: Dataset\nid: so-ke-toan\nname: Sổ kế toán\nscope: internal\nowner: org:so-tai-chinh\nsystem: system:phan-mem-ke-toan\n',
    );
    expect(await validate(dir)).toEqual([]);
    // The accounting system's row is gone from the sheet, and so is the only row naming Sở Tài chính.
    writeFileSync(join(dir, 'danh-muc.xlsx'), await workbook([Q1[0] as Cells, Q1[2] as Cells]));
    const before = read(dir, 'systems/danh-muc.yaml');
    const refused = await runMain(['import', 'danh-muc.xlsx', '--update'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('architecture/datasets/ke-toan.yaml:7: dataset:so-ke-toan → system:phan-mem-ke-toan');
    expect(refused.stderr).toContain('architecture/datasets/ke-toan.yaml:6: dataset:so-ke-toan → org:so-tai-chinh');
    expect(refused.stderr).toMatch(/--keep-referenced/);
    expect(read(dir, 'systems/danh-muc.yaml')).toBe(before);

    const kept = await runMain(['import', 'danh-muc.xlsx', '--update', '--keep-referenced'], dir);
    expect(kept.stderr).toMatch(/system:phan-mem-ke-toan .*status: retired/);
    const system = docsOf(read(dir, 'systems/danh-muc.yaml')).find((d) => d['id'] === 'phan-mem-ke-toan');
    expect(system).toMatchObject({ status: 'retired' });
    expect(docsOf(read(dir, 'organizations/danh-muc.yaml')).map((d) => d['id'])).toContain('so-tai-chinh');
    expect(await validate(dir)).toEqual([]);
    // No longer managed by the import: the next run leaves it alone.
    const next = await runMain(['import', 'danh-muc.xlsx'], dir);
    expect(next.stderr).toMatch(/Không có thay đổi/);
  });

  it('deletes an entity nothing refers to', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'danh-muc.xlsx': await workbook(Q1) });
    await runMain(['import', 'danh-muc.xlsx'], dir);
    writeFileSync(join(dir, 'danh-muc.xlsx'), await workbook([Q1[0] as Cells, Q1[2] as Cells]));
    const r = await runMain(['import', 'danh-muc.xlsx', '--update'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Không còn trong bảng tính, sẽ xoá: org:so-tai-chinh, system:phan-mem-ke-toan\./);
    expect(read(dir, 'systems/danh-muc.yaml')).not.toContain('phan-mem-ke-toan');
    expect(await validate(dir)).toEqual([]);
  });
});

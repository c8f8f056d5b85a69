/**
 * `kientruc import` on a provincial inventory laid out as real ones are, and `kientruc export
 * --format xlsx` round-tripping the sample through import.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING } from '../../src/exchange/xlsx/mapping.js';
import { runPipeline } from '../../src/pipeline.js';
import { BAD_CELLS, buildInventory, FIXTURE } from '../fixtures/xlsx/make-inventory.js';
import { AGENCY, AS_OF, makeProject, REPO, runMain } from '../helpers/project.js';

function yamlDocs(dir: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const folder of ['organizations', 'systems', 'datasets', 'integrations', 'tasks']) {
    const d = join(dir, 'architecture', folder);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).sort()) out.push(...parseAllDocuments(readFileSync(join(d, f), 'utf8')).map((x) => x.toJSON() as Record<string, unknown>));
  }
  return out;
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of readdirSync(join(dir, 'architecture'), { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const f of readdirSync(join(dir, 'architecture', folder.name))) files[`${folder.name}/${f}`] = readFileSync(join(dir, 'architecture', folder.name, f), 'utf8');
  }
  return files;
}

describe('the inventory fixture', () => {
  it('is the committed output of its generator (deterministic bytes)', async () => {
    const built = await buildInventory();
    expect(Buffer.compare(Buffer.from(built), readFileSync(FIXTURE))).toBe(0);
  });
});

describe('kientruc import of a provincial inventory', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof runMain>>;
  beforeAll(async () => {
    dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'danh-muc-son-ha.xlsx': readFileSync(FIXTURE) });
    first = await runMain(['import', 'danh-muc-son-ha.xlsx'], dir);
  });

  it('reports every bad cell as file:sheet!cell with a fix, and exits 1', () => {
    expect(first.code).toBe(1);
    const errors = first.stdout.split('\n').filter((l) => /  error  /.test(l));
    const found = errors.map((l) => {
      const m = /^danh-muc-son-ha\.xlsx:(.+?)!([A-Z]+\d+)  error  .*  (import\.[a-z-]+)$/.exec(l);
      return m ? { sheet: m[1], address: m[2], code: m[3] } : l;
    });
    expect(found).toEqual(BAD_CELLS);
    expect(first.stdout).toMatch(/^danh-muc-son-ha\.xlsx:Hướng dẫn!A1  warning  .*import\.unrecognised-sheet$/m);
    // Each finding is followed by its fix.
    for (const l of errors) expect(first.stdout.split('\n')[first.stdout.split('\n').indexOf(l) + 1]).toMatch(/^ {4}Cách sửa: /);
  });

  it('writes ≥ 50 systems with unique ASCII kebab-case ids that pass validate', async () => {
    const docs = yamlDocs(dir);
    const systems = docs.filter((d) => d['kind'] === 'System');
    expect(systems.length).toBeGreaterThanOrEqual(50);
    const ids = systems.map((s) => s['id'] as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const result = await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: false });
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads merged headers, group rows, merged owner cells, Vietnamese dates and numbers stored as text', () => {
    const docs = yamlDocs(dir);
    const byName = (name: string) => docs.find((d) => d['name'] === name) as Record<string, unknown>;
    // Layer from the group row "II. LỚP DỮ LIỆU …"; owner from a cell merged down two rows (D8:D9).
    // A year-only go-live stays a year (the schema's goLive takes one): no invented 1 January.
    expect(byName('Mạng truyền số liệu chuyên dùng cấp II của tỉnh')).toMatchObject({ layer: 'L1', owner: 'org:so-khoa-hoc-va-cong-nghe', goLive: 2018 });
    expect(byName('Nền tảng bản đồ số GIS dùng chung tỉnh')).toMatchObject({ layer: 'L2', component: 'gis', users: { internal: 1250 }, goLive: '2022-10-20', network: { zone: 'internet', publicUrl: 'https://gis.sonha.gov.vn' } });
    expect(byName('Kho dữ liệu dùng chung của tỉnh')).toMatchObject({ goLive: '2024-03-01', security: { level: 3, dossier: 'approved' } });
    expect(byName('Dữ liệu hộ tịch điện tử')).toMatchObject({ scope: 'sectoral', records: 1412600, nationalDatabase: 'national:csdl-ho-tich-dien-tu', owner: 'org:so-tu-phap' });
    expect(byName('Xác thực tài khoản người dân qua VNeID')).toMatchObject({ from: 'national:vneid', channel: 'ndxp', status: 'live' });
    expect(byName('Nâng cấp Trung tâm dữ liệu tỉnh đáp ứng tiêu chuẩn an toàn')).toMatchObject({ area: 'infrastructure', deadline: '2026-Q4', partners: ['org:cong-an-tinh', 'org:so-tai-chinh'] });
    expect(byName('Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực')).toMatchObject({ deadline: 'ongoing', partnersText: 'Các sở, ban, ngành' });
    // Subtotal and numbering rows are not entities; the row without a status is not written.
    expect(docs.some((d) => /^(Cộng|TỔNG CỘNG|Tổng cộng|\(\d+\))/.test(String(d['name'])))).toBe(false);
    expect(byName('Phần mềm quản lý hộ kinh doanh')).toBeUndefined();
    // Bad cells leave their field out, never a wrong value.
    expect(byName('Hệ thống phòng họp không giấy tỉnh')['operator']).toBeUndefined();
    expect((byName('Mạng truyền số liệu chuyên dùng cấp II của tỉnh')['security'] as Record<string, unknown>)['level']).toBeUndefined();
  });

  it('changes nothing when run again (idempotent, same bytes)', async () => {
    const before = snapshot(dir);
    const again = await runMain(['import', 'danh-muc-son-ha.xlsx'], dir);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toMatch(/Không có thay đổi: 5 tệp/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('shows the diff and writes nothing without --update when the spreadsheet changed; --update applies it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(FIXTURE) as unknown as ExcelJS.Buffer);
    wb.getWorksheet('Hệ thống')!.getCell('G9').value = 'Cấp độ 2';
    const edited = join(dir, 'danh-muc-son-ha.xlsx');
    const original = readFileSync(edited);
    writeFileSync(edited, Buffer.from(await wb.xlsx.writeBuffer()));
    try {
      const before = snapshot(dir);
      const refused = await runMain(['import', 'danh-muc-son-ha.xlsx'], dir);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('--- a/architecture/systems/danh-muc-son-ha.yaml');
      expect(refused.stdout).toMatch(/^\+ {2}level: 2$/m);
      expect(refused.stderr).toMatch(/--update/);
      expect(snapshot(dir)).toEqual(before);
      const dry = await runMain(['import', 'danh-muc-son-ha.xlsx', '--update', '--dry-run'], dir);
      expect(dry.stderr).toMatch(/--dry-run/);
      expect(snapshot(dir)).toEqual(before);
      await runMain(['import', 'danh-muc-son-ha.xlsx', '--update'], dir);
      expect(snapshot(dir)['systems/danh-muc-son-ha.yaml']).toMatch(/name: Mạng truyền số liệu chuyên dùng cấp II của tỉnh\n(.*\n)*? {2}level: 2\n/);
    } finally {
      writeFileSync(edited, original);
      await runMain(['import', 'danh-muc-son-ha.xlsx', '--update'], dir);
    }
  });

  it('never replaces a file it did not write', async () => {
    const d = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/danh-muc-son-ha.yaml': '# của người dùng\n', 'danh-muc-son-ha.xlsx': readFileSync(FIXTURE) });
    const r = await runMain(['import', 'danh-muc-son-ha.xlsx', '--update'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không do "kientruc import" tạo/);
    expect(readFileSync(join(d, 'architecture/systems/danh-muc-son-ha.yaml'), 'utf8')).toBe('# của người dùng\n');
    expect(existsSync(join(d, 'architecture/datasets/danh-muc-son-ha.yaml'))).toBe(false);
  });

  it('keeps entities the architecture already declares and links to them by name', async () => {
    const d = makeProject({
      'architecture/agency.yaml': AGENCY,
      'architecture/organizations/so.yaml': 'apiVersion: kientruc/v1\nkind: Organization\nid: so-y-te\nname: Sở Y tế tỉnh Thử\nlevel: department\n',
      'architecture/systems/his.yaml':
        'apiVersion: kientruc/v1\nkind: System\nid: ytcs\nname: Hệ thống thông tin quản lý y tế cơ sở\nlayer: L3\ncomponent: sectoral-app\nstatus: operating\nowner: org:so-y-te\n',
      'ds.csv': 'Tên CSDL;Phạm vi;Đơn vị chủ quản;Hệ thống lưu trữ;Số bản ghi\nHồ sơ sức khỏe;Chuyên ngành;Sở Y tế;Hệ thống thông tin quản lý y tế cơ sở;1.250.000\n',
    });
    const r = await runMain(['import', 'ds.csv'], d);
    expect(r.code).toBe(0);
    const doc = yamlDocs(d).find((x) => x['kind'] === 'Dataset');
    expect(doc).toMatchObject({ kind: 'Dataset', id: 'ho-so-suc-khoe', owner: 'org:so-y-te', system: 'system:ytcs', records: 1250000 });
    expect(readFileSync(join(d, 'architecture/systems/his.yaml'), 'utf8')).toContain('id: ytcs');
    // A row naming a declared system is kept as declared, and said so at its cell.
    writeFileSync(join(d, 'ht.csv'), 'Tên hệ thống;Đơn vị chủ quản;Tình trạng\nHỆ THỐNG THÔNG TIN QUẢN LÝ Y TẾ CƠ SỞ;Sở Y tế;Đang sử dụng\n');
    const again = await runMain(['import', 'ht.csv'], d);
    expect(again.stdout).toMatch(/^ht\.csv:ht!A2  info  .*system:ytcs.*import\.existing-entity$/m);
    expect(existsSync(join(d, 'architecture/systems/ht.yaml'))).toBe(false);
  });
});

describe('a CSV inventory', () => {
  it('reads group headings that are not merged, subtotals, and ";" as delimiter', async () => {
    const d = makeProject({
      'architecture/agency.yaml': AGENCY,
      'httt.csv': [
        'STT;Tên hệ thống;Thành phần kiến trúc;Đơn vị chủ quản;Tình trạng;Năm đưa vào sử dụng',
        'I;LỚP ỨNG DỤNG VÀ NGHIỆP VỤ DÙNG CHUNG;;;;',
        '1;Hệ thống quản lý văn bản và điều hành;Quản lý văn bản và điều hành;Văn phòng UBND tỉnh;Đang sử dụng;2017',
        ';Cộng;1 hệ thống;;;',
        'II;LỚP KÊNH TƯƠNG TÁC VÀ ĐO LƯỜNG HIỆU QUẢ;;;;',
        '1;Cổng thông tin điện tử tỉnh;Cổng thông tin điện tử;Văn phòng UBND tỉnh;Đang sử dụng;01/01/2009',
        ';Tổng cộng;2 hệ thống;;;',
        '',
      ].join('\r\n'),
    });
    const r = await runMain(['import', 'httt.csv'], d);
    expect(r.stdout).toContain('0 lỗi');
    const systems = yamlDocs(d).filter((x) => x['kind'] === 'System');
    expect(systems.map((s) => [s['name'], s['layer'], s['owner'], s['goLive']])).toEqual([
      ['Hệ thống quản lý văn bản và điều hành', 'L3', 'org:van-phong-ubnd-tinh', 2017],
      ['Cổng thông tin điện tử tỉnh', 'L4', 'org:van-phong-ubnd-tinh', '2009-01-01'],
    ]);
  });
});

describe('kientruc import --map', () => {
  it('speaks English with --lang en', async () => {
    const d = makeProject({ 'architecture/agency.yaml': AGENCY, 'a.csv': 'Tên hệ thống;Tình trạng\nCổng thông tin;đang chạy thử\n' });
    const r = await runMain(['--lang', 'en', 'import', 'a.csv', '--dry-run'], d);
    expect(r.stdout).toMatch(/^a\.csv:a!B2  error  Trạng thái: "đang chạy thử" is not a value of Lifecycle status\.  import\.bad-value$/m);
    expect(r.stdout).toMatch(/^ {4}Fix: Write one of: Planned; /m);
  });

  it('reads a layout the default does not know, through the map file', async () => {
    const d = makeProject({
      'architecture/agency.yaml': AGENCY,
      'bieu.csv': 'Danh mục phần mềm,Cơ quan quản lý HTTT,Trạng thái khai thác,Lớp,Nhóm hệ thống,Phạm vi\n"Phần mềm quản lý tài sản công",Sở Tài chính tỉnh Thử,Đang chạy,Lớp 3,Ứng dụng chuyên ngành,Toàn tỉnh\n',
      'anh-xa.yaml': [
        'sheets: { bieu: system }',
        'columns:',
        '  system:',
        '    name: ["Danh mục phần mềm"]',
        '    owner: ["Cơ quan quản lý HTTT"]',
        '    status: ["Trạng thái khai thác"]',
        '    network.zone: []',
        'values:',
        '  lifecycle: { "Đang chạy": operating }',
        '',
      ].join('\n'),
    });
    const r = await runMain(['import', 'bieu.csv', '--map', 'anh-xa.yaml'], d);
    expect(r.stdout).toContain('0 lỗi');
    expect(yamlDocs(d).find((x) => x['kind'] === 'System')).toMatchObject({ name: 'Phần mềm quản lý tài sản công', status: 'operating', layer: 'L3', component: 'sectoral-app', owner: 'org:so-tai-chinh-tinh-thu' });
  });

  it('refuses a map file with mistakes, listing each', async () => {
    const d = makeProject({ 'architecture/agency.yaml': AGENCY, 'a.csv': 'Tên hệ thống\nX\n', 'm.yaml': 'sheets: { a: server }\nvalues:\n  lifecycle: { "chạy": running }\ncolums: {}\n' });
    const r = await runMain(['import', 'a.csv', '--map', 'm.yaml'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/colums/);
    expect(r.stderr).toMatch(/sheets\."a"/);
    expect(r.stderr).toMatch(/values\.lifecycle\."chạy"/);
    expect(r.stderr).toContain('khoá "colums" không được hỗ trợ');
    // Each listed problem in English with --lang en: only the user's own spellings keep their letters.
    const en = await runMain(['--lang', 'en', 'import', 'a.csv', '--map', 'm.yaml'], d);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      [
        'kientruc: The mapping file m.yaml is not valid:',
        '  - the key "colums" is not supported (use: sheets, columns, values, orgLevels, subtotals, defaults)',
        '  - sheets."a": "server" is not a kind (org, system, dataset, integration, task, function, service)',
        '  - values.lifecycle."chạy": "running" is not in the list (planned, building, operating, upgrading, retiring, retired)',
        '',
      ].join('\n'),
    );
  });
});

describe('kientruc export --format xlsx', () => {
  it('writes the same bytes twice, one sheet per kind, Vietnamese headers, frozen header row', async () => {
    const d = makeProject({});
    cpSync(join(REPO, 'architecture'), join(d, 'architecture'), { recursive: true });
    expect((await runMain(['export', '--format', 'xlsx', '--out', 'a.xlsx'], d)).code).toBe(0);
    expect((await runMain(['export', '--format', 'xlsx', '--out', 'b.xlsx'], d)).code).toBe(0);
    const a = readFileSync(join(d, 'a.xlsx'));
    expect(Buffer.compare(a, readFileSync(join(d, 'b.xlsx')))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(DEFAULT_MAPPING.kinds.map((k) => k.sheets[0]));
    const ws = wb.getWorksheet('Hệ thống')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toContain('Tên hệ thống');
    expect(ws.getColumn(2).width).toBeGreaterThan(30);
    expect(wb.created.toISOString()).toBe('2026-09-30T00:00:00.000Z');
    expect(ws.getRow(1).values).toContain('Ghi chú nội bộ');
    expect((await runMain(['export', '--format', 'xlsx', '--public', '--out', 'c.xlsx'], d)).code).toBe(0);
    const pub = new ExcelJS.Workbook();
    await pub.xlsx.load(readFileSync(join(d, 'c.xlsx')) as unknown as ExcelJS.Buffer);
    for (const w of pub.worksheets) expect(w.getRow(1).values).not.toContain('Ghi chú nội bộ');
  });

  it('export → import is the identity on the sample', async () => {
    const d = makeProject({});
    cpSync(join(REPO, 'architecture'), join(d, 'sample'), { recursive: true });
    expect((await runMain(['export', 'sample', '--format', 'xlsx', '--out', 'mau.xlsx'], d)).code).toBe(0);
    // An agency folder as `init` leaves it: the agency, nothing else.
    cpSync(join(REPO, 'architecture', 'agency.yaml'), join(d, 'architecture', 'agency.yaml'));
    const imported = await runMain(['import', 'mau.xlsx'], d);
    expect(imported.stdout).toContain('0 lỗi, 0 cảnh báo, 0 thông tin');
    const sample = await runPipeline({ root: 'sample', cwd: d, today: AS_OF, asOf: AS_OF, rules: false });
    const back = await runPipeline({ root: 'architecture', cwd: d, today: AS_OF, asOf: AS_OF, rules: false });
    for (const km of DEFAULT_MAPPING.kinds) {
      const project = (e: unknown) => {
        const out: Record<string, unknown> = {};
        for (const c of km.columns) {
          let v: unknown = e;
          for (const p of c.field.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
          if (v !== undefined) out[c.field] = v;
        }
        return out;
      };
      const want = sample.model.all(km.kind).map(project);
      expect(want.length).toBeGreaterThan(0);
      expect(back.model.all(km.kind).map(project)).toEqual(want);
    }
    // And the workbook exported from the imported YAML is byte-identical.
    expect((await runMain(['export', '--format', 'xlsx', '--out', 'lai.xlsx'], d)).code).toBe(0);
    expect(Buffer.compare(readFileSync(join(d, 'mau.xlsx')), readFileSync(join(d, 'lai.xlsx')))).toBe(0);
  });
});

describe('docs/import-export.md', () => {
  it('lists every field of the default mapping with the header export writes', () => {
    const doc = readFileSync(join(REPO, 'docs', 'import-export.md'), 'utf8');
    for (const k of DEFAULT_MAPPING.kinds) for (const c of k.columns) expect(doc).toContain(`| \`${c.field}\` | \`${c.type}\` | ${c.headers.join('; ')} |`);
  });
});

import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { UserError } from '../../core/errors.js';
import { countEn, text, type Text } from '../../core/text.js';
import { exitCodeFor } from '../../diagnostics/exit-code.js';
import type { ExistingEntity } from '../../exchange/xlsx/import/convert.js';
import { importSpreadsheet } from '../../exchange/xlsx/import/index.js';
import { issueToDiagnostic } from '../../exchange/xlsx/import/issues.js';
import { IMPORT_MARKER, importStem } from '../../exchange/xlsx/import/plan.js';
import { formatCellIssues } from '../../exchange/xlsx/import/report.js';
import { readUserMap } from '../../exchange/xlsx/map-file.js';
import { DEFAULT_MAPPING, type Mapping, type SheetKind } from '../../exchange/xlsx/mapping.js';
import type { App } from '../app.js';
import { emit, formatDiagnostics } from '../output.js';
import { addReportOptions, DEFAULT_ROOT, loadForCommand, type ReportOptions } from './shared.js';

interface ImportOptions extends ReportOptions {
  into: string;
  map?: string;
  update?: boolean;
  dryRun?: boolean;
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** What each sheet kind holds, as counted after an import (English in the singular: `countEn` adds the "s"). */
const KIND_NAMES: Record<string, Text> = {
  org: text('cơ quan, đơn vị', 'organisation'),
  system: text('hệ thống', 'system'),
  dataset: text('CSDL', 'database'),
  integration: text('kết nối', 'integration'),
  task: text('nhiệm vụ', 'task'),
  function: text('chức năng nghiệp vụ', 'business function'),
  service: text('dịch vụ công', 'public service'),
};

export function registerImport(program: Command, app: App): void {
  const cmd = program
    .command('import')
    .summary('nhập danh mục từ Excel/CSV thành YAML / import an inventory from XLSX or CSV')
    .description(
      'Đọc bảng tính danh mục hệ thống thông tin, CSDL, kết nối, cơ quan, nhiệm vụ (XLSX hoặc CSV) và ghi thành tệp YAML mới trong thư mục kiến trúc. Tiêu đề cột tiếng Việt được nhận theo ánh xạ (mặc định, hoặc --map); ô không đọc được báo theo tệp:sheet!ô kèm cách sửa. Không ghi đè tệp có sẵn: lần nhập lại làm thay đổi tệp thì hiện khác biệt và cần --update. Xem docs/import-export.md.',
    )
    .argument('<file>', 'tệp .xlsx hoặc .csv')
    .option('--into <dir>', 'thư mục kiến trúc nhận các tệp YAML', DEFAULT_ROOT)
    .option('--map <file>', 'tệp ánh xạ YAML: tên sheet, tiêu đề cột, cách viết giá trị (xem docs/import-export.md)')
    .option('--update', 'cho phép thay tệp do lần nhập trước tạo (sau khi xem khác biệt)')
    .option('--dry-run', 'chỉ báo cáo và hiện khác biệt, không ghi tệp nào');
  addReportOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc import danh-muc-httt.xlsx                      # ghi architecture/systems/danh-muc-httt.yaml …
  $ kientruc import danh-muc-httt.xlsx --dry-run            # xem trước, không ghi
  $ kientruc import bieu-01.csv --map anh-xa.yaml --into architecture
  $ kientruc import danh-muc-httt.xlsx --update             # nhập lại sau khi sửa bảng tính
  $ kientruc import danh-muc-httt.xlsx -f json | jq '.diagnostics[] | .path'

Mã thoát: 0 nhập xong, 1 có ô lỗi (theo --fail-on) hoặc cần --update, 2 lỗi sử dụng.`,
  );
  cmd.action(async (file: string, opts: ImportOptions) => {
    const abs = resolve(app.io.cwd, file);
    if (!/\.(xlsx|csv)$/i.test(abs)) throw new UserError(text(`"${file}" không phải tệp .xlsx hoặc .csv.`, `"${file}" is not an .xlsx or .csv file.`));
    const bytes = await readFile(abs).catch(() => {
      throw new UserError(text(`Không đọc được tệp "${file}".`, `Cannot read the file "${file}".`));
    });
    const intoAbs = resolve(app.io.cwd, opts.into);
    if (!existsSync(intoAbs)) {
      throw new UserError(
        text(
          `Không tìm thấy thư mục kiến trúc "${opts.into}". Tạo bằng "kientruc init" hoặc chỉ định --into.`,
          `No architecture folder "${opts.into}". Create one with "kientruc init", or give --into.`,
        ),
      );
    }
    const loaded = await loadForCommand(app, opts.into, { cache: false }, false);

    let mapping: Mapping = DEFAULT_MAPPING;
    let sheetKinds: Readonly<Record<string, SheetKind>> = {};
    if (opts.map !== undefined) {
      const source = await readFile(resolve(app.io.cwd, opts.map), 'utf8').catch(() => {
        throw new UserError(text(`Không đọc được tệp ánh xạ "${opts.map}".`, `Cannot read the mapping file "${opts.map}".`));
      });
      const { map, problems } = readUserMap(source, DEFAULT_MAPPING, loaded.pack);
      if (problems.length) {
        throw new UserError(
          text(
            `Tệp ánh xạ ${opts.map} không hợp lệ:\n  - ${problems.map((p) => p.vi).join('\n  - ')}`,
            `The mapping file ${opts.map} is not valid:\n  - ${problems.map((p) => p.en).join('\n  - ')}`,
          ),
        );
      }
      mapping = map.mapping;
      sheetKinds = map.sheetKinds;
    }

    // Files this import writes are its own: their entities are not "already declared".
    const stem = importStem(abs);
    const own = new Set(mapping.kinds.map((k) => toPosix(relative(app.io.cwd, join(intoAbs, k.folder, `${stem}.yaml`)))));
    const existing: ExistingEntity[] = [];
    for (const kind of ['agency', 'org', 'system', 'dataset', 'integration', 'task', 'function', 'service'] as const) {
      for (const e of loaded.model.all(kind)) {
        if (own.has(e.origin.file)) continue;
        existing.push({ kind, id: e.id, name: e.name, ...(e.shortName ? { shortName: e.shortName } : {}), file: e.origin.file });
      }
    }

    const agency = loaded.model.agency;
    const place = agency?.location ?? /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(agency?.name ?? '')?.[1];
    const result = await importSpreadsheet({ bytes, fileName: abs, mapping, sheetKinds, pack: loaded.pack, existing, ...(place ? { place } : {}) });
    const shown = toPosix(relative(app.io.cwd, abs));

    const created: string[] = [];
    const changed: { path: string; abs: string; contents: string }[] = [];
    const unchanged: string[] = [];
    const diffs: string[] = [];
    for (const f of result.files) {
      const target = join(intoAbs, f.path);
      const rel = toPosix(relative(app.io.cwd, target));
      const before = await readFile(target, 'utf8').catch(() => undefined);
      if (before === undefined) created.push(rel);
      else if (before === f.contents) unchanged.push(rel);
      else if (!before.startsWith(IMPORT_MARKER)) {
        throw new UserError(
          text(
            `Tệp ${rel} đã có và không do "kientruc import" tạo; không ghi đè. Đổi tên bảng tính hoặc chuyển tệp đó đi.`,
            `The file ${rel} exists and was not made by "kientruc import"; it is not overwritten. Rename the spreadsheet or move that file away.`,
          ),
        );
      } else {
        changed.push({ path: rel, abs: target, contents: f.contents });
        diffs.push(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, before, f.contents, '', '', { context: 2 }).replace(/^=+\n/, ''));
      }
    }

    const report =
      opts.format === 'stylish'
        ? formatCellIssues(shown, result.issues, { lang: app.lang, color: app.color && app.io.stdout.isTTY === true })
        : formatDiagnostics(app, opts.format, result.issues.map((i) => issueToDiagnostic(shown, i)), [shown]);
    const diffText = opts.format === 'stylish' && diffs.length ? `${diffs.join('')}\n` : '';
    await emit(app, diffText + report, opts.output);

    const en = app.lang === 'en';
    const counted = ([kind, n]: [string, number]): string => {
      const name = KIND_NAMES[kind];
      return en ? countEn(n, name?.en ?? kind) : `${n} ${name?.vi ?? kind}`;
    };
    // Kinds are separated by ";": one kind's own name has a comma ("cơ quan, đơn vị").
    const counts = Object.entries(result.counts).map(counted).join('; ') || (en ? 'no entities' : 'không có thực thể nào');
    const known = result.existing ? (en ? ` (${countEn(result.existing, 'row')} already in the architecture)` : ` (${result.existing} hàng đã có trong kiến trúc)`) : '';
    app.log.info(`${en ? 'Read' : 'Đọc'} ${shown}: ${counts}${known}.`);
    const diagnostics = result.issues.map((i) => issueToDiagnostic(shown, i));
    app.exitCode = exitCodeFor(diagnostics, opts.failOn);

    if (changed.length && !opts.update) {
      const paths = changed.map((c) => c.path).join(', ');
      app.log.warn(
        en
          ? `${countEn(changed.length, 'file')} made by an earlier import would change (${paths}); review the diff above, then run again with --update. No file was written.`
          : `${changed.length} tệp do lần nhập trước tạo sẽ thay đổi (${paths}); xem khác biệt ở trên, rồi chạy lại với --update. Chưa ghi tệp nào.`,
      );
      app.exitCode = Math.max(app.exitCode, 1);
      return;
    }
    if (opts.dryRun) {
      app.log.info(
        en
          ? `--dry-run: would create ${created.length}, replace ${changed.length} and keep ${countEn(unchanged.length, 'file')}; nothing written.`
          : `--dry-run: sẽ tạo ${created.length}, thay ${changed.length}, giữ nguyên ${unchanged.length} tệp; chưa ghi gì.`,
      );
      return;
    }
    for (const rel of created) {
      const f = result.files.find((x) => toPosix(relative(app.io.cwd, join(intoAbs, x.path))) === rel);
      if (f) await writeAtomic(join(intoAbs, f.path), f.contents);
    }
    for (const c of changed) await writeAtomic(c.abs, c.contents);
    const parts = [
      created.length ? `${en ? 'created' : 'tạo'} ${created.join(', ')}` : '',
      changed.length ? `${en ? 'updated' : 'cập nhật'} ${changed.map((c) => c.path).join(', ')}` : '',
      unchanged.length ? (en ? `${countEn(unchanged.length, 'file')} unchanged` : `${unchanged.length} tệp không đổi`) : '',
    ].filter(Boolean);
    if (created.length || changed.length) {
      const done = parts.join('; ');
      app.log.info(en ? `${done.charAt(0).toUpperCase()}${done.slice(1)}. Check: kientruc validate ${opts.into}` : `Đã ${done}. Kiểm tra: kientruc validate ${opts.into}`);
    } else if (unchanged.length) {
      app.log.info(en ? `No changes: ${countEn(unchanged.length, 'file')} already ${unchanged.length === 1 ? 'matches' : 'match'} the spreadsheet.` : `Không có thay đổi: ${unchanged.length} tệp đã khớp bảng tính.`);
    } else {
      app.log.info(en ? 'No entities to write.' : 'Không có thực thể nào để ghi.');
    }
  });
}

async function writeAtomic(target: string, contents: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = `${target}.kientruc-tmp-${process.pid}`;
  await writeFile(tmp, contents);
  await rename(tmp, target);
}

import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { UserError } from '../../core/errors.js';
import { countEn, text } from '../../core/text.js';
import { exitCodeFor } from '../../diagnostics/exit-code.js';
import { importSpreadsheet, SPREADSHEET_NAME } from '../../exchange/xlsx/import/index.js';
import { compareIssues, issueToDiagnostic } from '../../exchange/xlsx/import/issues.js';
import { mergeImport, type FileMerge, type MergeFileInput } from '../../exchange/xlsx/import/merge.js';
import { IMPORT_MARKER, importStem } from '../../exchange/xlsx/import/plan.js';
import { formatRecord, recordPathOf } from '../../exchange/xlsx/import/record.js';
import { blockingReferences, previousEntities } from '../../exchange/xlsx/import/reimport.js';
import { formatCellIssues } from '../../exchange/xlsx/import/report.js';
import { readUserMap } from '../../exchange/xlsx/map-file.js';
import { DEFAULT_MAPPING, type Mapping, type SheetKind } from '../../exchange/xlsx/mapping.js';
import type { App } from '../app.js';
import { emit, formatDiagnostics } from '../output.js';
import { readDeclared, readTargets, type Target } from './import-context.js';
import { importSummary } from './import-summary.js';
import { addReportOptions, DEFAULT_ROOT, loadForCommand, type ReportOptions } from './shared.js';

interface ImportOptions extends ReportOptions {
  into: string;
  map?: string;
  update?: boolean;
  dryRun?: boolean;
  preferSheet?: boolean;
  keepReferenced?: boolean;
  includeHidden?: boolean;
}

const toPosix = (p: string): string => p.split(sep).join('/');

export function registerImport(program: Command, app: App): void {
  const cmd = program
    .command('import')
    .summary('nhập danh mục từ Excel/CSV thành YAML / import an inventory from XLSX or CSV')
    .description(
      'Đọc bảng tính danh mục hệ thống thông tin, CSDL, kết nối, cơ quan, nhiệm vụ (XLSX, CSV hoặc "Unicode Text" .txt/.tsv) và ghi thành tệp YAML trong thư mục kiến trúc. Tiêu đề cột tiếng Việt được nhận theo ánh xạ (mặc định, hoặc --map); ô không đọc được báo theo tệp:sheet!ô kèm cách sửa. Nhập lại cùng bảng tính là hợp nhất ba chiều: giữ các sửa đổi bằng tay trong YAML, lấy giá trị bảng tính đã đổi, báo xung đột; thay đổi chỉ được ghi với --update. Xem docs/import-export.md.',
    )
    .argument('<file>', 'tệp .xlsx, .csv, .tsv hoặc .txt (Unicode Text của Excel)')
    .option('--into <dir>', 'thư mục kiến trúc nhận các tệp YAML', DEFAULT_ROOT)
    .option('--map <file>', 'tệp ánh xạ YAML: tên sheet, tiêu đề cột, cách viết giá trị (xem docs/import-export.md)')
    .option('--update', 'ghi các thay đổi vào tệp do lần nhập trước tạo (sau khi xem khác biệt)')
    .option('--prefer-sheet', 'khi bảng tính và YAML cùng sửa một trường: lấy giá trị của bảng tính (mặc định giữ YAML)')
    .option('--keep-referenced', 'thực thể không còn trong bảng tính mà YAML khác còn tham chiếu: giữ lại, đánh dấu status: retired nếu có (mặc định: từ chối ghi)')
    .option('--include-hidden', 'nhập cả sheet bị ẩn (mặc định bỏ qua, có cảnh báo)')
    .option('--dry-run', 'chỉ báo cáo và hiện khác biệt, không ghi tệp nào');
  addReportOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc import danh-muc-httt.xlsx                      # ghi architecture/systems/danh-muc-httt.yaml …
  $ kientruc import danh-muc-httt.xlsx --dry-run            # xem trước, không ghi
  $ kientruc import bieu-01.csv --map anh-xa.yaml --into architecture
  $ kientruc import danh-muc-httt.xlsx --update             # nhập lại bản mới, giữ sửa đổi bằng tay
  $ kientruc import danh-muc-httt.xlsx -f json | jq '.diagnostics[] | .path'

Mã thoát: 0 nhập xong, 1 có ô lỗi (theo --fail-on), cần --update, hoặc YAML khác còn tham chiếu thực thể sẽ bị xoá; 2 lỗi sử dụng.`,
  );
  cmd.action(async (file: string, opts: ImportOptions) => {
    const abs = resolve(app.io.cwd, file);
    if (!SPREADSHEET_NAME.test(abs)) throw new UserError(text(`"${file}" không phải tệp .xlsx, .csv, .tsv hoặc .txt.`, `"${file}" is not an .xlsx, .csv, .tsv or .txt file.`));
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
    const model = loaded.model;
    const base = loaded.loaded.base;

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

    // The files this import writes, what an earlier run of it left there, and the rest of the architecture.
    const stem = importStem(abs);
    const source = abs.replace(/^.*[\\/]/, '');
    const targets = await readTargets(app, mapping, stem, intoAbs, loaded);
    const own = new Set(targets.map((t) => t.modelPath));
    const { existing, recorded } = await readDeclared(model, base, own);
    const declaredElsewhere = new Set(existing.map((e) => `${e.kind}:${e.id}`));
    const previous = targets.flatMap((t) => {
      const km = mapping.kinds.find((k) => k.kind === t.kind);
      return km && t.before?.startsWith(IMPORT_MARKER) ? previousEntities(t.kind, km.docKind, t.before, t.record, (r) => declaredElsewhere.has(r)) : [];
    });

    const agency = model.agency;
    const place = agency?.location ?? /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(agency?.name ?? '')?.[1];
    const result = await importSpreadsheet({
      bytes,
      fileName: abs,
      mapping,
      sheetKinds,
      pack: loaded.pack,
      existing,
      previous,
      recorded,
      ...(place ? { place } : {}),
      ...(opts.includeHidden ? { includeHidden: true } : {}),
    });
    const shown = toPosix(relative(app.io.cwd, abs));
    const en = app.lang === 'en';

    // The merge: one input per file the import has rows for, or made before.
    const anyRows = Object.values(result.rows).some((r) => r.read > 0);
    const inputs: { target: Target; input: MergeFileInput }[] = [];
    for (const t of targets) {
      const km = mapping.kinds.find((k) => k.kind === t.kind);
      if (!km) continue;
      const theirs = result.docs.filter((d) => d.kind === t.kind);
      // A kind the workbook has no sheet for leaves its file alone (a workbook without its CSDL sheet deletes no database).
      const spoken = theirs.length > 0 || (result.rows[t.kind]?.read ?? 0) > 0 || (t.kind === 'org' && anyRows);
      if (!spoken || (t.before === undefined && theirs.length === 0)) continue;
      if (t.before !== undefined && !t.before.startsWith(IMPORT_MARKER)) {
        throw new UserError(
          text(
            `Tệp ${t.shown} đã có và không do "kientruc import" tạo; không ghi đè. Đổi tên bảng tính hoặc chuyển tệp đó đi.`,
            `The file ${t.shown} exists and was not made by "kientruc import"; it is not overwritten. Rename the spreadsheet or move that file away.`,
          ),
        );
      }
      const status = km.columns.find((c) => c.field === 'status')?.type.split(':')[1];
      const canRetire = status !== undefined && loaded.pack.enums[status]?.values.some((v) => v.value === 'retired') === true;
      inputs.push({
        target: t,
        input: {
          path: t.modelPath,
          recordName: recordPathOf(t.path).replace(/^.*\//, ''),
          theirs,
          kind: km,
          source,
          ...(t.before !== undefined ? { ours: t.before } : {}),
          ...(t.record ? { record: t.record } : {}),
          ...(canRetire ? { retired: 'retired' } : {}),
        },
      });
    }
    const mergeWith = (keep: ReadonlySet<string>): FileMerge[] =>
      mergeImport(
        inputs.map((i) => i.input),
        { preferSheet: opts.preferSheet === true, unwritable: new Set(result.unwritable), keep },
      );
    let merged = mergeWith(new Set());
    const broken = merged.find((m) => m.error);
    if (broken?.error) throw new UserError(broken.error);

    // An entity the merge would delete must not be one the rest of the architecture still refers to.
    const deleted = new Set(merged.flatMap((m) => m.deleted));
    const ownStrings = new Map(inputs.map((i, n) => [i.target.modelPath, (merged[n] as FileMerge).strings]));
    const blocking = blockingReferences(model, deleted, ownStrings);
    if (blocking.length && opts.keepReferenced) merged = mergeWith(new Set(blocking.map((b) => b.ref)));

    const issues = [...result.issues, ...merged.flatMap((m) => m.issues)].sort(compareIssues(result.sheetOrder));
    const diagnostics = issues.map((i) => issueToDiagnostic(shown, i));
    const created: { shown: string; abs: string; contents: string }[] = [];
    const changed: { shown: string; abs: string; contents: string }[] = [];
    const unchanged: string[] = [];
    const records: { shown: string; abs: string; contents: string; fresh: boolean }[] = [];
    const diffs: string[] = [];
    inputs.forEach(({ target: t }, n) => {
      const m = merged[n] as FileMerge;
      const recordText = formatRecord(m.record);
      if (recordText !== t.recordBefore) records.push({ shown: t.recordShown, abs: t.recordAbs, contents: recordText, fresh: t.before === undefined });
      if (t.before === undefined) created.push({ shown: t.shown, abs: t.abs, contents: m.text });
      else if (t.before === m.text) unchanged.push(t.shown);
      else {
        changed.push({ shown: t.shown, abs: t.abs, contents: m.text });
        diffs.push(createTwoFilesPatch(`a/${t.shown}`, `b/${t.shown}`, t.before, m.text, '', '', { context: 2 }).replace(/^=+\n/, ''));
      }
    });

    const report =
      opts.format === 'stylish'
        ? formatCellIssues(shown, issues, { lang: app.lang, color: app.color && app.io.stdout.isTTY === true })
        : formatDiagnostics(app, opts.format, diagnostics, [shown]);
    const diffText = opts.format === 'stylish' && diffs.length ? `${diffs.join('')}\n` : '';
    await emit(app, diffText + report, opts.output);
    app.log.info(importSummary(shown, result, en));
    app.exitCode = exitCodeFor(diagnostics, opts.failOn);

    if (blocking.length && !opts.keepReferenced) {
      const lines = blocking.map((b) => `  ${b.at}: ${b.from} → ${b.ref}`);
      app.log.warn(
        en
          ? `The import would delete ${countEn(new Set(blocking.map((b) => b.ref)).size, 'entity', 'entities')} the spreadsheet no longer lists but the architecture still refers to:\n${lines.join('\n')}\nRemove those references, or run again with --keep-referenced to keep the entities (marked status: retired where the kind has one). No file was written.`
          : `Lần nhập sẽ xoá ${new Set(blocking.map((b) => b.ref)).size} thực thể không còn trong bảng tính nhưng kiến trúc vẫn tham chiếu tới:\n${lines.join('\n')}\nBỏ các tham chiếu đó, hoặc chạy lại với --keep-referenced để giữ các thực thể này (đánh dấu status: retired nếu loại có trạng thái đó). Chưa ghi tệp nào.`,
      );
      app.exitCode = Math.max(app.exitCode, 1);
      return;
    }
    for (const m of merged) {
      for (const k of m.kept) app.log.warn(en ? `${k.ref} is no longer in the spreadsheet but still referred to: kept${k.retired ? ', marked status: retired' : ''} (--keep-referenced); the import no longer manages it.` : `${k.ref} không còn trong bảng tính nhưng vẫn được tham chiếu: giữ lại${k.retired ? ', đánh dấu status: retired' : ''} (--keep-referenced); lần nhập sau không quản lý thực thể này nữa.`);
    }
    if (deleted.size && !blocking.length) app.log.info(en ? `No longer in the spreadsheet, to be deleted: ${[...deleted].sort().join(', ')}.` : `Không còn trong bảng tính, sẽ xoá: ${[...deleted].sort().join(', ')}.`);

    if (changed.length && !opts.update) {
      const paths = changed.map((c) => c.shown).join(', ');
      app.log.warn(
        en
          ? `${countEn(changed.length, 'file')} made by an earlier import would change (${paths}); hand edits are kept (see import.conflict). Review the diff above, then run again with --update. No file was written.`
          : `${changed.length} tệp do lần nhập trước tạo sẽ thay đổi (${paths}); các sửa đổi bằng tay được giữ (xem import.conflict). Xem khác biệt ở trên, rồi chạy lại với --update. Chưa ghi tệp nào.`,
      );
      app.exitCode = Math.max(app.exitCode, 1);
      return;
    }
    // The record is written with the YAML it describes; alone (only acknowledging conflicts) with --update.
    const writeRecords = records.filter((r) => r.fresh || changed.length > 0 || opts.update);
    if (opts.dryRun) {
      app.log.info(
        en
          ? `--dry-run: would create ${created.length}, update ${changed.length} and keep ${countEn(unchanged.length, 'file')}; nothing written.`
          : `--dry-run: sẽ tạo ${created.length}, cập nhật ${changed.length}, giữ nguyên ${unchanged.length} tệp; chưa ghi gì.`,
      );
      return;
    }
    for (const c of [...created, ...changed]) await writeAtomic(c.abs, c.contents);
    for (const r of writeRecords) await writeAtomic(r.abs, r.contents);
    const parts = [
      created.length ? `${en ? 'created' : 'tạo'} ${created.map((c) => c.shown).join(', ')}` : '',
      changed.length ? `${en ? 'updated' : 'cập nhật'} ${changed.map((c) => c.shown).join(', ')}` : '',
      unchanged.length ? (en ? `${countEn(unchanged.length, 'file')} unchanged` : `${unchanged.length} tệp không đổi`) : '',
    ].filter(Boolean);
    if (created.length || changed.length) {
      const done = parts.join('; ');
      app.log.info(en ? `${done.charAt(0).toUpperCase()}${done.slice(1)}. Check: kientruc validate ${opts.into}` : `Đã ${done}. Kiểm tra: kientruc validate ${opts.into}`);
    } else if (unchanged.length) {
      app.log.info(en ? `No changes: ${countEn(unchanged.length, 'file')} already ${unchanged.length === 1 ? 'matches' : 'match'} the spreadsheet.` : `Không có thay đổi: ${unchanged.length} tệp đã khớp bảng tính.`);
      const pending = records.filter((r) => !writeRecords.includes(r));
      if (pending.length) app.log.info(en ? `The record of this import (${pending.map((r) => r.shown).join(', ')}) is written with --update (conflicts are then not reported again).` : `Bản ghi lần nhập (${pending.map((r) => r.shown).join(', ')}) được ghi khi chạy với --update (xung đột khi đó không báo lại).`);
      else if (writeRecords.length) app.log.info(en ? `Recorded this import in ${writeRecords.map((r) => r.shown).join(', ')}.` : `Đã ghi nhận lần nhập vào ${writeRecords.map((r) => r.shown).join(', ')}.`);
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

import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { EXPORT_FORMATS } from '../../exchange/formats.js';
import type { App } from '../app.js';
import { emit, formatDiagnostics } from '../output.js';
import { addInputOptions, DEFAULT_ROOT, loadForCommand, type InputOptions } from './shared.js';

interface ExportCommandOptions extends InputOptions {
  format: string;
  out?: string;
  public?: boolean;
}

export function registerExport(program: Command, app: App): void {
  const ids = Object.keys(EXPORT_FORMATS);
  const cmd = program
    .command('export')
    .summary('xuất kiến trúc sang định dạng trao đổi / export the architecture to an exchange format')
    .description(
      `Xuất kiến trúc sang định dạng khác để trao đổi, rà soát: ${ids.map((id) => `${id} — ${EXPORT_FORMATS[id]?.title.vi}`).join('; ')}. Tệp xuất ra giống nhau từng byte với cùng đầu vào.`,
    )
    .argument('[dir]', 'thư mục kiến trúc', DEFAULT_ROOT)
    .addOption(new Option('--format <format>', 'định dạng xuất').choices(ids).makeOptionMandatory())
    .option('--out <path>', 'tệp đích (khi định dạng cho một tệp) hoặc thư mục đích; mặc định thư mục hiện tại')
    .option('--public', 'bản công khai: bỏ ghi chú nội bộ');
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc export --format xlsx                           # ghi danh-muc-kien-truc.xlsx
  $ kientruc export architecture --format xlsx --out ra-soat/danh-muc.xlsx
  $ kientruc export --format xlsx --public --out cong-khai.xlsx

Bảng tính xuất ra nhập lại được bằng "kientruc import" (xem docs/import-export.md).
Mã thoát: 0 đã xuất, 1 kiến trúc có lỗi cấu trúc (chạy kientruc validate), 2 lỗi sử dụng.`,
  );
  cmd.action(async (dir: string, opts: ExportCommandOptions) => {
    const format = EXPORT_FORMATS[opts.format];
    if (!format) throw new UsageError(`Định dạng "${opts.format}" không được hỗ trợ; dùng: ${ids.join(', ')}.`);
    const result = await loadForCommand(app, dir, opts, false);
    if (result.structuralErrors) {
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      await emit(app, formatDiagnostics(app, 'stylish', errors, result.loaded.paths), undefined);
      app.log.warn(`Kiến trúc có ${errors.length} lỗi; sửa (kientruc validate ${dir}) rồi xuất lại.`);
      app.exitCode = 1;
      return;
    }
    const files = await format.run(result.model, { audience: opts.public ? 'public' : format.defaultAudience, asOf: result.asOf });
    const out = opts.out === undefined ? app.io.cwd : resolve(app.io.cwd, opts.out);
    const outIsDir = opts.out === undefined || files.length > 1 || (await stat(out).then((s) => s.isDirectory(), () => false));
    for (const f of files) {
      const target = outIsDir ? join(out, f.path) : out;
      await mkdir(dirname(target), { recursive: true });
      const tmp = `${target}.kientruc-tmp-${process.pid}`;
      await writeFile(tmp, f.contents);
      await rename(tmp, target);
      app.log.info(`Đã ghi ${relative(app.io.cwd, target).split(sep).join('/')}`);
    }
  });
}

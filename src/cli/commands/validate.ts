import type { Command } from 'commander';
import { exitCodeFor } from '../../diagnostics/exit-code.js';
import type { App } from '../app.js';
import { emit, formatDiagnosticsChunks } from '../output.js';
import { addDaemonOption, addInputOptions, addReportOptions, loadForCommand, type InputOptions, type ReportOptions, architectureCommand } from './shared.js';

export function registerValidate(program: Command, app: App): void {
  const cmd = architectureCommand(
    program,
    'validate',
    'kiểm tra cú pháp, lược đồ và tham chiếu / validate YAML, schema and references',
    'Đọc mọi tệp YAML trong thư mục kiến trúc, kiểm tra cú pháp, lược đồ JSON (QĐ 3090, QĐ 2439, Luật Dữ liệu) và tham chiếu giữa các tệp. Mỗi lỗi nêu tệp:dòng:cột, thực thể và cách sửa.',
  );
  addInputOptions(cmd);
  addReportOptions(cmd);
  addDaemonOption(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc validate                         # kiểm tra architecture/
  $ kientruc validate ../so-y-te/architecture --lang en
  $ kientruc validate -f json | jq '.summary'
  $ kientruc validate -f sarif -o kientruc.sarif
  $ kientruc validate --no-cache              # không dùng bộ nhớ đệm .kientruc-cache/

Mã thoát: 0 không có lỗi, 1 có lỗi (theo --fail-on), 2 lỗi sử dụng hoặc lỗi nội bộ.`,
  );
  cmd.action(async (dir: string, opts: InputOptions & ReportOptions) => {
    const result = await loadForCommand(app, dir, opts, false);
    await emit(app, formatDiagnosticsChunks(app, opts.format, result.diagnostics, result.loaded.paths, opts.failOn), opts.output);
    app.exitCode = exitCodeFor(result.diagnostics, opts.failOn);
  });
}

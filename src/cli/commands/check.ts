import type { Command } from 'commander';
import { exitCodeFor } from '../../diagnostics/exit-code.js';
import type { App } from '../app.js';
import { emit, formatDiagnostics } from '../output.js';
import { addInputOptions, addReportOptions, DEFAULT_ROOT, loadForCommand, type InputOptions, type ReportOptions } from './shared.js';

export function registerCheck(program: Command, app: App): void {
  const cmd = program
    .command('check')
    .summary('kiểm tra tuân thủ khung kiến trúc / validate and check conformance rules')
    .description(
      'Như validate, rồi chạy các quy tắc tuân thủ; mỗi phát hiện nêu căn cứ pháp lý. Dùng trong CI với --format sarif|junit|github.',
    )
    .argument('[dir]', 'thư mục kiến trúc', DEFAULT_ROOT);
  addInputOptions(cmd);
  addReportOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc check
  $ kientruc check --fail-on warning
  $ kientruc check -f sarif -o kientruc.sarif     # tải lên GitHub code scanning
  $ kientruc check -f junit -o kientruc-junit.xml # báo cáo kiểm thử GitLab
  $ kientruc check -f github                      # chú thích trên pull request`,
  );
  cmd.action(async (dir: string, opts: InputOptions & ReportOptions) => {
    const result = await loadForCommand(app, dir, opts, true);
    await emit(app, formatDiagnostics(app, opts.format, result.diagnostics, result.loaded.paths), opts.output);
    app.exitCode = exitCodeFor(result.diagnostics, opts.failOn);
  });
}

import type { Command } from 'commander';
import { exitCodeFor } from '../../diagnostics/exit-code.js';
import { reportedFiles } from '../../diagnostics/format/context.js';
import type { App } from '../app.js';
import { emit, formatDiagnosticsChunks } from '../output.js';
import { addDaemonOption, addConfigOption, addInputOptions, addReportOptions, loadForCommand, type InputOptions, type ReportOptions, architectureCommand, addStateOption } from './shared.js';

export function registerCheck(program: Command, app: App): void {
  const cmd = architectureCommand(
    program,
    'check',
    'kiểm tra tuân thủ khung kiến trúc / validate and check conformance rules',
    'Như validate, rồi chạy các quy tắc tuân thủ; mỗi phát hiện nêu căn cứ pháp lý. Dùng trong CI với --format sarif|junit|github.',
  );
  addInputOptions(cmd);
  addStateOption(cmd);
  addConfigOption(cmd);
  addReportOptions(cmd);
  addDaemonOption(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc check
  $ kientruc check --fail-on warning
  $ kientruc check -f sarif -o kientruc.sarif     # tải lên GitHub code scanning
  $ kientruc check -f junit -o kientruc-junit.xml # báo cáo kiểm thử GitLab
  $ kientruc check -f github                      # chú thích trên pull request
  $ kientruc check --config ci/kientruc.config.yaml
  $ kientruc check --state target:2030            # các quy tắc trên kiến trúc mục tiêu 2030

Cấu hình (kientruc.config.yaml, cạnh thư mục kiến trúc):
  rules:
    data.layer-block: { severity: info }
    agency.maturity-level: { severity: off, reason: "Chưa có tiêu chí cấp độ" }
  waivers:
    - rule: integration.sharing-platform
      entity: integration:his-bhxh
      reason: "Chờ LGSP kết nối Bảo hiểm xã hội"
      approvedBy: "Phó Giám đốc Sở KH&CN"
      expires: 2026-06-30
  Phát hiện được miễn trừ vẫn hiện (đánh dấu "Đã miễn trừ") nhưng không tính cho --fail-on;
  miễn trừ hết hạn là lỗi waiver.expired, miễn trừ không khớp phát hiện nào là cảnh báo waiver.unused.

Mã thoát: 0 không có phát hiện chưa miễn trừ từ mức --fail-on; 1 có; 2 lỗi sử dụng hoặc lỗi nội bộ.`,
  );
  cmd.action(async (dir: string, opts: InputOptions & ReportOptions) => {
    const result = await loadForCommand(app, dir, opts, true);
    await emit(app, formatDiagnosticsChunks(app, opts.format, result.diagnostics, reportedFiles(result), opts.failOn), opts.output);
    app.exitCode = exitCodeFor(result.diagnostics, opts.failOn);
  });
}

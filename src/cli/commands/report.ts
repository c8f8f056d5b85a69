import type { Command } from 'commander';
import { buildPeriodicReport } from '../../analysis/periodic.js';
import { defaultReportPeriod } from '../../analysis/periods.js';
import { parsePeriod } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { viNumber } from '../../render/markdown.js';
import { renderPeriodicReport } from '../../render/periodic/periodic-report.js';
import type { App } from '../app.js';
import { parseFormats, refuseOnStructuralErrors, writeReportFiles } from './reports-shared.js';
import { addForceOption, addInputOptions, claimOutputFor, DEFAULT_OUT, DEFAULT_ROOT, loadForCommand, type InputOptions } from './shared.js';

interface ReportCommandOptions extends InputOptions {
  period?: string;
  format: string;
  out: string;
  force?: boolean;
}

export function registerReport(program: Command, app: App): void {
  const cmd = program
    .command('report')
    .summary('báo cáo định kỳ: kết nối, chất lượng dữ liệu, chia sẻ, nhiệm vụ / periodic report')
    .description(
      'Báo cáo định kỳ theo yêu cầu thiết lập cơ chế báo cáo về số lượng kết nối thành công (với CSDL quốc gia, CSDL chuyên ngành, Cổng Dịch vụ công quốc gia, Trung tâm dữ liệu quốc gia), chất lượng dữ liệu (đúng - đủ - sạch - sống), tỉ lệ đáp ứng yêu cầu chia sẻ dữ liệu và tiến độ nhiệm vụ trong kỳ. Ghi bao-cao-dinh-ky-<kỳ>.md, .html, .json vào --out.',
    )
    .argument('[dir]', 'thư mục kiến trúc', DEFAULT_ROOT)
    .option('--period <kỳ>', 'kỳ báo cáo: 2025 (năm), 2025-H1 (sáu tháng), 2025-Q4 (quý), 2025-03 (tháng); mặc định: kỳ gần nhất đã kết thúc theo governance.reportingPeriod')
    .option('-f, --format <list>', 'định dạng, cách nhau bằng dấu phẩy: md, html, json', 'md,html,json')
    .option('--out <dir>', 'thư mục đầu ra (các tệp khác của kientruc trong thư mục được giữ nguyên)', DEFAULT_OUT);
  addInputOptions(cmd);
  addForceOption(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc report                         # kỳ gần nhất đã kết thúc trước ngày số liệu
  $ kientruc report --period 2025-Q4        # generated/bao-cao-dinh-ky-2025-q4.md, .html, .json
  $ kientruc report --period 2025 --format md,html

Mã thoát: 0 đã ghi báo cáo; 1 kiến trúc có lỗi cú pháp, lược đồ hoặc tham chiếu (không ghi gì); 2 lỗi sử dụng hoặc lỗi nội bộ.`,
  );
  cmd.action(async (dir: string, opts: ReportCommandOptions) => {
    const formats = parseFormats(opts.format);
    const explicit = opts.period === undefined ? undefined : parsePeriod(opts.period);
    if (opts.period !== undefined && !explicit) {
      throw new UsageError(`--period "${opts.period}" không hợp lệ: dùng 2025, 2025-H1, 2025-Q4 hoặc 2025-03.`);
    }
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    const result = await loadForCommand(app, dir, opts, false);
    if (refuseOnStructuralErrors(app, result, opts.out)) return;
    const period = explicit ?? defaultReportPeriod(result.model, result.asOf);
    if (period.end > result.asOf) app.log.warn(`${period.labelVi} chưa kết thúc ở ngày số liệu ${result.asOf}: báo cáo chỉ có số liệu đến ngày đó.`);
    const report = buildPeriodicReport(result.model, period, result.asOf);
    await writeReportFiles(app, out, renderPeriodicReport(report, formats));
    const c = report.connections;
    app.log.info(
      `  ${period.labelVi}: ${c.working}/${c.total} kết nối hoạt động, ${report.quality.assessed}/${report.quality.datasets} tập dữ liệu đã đánh giá chất lượng, tỉ lệ đáp ứng yêu cầu chia sẻ ${report.sharing.rate === null ? '—' : `${viNumber(report.sharing.rate, 1)}%`}.`,
    );
    app.exitCode = 0;
  });
}

import type { Command } from 'commander';
import { buildPeriodicReport } from '../../analysis/periodic.js';
import { viNumber } from '../../render/markdown.js';
import { PERIODIC_FORMATS, periodicReportBase, reportPeriodFor } from '../../render/periodic/periodic-report.js';
import type { DocumentFormat } from '../../render/documents/index.js';
import { stableStringify } from '../../core/stable-json.js';
import type { App } from '../app.js';
import { produceDocuments } from './documents.js';
import { checkReportPeriod, parseFormatList, parsePeriodOption, writeReportFiles } from './reports-shared.js';
import { claimOutputFor, DEFAULT_OUT, type InputOptions, architectureCommand, addOutputCommandOptions } from './shared.js';

/** `md,pdf` → ['md', 'pdf'] in canonical order; an unknown name is a usage error. */

interface ReportCommandOptions extends InputOptions {
  period?: string;
  format: string;
  out: string;
  force?: boolean;
}

export function registerReport(program: Command, app: App): void {
  const cmd = architectureCommand(
    program,
    'report',
    'báo cáo định kỳ: kết nối, chất lượng dữ liệu, chia sẻ, nhiệm vụ / periodic report',
    'Báo cáo định kỳ theo yêu cầu thiết lập cơ chế báo cáo về số lượng kết nối thành công (với CSDL quốc gia, CSDL chuyên ngành, Cổng Dịch vụ công quốc gia, Trung tâm dữ liệu quốc gia), chất lượng dữ liệu (đúng - đủ - sạch - sống), tỉ lệ đáp ứng yêu cầu chia sẻ dữ liệu và tiến độ nhiệm vụ trong kỳ. Văn bản trình bày theo thể thức Báo cáo của NĐ 30/2020/NĐ-CP (như kientruc doc --kind bao-cao); ghi bao-cao-dinh-ky-<kỳ>.md, .html, .pdf, .docx và số liệu .json vào --out.',
  )
    .option('--period <kỳ>', 'kỳ báo cáo: 2025 (năm), 2025-H1 (sáu tháng), 2025-Q4 (quý), 2025-03 (tháng); mặc định: kỳ gần nhất đã kết thúc theo governance.reportingPeriod')
    .option('-f, --format <list>', `định dạng, cách nhau bằng dấu phẩy: ${PERIODIC_FORMATS.join(', ')} (pdf cần trình duyệt Chromium)`, 'md,html,docx,json')
    .option('--out <dir>', 'thư mục đầu ra (các tệp khác của kientruc trong thư mục được giữ nguyên)', DEFAULT_OUT);
  addOutputCommandOptions(
    cmd,
    `  $ kientruc report                         # kỳ gần nhất đã kết thúc trước ngày số liệu
  $ kientruc report --period 2025-Q4        # generated/bao-cao-dinh-ky-2025-q4.md, .html, .docx, .json
  $ kientruc report --period 2025 --format md,pdf

Mã thoát: 0 đã ghi báo cáo; 1 kiến trúc có lỗi cú pháp, lược đồ hoặc tham chiếu (không ghi gì); 2 lỗi sử dụng hoặc lỗi nội bộ.`,
  );
  cmd.action(async (dir: string, opts: ReportCommandOptions) => {
    const formats = parseFormatList(opts.format, PERIODIC_FORMATS);
    const explicit = parsePeriodOption(opts.period);
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    let period = explicit;
    const docFormats = formats.filter((f): f is DocumentFormat => f !== 'json');
    const produced = await produceDocuments(app, dir, { ...opts, render: docFormats.includes('pdf') }, (result) => {
      period = explicit ?? reportPeriodFor(result);
      checkReportPeriod(app, period, result.asOf, explicit ? '--period' : 'report.period');
      return docFormats.length ? [{ kind: 'bao-cao', audience: 'internal', formats: docFormats, period }] : [];
    }, { vi: 'báo cáo', en: 'report' });
    if (!produced || !period) return;
    const { result } = produced;
    const files = [...produced.files];
    if (formats.includes('json')) files.push({ path: `${periodicReportBase(period.id)}.json`, contents: stableStringify(buildPeriodicReport(result.model, period, result.asOf)) });
    await writeReportFiles(app, out, files);
    const report = buildPeriodicReport(result.model, period, result.asOf);
    const c = report.connections;
    const q = report.quality;
    const rate = report.sharing.rate;
    app.log.info(
      app.lang === 'en'
        ? `  ${period.labelEn}: ${c.working}/${c.total} connections with successful transactions, ${q.assessed}/${q.datasets} datasets with a quality assessment, data-sharing requests met ${rate === null ? '—' : `${rate.toFixed(1)}%`}.`
        : `  ${period.labelVi}: ${c.working}/${c.total} kết nối có giao dịch thành công, ${q.assessed}/${q.datasets} tập dữ liệu đã đánh giá chất lượng, tỉ lệ đáp ứng yêu cầu chia sẻ ${rate === null ? '—' : `${viNumber(rate, 1)}%`}.`,
    );
    app.exitCode = 0;
  });
}

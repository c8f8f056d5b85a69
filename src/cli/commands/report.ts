import type { Command } from 'commander';
import { buildPeriodicReport } from '../../analysis/periodic.js';
import { parsePeriod } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { text } from '../../core/text.js';
import { viNumber } from '../../render/markdown.js';
import { PERIODIC_FORMATS, periodicReportBase, reportPeriodFor, type PeriodicFormat } from '../../render/periodic/periodic-report.js';
import type { DocumentFormat } from '../../render/documents/index.js';
import { stableStringify } from '../../core/stable-json.js';
import type { App } from '../app.js';
import { produceDocuments } from './documents.js';
import { writeReportFiles } from './reports-shared.js';
import { claimOutputFor, DEFAULT_OUT, type InputOptions, architectureCommand, addOutputCommandOptions } from './shared.js';

/** `md,pdf` → ['md', 'pdf'] in canonical order; an unknown name is a usage error. */
function parsePeriodicFormats(value: string): PeriodicFormat[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(PERIODIC_FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new UserError(
      text(
        `--format "${value}": dùng một hoặc nhiều trong ${PERIODIC_FORMATS.join(', ')}, cách nhau bằng dấu phẩy.`,
        `--format "${value}": use one or more of ${PERIODIC_FORMATS.join(', ')}, separated by commas.`,
      ),
    );
  }
  return PERIODIC_FORMATS.filter((f) => list.includes(f));
}

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
    const formats = parsePeriodicFormats(opts.format);
    const explicit = opts.period === undefined ? undefined : parsePeriod(opts.period);
    if (opts.period !== undefined && !explicit) {
      throw new UserError(text(`--period "${opts.period}" không hợp lệ: dùng 2025, 2025-H1, 2025-Q4 hoặc 2025-03.`, `--period "${opts.period}" is not valid: use 2025, 2025-H1, 2025-Q4 or 2025-03.`));
    }
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    let period = explicit;
    const docFormats = formats.filter((f): f is DocumentFormat => f !== 'json');
    const produced = await produceDocuments(app, dir, { ...opts, render: docFormats.includes('pdf') }, (result) => {
      period = explicit ?? reportPeriodFor(result);
      if (period.end > result.asOf) {
        app.log.warn(
          app.lang === 'en'
            ? `${period.labelEn} has not ended by the data date ${result.asOf}: the report holds data up to that day only.`
            : `${period.labelVi} chưa kết thúc ở ngày số liệu ${result.asOf}: báo cáo chỉ có số liệu đến ngày đó.`,
        );
      }
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

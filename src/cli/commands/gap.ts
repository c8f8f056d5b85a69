import type { Command } from 'commander';
import type { GapReport } from '../../analysis/gap-report.js';
import { GAP_FORMATS, gapReportFor } from '../../render/gap/gap-report.js';
import { countEn } from '../../core/text.js';
import type { App } from '../app.js';
import { produceDocuments } from './documents.js';
import { parseFormatList, writeReportFiles } from './reports-shared.js';
import { addConfigOption, claimOutputFor, DEFAULT_OUT, type InputOptions, architectureCommand, addOutputCommandOptions } from './shared.js';

interface GapOptions extends InputOptions {
  format: string;
  out: string;
  force?: boolean;
}

export function registerGap(program: Command, app: App): void {
  const cmd = architectureCommand(
    program,
    'gap',
    'báo cáo đánh giá khoảng cách so với khung quốc gia / gap report',
    'Đánh giá khoảng cách giữa kiến trúc của cơ quan và các khung, chỉ tiêu quốc gia: từng chỉ tiêu quốc gia (mục tiêu, giá trị cơ sở, số đo gần nhất, dự báo tại thời hạn, trạng thái), mức độ bao phủ tính từ mô hình, bảng đánh giá theo lớp QĐ 3090 và lớp dữ liệu QĐ 2439, phát hiện theo quy tắc kèm căn cứ, tồn tại chưa có nhiệm vụ và danh mục việc cần làm. Ghi gap-report.md, .html, .json vào --out.',
  )
    .option('-f, --format <list>', `định dạng, cách nhau bằng dấu phẩy: ${GAP_FORMATS.join(', ')} (pdf cần trình duyệt Chromium)`, 'md,html,json')
    .option('--out <dir>', 'thư mục đầu ra (các tệp khác của kientruc trong thư mục được giữ nguyên)', DEFAULT_OUT);
  addOutputCommandOptions(
    cmd,
    `  $ kientruc gap                              # generated/gap-report.md, .html, .json
  $ kientruc gap --format md --as-of 2026-09-30
  $ kientruc gap --format pdf,docx                # generated/gap-report.pdf, .docx
  $ kientruc gap --state target:2030 --out generated/muc-tieu-2030   # khoảng cách còn lại ở mục tiêu 2030
  $ kientruc gap ../so-y-te/architecture --out ../so-y-te/generated

Ngày báo cáo là --as-of, hoặc asOf trong agency.yaml: cùng dữ liệu cho cùng một báo cáo, từng byte.
Mã thoát: 0 đã ghi báo cáo; 1 kiến trúc có lỗi cú pháp, lược đồ hoặc tham chiếu (không ghi gì); 2 lỗi sử dụng hoặc lỗi nội bộ.`,
  );
  addConfigOption(cmd);
  cmd.action(async (dir: string, opts: GapOptions) => {
    const formats = parseFormatList(opts.format, GAP_FORMATS);
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    let report: GapReport | undefined;
    const produced = await produceDocuments(app, dir, { ...opts, render: formats.includes('pdf') }, (result) => {
      report = gapReportFor(result);
      return [{ kind: 'gap-report', formats, report }];
    }, { vi: 'báo cáo', en: 'report' });
    if (!produced || !report) return;
    await writeReportFiles(app, out, produced.files);
    const s = report.summary;
    app.log.info(
      app.lang === 'en'
        ? `  ${countEn(s.targets, 'national target')} (${s.targetsOffTrack} behind or at risk), ${countEn(s.errors, 'error')}, ${countEn(s.warnings, 'warning')}, ${countEn(s.gaps, 'gap')} without a task.`
        : `  ${s.targets} chỉ tiêu quốc gia (${s.targetsOffTrack} chậm hoặc có nguy cơ không đạt), ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.gaps} tồn tại chưa có nhiệm vụ.`,
    );
    app.exitCode = produced.result.diagnostics.some((d) => d.code.startsWith('internal.')) ? 2 : 0;
  });
}


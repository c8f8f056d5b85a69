import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { countBySeverity } from '../../core/diagnostic.js';
import { UserError } from '../../core/errors.js';
import { countEn, text } from '../../core/text.js';
import { displayPath } from '../../load/discover.js';
import { parsePeriod, type Period } from '../../core/dates.js';
import { defaultReportPeriod } from '../../analysis/periods.js';
import { DOCUMENT_KINDS, defaultKind, parseKind } from '../../render/documents/index.js';
import { STRATEGY_FORMATS, type StrategyFormat } from '../../render/strategy/index.js';
import type { Audience } from '../../render/strategy/view-types.js';
import { writeGenerated } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { produceDocuments } from './documents.js';
import { checkReportPeriod, parsePeriodOption } from './reports-shared.js';
import { claimOutputFor, DEFAULT_OUT, type InputOptions, architectureCommand, addOutputCommandOptions } from './shared.js';

interface DocOptions extends InputOptions {
  format: string;
  render: boolean;
  audience: Audience;
  out: string;
  kind?: string;
  period?: string;
  force?: boolean;
}

/** `md,html` → ['md', 'html'], in canonical order; an unknown name is a usage error. */
export function parseFormats(value: string): StrategyFormat[] {
  const asked = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const bad = asked.filter((f) => !(STRATEGY_FORMATS as readonly string[]).includes(f));
  if (bad.length || asked.length === 0) {
    throw new UserError(
      text(
        `--format "${value}": dùng một hoặc nhiều định dạng ${STRATEGY_FORMATS.join(', ')}, ngăn cách bằng dấu phẩy.`,
        `--format "${value}": use one or more of the formats ${STRATEGY_FORMATS.join(', ')}, separated by commas.`,
      ),
    );
  }
  return STRATEGY_FORMATS.filter((f) => asked.includes(f));
}

export function registerDoc(program: Command, app: App): void {
  const cmd = architectureCommand(
    program,
    'doc',
    'tạo văn bản: Chiến lược dữ liệu, Kế hoạch, Báo cáo định kỳ, Khung kiến trúc số (md, html, pdf, docx) / generate official documents',
    'Tạo dự thảo văn bản hành chính từ mô hình kiến trúc, trình bày theo NĐ 30/2020/NĐ-CP (khổ A4, lề, phông Times New Roman, số trang, thể thức, nơi nhận, chữ ký, phụ lục). Loại văn bản (--kind, mặc định document.kind trong agency.yaml): chien-luoc — Quyết định phê duyệt Chiến lược dữ liệu; ke-hoach — Kế hoạch (KH) hoặc Quyết định ban hành Kế hoạch (document.form: decision); bao-cao — Báo cáo định kỳ về kết nối, chất lượng dữ liệu, chia sẻ dữ liệu, tiến độ nhiệm vụ; kien-truc — Quyết định phê duyệt Khung kiến trúc số (hiện trạng, kiến trúc mục tiêu, khoảng cách, lộ trình). Bản công khai (--audience public) lược bỏ thông tin không công bố rộng rãi.',
  )
    .option('--kind <kind>', `loại văn bản: ${DOCUMENT_KINDS.join(', ')} (mặc định: document.kind trong agency.yaml, hoặc chien-luoc)`)
    .option('--period <kỳ>', 'bao-cao: kỳ báo cáo 2026, 2026-H1, 2026-Q3, 2026-09 (mặc định: report.period, hoặc kỳ gần nhất đã kết thúc)')
    .option('--format <list>', `định dạng, ngăn cách bằng dấu phẩy: ${STRATEGY_FORMATS.join(', ')}`, STRATEGY_FORMATS.join(','))
    .addOption(new Option('--audience <audience>', 'bản nội bộ hoặc bản công khai').choices(['internal', 'public']).default('internal'))
    .option('--out <dir>', 'thư mục đầu ra (các tệp khác của kientruc trong thư mục được giữ nguyên)', DEFAULT_OUT)
    .option('--no-render', 'không dùng trình duyệt: không tạo được PDF (và DOCX của Chiến lược, Khung kiến trúc số, vì có sơ đồ); HTML không kèm sơ đồ');
  addOutputCommandOptions(
    cmd,
    `  $ kientruc doc                                   # generated/chien-luoc-du-lieu.{md,html,pdf,docx}
  $ kientruc doc --kind ke-hoach                   # generated/ke-hoach-du-lieu.{md,html,pdf,docx}
  $ kientruc doc --kind bao-cao --period 2026-Q3   # generated/bao-cao-dinh-ky-2026-q3.{md,html,pdf,docx}
  $ kientruc doc --kind kien-truc                  # generated/kien-truc-so.{md,html,pdf,docx}
  $ kientruc doc --format md,html --no-render      # không cần trình duyệt (HTML không kèm sơ đồ)
  $ kientruc doc --audience public --format pdf    # generated/chien-luoc-du-lieu-cong-khai.pdf
  $ kientruc doc ../so-y-te/architecture --out ../so-y-te/generated --as-of 2026-09-30

Nội dung do cơ quan soạn: agency.yaml (document, strategy, report) hoặc architecture/strategy/quan-diem.md,
tam-nhin.md, nguyen-tac.md, muc-tieu-tong-quat.md. Ghi đè mẫu: templates/strategy/<tên mẫu>.hbs
đặt cạnh thư mục kiến trúc (xem docs/documents.md). Bố cục (lề, cỡ chữ): src/framework/packs/vn-2025/document-layout.yaml.`,
  );
  cmd.action(async (dir: string, opts: DocOptions) => {
    const formats = parseFormats(opts.format);
    const asked = opts.kind === undefined ? undefined : parseKind(opts.kind);
    const period = parsePeriodOption(opts.period);
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    const produced = await produceDocuments(app, dir, opts, (result) => {
      const kind = asked ?? defaultKind(result.model);
      if (kind === 'bao-cao' && opts.audience === 'public') {
        // The periodic report goes to the superior body; it is not published, so it has no public edition.
        throw new UserError(
          text(
            '--audience public: Báo cáo định kỳ (bao-cao) gửi cơ quan cấp trên, không công bố, nên chỉ có bản nội bộ; bỏ --audience public.',
            '--audience public: the periodic report (bao-cao) goes to the superior body and is not published, so it has only the internal edition; drop --audience public.',
          ),
        );
      }
      if (kind !== 'bao-cao' && period) {
        throw new UserError(
          text(
            `--period chỉ dùng cho Báo cáo định kỳ (--kind bao-cao), không dùng cho ${kind}; bỏ --period hoặc chọn --kind bao-cao.`,
            `--period applies only to the periodic report (--kind bao-cao), not to ${kind}; drop --period or choose --kind bao-cao.`,
          ),
        );
      }
      const reportPeriod = kind === 'bao-cao' ? (period ?? reportPeriodOf(result.model.agency?.report?.period)) : undefined;
      if (kind === 'bao-cao') {
        // The period the report covers (as the renderer picks it), checked against the data date.
        const covered = reportPeriod ?? defaultReportPeriod(result.model, result.asOf);
        checkReportPeriod(app, covered, result.asOf, period ? '--period' : 'report.period');
      }
      // Without a browser: no PDF, and no strategy DOCX (it embeds the diagrams); HTML comes without diagrams.
      const pictured = kind === 'chien-luoc' || kind === 'kien-truc';
      const impossible = formats.filter((f) => f === 'pdf' || (pictured && f === 'docx'));
      if (!opts.render && impossible.length) {
        throw new UserError(
          text(
            `--no-render: không tạo được ${impossible.join(', ')} khi không dùng trình duyệt; chọn --format ${pictured ? 'md,html' : 'md,html,docx'}.`,
            `--no-render: ${impossible.join(', ')} cannot be made without the browser; choose --format ${pictured ? 'md,html' : 'md,html,docx'}.`,
          ),
        );
      }
      return [{ kind, audience: opts.audience, formats, ...(reportPeriod ? { period: reportPeriod } : {}) }];
    });
    if (!produced) return;
    const { files, result } = produced;
    const outAbs = resolve(app.io.cwd, opts.out);
    await writeGenerated(out, files, 'merge');
    const shown = displayPath(app.io.cwd, outAbs);
    app.log.info(`✓ ${app.lang === 'en' ? 'Wrote' : 'Đã ghi'} ${files.map((f) => `${shown}/${f.path}`).join(', ')}`);
    const n = countBySeverity(result.diagnostics);
    if (n.error + n.warning > 0) {
      app.log.info(
        app.lang === 'en'
          ? `  Conformance: ${countEn(n.error, 'error')}, ${countEn(n.warning, 'warning')} — details: kientruc check ${dir}`
          : `  Kiểm tra tuân thủ: ${n.error} lỗi, ${n.warning} cảnh báo — chi tiết: kientruc check ${dir}`,
      );
    }
    app.exitCode = 0;
  });
}

/** A period written in agency.yaml `report.period` (already validated by the schema). */
function reportPeriodOf(raw: string | undefined): Period | undefined {
  return raw === undefined ? undefined : parsePeriod(raw);
}

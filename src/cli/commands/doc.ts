import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { countBySeverity } from '../../core/diagnostic.js';
import { UsageError } from '../../core/errors.js';
import { displayPath } from '../../load/discover.js';
import { isStructural } from '../../diagnostics/codes.js';
import { BrowserProvider } from '../../render/browser.js';
import { BROWSER_FORMATS, renderStrategy, STRATEGY_FORMATS, type StrategyFormat } from '../../render/strategy/index.js';
import type { Audience } from '../../render/strategy/view-types.js';
import { writeGenerated } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { formatDiagnostics } from '../output.js';
import { step } from '../progress.js';
import { addForceOption, addInputOptions, claimOutputFor, DEFAULT_OUT, DEFAULT_ROOT, loadForCommand, renderCacheFor, renderContextFor, type InputOptions } from './shared.js';

interface DocOptions extends InputOptions {
  format: string;
  render: boolean;
  audience: Audience;
  out: string;
  force?: boolean;
}

/** `md,html` → ['md', 'html'], in canonical order; an unknown name is a usage error. */
export function parseFormats(value: string): StrategyFormat[] {
  const asked = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const bad = asked.filter((f) => !(STRATEGY_FORMATS as readonly string[]).includes(f));
  if (bad.length || asked.length === 0) {
    throw new UsageError(`--format "${value}": dùng một hoặc nhiều định dạng ${STRATEGY_FORMATS.join(', ')}, ngăn cách bằng dấu phẩy.`);
  }
  return STRATEGY_FORMATS.filter((f) => asked.includes(f));
}

export function registerDoc(program: Command, app: App): void {
  const cmd = program
    .command('doc')
    .summary('tạo Chiến lược dữ liệu (md, html, pdf, docx) / generate the data-strategy document')
    .description(
      'Tạo dự thảo Quyết định phê duyệt Chiến lược dữ liệu từ mô hình kiến trúc, trình bày theo NĐ 30/2020/NĐ-CP (khổ A4, lề, phông Times New Roman, số trang): thể thức, căn cứ, quan điểm, tầm nhìn, nguyên tắc, mục tiêu gắn chỉ tiêu, nhiệm vụ, kinh phí, tổ chức thực hiện, nơi nhận, chữ ký và các phụ lục (bảng nhiệm vụ, hiện trạng, danh mục cơ sở dữ liệu, hệ thống, khoảng cách). Bản công khai (--audience public) lược bỏ thông tin không công bố rộng rãi.',
    )
    .argument('[dir]', 'thư mục kiến trúc', DEFAULT_ROOT)
    .option('--format <list>', `định dạng, ngăn cách bằng dấu phẩy: ${STRATEGY_FORMATS.join(', ')}`, STRATEGY_FORMATS.join(','))
    .addOption(new Option('--audience <audience>', 'bản nội bộ hoặc bản công khai').choices(['internal', 'public']).default('internal'))
    .option('--out <dir>', 'thư mục đầu ra (các tệp khác của kientruc trong thư mục được giữ nguyên)', DEFAULT_OUT)
    .option('--no-render', 'không dùng trình duyệt: HTML không kèm sơ đồ; không tạo được PDF, DOCX');
  addInputOptions(cmd);
  addForceOption(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc doc                                   # generated/chien-luoc-du-lieu.{md,html,pdf,docx}
  $ kientruc doc --format md,html --no-render      # không cần trình duyệt (HTML không kèm sơ đồ)
  $ kientruc doc --audience public --format pdf    # generated/chien-luoc-du-lieu-cong-khai.pdf
  $ kientruc doc ../so-y-te/architecture --out ../so-y-te/generated --as-of 2026-09-30

Nội dung do cơ quan soạn: agency.yaml (document, strategy) hoặc architecture/strategy/quan-diem.md,
tam-nhin.md, nguyen-tac.md, muc-tieu-tong-quat.md. Ghi đè mẫu: templates/strategy/<tên mẫu>.hbs
đặt cạnh thư mục kiến trúc. Bố cục (lề, cỡ chữ): src/framework/packs/vn-2025/document-layout.yaml.`,
  );
  cmd.action(async (dir: string, opts: DocOptions) => {
    const formats = parseFormats(opts.format);
    const needsBrowser = formats.filter((f) => BROWSER_FORMATS.has(f));
    if (!opts.render && needsBrowser.length) {
      throw new UsageError(`--no-render: không tạo được ${needsBrowser.join(', ')} khi không dùng trình duyệt; chọn --format md,html.`);
    }
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    const result = await loadForCommand(app, dir, opts, true);
    if (result.structuralErrors) {
      const blocking = result.diagnostics.filter((d) => isStructural(d.code) && d.severity === 'error');
      app.io.stderr.write(formatDiagnostics(app, 'stylish', blocking, result.loaded.files.map((f) => f.file)));
      app.log.warn(
        app.lang === 'vi'
          ? `Không tạo Chiến lược dữ liệu: kiến trúc có ${blocking.length} lỗi cú pháp, lược đồ hoặc tham chiếu.`
          : `Strategy not generated: ${blocking.length} syntax, schema or reference errors.`,
      );
      app.exitCode = 1;
      return;
    }
    // HTML embeds the diagrams as SVG, PDF prints the HTML, DOCX embeds them as PNG: all need Chromium.
    const browser = opts.render && formats.some((f) => f !== 'md') ? new BrowserProvider(app.io.env) : undefined;
    const cache = browser ? renderCacheFor(app, opts) : undefined;
    const ctx = renderContextFor(app, result, browser, cache);
    let files;
    try {
      files = await step(app, app.lang === 'en' ? `Strategy document (${formats.join(', ')})` : `Văn bản Chiến lược (${formats.join(', ')})`, () =>
        renderStrategy(ctx, { formats, audience: opts.audience }),
      );
    } finally {
      await browser?.close();
      await cache?.prune();
    }
    const outAbs = resolve(app.io.cwd, opts.out);
    await writeGenerated(out, files, 'merge');
    const shown = displayPath(app.io.cwd, outAbs);
    app.log.info(`✓ Đã ghi ${files.map((f) => `${shown}/${f.path}`).join(', ')}`);
    const n = countBySeverity(result.diagnostics);
    if (n.error + n.warning > 0) {
      app.log.info(`  Kiểm tra tuân thủ: ${n.error} lỗi, ${n.warning} cảnh báo (tổng hợp trong phụ lục khoảng cách) — chi tiết: kientruc check ${dir}`);
    }
    app.exitCode = 0;
  });
}

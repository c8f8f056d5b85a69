import { movedFile } from '../../render/streamed.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isStructural } from '../../diagnostics/codes.js';
import { displayPath } from '../../load/discover.js';
import { BrowserProvider } from '../../render/browser.js';
import { renderDiagramFiles } from '../../render/mermaid/renderer.js';
import { DIAGRAMS_DIR } from '../../render/mermaid/types.js';
import { SITE_DIR, siteRenderer } from '../../render/site/site.js';
import type { GeneratedFile, RenderContext } from '../../render/types.js';
import { writeGenerated } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { formatDiagnostics } from '../output.js';
import { addForceOption, addInputOptions, claimOutputFor, DEFAULT_OUT, DEFAULT_ROOT, loadForCommand, renderCacheFor, renderContextFor, type InputOptions } from './shared.js';

interface SiteOptions extends InputOptions {
  out: string;
  render: boolean;
  force?: boolean;
}

/** The diagrams (SVG when a browser is at hand) and then the site; paths are relative to the site folder. */
export async function renderSite(ctx: RenderContext): Promise<GeneratedFile[]> {
  const diagrams = await renderDiagramFiles(ctx, { formats: ['svg'], dir: DIAGRAMS_DIR });
  const files = await siteRenderer.render({ ...ctx, outputs: diagrams.files });
  return files.map((f) => movedFile(f, f.path.replace(new RegExp(`^${SITE_DIR}/`), '')));
}

export function registerSite(program: Command, app: App): void {
  const cmd = program
    .command('site')
    .summary('trang danh mục kiến trúc tĩnh / static browsable catalogue')
    .description(
      'Tạo trang HTML tĩnh, tự chứa (một tệp, không tải gì từ bên ngoài, mở được bằng file:// hoặc trên máy chủ web tĩnh bất kỳ): danh mục hệ thống, dữ liệu, kết nối, chỉ tiêu, nhiệm vụ, phát hiện và sơ đồ, có ô tìm kiếm (không cần dấu) và bộ lọc. ' +
        '"kientruc build" cũng tạo trang này vào generated/site/.',
    )
    .argument('[dir]', 'thư mục kiến trúc', DEFAULT_ROOT)
    .option('--out <dir>', 'thư mục đầu ra', `${DEFAULT_OUT}/${SITE_DIR}`)
    .option('--no-render', 'không dùng trình duyệt: sơ đồ hiện dưới dạng mã Mermaid');
  addInputOptions(cmd);
  addForceOption(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc site                                   # architecture/ → generated/site/index.html
  $ kientruc site ../so-y-te/architecture --out /var/www/kien-truc --force   # thư mục web đã có tệp khác: ghi bên cạnh
  $ xdg-open generated/site/index.html              # mở bằng trình duyệt`,
  );
  cmd.action(async (dir: string, opts: SiteOptions) => {
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    const result = await loadForCommand(app, dir, opts, true);
    if (result.structuralErrors) {
      const blocking = result.diagnostics.filter((d) => isStructural(d.code) && d.severity === 'error');
      app.io.stderr.write(formatDiagnostics(app, 'stylish', blocking, result.loaded.files.map((f) => f.file)));
      app.log.warn(`Không tạo trang: kiến trúc có ${blocking.length} lỗi cú pháp, lược đồ hoặc tham chiếu.`);
      app.exitCode = 1;
      return;
    }
    const browser = opts.render ? new BrowserProvider(app.io.env) : undefined;
    const cache = opts.render ? renderCacheFor(app, opts) : undefined;
    let files: GeneratedFile[];
    try {
      files = await renderSite(renderContextFor(app, result, browser, cache));
    } finally {
      await browser?.close();
    }
    const outAbs = resolve(app.io.cwd, opts.out);
    await writeGenerated(out, files, 'replace');
    app.log.info(`✓ Đã tạo ${displayPath(app.io.cwd, outAbs)}/index.html — mở bằng trình duyệt (file://) hoặc đặt lên máy chủ web tĩnh.`);
  });
}

import { movedFile } from '../../render/streamed.js';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../../load/discover.js';
import { renderDiagramFiles } from '../../render/mermaid/renderer.js';
import { DIAGRAMS_DIR } from '../../render/mermaid/types.js';
import { SITE_DIR, siteRenderer } from '../../render/site/site.js';
import type { GeneratedFile, RenderContext } from '../../render/types.js';
import { writeGenerated } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { renderForCommand } from './documents.js';
import { claimOutputFor, DEFAULT_OUT, type InputOptions, architectureCommand, addOutputCommandOptions } from './shared.js';

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
  const cmd = architectureCommand(
    program,
    'site',
    'trang danh mục kiến trúc tĩnh / static browsable catalogue',
    'Tạo trang HTML tĩnh, tự chứa (index.html và sơ đồ SVG trong diagrams/ bên cạnh, chỉ tải khi cần; không tải gì từ bên ngoài, mở được bằng file:// hoặc trên máy chủ web tĩnh bất kỳ): danh mục hệ thống, dữ liệu, kết nối, chỉ tiêu, nhiệm vụ, phát hiện và sơ đồ, có ô tìm kiếm (không cần dấu, tìm trong mọi trường hiển thị) và bộ lọc. ' +
      '"kientruc build" cũng tạo trang này vào generated/site/.',
  )
    .option('--out <dir>', 'thư mục đầu ra', `${DEFAULT_OUT}/${SITE_DIR}`)
    .option('--no-render', 'không dùng trình duyệt: sơ đồ hiện dưới dạng mã Mermaid');
  addOutputCommandOptions(
    cmd,
    `  $ kientruc site                                   # architecture/ → generated/site/index.html
  $ kientruc site ../so-y-te/architecture --out /var/www/kien-truc --force   # thư mục web đã có tệp khác: ghi bên cạnh
  $ xdg-open generated/site/index.html              # mở bằng trình duyệt`,
  );
  cmd.action(async (dir: string, opts: SiteOptions) => {
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    const produced = await renderForCommand(app, dir, opts, { vi: 'trang', en: 'site', out: opts.out }, () => opts.render, renderSite);
    if (!produced) return;
    const files = produced.value;
    const outAbs = resolve(app.io.cwd, opts.out);
    await writeGenerated(out, files, 'replace');
    const shown = displayPath(app.io.cwd, outAbs);
    app.log.info(
      app.lang === 'en'
        ? `✓ Made ${shown}/index.html — open it in a browser (file://) or put it on a static web server.`
        : `✓ Đã tạo ${shown}/index.html — mở bằng trình duyệt (file://) hoặc đặt lên máy chủ web tĩnh.`,
    );
  });
}

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { countEn, text } from '../../core/text.js';
import { displayPath } from '../../load/discover.js';
import type { DiagramFormat } from '../../render/mermaid/index-md.js';
import { DIAGRAM_FORMATS, renderDiagramFiles } from '../../render/mermaid/renderer.js';
import { DEFAULT_MAX_NODES } from '../../render/mermaid/types.js';
import { writeGenerated } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { FileRenderCache } from '../../write/render-cache.js';
import { renderForCommand } from './documents.js';
import { claimOutputFor, DEFAULT_OUT, type InputOptions, architectureCommand, addOutputCommandOptions } from './shared.js';

interface DiagramOptions extends InputOptions {
  out: string;
  format: string;
  render: boolean;
  maxNodes: string;
  force?: boolean;
}

export function parseFormats(value: string): DiagramFormat[] {
  const parts = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = parts.filter((p) => !(DIAGRAM_FORMATS as readonly string[]).includes(p));
  if (bad.length || parts.length === 0) {
    throw new UserError(
      text(
        `--format "${value}" không hợp lệ: dùng một hoặc nhiều định dạng ${DIAGRAM_FORMATS.join(', ')}, cách nhau bởi dấu phẩy (ví dụ svg,png).`,
        `--format "${value}" is not valid: use one or more of the formats ${DIAGRAM_FORMATS.join(', ')}, separated by commas (e.g. svg,png).`,
      ),
    );
  }
  return DIAGRAM_FORMATS.filter((f) => parts.includes(f));
}

export function parseMaxNodes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 5) throw new UserError(text(`--max-nodes "${value}" phải là số nguyên từ 5 trở lên.`, `--max-nodes "${value}" must be a whole number, 5 or more.`));
  return n;
}

export function registerDiagram(program: Command, app: App): void {
  const cmd = architectureCommand(
    program,
    'diagram',
    'vẽ sơ đồ kiến trúc (Mermaid, SVG, PNG) / draw the architecture diagrams',
    'Vẽ từ mô hình kiến trúc: kiến trúc nghiệp vụ (dịch vụ công theo cơ quan, lĩnh vực và hệ thống giải quyết), bức tranh tổng thể theo lớp QĐ 3090, sơ đồ kết nối (LGSP, NDXP, NDOP, CSDL quốc gia), kiến trúc dữ liệu theo QĐ 2439 và đồng bộ về CSDL tổng hợp quốc gia, an toàn thông tin theo cấp độ, lộ trình nhiệm vụ (Gantt), biểu đồ chỉ tiêu và sơ đồ ngữ cảnh từng hệ thống. Ghi mã nguồn Mermaid (.mmd), bản vẽ SVG, PNG và README.md có mã nguồn từng sơ đồ. Dùng một trình duyệt Chromium cho cả lần chạy; sơ đồ không đổi được lấy lại từ bộ nhớ đệm .kientruc-cache/.',
  )
    .option('--out <dir>', 'thư mục đầu ra (các tệp kientruc đã ghi trước đó được thay thế)', `${DEFAULT_OUT}/diagrams`)
    .option('--format <list>', 'định dạng, cách nhau bởi dấu phẩy: svg, png, mmd', DIAGRAM_FORMATS.join(','))
    .option('--no-render', 'không dùng trình duyệt: chỉ tạo mã nguồn Mermaid (.mmd) và README.md')
    .option('--max-nodes <n>', 'sơ đồ có nhiều nút hơn được tách (theo lớp, thành phần, cơ quan)', String(DEFAULT_MAX_NODES));
  addOutputCommandOptions(
    cmd,
    `  $ kientruc diagram                              # architecture/ → generated/diagrams/ (svg, png, mmd)
  $ kientruc diagram --format svg                 # chỉ SVG
  $ kientruc diagram --no-render                  # chỉ Mermaid, không cần Chromium (CI nhẹ)
  $ kientruc diagram --state target:2030 --out generated/muc-tieu-2030/diagrams   # mục tiêu 2030
  $ kientruc diagram ../so-y-te/architecture --out ../so-y-te/generated/diagrams --max-nodes 60

Cần Chromium và phông chữ tiếng Việt (Debian/Ubuntu):
  $ sudo apt-get install -y --no-install-recommends chromium fonts-liberation2 fonts-croscore
"kientruc build" cũng vẽ các sơ đồ này vào generated/diagrams/.`,
  );
  cmd.action(async (dir: string, opts: DiagramOptions) => {
    const requested = parseFormats(opts.format);
    const maxNodes = parseMaxNodes(opts.maxNodes);
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    const formats = opts.render ? requested : requested.filter((f) => f === 'mmd');
    if (!opts.render && formats.length < requested.length) {
      app.log.info(app.lang === 'en' ? '--no-render: only the Mermaid sources (.mmd) and README.md are made.' : '--no-render: chỉ tạo mã nguồn Mermaid (.mmd) và README.md.');
    }
    const needsBrowser = formats.some((f) => f !== 'mmd');
    let cacheLine = app.lang === 'en' ? 'no cache' : 'không dùng bộ nhớ đệm';
    const produced = await renderForCommand(app, dir, { ...opts, rules: false }, { vi: 'sơ đồ', en: 'diagrams', out: opts.out }, () => needsBrowser, async (ctx) => {
      const r = await renderDiagramFiles(ctx, { formats: formats.length ? formats : ['mmd'], dir: '', maxNodes });
      const stats = ctx.cache instanceof FileRenderCache ? ctx.cache : undefined;
      if (stats) {
        const { hits, misses, writes, errors } = stats.stats;
        cacheLine =
          app.lang === 'en'
            ? `cache ${stats.dir}: ${countEn(hits, 'hit')}, ${countEn(misses, 'miss', 'misses')}, ${countEn(writes, 'write')}, ${countEn(errors, 'error')}`
            : `bộ nhớ đệm ${stats.dir}: ${hits} lần trúng, ${misses} lần trượt, ${writes} lần ghi, ${errors} lỗi`;
      }
      return r;
    });
    if (!produced) return;
    const r = produced.value;
    await writeGenerated(out, r.files, 'replace');
    const shown = displayPath(app.io.cwd, resolve(app.io.cwd, opts.out));
    if (app.lang === 'en') {
      const how = needsBrowser ? ` (${r.rendered} drawn, ${r.cached} from the cache)` : '';
      app.log.info(`✓ ${countEn(r.diagrams, 'diagram')}${how}: ${countEn(r.files.length, 'file')} in ${shown}/`);
    } else {
      const how = needsBrowser ? ` (${r.rendered} vẽ mới, ${r.cached} lấy từ bộ nhớ đệm)` : '';
      app.log.info(`✓ ${r.diagrams} sơ đồ${how}: ${r.files.length} tệp trong ${shown}/`);
    }
    app.log.debug(cacheLine);
    app.exitCode = 0;
  });
}

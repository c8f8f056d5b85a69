import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { countBySeverity } from '../../core/diagnostic.js';
import { displayPath } from '../../load/discover.js';
import { exitCodeFor } from '../../diagnostics/exit-code.js';
import { BrowserProvider } from '../../render/browser.js';
import { RENDERERS } from '../../render/index.js';
import { partsOf, type GeneratedFile } from '../../render/types.js';
import type { FailOn } from '../../core/severity.js';
import type { FileRenderCache } from '../../write/render-cache.js';
import { Spool } from '../../write/spool.js';
import { diffGenerated, writeGenerated, type OutputDir, type WriteStep } from '../../write/write-generated.js';
import { UserError } from '../../core/errors.js';
import { countEn, pick, text } from '../../core/text.js';
import type { App } from '../app.js';
import { watchBuild } from '../watch.js';
import { refuseOnStructuralErrors } from './documents.js';
import { step } from '../progress.js';
import { addConfigOption, addForceOption, addInputOptions, claimOutputFor, DEFAULT_OUT, loadForCommand, renderCacheFor, renderContextFor, type InputOptions, architectureCommand, addStateOption } from './shared.js';

interface BuildOptions extends InputOptions {
  out: string;
  check?: boolean;
  failOn: FailOn;
  render: boolean;
  watch?: boolean;
  force?: boolean;
}

/**
 * Test hook: with KIENTRUC_TEST_WRITE_PAUSE=<step> set, each moment of the write is announced on
 * stderr (`kientruc:write-step <step>`) and the named one is held for 5 s, so a test can kill the
 * process at a known moment (tests/robust/interrupted-build.test.ts).
 */
function writePause(app: App): ((step: WriteStep) => Promise<void>) | undefined {
  const at = app.io.env['KIENTRUC_TEST_WRITE_PAUSE'];
  if (!at) return undefined;
  return async (step) => {
    app.io.stderr.write(`kientruc:write-step ${step}\n`);
    if (step === at) await new Promise((resolve) => setTimeout(resolve, 5000));
  };
}

export function registerBuild(program: Command, app: App): void {
  const cmd = architectureCommand(
    program,
    'build',
    'tạo toàn bộ đầu ra vào generated/ / build every output',
    'Công việc chính: kiểm tra kiến trúc rồi tạo mọi đầu ra (lược đồ, mô hình, tổng quan và các báo cáo, sơ đồ, văn bản đã cài đặt) vào thư mục --out. Đầu ra được ghi vào thư mục tạm rồi mới thay thế, nên một lần chạy lỗi hoặc bị ngắt không làm hỏng đầu ra cũ.',
  )
    .option('--out <dir>', 'thư mục đầu ra', DEFAULT_OUT)
    .option('--check', 'không ghi gì; báo lỗi (mã thoát 1) nếu --out khác với kết quả tạo lại (dùng trong CI)')
    .option('--no-render', 'không dùng trình duyệt: bỏ qua SVG, PNG, PDF; vẫn tạo Mermaid, Markdown, HTML')
    .option('-w, --watch', 'theo dõi thư mục kiến trúc và tạo lại đầu ra mỗi khi tệp YAML thay đổi (Ctrl-C để dừng)')
    .addOption(
      new Option('--fail-on <severity>', 'trả mã thoát 1 khi có phát hiện từ mức này').choices(['error', 'warning', 'info', 'none']).default('none'),
    );
  addInputOptions(cmd);
  addStateOption(cmd);
  addConfigOption(cmd);
  addForceOption(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc build                          # architecture/ → generated/
  $ kientruc build ../so-y-te/architecture --out ../so-y-te/generated
  $ kientruc build --check                  # CI: generated/ có khớp với YAML không?
  $ kientruc build --as-of 2026-09-30       # chốt số liệu tại một ngày (cũng là ngày của hiện trạng)
  $ kientruc build --state target:2030 --out generated/muc-tieu-2030   # kiến trúc mục tiêu 2030
  $ kientruc build --watch --no-render      # tạo lại khi sửa YAML (mở generated/site/index.html)

Thư mục đầu ra: kientruc chỉ thay thế hoặc xóa tệp có trong .kientruc-manifest.json của nó; từ chối (mã 2)
thư mục kiến trúc, thư mục chứa .git, thư mục nhà, / và thư mục có tệp lạ (trừ khi --force). Xem docs/outputs.md.`,
  );
  cmd.action(async (dir: string, opts: BuildOptions) => {
    if (opts.watch && opts.check) throw new UserError(text('--watch và --check không dùng cùng nhau.', '--watch and --check cannot be used together.'));
    // Refuse a dangerous --out before any work (--check only reads it).
    const out = opts.check ? undefined : await claimOutputFor(app, opts.out, [dir], opts.force);
    // In watch mode Ctrl-C is ours: stop watching, then close the browser below.
    const browser = opts.render ? new BrowserProvider(app.io.env, { handleSignals: !opts.watch }) : undefined;
    const cache = opts.render ? renderCacheFor(app, opts) : undefined;
    try {
      if (opts.watch) {
        await watchBuild(app, dir, opts.out, async () => (await buildOnce(app, dir, opts, out, browser, cache)).ok);
        app.exitCode = 0;
      } else {
        app.exitCode = (await buildOnce(app, dir, opts, out, browser, cache)).exitCode;
      }
    } finally {
      await browser?.close();
      await cache?.prune();
    }
  });
}

/** What only a build with the browser writes (build --check --no-render cannot reproduce them). */
const DRAWN_OUTPUT = /\.(svg|png|pdf|docx)$/;

/** One build: check, render every output, write (or compare with --check). The browser is the caller's. */
async function buildOnce(
  app: App,
  dir: string,
  opts: BuildOptions,
  out: OutputDir | undefined,
  browser: BrowserProvider | undefined,
  cache: FileRenderCache | undefined,
): Promise<{ ok: boolean; exitCode: number }> {
  const result = await loadForCommand(app, dir, opts, true);
  if (refuseOnStructuralErrors(app, result, { vi: 'đầu ra', en: 'output', out: opts.out })) return { ok: false, exitCode: 1 };
  const ctx = renderContextFor(app, result, browser, cache);
  const files: GeneratedFile[] = [];
  // Each renderer's large outputs wait on disk, not in memory, until the one write (see write/spool.ts).
  const spool = await Spool.open();
  try {
    for (const [i, renderer] of RENDERERS.entries()) {
      const description = pick(renderer.description, app.lang);
      app.log.info(`[${i + 1}/${RENDERERS.length}] ${description}`);
      const rctx = { ...ctx, outputs: [...files] };
      await step(app, description, async () => {
        for await (const part of partsOf(renderer, rctx)) files.push(...(await spool.keep(part)));
      });
    }
    const outAbs = resolve(app.io.cwd, opts.out);
    const outShown = displayPath(app.io.cwd, outAbs);
    if (opts.check) {
      const diff = await diffGenerated(outAbs, files, 'replace', app.version);
      // One language, the one --lang chose: labels padded to one width so the paths line up.
      const label = app.lang === 'en' ? { missing: 'missing:', changed: 'changed:', extra: 'extra:  ' } : { missing: 'thiếu:', changed: 'khác: ', extra: 'thừa: ' };
      const problems = [
        ...diff.missing.map((f) => `  ${label.missing} ${outShown}/${f}`),
        ...diff.changed.map((f) => `  ${label.changed} ${outShown}/${f}`),
        ...diff.extra.map((f) => `  ${label.extra} ${outShown}/${f}`),
      ];
      if (problems.length) {
        app.io.stderr.write(`${problems.join('\n')}\n`);
        // A folder built with the browser cannot be reproduced without it: say so, rather than leave the
        // user with a list of every picture and document as "extra".
        const drawn = opts.render ? 0 : diff.extra.filter((f) => DRAWN_OUTPUT.test(f)).length;
        if (drawn > 0) {
          app.log.warn(
            app.lang === 'en'
              ? `${outShown} holds ${drawn} files drawn by the browser (SVG, PNG, PDF, DOCX), which --no-render does not make, and HTML with the diagrams in it: check it with "kientruc build --check" where Chromium is installed.`
              : `${outShown} có ${drawn} tệp do trình duyệt vẽ (SVG, PNG, PDF, DOCX) mà --no-render không tạo, và HTML có sơ đồ: kiểm tra bằng "kientruc build --check" trên máy có Chromium.`,
          );
        }
        app.log.warn(app.lang === 'en' ? `${outShown} does not match a rebuild: run "kientruc build" and commit.` : `${outShown} không khớp với kết quả tạo lại; chạy "kientruc build" rồi commit.`);
        return { ok: false, exitCode: 1 };
      }
      app.log.info(app.lang === 'en' ? `✓ ${outShown} matches a rebuild (${files.length} files).` : `✓ ${outShown} khớp với kết quả tạo lại (${files.length} tệp).`);
    } else if (out) {
      await writeGenerated(out, files, 'replace', { onStep: writePause(app) });
      app.log.info(app.lang === 'en' ? `✓ Wrote ${countEn(files.length, 'file')} to ${outShown}/.` : `✓ Đã ghi ${files.length} tệp vào ${outShown}/.`);
    }
  } finally {
    await spool.close();
  }
  const n = countBySeverity(result.diagnostics);
  if (n.error + n.warning + n.info > 0) {
    app.log.info(
      app.lang === 'en'
        ? `  Conformance: ${countEn(n.error, 'error')}, ${countEn(n.warning, 'warning')}, ${n.info} info — details: kientruc check ${dir}`
        : `  Kiểm tra tuân thủ: ${n.error} lỗi, ${n.warning} cảnh báo, ${n.info} thông tin — xem chi tiết: kientruc check ${dir}`,
    );
  }
  return { ok: true, exitCode: exitCodeFor(result.diagnostics, opts.failOn) };
}

import { isStructural } from '../../diagnostics/codes.js';
import type { PipelineResult, InvalidPipelineResult, ValidPipelineResult } from '../../pipeline.js';
import { BrowserProvider } from '../../render/browser.js';
import { needsBrowser, renderDocuments, type DocumentRequest } from '../../render/documents/index.js';
import type { GeneratedFile, RenderContext } from '../../render/types.js';
import type { FileRenderCache } from '../../write/render-cache.js';
import type { App } from '../app.js';
import { formatDiagnostics } from '../output.js';
import { step } from '../progress.js';
import { loadForCommand, renderCacheFor, renderContextFor, type InputOptions } from './shared.js';

export interface ProduceOptions extends InputOptions {
  /** false with --no-render: no browser, so no PDF and no diagrams. */
  render: boolean;
}

/** What a refused command would have written, for its one-line explanation. */
export interface Refused {
  readonly vi: string;
  readonly en: string;
  /** The output folder left as it was. */
  readonly out: string;
}

/**
 * Every output needs a sound model: on syntax, schema or reference errors, print them (stylish, stderr),
 * say that nothing was written and that `out` is untouched, and set exit code 1. True when it refused.
 */
export function refuseOnStructuralErrors(app: App, result: PipelineResult, what: Refused): result is InvalidPipelineResult {
  if (!result.structuralErrors) return false;
  const blocking = result.diagnostics.filter((d) => isStructural(d.code) && d.severity === 'error');
  app.io.stderr.write(formatDiagnostics(app, 'stylish', blocking, result.loaded.files.map((f) => f.file)));
  app.log.warn(
    app.lang === 'vi'
      ? `Không tạo ${what.vi}: kiến trúc có ${blocking.length} lỗi cú pháp, lược đồ hoặc tham chiếu. Đầu ra cũ trong ${what.out} được giữ nguyên.`
      : `No ${what.en} written: ${blocking.length} syntax, schema or reference errors. The previous ${what.out} is left as it was.`,
  );
  app.exitCode = 1;
  return true;
}

/**
 * Opens Chromium and the render cache only when `browser` is true, hands them to `fn`, and closes the
 * browser and prunes the cache whatever happens: the one place a command owns these two.
 */
export async function withRenderResources<T>(
  app: App,
  opts: InputOptions,
  browser: boolean,
  fn: (browser: BrowserProvider | undefined, cache: FileRenderCache | undefined) => Promise<T>,
): Promise<T> {
  const provider = browser ? new BrowserProvider(app.io.env) : undefined;
  const cache = browser ? renderCacheFor(app, opts) : undefined;
  try {
    return await fn(provider, cache);
  } finally {
    await provider?.close();
    await cache?.prune();
  }
}

/** Loads, refuses on structural errors, then renders with a context holding the browser and cache when `browser` is true. */
export async function renderForCommand<T>(
  app: App,
  dir: string,
  opts: InputOptions & { rules?: boolean },
  what: Refused,
  browser: (result: ValidPipelineResult) => boolean,
  fn: (ctx: RenderContext, result: ValidPipelineResult) => Promise<T>,
): Promise<{ value: T; result: ValidPipelineResult } | undefined> {
  const result = await loadForCommand(app, dir, opts, opts.rules ?? true);
  if (refuseOnStructuralErrors(app, result, what)) return undefined;
  // PDF, DOCX and diagrams can take seconds: a step over 2 s says so on stderr (see ../progress.ts).
  const label = app.lang === 'en' ? `Rendering the ${what.en}` : `Tạo ${what.vi}`;
  const value = await withRenderResources(app, opts, browser(result), (b, cache) => step(app, label, () => fn(renderContextFor(app, result, b, cache), result)));
  return { value, result };
}

/**
 * The one way a command produces documents (strategy, Kế hoạch, Báo cáo, gap report): load and check
 * the architecture, refuse (exit 1) on syntax, schema or reference errors, open the browser and the
 * render cache only when the requested formats need them, render, and close both. Returns undefined
 * when it refused.
 */
export async function produceDocuments(
  app: App,
  dir: string,
  opts: ProduceOptions & { out?: string },
  choose: (result: ValidPipelineResult) => readonly DocumentRequest[],
  noun: { readonly vi: string; readonly en: string } = { vi: 'văn bản', en: 'document' },
): Promise<{ files: GeneratedFile[]; result: ValidPipelineResult } | undefined> {
  let requests: readonly DocumentRequest[] = [];
  const produced = await renderForCommand(
    app,
    dir,
    opts,
    { ...noun, out: opts.out ?? 'generated' },
    (result) => {
      requests = choose(result);
      return opts.render && requests.some((r) => needsBrowser(r));
    },
    (ctx) => renderDocuments(ctx, requests),
  );
  return produced && { files: produced.value, result: produced.result };
}

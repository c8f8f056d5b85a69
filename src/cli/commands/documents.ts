import { isStructural } from '../../diagnostics/codes.js';
import type { ValidPipelineResult } from '../../pipeline.js';
import { BrowserProvider } from '../../render/browser.js';
import { needsBrowser, renderDocuments, type DocumentRequest } from '../../render/documents/index.js';
import type { GeneratedFile } from '../../render/types.js';
import type { App } from '../app.js';
import { formatDiagnostics } from '../output.js';
import { loadForCommand, renderCacheFor, renderContextFor, type InputOptions } from './shared.js';

export interface ProduceOptions extends InputOptions {
  /** false with --no-render: no browser, so no PDF and no diagrams. */
  render: boolean;
}

/**
 * The one way a command produces documents: load and check the architecture, refuse (exit 1) on
 * syntax, schema or reference errors, open the browser and the render cache only when the requested
 * formats need them, render, and close both. Returns undefined when it refused.
 */
export async function produceDocuments(
  app: App,
  dir: string,
  opts: ProduceOptions,
  choose: (result: ValidPipelineResult) => readonly DocumentRequest[],
): Promise<{ files: GeneratedFile[]; result: ValidPipelineResult } | undefined> {
  const result = await loadForCommand(app, dir, opts, true);
  if (result.structuralErrors) {
    const blocking = result.diagnostics.filter((d) => isStructural(d.code) && d.severity === 'error');
    app.io.stderr.write(formatDiagnostics(app, 'stylish', blocking, result.loaded.files.map((f) => f.file)));
    app.log.warn(
      app.lang === 'vi'
        ? `Không tạo văn bản: kiến trúc có ${blocking.length} lỗi cú pháp, lược đồ hoặc tham chiếu.`
        : `No document written: ${blocking.length} syntax, schema or reference errors.`,
    );
    app.exitCode = 1;
    return undefined;
  }
  const requests = choose(result);
  const browser = opts.render && requests.some((r) => needsBrowser(r.kind, r.formats)) ? new BrowserProvider(app.io.env) : undefined;
  const cache = browser ? renderCacheFor(app, opts) : undefined;
  try {
    const files = await renderDocuments(renderContextFor(app, result, browser, cache), requests);
    return { files, result };
  } finally {
    await browser?.close();
    await cache?.prune();
  }
}

import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { InternalError } from '../../core/errors.js';
import { text, type Text } from '../../core/text.js';
import type { RenderCache } from '../types.js';
import { ganttLegendEntries, LEGEND_FONT_PX, withGanttLegend } from './gantt-legend.js';
import { cacheKey, engineKey, HOST_CSS, MERMAID_CONFIG, MERMAID_JS, MERMAID_PACKAGE_JSON, PNG_SCALE, svgIdOf } from './mermaid-config.js';

/**
 * Mermaid → SVG/PNG in the command's one browser (TOOLCHAIN §4, fastest batch): a few workers, each a
 * page with Mermaid injected once, then one `mermaid.render` per diagram; PNG is a 2× screenshot of
 * that SVG in a second page. A content-hash cache skips diagrams rendered before with the same source,
 * Mermaid version, configuration and format; the browser is not even launched when all are cached.
 *
 * Deliberate deviation from STYLE §5.4 (`renderMermaid` per diagram): mermaid-cli's API opens a page and
 * injects the unminified Mermaid for every diagram (~2.5 s each); this batch does it once per worker.
 */

export type ImageFormat = 'svg' | 'png';

export { MERMAID_CONFIG, MERMAID_VERSION } from './mermaid-config.js';

export interface ImageJob {
  /** Diagram name (`context/lgsp-tinh`); also gives the SVG id, so output does not depend on order. */
  readonly name: string;
  readonly mermaid: string;
}

export interface RenderedImage {
  readonly svg?: string;
  readonly png?: Uint8Array;
}

export interface RenderImagesOptions {
  readonly formats: readonly ImageFormat[];
  readonly cache?: RenderCache | undefined;
  /**
   * What draws (BrowserProvider.identity: Chromium and its fonts). A cached drawing is reused only when
   * this same engine drew it: another Chromium or font measures text differently, and the build would
   * then write other bytes than a build without the cache. Undefined (no Chromium here): any cached
   * drawing is reused, since none can be drawn.
   */
  readonly engine?: string | undefined;
  /** Pages rendering in parallel (default 3). */
  readonly concurrency?: number;
  readonly log?: (message: Text) => void;
}

export interface RenderImagesResult {
  readonly images: ReadonlyMap<string, RenderedImage>;
  /** Diagrams drawn in the browser / served entirely from the cache. */
  readonly rendered: number;
  readonly cached: number;
  readonly browserUsed: boolean;
}

export interface Worker {
  /** Runs Mermaid; never screenshots, so its layout metrics never change between diagrams. */
  readonly page: Page;
  /** Rasterises SVGs at 2×; a separate page because a screenshot beyond the viewport changes the page's emulated metrics. */
  readonly shot: Page;
  close(): Promise<void>;
}

/**
 * One browser context per worker (its own renderer process). Mermaid is loaded from its file URL
 * (about twice as fast as pushing 3.5 MB through the DevTools protocol with `addScriptTag({ path })`);
 * a file URL may only be loaded by a file-origin page, so the page first opens Mermaid's tiny
 * package.json, then replaces the document.
 */
export async function openWorker(browser: Browser, withPng: boolean): Promise<Worker> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(MERMAID_PACKAGE_JSON).href);
  await page.addScriptTag({ url: pathToFileURL(MERMAID_JS).href });
  await page.evaluate(
    (config, css) => {
      document.documentElement.innerHTML = `<head><meta charset="utf-8"><style>${css}</style></head><body><div id="host"></div></body>`;
      (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
    },
    MERMAID_CONFIG as unknown as Record<string, unknown>,
    HOST_CSS,
  );
  let shot = page;
  if (withPng) {
    shot = await context.newPage();
    await shot.setViewport({ width: 1600, height: 1200, deviceScaleFactor: PNG_SCALE });
    await shot.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${HOST_CSS}</style></head><body><div id="host"></div></body></html>`);
  }
  return { page, shot, close: () => context.close().catch(() => undefined) };
}

/**
 * Workers kept for the next call on the same browser, by whether they can print PNG. Opening one (a
 * context, Mermaid's 3.5 MB read and compiled, initialised) costs ≈ 1.7 s of CPU before it draws
 * anything: a command that draws its diagrams in several calls on one browser (`build`'s diagrams,
 * then the site's, the document's; `watch` after each save; the tests' shared Chromium: 25 set-ups in
 * one run of the suite) paid it at every call. A worker draws any number of diagrams in a row already
 * (each job gives its own SVG id, and Mermaid is initialised once with the same configuration), so a
 * later call's jobs are drawn exactly as if they had been given to the first call: the test "same
 * source, same bytes … whatever the order and the number of pages" holds either way. A worker that
 * saw any error (a diagram Mermaid rejected, a page that crashed) is closed, not kept. The pool goes
 * with its browser (a WeakMap; closing the browser closes the contexts).
 */
const idleWorkers = new WeakMap<Browser, { readonly png: Worker[]; readonly svg: Worker[] }>();
/** Idle workers kept per browser and kind: the default concurrency. */
const MAX_IDLE_WORKERS = 3;

async function takeWorker(browser: Browser, withPng: boolean): Promise<Worker> {
  const idle = idleWorkers.get(browser);
  const kept = withPng ? idle?.png : idle?.svg;
  for (let w = kept?.pop(); w !== undefined; w = kept?.pop()) {
    if (!w.page.isClosed() && !w.shot.isClosed()) return w;
    await w.close();
  }
  return openWorker(browser, withPng);
}

async function releaseWorker(browser: Browser, worker: Worker, withPng: boolean, healthy: boolean): Promise<void> {
  if (healthy && browser.connected && !worker.page.isClosed() && !worker.shot.isClosed()) {
    let idle = idleWorkers.get(browser);
    if (idle === undefined) idleWorkers.set(browser, (idle = { png: [], svg: [] }));
    const list = withPng ? idle.png : idle.svg;
    if (list.length < MAX_IDLE_WORKERS) {
      list.push(worker);
      return;
    }
  }
  await worker.close();
}

type PageResult = { ok: true; svg: string } | { ok: false; error: string };

async function renderSvg(page: Page, job: ImageJob): Promise<string> {
  const id = svgIdOf(job.name);
  const result = await page.evaluate(
    async (definition: string, svgId: string): Promise<PageResult> => {
      const m = (globalThis as unknown as { mermaid: { render(id: string, d: string): Promise<{ svg: string }> } }).mermaid;
      try {
        const { svg } = await m.render(svgId, definition);
        return { ok: true, svg };
      } catch (err) {
        document.getElementById(`d${svgId}`)?.remove();
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
    },
    job.mermaid,
    id,
  );
  if (!result.ok) throw new InternalError(`Mermaid could not render diagram "${job.name}": ${result.error.split('\n').slice(0, 4).join(' ')}`);
  let svg = markersUnderBars(result.svg);
  const legend = ganttLegendEntries(job.mermaid);
  if (legend.length) {
    const widths = await page.evaluate(
      (texts: string[], px: number) => {
        const ns = 'http://www.w3.org/2000/svg';
        const probe = document.createElementNS(ns, 'svg');
        const t = document.createElementNS(ns, 'text');
        t.setAttribute('font-size', String(px));
        probe.appendChild(t);
        document.body.appendChild(probe);
        const out = texts.map((s) => {
          t.textContent = s;
          return t.getComputedTextLength();
        });
        probe.remove();
        return out;
      },
      legend.map((e) => e.text),
      LEGEND_FONT_PX,
    );
    svg = withGanttLegend(svg, legend, widths);
  }
  return `${svg}\n`;
}

/**
 * Gantt date markers (`vert`) are painted by Mermaid after every bar, so the line crosses the labels
 * written inside bars. Moved before the first bar of their group, the opaque bars cover them: the
 * marker shows between bars and never through text.
 */
export function markersUnderBars(svg: string): string {
  const markers = [...svg.matchAll(/<rect [^>]*class="task vert[^"]*"[^>]*><\/rect>/g)].map((m) => m[0]);
  if (markers.length === 0) return svg;
  let out = svg;
  for (const m of markers) out = out.replace(m, '');
  const firstBar = /<rect [^>]*class="task[ "]/.exec(out);
  if (!firstBar) return svg;
  return out.slice(0, firstBar.index) + markers.join('') + out.slice(firstBar.index);
}

async function renderPng(page: Page, svg: string): Promise<Uint8Array> {
  await page.evaluate((markup: string) => {
    const host = document.getElementById('host') as HTMLElement;
    host.innerHTML = markup;
    const el = host.querySelector('svg') as SVGSVGElement;
    const vb = el.viewBox.baseVal;
    // Natural size, not the 100%-width the SVG file keeps for embedding.
    el.setAttribute('width', String(Math.ceil(vb.width)));
    el.setAttribute('height', String(Math.ceil(vb.height)));
    el.style.maxWidth = 'none';
  }, svg);
  await page.evaluate(() => document.fonts.ready);
  const host = await page.$('#host');
  if (!host) throw new InternalError('PNG host element missing');
  const png = await host.screenshot({ type: 'png', omitBackground: false, captureBeyondViewport: true });
  await host.dispose();
  return new Uint8Array(png);
}

/** The drawing stored under `key`, if `engine` drew it (or no engine is known here: see RenderImagesOptions.engine). */
async function cachedDrawing(cache: RenderCache | undefined, key: string, engine: string | undefined): Promise<Uint8Array | undefined> {
  const hit = await fromCache(cache, key);
  if (!hit || engine === undefined) return hit;
  const drewWith = await fromCache(cache, engineKey(key));
  return drewWith !== undefined && new TextDecoder().decode(drewWith) === engine ? hit : undefined;
}

/** Stores a drawing and what drew it. */
async function toCacheDrawn(cache: RenderCache | undefined, key: string, data: Uint8Array, engine: string | undefined): Promise<void> {
  await toCache(cache, key, data);
  if (engine !== undefined) await toCache(cache, engineKey(key), new TextEncoder().encode(engine));
}

async function fromCache(cache: RenderCache | undefined, key: string): Promise<Uint8Array | undefined> {
  if (!cache) return undefined;
  try {
    return await cache.get(key);
  } catch {
    return undefined; // a broken cache is a miss, never an error
  }
}

async function toCache(cache: RenderCache | undefined, key: string, data: Uint8Array): Promise<void> {
  if (!cache) return;
  try {
    await cache.set(key, data);
  } catch {
    // an unwritable cache only costs speed
  }
}

/** Renders `jobs` to the requested formats; throws InternalError listing every diagram Mermaid rejected. */
export async function renderDiagramImages(
  getBrowser: () => Promise<Browser>,
  jobs: readonly ImageJob[],
  opts: RenderImagesOptions,
): Promise<RenderImagesResult> {
  const formats = [...new Set(opts.formats)];
  const images = new Map<string, RenderedImage>();
  const todo: ImageJob[] = [];
  const decoder = new TextDecoder();
  for (const job of jobs) {
    const found: { svg?: string; png?: Uint8Array } = {};
    for (const f of formats) {
      const hit = await cachedDrawing(opts.cache, cacheKey(job, f), opts.engine);
      if (!hit) continue;
      if (f === 'svg') found.svg = decoder.decode(hit);
      else found.png = hit;
    }
    if (formats.every((f) => found[f] !== undefined)) images.set(job.name, found);
    else todo.push(job);
  }
  const cached = jobs.length - todo.length;
  if (todo.length === 0 || formats.length === 0) return { images, rendered: 0, cached, browserUsed: false };

  const browser = await getBrowser();
  const workers = Math.max(1, Math.min(opts.concurrency ?? 3, Math.ceil(todo.length / 4)));
  const errors: string[] = [];
  let next = 0;
  let done = 0;
  let lastShown = 0;
  const encoder = new TextEncoder();
  const withPng = formats.includes('png');
  const run = async (): Promise<void> => {
    const worker = await takeWorker(browser, withPng);
    const { page, shot } = worker;
    let healthy = true;
    try {
      for (;;) {
        const job = todo[next++];
        if (!job) return;
        try {
          const svg = await renderSvg(page, job);
          const image: { svg?: string; png?: Uint8Array } = {};
          if (formats.includes('svg')) {
            image.svg = svg;
            await toCacheDrawn(opts.cache, cacheKey(job, 'svg'), encoder.encode(svg), opts.engine);
          }
          if (formats.includes('png')) {
            image.png = await renderPng(shot, svg);
            await toCacheDrawn(opts.cache, cacheKey(job, 'png'), image.png, opts.engine);
          }
          images.set(job.name, image);
        } catch (err) {
          healthy = false;
          errors.push(err instanceof Error ? err.message : String(err));
        }
        done++;
        const step = Math.max(10, Math.ceil(todo.length / 10));
        if (opts.log && (done - lastShown >= step || done === todo.length) && todo.length >= 10) {
          lastShown = done;
          opts.log(
            text(
              `  sơ đồ: ${done}/${todo.length} đã vẽ${cached ? `, ${cached} lấy từ bộ nhớ đệm` : ''}`,
              `  diagrams: ${done}/${todo.length} drawn${cached ? `, ${cached} from the cache` : ''}`,
            ),
          );
        }
      }
    } catch (err) {
      healthy = false;
      throw err;
    } finally {
      await releaseWorker(browser, worker, withPng, healthy);
    }
  };
  await Promise.all(Array.from({ length: workers }, run));
  if (errors.length) throw new InternalError(errors.sort().join('; '));
  return { images, rendered: todo.length, cached, browserUsed: true };
}

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { InternalError } from '../../core/errors.js';
import type { RenderCache } from '../types.js';

/**
 * Mermaid → SVG/PNG in the command's one browser (TOOLCHAIN §4, fastest batch): a few pages, each with
 * Mermaid injected once, then `mermaid.render` per diagram; PNG is a 2× screenshot of the same SVG in
 * the same page. A content-hash cache skips diagrams rendered before with the same source, Mermaid
 * version, configuration and format; the browser is not even launched when everything is cached.
 */

export type ImageFormat = 'svg' | 'png';

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
  /** Pages rendering in parallel (default 3). */
  readonly concurrency?: number;
  readonly log?: (message: string) => void;
}

export interface RenderImagesResult {
  readonly images: ReadonlyMap<string, RenderedImage>;
  /** Diagrams drawn in the browser / served entirely from the cache. */
  readonly rendered: number;
  readonly cached: number;
  readonly browserUsed: boolean;
}

/**
 * Mermaid as `@mermaid-js/mermaid-cli` (the pinned dependency) resolves it: its nested copy if it has
 * one, else the hoisted one. The CLI package exports no package.json, so its folder is found on the
 * resolution paths.
 */
function mermaidRequire(): NodeJS.Require {
  const own = createRequire(import.meta.url);
  for (const dir of own.resolve.paths('@mermaid-js/mermaid-cli') ?? []) {
    const pkg = join(dir, '@mermaid-js', 'mermaid-cli', 'package.json');
    if (existsSync(pkg)) return createRequire(pkg);
  }
  return own;
}

const require = mermaidRequire();
const MERMAID_JS = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_PACKAGE_JSON = require.resolve('mermaid/package.json');
export const MERMAID_VERSION: string = (JSON.parse(readFileSync(MERMAID_PACKAGE_JSON, 'utf8')) as { version: string }).version;

/** Bumped when the way we post-process SVG or take screenshots changes (invalidates the cache). */
const PIPELINE_VERSION = 1;
export const PNG_SCALE = 2;
export const FONT_STACK = '"Liberation Sans", "Noto Sans", Arial, sans-serif';

/**
 * Plain `<text>` labels (both htmlLabels flags: Mermaid 11 needs the top-level one too), strict
 * security, fixed sizes so layout never depends on the page, deterministic ids.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  htmlLabels: false,
  fontFamily: FONT_STACK,
  deterministicIds: true,
  // Rounded shapes are drawn with rough.js, which jitters invisible control points at random unless seeded.
  handDrawnSeed: 1,
  maxTextSize: 500_000,
  maxEdges: 2_000,
  // wrappingWidth above our own wrapping (24–30 characters), so Mermaid never re-wraps a label.
  flowchart: { htmlLabels: false, curve: 'basis', padding: 10, nodeSpacing: 28, rankSpacing: 44, diagramPadding: 12, wrappingWidth: 320 },
  gantt: {
    useWidth: 1400,
    leftPadding: 230,
    rightPadding: 40,
    barHeight: 22,
    barGap: 6,
    topPadding: 56,
    fontSize: 12,
    sectionFontSize: 13,
    gridLineStartPadding: 40,
    numberSectionStyles: 4,
  },
  // Mermaid measures legend text a sixth short (tspan box): the wider padding keeps the last letters inside.
  xyChart: { width: 960, height: 440, titleFontSize: 17, legendPadding: 20 },
  themeVariables: { fontFamily: FONT_STACK },
  // Opaque edge-label boxes: the default 50% opacity lets lines run through the text.
  themeCSS: '.edgeLabel rect{opacity:1;fill:#ffffff;}',
} as const;

function cacheKey(job: ImageJob, format: ImageFormat): string {
  const material = JSON.stringify([PIPELINE_VERSION, MERMAID_VERSION, MERMAID_CONFIG, HOST_CSS, format, format === 'png' ? PNG_SCALE : 1, svgIdOf(job.name), job.mermaid]);
  return createHash('sha256').update(material).digest('hex');
}

/** `context/lgsp-tinh` → `kt-context-lgsp-tinh` (names are kebab paths of our own). */
export function svgIdOf(name: string): string {
  return `kt-${name.replace(/[^a-z0-9]+/gi, '-')}`;
}

interface Worker {
  /** Runs Mermaid; never screenshots, so its layout metrics never change between diagrams. */
  readonly page: Page;
  /** Rasterises SVGs at 2×; a separate page because a screenshot beyond the viewport changes the page's emulated metrics. */
  readonly shot: Page;
  close(): Promise<void>;
}

/**
 * The page font is the diagrams' font: Mermaid measures some text (xychart legends and axes) in the
 * page before its own stylesheet applies, and would otherwise measure with the browser's default serif.
 */
const HOST_CSS = `html,body{margin:0;background:#fff;font-family:${FONT_STACK}}#host{display:inline-block;padding:16px;background:#fff}`;

/**
 * One browser context per worker (its own renderer process). Mermaid is loaded from its file URL
 * (about twice as fast as pushing 3.5 MB through the DevTools protocol with `addScriptTag({ path })`);
 * a file URL may only be loaded by a file-origin page, so the page first opens Mermaid's tiny
 * package.json, then replaces the document.
 */
async function openWorker(browser: Browser, withPng: boolean): Promise<Worker> {
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
  return `${result.svg}\n`;
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
      const hit = await fromCache(opts.cache, cacheKey(job, f));
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
  const run = async (): Promise<void> => {
    const worker = await openWorker(browser, formats.includes('png'));
    const { page, shot } = worker;
    try {
      for (;;) {
        const job = todo[next++];
        if (!job) return;
        try {
          const svg = await renderSvg(page, job);
          const image: { svg?: string; png?: Uint8Array } = {};
          if (formats.includes('svg')) {
            image.svg = svg;
            await toCache(opts.cache, cacheKey(job, 'svg'), encoder.encode(svg));
          }
          if (formats.includes('png')) {
            image.png = await renderPng(shot, svg);
            await toCache(opts.cache, cacheKey(job, 'png'), image.png);
          }
          images.set(job.name, image);
        } catch (err) {
          errors.push(err instanceof Error ? err.message : String(err));
        }
        done++;
        const step = Math.max(10, Math.ceil(todo.length / 10));
        if (opts.log && (done - lastShown >= step || done === todo.length) && todo.length >= 10) {
          lastShown = done;
          opts.log(`  sơ đồ: ${done}/${todo.length} đã vẽ${cached ? `, ${cached} lấy từ bộ nhớ đệm` : ''}`);
        }
      }
    } finally {
      await worker.close();
    }
  };
  await Promise.all(Array.from({ length: workers }, run));
  if (errors.length) throw new InternalError(errors.sort().join('; '));
  return { images, rendered: todo.length, cached, browserUsed: true };
}

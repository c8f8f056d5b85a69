import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Everything that decides how a diagram looks once rendered, and therefore its cache key. */

/**
 * Mermaid itself (a direct dependency): only its browser bundle is used, injected into our own pages.
 * mermaid-cli is not a runtime dependency: its non-optional peer `puppeteer` would download a browser on
 * install, while kientruc drives Debian's Chromium through puppeteer-core.
 */
const require = createRequire(import.meta.url);
export const MERMAID_JS = require.resolve('mermaid/dist/mermaid.min.js');
export const MERMAID_PACKAGE_JSON = require.resolve('mermaid/package.json');
export const MERMAID_VERSION: string = (JSON.parse(readFileSync(MERMAID_PACKAGE_JSON, 'utf8')) as { version: string }).version;

/** Bumped when the way we post-process SVG or take screenshots changes (invalidates the cache). */
const PIPELINE_VERSION = 3;
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
  // Mermaid 12 defaults to the ELK layout and the "neo" look, which re-lays out every flowchart (grids
  // lose their columns); dagre and the classic look keep the drawings reviewers know.
  layout: 'dagre',
  look: 'classic',
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
  // Gantt labels beside their bars get a white halo painted under the letters, so grid lines and the
  // date marker stop at the text instead of running through it; axis dates at the task font's size.
  themeCSS:
    '.edgeLabel rect{opacity:1;fill:#ffffff;}' +
    '.taskTextOutsideRight,.taskTextOutsideLeft{paint-order:stroke;stroke:#ffffff;stroke-width:4px;stroke-linejoin:round;}' +
    '.grid .tick text{font-size:12px;}',
} as const;


/** `context/lgsp-tinh` → `kt-context-lgsp-tinh` (names are kebab paths of our own). */
export function svgIdOf(name: string): string {
  return `kt-${name.replace(/[^a-z0-9]+/gi, '-')}`;
}

/**
 * The rendering page. Its font is the diagrams' font, so text Mermaid measures before its own stylesheet
 * applies is measured in the font it is drawn in.
 */
export const HOST_CSS = `html,body{margin:0;background:#fff;font-family:${FONT_STACK}}#host{display:inline-block;padding:16px;background:#fff}`;

/**
 * Content hash of one diagram in one format: source, svg id, Mermaid version, configuration, page, scale.
 * What drew it is stored beside it under `engineKey` (render-images.ts cachedDrawing).
 */
export function cacheKey(job: { readonly name: string; readonly mermaid: string }, format: 'svg' | 'png'): string {
  const material = JSON.stringify([PIPELINE_VERSION, MERMAID_VERSION, MERMAID_CONFIG, HOST_CSS, format, format === 'png' ? PNG_SCALE : 1, svgIdOf(job.name), job.mermaid]);
  return createHash('sha256').update(material).digest('hex');
}

/** Where the identity of what drew the drawing stored under `key` is kept (a key of the same form). */
export function engineKey(key: string): string {
  return createHash('sha256').update(`engine:${key}`).digest('hex');
}

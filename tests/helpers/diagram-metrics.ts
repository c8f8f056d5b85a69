/**
 * Measures a rendered Mermaid SVG in the browser, as a reader would see it: the boxes of its text
 * labels (getBoundingClientRect, so the real font, transforms and wrapping count), the boxes of node
 * shapes and Gantt bars, the lines of the Gantt's grid and date marker, and the smallest font size in
 * the SVG's own units. Nothing is parsed by hand.
 */
import type { Browser } from 'puppeteer-core';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Overlap {
  /** What collided: `label/node`, `label/label`, `label/bar`, `line/label`. */
  readonly kind: string;
  readonly a: string;
  readonly b: string;
}

export interface SvgMetrics {
  /** The SVG's viewBox size (its user units). */
  readonly width: number;
  readonly height: number;
  /** Smallest font size of any visible text, in user units, and that text. */
  readonly minFont: number;
  readonly minFontText: string;
  readonly labels: number;
  readonly overlaps: readonly Overlap[];
  /** Edges drawn through another edge's label or through the legend (reported, not a label overlap). */
  readonly crossings: readonly Overlap[];
  /** Smallest clearance between the text of two edge labels (user units; Infinity with fewer than two), and those labels. */
  readonly edgeLabelGap: number;
  readonly edgeLabelGapBetween: string;
}

/**
 * Runs in the page: puts `markup` in the host at its natural size (1 user unit = 1 CSS px) and
 * measures it. Kept as one function so puppeteer can ship it to the page.
 */
function measureInPage(markup: string, minArea: number): SvgMetrics {
  const host = document.getElementById('host') as HTMLElement;
  host.innerHTML = markup;
  const svg = host.querySelector('svg') as SVGSVGElement;
  const vb = svg.viewBox.baseVal;
  svg.setAttribute('width', String(vb.width));
  svg.setAttribute('height', String(vb.height));
  svg.style.maxWidth = 'none';
  const origin = svg.getBoundingClientRect();
  const sx = origin.width / vb.width;
  const boxOf = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { x: (r.left - origin.left) / sx, y: (r.top - origin.top) / sx, w: r.width / sx, h: r.height / sx };
  };
  const visible = (el: Element): boolean => {
    for (let e: Element | null = el; e && e !== svg; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') return false;
    }
    return true;
  };
  const textOf = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const cut = (a: Box, b: Box): number => {
    const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
    const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
  };

  // Text labels: one per <text> with visible characters.
  interface Label {
    readonly el: Element;
    readonly box: Box;
    readonly text: string;
    /** The node or bar this label belongs to (its own shape is not an overlap). */
    readonly owner: Element | null;
    readonly group: Element;
  }
  const labels: Label[] = [];
  let minFont = Infinity;
  let minFontText = '';
  for (const el of Array.from(svg.querySelectorAll('text'))) {
    const text = textOf(el);
    if (!text || !visible(el)) continue;
    const box = boxOf(el);
    if (box.w * box.h <= 0) continue;
    // font size in user units: computed px times the scale of the text's transform to the SVG root
    const m = (el as SVGGraphicsElement).getCTM();
    const root = svg.getCTM();
    const scale = m && root ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) / Math.sqrt(Math.abs(root.a * root.d - root.b * root.c)) : 1;
    for (const t of [el, ...Array.from(el.querySelectorAll('tspan'))]) {
      if (!textOf(t)) continue;
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < minFont) {
        minFont = size;
        minFontText = textOf(t);
      }
    }
    const owner = el.closest('g.node') ?? null;
    const group = el.closest('g.edgeLabel, g.node, g.cluster, g.cluster-label') ?? el;
    labels.push({ el, box, text, owner, group });
  }

  // Shapes a label must not cover: flowchart nodes (their outline, not their label) and Gantt bars.
  interface Shape {
    readonly el: Element;
    readonly box: Box;
    readonly name: string;
  }
  const shapes: Shape[] = [];
  for (const node of Array.from(svg.querySelectorAll('g.node'))) {
    const outline = Array.from(node.children).filter((c) => ['rect', 'path', 'polygon', 'circle', 'ellipse', 'g'].includes(c.tagName) && !c.classList.contains('label'));
    const boxes = outline.map(boxOf).filter((b) => b.w * b.h > 0);
    if (!boxes.length || !visible(node)) continue;
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    const box = { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
    shapes.push({ el: node, box, name: textOf(node) || node.id });
  }
  const bars = Array.from(svg.querySelectorAll('rect.task:not(.vert)')).filter(visible);
  for (const bar of bars) shapes.push({ el: bar, box: boxOf(bar), name: bar.id });

  const overlaps: Overlap[] = [];
  const labelName = (l: Label): string => l.text.slice(0, 60);
  for (const l of labels) {
    for (const s of shapes) {
      if (l.owner === s.el) continue;
      // A Gantt task label written inside its own bar (`<id>-text` in `<id>`) is not an overlap.
      if (s.el.tagName === 'rect' && l.el.id === `${s.el.id}-text`) continue;
      if (cut(l.box, s.box) > minArea) overlaps.push({ kind: s.el.tagName === 'rect' ? 'label/bar' : 'label/node', a: labelName(l), b: s.name.slice(0, 60) });
    }
  }
  // Two edge labels may not touch without overlapping either: the clearance between their texts.
  let edgeLabelGap = Infinity;
  let edgeLabelGapBetween = '';
  const edgeLabels = labels.filter((l) => l.group.classList.contains('edgeLabel'));
  for (let i = 0; i < edgeLabels.length; i++) {
    for (let j = i + 1; j < edgeLabels.length; j++) {
      const a = edgeLabels[i]!.box;
      const b = edgeLabels[j]!.box;
      if (edgeLabels[i]!.group === edgeLabels[j]!.group) continue;
      const gap = Math.max(Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w), Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h));
      if (gap < edgeLabelGap) {
        edgeLabelGap = gap;
        edgeLabelGapBetween = `${labelName(edgeLabels[i]!)} | ${labelName(edgeLabels[j]!)}`;
      }
    }
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!;
      const b = labels[j]!;
      if (a.group === b.group && a.group.tagName === 'g') continue; // lines of one label
      if (cut(a.box, b.box) > minArea) overlaps.push({ kind: 'label/label', a: labelName(a), b: labelName(b) });
    }
  }
  // Gantt grid lines and the date marker drawn across a label (a line under a label's own opaque
  // background is hidden by it, so only lines painted after, or labels without a background, count).
  const lines = Array.from(svg.querySelectorAll('.grid .tick line, rect.vert')).filter(visible);
  for (const line of lines) {
    const lb = boxOf(line);
    const thin = { ...lb, x: lb.x - 0.5, w: Math.max(lb.w, 1) };
    for (const l of labels) {
      if (l.el.closest('.grid')) continue;
      if (line.id && l.el.id === `${line.id}-text`) continue; // the marker's own caption, below it
      const paintedAfter = (el: Element): boolean => (line.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      // hidden by the label's own opaque bar, painted over the line
      const bar = /-text$/.test(l.el.id) ? svg.getElementById(l.el.id.replace(/-text$/, '')) : null;
      const underOwnBar = bar !== null && bar !== line && paintedAfter(bar) && cut(boxOf(bar), l.box) >= l.box.w * l.box.h * 0.99;
      // interrupted by a white halo drawn under the letters (paint-order: stroke), painted over the line
      const cs = getComputedStyle(l.el);
      const haloed = cs.paintOrder.startsWith('stroke') && parseFloat(cs.strokeWidth) >= 2 && cs.stroke !== 'none' && paintedAfter(l.el);
      if (!underOwnBar && !haloed && cut(thin, l.box) > 0) overlaps.push({ kind: 'line/label', a: line.classList.contains('vert') ? 'date marker' : 'grid line', b: labelName(l) });
    }
  }
  // Flowchart edges drawn through another edge's label, or through the legend box.
  const crossings: Overlap[] = [];
  const legend = svg.querySelector('g.cluster.legend');
  const legendBox = legend ? boxOf(legend.querySelector('rect') ?? legend) : null;
  for (const path of Array.from(svg.querySelectorAll('path.flowchart-link')) as SVGPathElement[]) {
    const id = path.getAttribute('data-id') ?? '';
    const inLegend = id.startsWith('L_legend');
    const others = labels.filter((l) => l.el.closest('g.edgeLabel') && l.el.closest('g.label')?.getAttribute('data-id') !== id);
    const hit = new Set<Label | 'legend'>();
    const len = path.getTotalLength();
    const m = path.getCTM();
    const root = svg.getCTM();
    for (let t = 0; t <= len; t += 3) {
      const p0 = path.getPointAtLength(t);
      // the point in SVG user units (paths sit in translated groups)
      const sp = m && root ? new DOMPoint(p0.x, p0.y).matrixTransform(m).matrixTransform(root.inverse()) : p0;
      for (const l of others) {
        const b = l.box;
        if (sp.x > b.x + 1 && sp.x < b.x + b.w - 1 && sp.y > b.y + 1 && sp.y < b.y + b.h - 1) hit.add(l);
      }
      if (!inLegend && legendBox && sp.x > legendBox.x && sp.x < legendBox.x + legendBox.w && sp.y > legendBox.y && sp.y < legendBox.y + legendBox.h) hit.add('legend');
    }
    for (const h of hit) crossings.push({ kind: h === 'legend' ? 'edge/legend' : 'edge/label', a: id, b: h === 'legend' ? 'legend' : labelName(h) });
  }
  return { width: vb.width, height: vb.height, minFont, minFontText, labels: labels.length, overlaps, crossings, edgeLabelGap, edgeLabelGapBetween };
}

const HOST = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}#host{display:inline-block}</style></head><body><div id="host"></div></body></html>`;

/** Measures each SVG in one page of `browser`. */
export async function measureSvgs(browser: Browser, svgs: ReadonlyMap<string, string>, minArea = 1): Promise<Map<string, SvgMetrics>> {
  const page = await browser.newPage();
  const out = new Map<string, SvgMetrics>();
  try {
    await page.setViewport({ width: 1600, height: 1200 });
    await page.setContent(HOST);
    // tsx and vitest compile with esbuild's keepNames, which wraps functions in `__name(…)`: define it in the page.
    await page.evaluate('globalThis.__name = (f) => f');
    await page.evaluate(() => document.fonts.ready);
    for (const [name, svg] of svgs) {
      const m = await page.evaluate(measureInPage, svg, minArea);
      out.set(name, m);
    }
  } finally {
    await page.close();
  }
  return out;
}

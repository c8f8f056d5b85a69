/**
 * A legend under a Mermaid Gantt chart, which has none of its own. The chart's source lists the
 * entries as Mermaid comments (`%% kt-legend <key> <text>`, ignored by Mermaid, so the `.mmd` file
 * still draws anywhere); the renderer measures the texts in the browser and adds one row of swatches
 * under the chart, using the chart's own classes so the colours are the bars' colours.
 */

export const GANTT_LEGEND_MARK = 'kt-legend';

export interface LegendEntry {
  readonly key: string;
  readonly text: string;
}

/** The legend entries a Gantt source declares, in order. */
export function ganttLegendEntries(mermaid: string): LegendEntry[] {
  return [...mermaid.matchAll(new RegExp(`^\\s*%% ${GANTT_LEGEND_MARK} (\\S+) (.+)$`, 'gm'))].map((m) => ({ key: m[1]!, text: m[2]!.trim() }));
}

export const LEGEND_FONT_PX = 13;
const SWATCH_W = 28;
const SWATCH_H = 14;
const GAP = 6;
const ITEM_GAP = 26;
const ROW_H = 24;
const PAD = 12;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function swatch(key: string, x: number, y: number): string {
  const cy = y + SWATCH_H / 2;
  if (key === 'vert') return `<rect class="task vert" x="${x + SWATCH_W / 2 - 1}" y="${y - 3}" width="2" height="${SWATCH_H + 6}"></rect>`;
  if (key === 'milestone') {
    const c = x + SWATCH_W / 2;
    const r = SWATCH_H / 2 + 1;
    return `<path class="task task0" d="M${c} ${cy - r}L${c + r} ${cy}L${c} ${cy + r}L${c - r} ${cy}Z"></path>`;
  }
  const cls = key === 'todo' ? 'task task0' : `task ${key}0`;
  return `<rect class="${cls}" rx="3" ry="3" x="${x}" y="${y}" width="${SWATCH_W}" height="${SWATCH_H}"></rect>`;
}

/**
 * The SVG with the legend appended under the chart and the viewBox grown to hold it. `widths` are the
 * measured widths of the entries' texts at `LEGEND_FONT_PX` (same order).
 */
export function withGanttLegend(svg: string, entries: readonly LegendEntry[], widths: readonly number[]): string {
  const vb = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!vb || entries.length === 0) return svg;
  const [minX, minY, width, height] = [Number(vb[1]), Number(vb[2]), Number(vb[3]), Number(vb[4])];
  const parts: string[] = [];
  let x = minX + PAD;
  let row = 0;
  entries.forEach((e, i) => {
    const w = SWATCH_W + GAP + Math.ceil(widths[i] ?? 0);
    if (x + w > minX + width - PAD && x > minX + PAD) {
      row++;
      x = minX + PAD;
    }
    const y = minY + height + PAD + row * ROW_H;
    parts.push(swatch(e.key, x, y));
    parts.push(`<text x="${x + SWATCH_W + GAP}" y="${y + SWATCH_H - 2}" font-size="${LEGEND_FONT_PX}" fill="#333">${escapeXml(e.text)}</text>`);
    x += w + ITEM_GAP;
  });
  const grown = height + PAD + (row + 1) * ROW_H;
  const out = svg
    .replace(vb[0], `viewBox="${minX} ${minY} ${width} ${grown}"`)
    .replace(/<\/svg>\s*$/, `<g class="kt-legend">${parts.join('')}</g></svg>`);
  return out;
}

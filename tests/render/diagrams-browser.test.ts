import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { BrowserProvider } from '../../src/render/browser.js';
import { diagramsFor } from '../../src/render/mermaid/diagrams.js';
import { renderDiagramImages } from '../../src/render/mermaid/render-images.js';
import { DIAGRAMS_DIR, type DiagramSpec } from '../../src/render/mermaid/types.js';
import { FileRenderCache } from '../../src/write/render-cache.js';
import { AS_OF, REPO, valid } from '../helpers/project.js';
import { CHROMIUM, sharedBrowser } from '../helpers/browser.js';
import { SAMPLE_TODAY, sampleBuild, sampleFile } from '../helpers/sample-build.js';
import { makeTempDir } from '../helpers/tmp.js';

/**
 * Real Chromium, real Mermaid: runs wherever a Chromium is found (/usr/bin/chromium here and in CI,
 * or KIENTRUC_CHROMIUM). Elsewhere the suite is skipped and says why in its name.
 */
const SUITE = CHROMIUM ? 'diagrams in the real browser' : 'diagrams in the real browser — SKIPPED: no Chromium found (install chromium or set KIENTRUC_CHROMIUM)';
const FIXTURE = join(REPO, 'tests', 'fixtures', 'valid', 'diagrams');
const HAS_SAMPLE = existsSync(join(REPO, 'architecture', 'agency.yaml'));

async function specsOf(cwd: string, asOf: string): Promise<DiagramSpec[]> {
  const r = valid(await runPipeline({ root: 'architecture', cwd, today: asOf, asOf, rules: false }));
  expect(r.structuralErrors).toBe(false);
  return diagramsFor(r.model, { asOf: r.asOf });
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Visible text of an SVG: every `<text>`, tags stripped, whitespace normalised (Mermaid puts words in separate tspans). */
function svgText(svg: string): string {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)]
    .map((m) => decode(m[1]!.replace(/<[^>]+>/g, ' ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/\u2060/g, '');
}

function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function expectCleanSvg(name: string, svg: string): void {
  expect(svg.startsWith('<svg'), name).toBe(true);
  expect(svg, name).not.toMatch(/<script|<foreignObject|javascript:|onload=|onerror=/i);
  expect(svg, name).not.toMatch(/Syntax error in text|Parse error/i);
  // Plain <text> labels carrying Vietnamese letters (titles, axis names or node labels).
  expect(svgText(svg), name).toMatch(/[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i);
}

describe.skipIf(!CHROMIUM)(SUITE, () => {
  // The worker's browser; the fixture is drawn once (SVG and PNG) and checked by the first two tests.
  const browser = sharedBrowser();
  let drawn: ReturnType<typeof renderDiagramImages> | undefined;
  const fixtureDrawn = () => (drawn ??= specsOf(FIXTURE, AS_OF).then((specs) => renderDiagramImages(() => browser.get(), specs, { formats: ['svg', 'png'] })));

  it('the fixture: every diagram renders; hostile names stay text; PNG is 2× the SVG', async () => {
    const specs = await specsOf(FIXTURE, AS_OF);
    const { images, rendered } = await fixtureDrawn();
    expect(rendered).toBe(specs.length);
    for (const s of specs) {
      const img = images.get(s.name)!;
      expectCleanSvg(s.name, img.svg!);
      const vb = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(img.svg!)!;
      const { width } = pngSize(img.png!);
      // 2× device scale of the natural width plus the 16 px margin on each side
      expect(Math.abs(width - 2 * (Math.ceil(Number(vb[1])) + 32)), s.name).toBeLessThanOrEqual(4);
    }
    const landscape = svgText(images.get('landscape')!.svg!);
    for (const shown of ['A”]-->B[', '<script>alert(1)</script>', '%%{init:', '{“theme”:“dark”}}%%', 'C# ;', '‘mã’', '#quot;', 'style:#fff;', '1. dòng hai']) {
      expect(landscape).toContain(shown);
    }
    for (const words of ['Lớp ứng dụng và nghiệp vụ dùng chung', 'Đang vận hành · cấp độ 3', 'Chưa xác định cấp độ']) expect(landscape).toContain(words);
    // the injected directive did not switch the theme: the default theme's node fill is still there
    expect(images.get('landscape')!.svg).not.toContain('#1f2020');
    const roadmap = svgText(images.get('roadmap')!.svg!);
    expect(roadmap).toContain('Nâng cấp LGSP: kết nối NDOP (100% dịch vụ)');
    expect(roadmap).toContain('section Ban hành quy chế chia sẻ dữ liệu');
    expect(roadmap).toContain('Ngày chốt số liệu 15/01/2026');
    const map = svgText(images.get('integration-map')!.svg!);
    expect(map).toContain('Danh mục dùng chung “mã <địa bàn>”');
    expect(svgText(images.get('kpi/so-ket-noi')!.svg!)).toContain('Số kết nối qua LGSP <đếm>');
  });

  it('same source, same bytes (SVG and PNG), whatever the order, the number of pages and the diagrams a kept page drew before', async () => {
    const specs = await specsOf(FIXTURE, AS_OF);
    // A second, fresh browser, the other order, one page at a time, against the shared browser's drawing.
    const other = new BrowserProvider(process.env);
    try {
      const a = await fixtureDrawn();
      const b = await renderDiagramImages(() => other.get(), [...specs].reverse(), { formats: ['svg', 'png'], concurrency: 1 });
      // b's one page is kept for the next call on this browser (beside the default context, one context):
      // d draws with it, after all of b's diagrams, and must give the same bytes as a fresh page.
      const browser = await other.get();
      expect(browser.browserContexts()).toHaveLength(2);
      const d = await renderDiagramImages(() => other.get(), specs, { formats: ['svg', 'png'], concurrency: 1 });
      expect(browser.browserContexts()).toHaveLength(2);
      const c = await renderDiagramImages(() => other.get(), specs.slice(-2), { formats: ['svg'] });
      for (const s of specs) {
        for (const x of [b, d]) {
          expect(x.images.get(s.name)!.svg, s.name).toBe(a.images.get(s.name)!.svg);
          expect(Buffer.from(x.images.get(s.name)!.png!).equals(Buffer.from(a.images.get(s.name)!.png!)), s.name).toBe(true);
        }
      }
      for (const s of specs.slice(-2)) expect(c.images.get(s.name)!.svg, s.name).toBe(a.images.get(s.name)!.svg);
    } finally {
      await other.close();
    }
  });

  it('cache: a second run draws nothing and never asks for the browser; a corrupt entry is drawn again', async () => {
    const dir = makeTempDir('cache-test-');
    try {
      // What is cached, not what is drawn, is the point here: the three smallest drawings will do (the
      // fixture's first three are its largest, and the first test above already draws every one).
      const specs = (await specsOf(FIXTURE, AS_OF)).sort((a, b) => a.mermaid.length - b.mermaid.length).slice(0, 3);
      const first = await renderDiagramImages(() => browser.get(), specs, { formats: ['svg', 'png'], cache: new FileRenderCache(dir) });
      expect([first.rendered, first.cached]).toEqual([3, 0]);
      const noBrowser = (): never => {
        throw new Error('browser must not be launched');
      };
      const second = await renderDiagramImages(noBrowser, specs, { formats: ['svg', 'png'], cache: new FileRenderCache(dir) });
      expect([second.rendered, second.cached, second.browserUsed]).toEqual([0, 3, false]);
      expect(second.images.get(specs[0]!.name)!.svg).toBe(first.images.get(specs[0]!.name)!.svg);
      // corrupt one entry (truncate it): that diagram is a miss again
      const shard = readdirSync(dir).find((d) => /^[0-9a-f]{2}$/.test(d))!;
      const entry = readdirSync(join(dir, shard))[0]!;
      writeFileSync(join(dir, shard, entry), 'garbage');
      const third = await renderDiagramImages(() => browser.get(), specs, { formats: ['svg', 'png'], cache: new FileRenderCache(dir) });
      expect([third.rendered, third.cached]).toEqual([1, 2]);
      // a changed source is a miss
      const changed = specs.map((s, i) => (i === 0 ? { ...s, mermaid: s.mermaid.replace('flowchart', 'flowchart') + '  %% đổi\n' } : s));
      const fourth = await renderDiagramImages(() => browser.get(), changed, { formats: ['svg'], cache: new FileRenderCache(dir) });
      expect([fourth.rendered, fourth.cached]).toEqual([1, 2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!HAS_SAMPLE)('the sample province: every diagram renders without a Mermaid error', async () => {
    const specs = await specsOf(REPO, SAMPLE_TODAY);
    expect(specs.length).toBeGreaterThan(20);
    // Drawn by `kientruc build`'s diagrams renderer in the run's one Chromium build of the sample
    // (tests/helpers/sample-build.ts, same day): every diagram's SVG as the build writes it.
    const build = await sampleBuild();
    for (const s of specs) expectCleanSvg(s.name, sampleFile(build, `${DIAGRAMS_DIR}/${s.name}.svg`).toString('utf8'));
  });
});

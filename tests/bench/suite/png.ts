/**
 * What drawing the sample's diagrams costs, by step, in one Chromium: `npx tsx tests/bench/suite/png.ts
 * [<variant>,…] [--out <dir>]` (root: CPU from a cpuacct cgroup holding this process and its Chromium;
 * otherwise wall time only). Reads every `generated/diagrams/**\/*.mmd`, lays each out once with Mermaid
 * (SVG), then rasterises all of them once per variant, in the order given, and says how many PNGs are
 * byte-identical to the committed ones (the roadmap never is: its Gantt legend is added by the product
 * after layout, which this bench skips):
 *
 * - `shot`: what src/render/mermaid/render-images.ts does (a 2× element screenshot with captureBeyondViewport);
 * - `place`: the SVG placed in the page and its fonts awaited, no screenshot (the part a screenshot does not cost);
 * - `viewport`: the viewport sized to the element, then a screenshot of the viewport (same bytes);
 * - `fast`: `shot` with optimizeForSpeed (Chromium's quicker PNG encoder; larger files).
 *
 * Repeat a variant (`shot,viewport,shot,viewport`) to pair them: the machine is shared, and one run
 * of a variant differs from the next by up to a third under load.
 */
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../../src/render/browser.js';
import { PNG_SCALE, svgIdOf } from '../../../src/render/mermaid/mermaid-config.js';
import { markersUnderBars, openWorker } from '../../../src/render/mermaid/render-images.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const DIR = join(REPO, 'generated', 'diagrams');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = outAt < 0 ? undefined : args[outAt + 1];
const variantsWanted = (args.find((a, i) => !a.startsWith('--') && i !== outAt + 1) ?? 'shot,place,viewport,fast').split(',');

let group: string | undefined = `/sys/fs/cgroup/cpuacct/kientruc-png-${process.pid}`;
try {
  mkdirSync(group);
  writeFileSync(join(group, 'cgroup.procs'), String(process.pid));
} catch {
  group = undefined;
}
const cpu = (): number => (group ? Number(readFileSync(join(group, 'cpuacct.usage'), 'utf8')) / 1e9 : NaN);

const jobs = (readdirSync(DIR, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.mmd'))
  .sort()
  .map((f) => ({ name: f.slice(0, -'.mmd'.length), mermaid: readFileSync(join(DIR, f), 'utf8') }));

const executablePath = findChromium(process.env);
if (!executablePath) throw new Error('no Chromium found (set KIENTRUC_CHROMIUM)');
const profile = join(tmpdir(), `kientruc-png-bench-${process.pid}`);
const c0 = cpu();
const browser = await launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`] });
try {
  // The renderer's own pages: Mermaid's page and the 2× screenshot page, as a build opens them.
  const { page, shot } = await openWorker(browser, true);
  console.log(`launch and pages: ${(cpu() - c0).toFixed(1)} s CPU`);

  const c1 = cpu();
  const svgs: string[] = [];
  for (const job of jobs) {
    const svg = await page.evaluate(
      async (d: string, id: string) => (await (globalThis as unknown as { mermaid: { render(i: string, d: string): Promise<{ svg: string }> } }).mermaid.render(id, d)).svg,
      job.mermaid,
      svgIdOf(job.name),
    );
    svgs.push(`${markersUnderBars(svg)}\n`);
  }
  console.log(`SVG, ${jobs.length} diagrams: ${(cpu() - c1).toFixed(1)} s CPU`);

  /** As renderPng does: the SVG at its natural size in the host, fonts ready. */
  const place = async (p: Page, svg: string): Promise<void> => {
    await p.evaluate((markup: string) => {
      const host = document.getElementById('host') as HTMLElement;
      host.innerHTML = markup;
      const el = host.querySelector('svg') as SVGSVGElement;
      const vb = el.viewBox.baseVal;
      el.setAttribute('width', String(Math.ceil(vb.width)));
      el.setAttribute('height', String(Math.ceil(vb.height)));
      el.style.maxWidth = 'none';
    }, svg);
    await p.evaluate(() => document.fonts.ready);
  };
  const elementShot = async (svg: string, optimizeForSpeed: boolean): Promise<Uint8Array> => {
    await place(shot, svg);
    const host = await shot.$('#host');
    if (!host) throw new Error('host missing');
    const png = await host.screenshot({ type: 'png', omitBackground: false, captureBeyondViewport: true, optimizeForSpeed });
    await host.dispose();
    return new Uint8Array(png);
  };
  const variants: Record<string, (svg: string) => Promise<Uint8Array | undefined>> = {
    shot: (svg) => elementShot(svg, false),
    fast: (svg) => elementShot(svg, true),
    place: async (svg) => {
      await place(shot, svg);
      return undefined;
    },
    viewport: async (svg) => {
      await place(shot, svg);
      const box = await shot.evaluate(() => {
        const r = (document.getElementById('host') as HTMLElement).getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      await shot.setViewport({ width: Math.ceil(box.width), height: Math.ceil(box.height), deviceScaleFactor: PNG_SCALE });
      const png = await shot.screenshot({ type: 'png', clip: box, captureBeyondViewport: false });
      return new Uint8Array(png);
    },
  };

  for (const name of variantsWanted) {
    const fn = variants[name];
    if (!fn) throw new Error(`no variant "${name}" (${Object.keys(variants).join(', ')})`);
    if (name === 'viewport') await shot.setViewport({ width: 1600, height: 1200, deviceScaleFactor: PNG_SCALE });
    const t = cpu();
    const w = performance.now();
    let bytes = 0;
    let same = 0;
    for (const [i, job] of jobs.entries()) {
      const png = await fn(svgs[i] as string);
      if (!png) continue;
      bytes += png.length;
      if (Buffer.from(png).equals(readFileSync(join(DIR, `${job.name}.png`)))) same++;
      if (outDir) {
        const file = join(outDir, name, `${job.name}.png`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, png);
      }
    }
    const sizes = bytes ? `, ${(bytes / 1e6).toFixed(2)} MB of PNG, ${same}/${jobs.length} byte-identical to generated/` : '';
    console.log(`${name}: ${(cpu() - t).toFixed(1)} s CPU, ${((performance.now() - w) / 1000).toFixed(1)} s wall${sizes}; load ${loadavg()[0]!.toFixed(1)}`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  if (group) {
    // Back to the root group, so the emptied one can go.
    writeFileSync('/sys/fs/cgroup/cpuacct/cgroup.procs', String(process.pid));
    rmdirSync(group);
  }
}

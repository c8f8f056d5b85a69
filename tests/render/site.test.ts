import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { siteFiles, siteHtml } from '../../src/render/site/site.js';
import { AGENCY, AS_OF, makeProject, REPO, runCli, valid } from '../helpers/project.js';
import { sharedBrowser } from '../helpers/browser.js';

/**
 * Screenshots for a person to look at, only when asked: KIENTRUC_SITE_SHOTS=<folder> (kept after the
 * run). Nothing asserts on them, so an ordinary run does not spend the PNG encoding.
 */
const SHOTS = process.env['KIENTRUC_SITE_SHOTS'];
const shot = async (page: Page, name: string): Promise<void> => {
  if (SHOTS !== undefined) await page.screenshot({ path: join(SHOTS, name) });
};

async function sampleHtml(): Promise<string> {
  const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: AS_OF, rules: true }));
  return siteHtml({ model: r.model, diagnostics: r.diagnostics, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', diagrams: [] });
}

interface Opened {
  readonly page: Page;
  readonly problems: string[];
}

async function open(browser: Browser, file: string): Promise<Opened> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!/^(file|data|about):/.test(r.url())) problems.push(`request: ${r.url()}`);
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, problems };
}

const visible = (page: Page, selector: string) => page.$$eval(selector, (els) => els.filter((e) => !(e as HTMLElement).closest('[hidden]')).map((e) => e.id));

describe('site in headless Chromium (file://)', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    if (SHOTS !== undefined) mkdirSync(SHOTS, { recursive: true });
    browser = await sharedBrowser().get();
    const dir = makeProject({});
    file = join(dir, 'index.html');
    writeFileSync(file, await sampleHtml());
  });

  it('loads with no console error, no script error and no request leaving the file', async () => {
    const { page, problems } = await open(browser, file);
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('Danh mục kiến trúc số — Ủy ban nhân dân tỉnh Sơn Hà');
    expect(Number(await page.$eval('#count', (e) => e.textContent))).toBeGreaterThan(150);
    await shot(page, '1-trang-dau.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('search finds an entity with or without diacritics, and hides the rest', async () => {
    const { page, problems } = await open(browser, file);
    for (const query of ['hộ tịch số hóa', 'HO TICH SO HOA']) {
      await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
      await page.type('#q', query);
      const shown = await visible(page, 'article.card');
      expect(shown).toContain('e-dataset_ho-tich-so-hoa');
      expect(shown).not.toContain('e-system_tthc-tinh');
      expect(await page.$eval('#count', (e) => e.textContent)).toBe(String(shown.length));
    }
    await shot(page, '2-tim-kiem.png');
    await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#q', 'không có gì như thế này');
    expect(await page.$eval('#empty', (e) => (e as HTMLElement).hidden)).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('search reads every displayed field: an owner, a lead, a status', async () => {
    const { page, problems } = await open(browser, file);
    for (const [query, has, hasNot] of [
      // A KPI's responsible body and a dataset's custodian are displayed fields, in no name or description.
      ['Sở KH&CN', 'e-kpi_qtdl-cap-do-4', 'e-kpi_ho-so-xu-ly-truc-tuyen'],
      ['chu quan so tu phap', 'e-dataset_ho-tich-so-hoa', 'e-dataset_cong-dan-dung-chung'],
    ] as const) {
      await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
      await page.type('#q', query);
      const shown = await visible(page, 'article.card');
      expect(shown, query).toContain(has);
      expect(shown, query).not.toContain(hasNot);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('system cards show when a system went live, its public address (a link), user accounts and vendor, and search reads them', async () => {
    const { page, problems } = await open(browser, file);
    const card = (id: string) =>
      page.$eval(`#${id}`, (e) => Object.fromEntries(Array.from(e.querySelectorAll('dt')).map((dt) => [dt.textContent, (dt.nextElementSibling as HTMLElement).textContent])));
    expect(await card('e-system_cong-ttdt')).toMatchObject({ 'Trạng thái': 'Đang vận hành · từ 01/01/2010', 'Địa chỉ': 'https://sonha.gov.vn' });
    expect(await page.$eval('#e-system_cong-ttdt dd a[href^="http"]', (a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')])).toEqual([
      'https://sonha.gov.vn',
      'noopener',
      '_blank',
    ]);
    expect(await card('e-system_csdl-giao-duc-tinh')).toMatchObject({
      'Đơn vị cung cấp': 'Doanh nghiệp cung cấp phần mềm quản lý trường học (thuê dịch vụ)',
      'Tài khoản người dùng': 'cán bộ 18.600',
    });
    for (const [query, has] of [
      ['sonha.gov.vn', 'e-system_cong-ttdt'],
      ['phan mem quan ly truong hoc', 'e-system_csdl-giao-duc-tinh'],
    ] as const) {
      await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
      await page.type('#q', query);
      expect(await visible(page, 'article.card'), query).toContain(has);
    }
    await shot(page, '6-the-he-thong.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('search reads the abbreviations officials write, on both sides: "CSDL hộ tịch" finds "Cơ sở dữ liệu hộ tịch"', async () => {
    const r = valid(await runPipeline({
      root: 'architecture',
      cwd: makeProject({
        'architecture/agency.yaml': AGENCY,
        'architecture/s.yaml': `apiVersion: kientruc/v1
kind: System
id: mot-cua
name: Hệ thống thông tin giải quyết TTHC tỉnh
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
network: { publicUrl: "https://dichvucong.thu.gov.vn/tra-cuu?ma=1&loai=2" }
---
apiVersion: kientruc/v1
kind: System
id: ho-tich
name: Phần mềm quản lý hộ tịch
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
network: { publicUrl: "javascript:alert(1)" }
`,
        'architecture/d.yaml': `apiVersion: kientruc/v1
kind: Dataset
id: csdl-ho-tich
name: Cơ sở dữ liệu hộ tịch điện tử tỉnh
scope: sectoral
sharing: restricted
personalData: basic
system: system:ho-tich
`,
      }),
      today: AS_OF,
      rules: true,
    }));
    const html = siteHtml({ model: r.model, diagnostics: r.diagnostics, asOf: r.asOf, lang: 'vi', toolVersion: '0', diagrams: [] });
    // Only http(s) addresses are links; any other scheme stays text. Text and attribute are escaped.
    expect(html).toContain('<a href="https://dichvucong.thu.gov.vn/tra-cuu?ma=1&amp;loai=2" rel="noopener" target="_blank">https://dichvucong.thu.gov.vn/tra-cuu?ma=1&amp;loai=2</a>');
    expect(html).not.toContain('href="javascript:');
    const file2 = join(makeProject({}), 'index.html');
    writeFileSync(file2, html);
    const { page, problems } = await open(browser, file2);
    for (const [query, has, hasNot] of [
      ['CSDL hộ tịch', 'e-dataset_csdl-ho-tich', 'e-system_mot-cua'],
      ['csdl ho tich dien tu', 'e-dataset_csdl-ho-tich', 'e-system_mot-cua'],
      ['cơ sở dữ liệu hộ tịch', 'e-dataset_csdl-ho-tich', 'e-system_mot-cua'],
      ['HTTT giải quyết thủ tục hành chính', 'e-system_mot-cua', 'e-dataset_csdl-ho-tich'],
      ['he thong thong tin giai quyet tthc', 'e-system_mot-cua', 'e-dataset_csdl-ho-tich'],
      ['UBND tỉnh Thử', 'e-system_mot-cua', undefined],
    ] as const) {
      await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
      await page.type('#q', query);
      const shown = await visible(page, 'article.card');
      expect(shown, query).toContain(has);
      if (hasNot) expect(shown, query).not.toContain(hasNot);
    }
    expect(await page.$eval('#e-system_ho-tich', (e) => e.querySelectorAll('a[href^="javascript"]').length)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is readable at 390 px: nothing wider than the screen', async () => {
    const { page, problems } = await open(browser, file);
    await page.setViewport({ width: 390, height: 844 });
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBe(widths[1]);
    const overflowing = await page.$$eval('article.card', (els) => els.filter((e) => e.getBoundingClientRect().right > 390).map((e) => e.id));
    expect(overflowing).toEqual([]);
    // Values take the card's full width under their label (two columns left them ~150 px, 3 words a line).
    const narrowest = await page.$$eval('article.card dd', (els) => Math.min(...els.map((e) => e.getBoundingClientRect().width)));
    expect(narrowest).toBeGreaterThan(300);
    // The toolbar scrolls away instead of keeping a fifth of the screen.
    expect(await page.$eval('.toolbar', (e) => getComputedStyle(e).position)).toBe('static');
    await shot(page, '4-390px.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('tabs and filters narrow the list; a link to a hidden card brings it back', async () => {
    const { page, problems } = await open(browser, file);
    await page.click('button[data-tab="system"]');
    await page.select('fieldset[data-for="system"] select[data-facet="layer"]', 'L1');
    const l1 = await visible(page, 'article.card');
    expect(l1.sort()).toEqual(['e-system_camera-giao-thong', 'e-system_dam-may-tinh', 'e-system_mang-tslcd', 'e-system_soc-tinh', 'e-system_ttdl-du-phong', 'e-system_ttdl-tinh']);
    await shot(page, '3-loc-he-thong-l1.png');
    await page.click('button[data-tab="finding"]');
    await page.select('fieldset[data-for="finding"] select[data-facet="severity"]', 'error');
    const errors = await page.$$eval('article.card[data-kind="finding"]:not([hidden])', (els) => els.map((e) => e.getAttribute('data-f-severity')));
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set(['error']));
    await page.evaluate(() => {
      location.hash = 'e-dataset_ho-tich-so-hoa';
    });
    await page.waitForFunction(() => !(document.getElementById('e-dataset_ho-tich-so-hoa') as HTMLElement).hidden);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('escapes everything the YAML says', async () => {
    const r = valid(await runPipeline({
      root: 'architecture',
      cwd: makeProject({
        'architecture/agency.yaml': AGENCY.replace('name: Ủy ban nhân dân tỉnh Thử', 'name: "Tỉnh <b>Thử</b> & \\"Con\\""'),
        'architecture/s.yaml': `apiVersion: kientruc/v1
kind: System
id: he-thong-xau
name: "<script>alert('x')</script> Hệ thống"
description: '"><img src=x onerror=alert(1)> và </article><h1>giả</h1>'
layer: L3
component: tthc
status: planned
owner: agency:tinh-thu
`,
      }),
      today: AS_OF,
      rules: true,
    }));
    const html = siteHtml({
      model: r.model,
      diagnostics: r.diagnostics,
      asOf: r.asOf,
      lang: 'vi',
      toolVersion: '0',
      diagrams: [{ name: 'x', title: '<i>sơ đồ</i>', mmd: 'flowchart LR\n  a["</pre><script>alert(2)</script>"]' }],
    });
    expect(html).not.toContain("<script>alert('x')");
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</pre><script>');
    const file2 = join(makeProject({}), 'index.html');
    writeFileSync(file2, html);
    const { page, problems } = await open(browser, file2);
    expect(await page.$eval('#e-system_he-thong-xau h3', (e) => e.textContent)).toBe("<script>alert('x')</script> Hệ thống system:he-thong-xau");
    expect(await page.$eval('#e-system_he-thong-xau p.desc', (e) => e.textContent)).toBe('"><img src=x onerror=alert(1)> và </article><h1>giả</h1>');
    expect(await page.$$eval('h1', (els) => els.length)).toBe(1);
    expect(await page.$$eval('script', (els) => els.length)).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('diagrams are files beside the page, loaded lazily, opened at full size', async () => {
    const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: AS_OF, rules: true }));
    const svg = '<svg id="kt-x" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 1500px;" viewBox="0 0 1500 700"><rect x="10" y="10" width="1480" height="680" fill="#cde"/><text x="40" y="60">Sơ đồ thử</text></svg>';
    const files = siteFiles({
      model: r.model,
      diagnostics: r.diagnostics,
      asOf: r.asOf,
      lang: 'vi',
      toolVersion: '0',
      diagrams: [{ name: 'thu-nghiem', title: 'Sơ đồ thử nghiệm', svg }, { name: 'context/cong-dvc-tinh', title: 'Sơ đồ ngữ cảnh', svg }],
    });
    expect(files.map((f) => f.path)).toEqual(['site/index.html', 'site/diagrams/thu-nghiem.svg', 'site/diagrams/context/cong-dvc-tinh.svg']);
    const html = String(files[0]!.contents);
    // The page holds no drawing: each is an <img loading="lazy"> of its file, with the drawing's own size.
    expect(html).not.toContain('<svg');
    expect(html).toContain('<img src="diagrams/thu-nghiem.svg" alt="Sơ đồ thử nghiệm" width="1500" height="700" loading="lazy" decoding="async">');
    const dir = makeProject({});
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
    const { page, problems } = await open(browser, join(dir, 'site', 'index.html'));
    const loaded = () => page.$$eval('img', (els) => els.filter((e) => (e as HTMLImageElement).naturalWidth > 0).length);
    // A context diagram in a closed box is not fetched; the diagram section's is, once scrolled to.
    expect(await loaded()).toBe(0);
    await page.$eval('section[data-section="diagram"]', (e) => e.scrollIntoView());
    await page.waitForFunction(() => (document.querySelector('section[data-section="diagram"] img') as HTMLImageElement).naturalWidth > 0);
    expect(await loaded()).toBe(1);
    await page.click('section[data-section="diagram"] a.zoom');
    await page.waitForFunction(() => (document.querySelector('dialog.viewer img') as HTMLImageElement | null)?.complete === true);
    const shown = await page.$eval('dialog.viewer img', (e) => ({ w: e.getBoundingClientRect().width, open: (e.closest('dialog') as HTMLDialogElement).open }));
    expect(shown).toEqual({ w: 1500, open: true });
    await shot(page, '5-so-do-co-day-du.png');
    await page.keyboard.press('Escape');
    expect(await page.$eval('dialog.viewer', (e) => (e as HTMLDialogElement).open)).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is deterministic', async () => {
    expect(await sampleHtml()).toBe(readFileSync(file, 'utf8'));
  });
});

describe('kientruc site and kientruc build', () => {
  it('kientruc site writes a self-contained index.html; build writes generated/site/', async () => {
    const out = makeProject({});
    const r = await runCli(['site', 'architecture', '--out', join(out, 'site'), '--no-render'], REPO);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'site', 'index.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc="http|url\(http/);
    const b = await runCli(['build', 'architecture', '--out', join(out, 'generated'), '--no-render'], REPO);
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(join(out, 'generated', 'site', 'index.html'))).toBe(true);
  });
});

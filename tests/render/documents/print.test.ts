import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentBaseName, type DocumentKind } from '../../../src/render/documents/index.js';
import { readZip } from '../../../src/render/strategy/zip.js';
import { RULES } from '../../../src/rules/index.js';
import type { Audience } from '../../../src/render/strategy/view-types.js';
import { CHROMIUM, sharedBrowser } from '../../helpers/browser.js';
import { makeTempDir } from '../../helpers/tmp.js';
import type { GeneratedFile } from '../../../src/render/types.js';
import { sampleBuild, sampleDocument, sampleFile } from '../../helpers/sample-build.js';
import { ARCHITECTURE_SECTIONS, expectInOrder, PLAN_SECTIONS, REPORT_SECTIONS, STRATEGY_SECTIONS } from './sections.js';

/**
 * Every document of the sample in md, html, pdf and docx, as the run's one build of the sample made it,
 * read back as a reviewer would (pdftotext per page, the page rasterised, the DOCX XML):
 * sections and form fields in order in all four formats; the signature on the page of the closing
 * text; wide appendices landscape; no page more than half blank but the last of a section; no rule
 * id in the operative text; DOCX tagged vi-VN with readable cell padding.
 */

const browser = sharedBrowser();
const out = makeTempDir('kientruc-docs-');

/** Every document this file read, for the checks that read them all (the HTML at phone width). */
const built: GeneratedFile[] = [];

/**
 * One of the sample's documents in md, html, pdf and docx, as the run's one Chromium build of the
 * sample made it (tests/helpers/sample-build.ts: on 2026-09-30 with the rules, `kientruc build`'s
 * strategy, both editions, and báo cáo; the Kế hoạch and the Kiến trúc số rendered in the same context).
 */
async function render(kind: DocumentKind, audience: Audience = 'internal'): Promise<GeneratedFile[]> {
  const build = await sampleBuild();
  const files = FORMATS.map((ext) => ({
    path: `${kind}${audience === 'public' ? '-cong-khai' : ''}.${ext}`,
    contents: new Uint8Array(audience === 'public' ? sampleFile(build, `${documentBaseName(kind, 'public')}.${ext}`) : sampleDocument(build, kind, ext)),
  }));
  built.push(...files);
  return files;
}
const FORMATS = ['md', 'html', 'pdf', 'docx'] as const;

function bytes(files: readonly GeneratedFile[], ext: string): Uint8Array {
  const f = files.find((x) => x.path.endsWith(`.${ext}`));
  if (!f) throw new Error(`no .${ext}`);
  return typeof f.contents === 'string' ? new Uint8Array(Buffer.from(f.contents)) : f.contents;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ');
/** Markdown and HTML read as text: no markup, entities decoded. */
const mdText = (files: readonly GeneratedFile[]): string => norm(Buffer.from(bytes(files, 'md')).toString('utf8').replace(/\\/g, '').replace(/[*_#>|]/g, ' '));
const htmlText = (files: readonly GeneratedFile[]): string =>
  norm(
    Buffer.from(bytes(files, 'html'))
      .toString('utf8')
      .replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );

interface Page {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
  /** Share of the text area's height (20 mm margins) above the lowest ink on the page (0–1). */
  readonly fill: number;
  /** The page's first lines of text (pdftotext -layout), to tell where a section starts. */
  readonly head: string;
}

/**
 * Each page's size (points), text, and how far down it is printed: rasterised (pdftoppm, greyscale,
 * 36 dpi), the lowest row holding any ink (text, table rules, figures) against the text area's height.
 */
function pages(files: readonly GeneratedFile[], name: string): Page[] {
  const path = join(out, `${name}.pdf`);
  writeFileSync(path, bytes(files, 'pdf'));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ n: Number(m[1]), w: Number(m[2]), h: Number(m[3]) }));
  const raw = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  const layout = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  const prefix = join(out, name);
  execFileSync('pdftoppm', ['-r', '36', '-gray', path, prefix]);
  const rasters = readdirSync(out).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'));
  return sizes.map((s) => {
    const file = rasters.find((f) => Number(/-(\d+)\.pgm$/.exec(f)?.[1]) === s.n);
    if (!file) throw new Error(`p.${s.n} not rasterised`);
    const b = readFileSync(join(out, file));
    const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(b.subarray(0, 40).toString('latin1'))!;
    const [w, h, off] = [Number(m[1]), Number(m[2]), m[0].length];
    let last = 0;
    for (let y = h - 1; y >= 0 && last === 0; y--) {
      for (let x = 0; x < w; x++) {
        if (b[off + y * w + x]! < 200) {
          last = y;
          break;
        }
      }
    }
    const heightMm = w > h ? 210 : 297;
    const head = (layout[s.n - 1] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !/^\d+$/.test(l) && l !== 'DỰ THẢO')
      .slice(0, 3)
      .join(' | ');
    return { number: s.n, width: s.w, height: s.h, text: norm(raw[s.n - 1] ?? ''), fill: Math.max(0, (last - (20 / heightMm) * h) / (((heightMm - 40) / heightMm) * h)), head };
  });
}

function docxText(files: readonly GeneratedFile[]): { xml: string; text: string; styles: string } {
  const zip = readZip(bytes(files, 'docx'));
  const part = (n: string): string => Buffer.from(zip.find((e) => e.name === n)?.data ?? new Uint8Array()).toString('utf8');
  const xml = part('word/document.xml');
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
  return { xml, text: text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), styles: part('word/styles.xml') };
}

const RULE_ID = new RegExp(`\\b(${RULES.map((r) => r.id.replace(/[.-]/g, (c) => `\\${c}`)).join('|')})\\b`);
const LANDSCAPE = (p: Page): boolean => p.width > p.height;

/** Sections and form fields in reading order, in each of the four formats. */
function expectEveryFormatInOrder(files: readonly GeneratedFile[], list: readonly Page[], needles: readonly string[]): void {
  expectInOrder(mdText(files), needles);
  expectInOrder(htmlText(files), needles);
  expectInOrder(list.map((p) => p.text).join(' '), needles);
  expectInOrder(norm(docxText(files).text), needles);
}

/** The page of "Nơi nhận:" holds the line just before it (the last article or closing paragraph). */
function expectSignatureWithText(list: readonly Page[], lastText: string): void {
  const sig = list.find((p) => p.text.includes('Nơi nhận:'));
  expect(sig, 'a page with Nơi nhận').toBeDefined();
  expect(sig!.text).toContain(lastText);
}

/** A section starts with a Phụ lục heading, or with the issuing body of an attached document. */
const SECTION_START = /^(PHỤ LỤC [IVXLC]+\b|ỦY BAN NHÂN DÂN|UBND)/;

/** No page more than half blank, except the last page of a section (signature page, last page of a Phụ lục, last page). */
function expectNoHalfBlankPage(list: readonly Page[], sectionStart: RegExp = SECTION_START): void {
  const sparse = list.filter((p, i) => {
    const next = list[i + 1];
    return !(next === undefined || sectionStart.test(next.head)) && p.fill < 0.5;
  });
  expect(
    sparse.map((p) => `p.${p.number} (${LANDSCAPE(p) ? 'ngang' : 'dọc'}) dùng ${Math.round(p.fill * 100)}% chiều cao: ${p.head.slice(0, 80)}`),
    'pages more than half blank in the middle of a section',
  ).toEqual([]);
  // the measure sees what it should: a full page is nearly full
  expect(Math.max(...list.map((p) => p.fill))).toBeGreaterThan(0.85);
}

/** Every page from the heading "PHỤ LỤC <label>" (after the signature) up to the next appendix. */
function appendixPages(list: readonly Page[], label: string, next: string | null): Page[] {
  const signed = list.findIndex((p) => p.text.includes('Nơi nhận:'));
  const start = list.findIndex((p, i) => i > signed && new RegExp(`PHỤ LỤC ${label}\\b`).test(p.text));
  const end = next === null ? list.length : list.findIndex((p, i) => i > start && new RegExp(`PHỤ LỤC ${next}\\b`).test(p.text));
  return list.slice(start, end);
}

describe.skipIf(!CHROMIUM)('Kế hoạch: md, html, pdf, docx', async () => {
  const files = await render('ke-hoach');
  const list = pages(files, 'ke-hoach');
  const all = list.map((p) => p.text).join(' ');
  const operative = all.slice(0, all.indexOf('BẢNG TỔNG HỢP CÁC NHIỆM VỤ'));

  it('has every section in order, in each format', () => {
    expectEveryFormatInOrder(files, list, PLAN_SECTIONS);
  });

  it('prints Nơi nhận and the signature on the page of the closing paragraph', () => {
    expectSignatureWithText(list, 'báo cáo Ủy ban nhân dân tỉnh Sơn Hà xem xét, quyết định./.');
  });

  it('prints the 7-column task appendix on landscape pages, the body in portrait', () => {
    const appendix = appendixPages(list, 'I', null);
    expect(appendix.length).toBeGreaterThan(0);
    for (const p of appendix) expect(LANDSCAPE(p), `p.${p.number}`).toBe(true);
    for (const p of list.slice(0, list.indexOf(appendix[0]!))) expect(LANDSCAPE(p), `p.${p.number}`).toBe(false);
  });

  it('has no page more than half blank except the last of a section', () => {
    expectNoHalfBlankPage(list);
  });

  it('names no rule id in the operative text', () => {
    expect(operative).not.toMatch(RULE_ID);
  });

  it('DOCX: vi-VN, cell padding of at least 1 mm, the appendix in a landscape section', () => {
    const { xml, styles } = docxText(files);
    expect(styles).toContain('w:lang w:val="vi-VN"');
    const margins = [...xml.matchAll(/<w:tcMar>([\s\S]*?)<\/w:tcMar>/g)].flatMap((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((x) => Number(x[1])));
    const data = margins.filter((w) => w > 0);
    expect(data.length).toBeGreaterThan(0);
    expect(Math.min(...data)).toBeGreaterThanOrEqual(57);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });
});

describe.skipIf(!CHROMIUM)('Báo cáo định kỳ: md, html, pdf, docx', async () => {
  const files = await render('bao-cao');
  const list = pages(files, 'bao-cao');
  const all = list.map((p) => p.text).join(' ');

  it('has every section and form field in order, in each format', () => {
    expectEveryFormatInOrder(files, list, REPORT_SECTIONS);
  });

  it('prints Nơi nhận and the signature on the page of the closing lines', () => {
    expectSignatureWithText(list, 'Người lập báo cáo, đầu mối liên hệ');
  });

  it('DOCX: the last recommendation is kept with the closing lines, Nơi nhận and the signature', () => {
    const paras = [...docxText(files).xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const closing = paras.findIndex((p) => p.includes('Trên đây là báo cáo'));
    expect(closing).toBeGreaterThan(0);
    // The paragraph before the closing formula is the last "Kiến nghị, đề xuất" item, held with it.
    expect(paras[closing - 1]).toContain('<w:keepNext/>');
    expect(paras[closing]).toContain('<w:keepNext/>');
  });

  it('DOCX: a section ending with a table closes on a 1-twip line (a full empty line took a blank last page)', () => {
    const { xml } = docxText(files);
    const body = xml.slice(0, xml.lastIndexOf('<w:sectPr'));
    expect(body.trimEnd()).toMatch(/<\/w:tbl><w:p>(?:(?!<\/w:p>)[\s\S])*w:line="20"(?:(?!<\/w:p>)[\s\S])*<\/w:p>$/);
  });

  it('DOCX: a lead-in sentence is kept with the table it introduces', () => {
    const paras = [...docxText(files).xml.matchAll(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*?cần ưu tiên xử lý:[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(paras).toHaveLength(1);
    expect(paras[0]).toContain('<w:keepNext/>');
  });

  it('prints every appendix with a wide table landscape', () => {
    for (const [label, next] of [['I', 'II'], ['II', 'III'], ['III', 'IV'], ['IV', null]] as const) {
      const ps = appendixPages(list, label, next);
      expect(ps.length, `Phụ lục ${label}`).toBeGreaterThan(0);
      for (const p of ps) expect(LANDSCAPE(p), `Phụ lục ${label}, p.${p.number}`).toBe(true);
    }
  });

  it('Phụ lục IV: the data-source catalogue rows stay short (its last column was too narrow: rows of 5–6 lines)', () => {
    const { xml } = docxText(files);
    // the DOCX grid: the security column is about as wide as the name column
    const at = xml.indexOf('Phân loại, điều kiện bảo mật');
    const grid = [...(xml.slice(xml.lastIndexOf('<w:tblGrid>', at), xml.indexOf('</w:tblGrid>', xml.lastIndexOf('<w:tblGrid>', at))).matchAll(/w:w="(\d+)"/g))].map((m) => Number(m[1]));
    expect(grid).toHaveLength(8);
    expect(grid[7]! / grid[1]!).toBeGreaterThan(0.9);
    // the PDF: the STT of two rows in a row are at most four text heights apart (rows of about 3–4 lines; they were 5.6)
    const first = appendixPages(list, 'IV', null)[0]!.number;
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(first), join(out, 'bao-cao.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const stt: { page: number; y: number; h: number }[] = [];
    let page = 0;
    for (const line of bbox.split('\n')) {
      if (line.includes('<page ')) page++;
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">\d+<\/word>/.exec(line);
      if (m && Number(m[1]) < 42 * (72 / 25.4)) stt.push({ page, y: (Number(m[2]) + Number(m[3])) / 2, h: Number(m[3]) - Number(m[2]) });
    }
    expect(stt.length).toBeGreaterThan(10);
    const gaps = stt.slice(1).flatMap((x, k) => (x.page === stt[k]!.page ? [(x.y - stt[k]!.y) / x.h] : []));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4);
  });

  it('has no page more than half blank except the last of a section', () => {
    expectNoHalfBlankPage(list);
  });

  it('names no rule id anywhere', () => {
    expect(all).not.toMatch(RULE_ID);
  });
});

describe.skipIf(!CHROMIUM)('Chiến lược dữ liệu: md, html, pdf, docx', async () => {
  const files = await render('chien-luoc');
  const list = pages(files, 'chien-luoc');
  const all = list.map((p) => p.text).join(' ');

  it('has every article and appendix in order, in each format', () => {
    expectEveryFormatInOrder(files, list, STRATEGY_SECTIONS);
  });

  it('keeps Điều 2 and Điều 3 on the page of Nơi nhận and the signature', () => {
    const sig = list.find((p) => p.text.includes('Nơi nhận:'))!;
    expect(sig.text).toContain('Điều 2.');
    expect(sig.text).toContain('Điều 3.');
  });

  it('prints the wide appendices (tasks, databases, systems) landscape and the others portrait', () => {
    const expectations = [['I', 'II', true], ['II', 'III', false], ['III', 'IV', true], ['IV', 'V', true], ['V', null, false]] as const;
    for (const [label, next, landscape] of expectations) {
      const ps = appendixPages(list, label, next);
      expect(ps.length, `Phụ lục ${label}`).toBeGreaterThan(0);
      // a figure wider than tall has a landscape page of its own inside a portrait appendix
      const figurePage = (p: Page): boolean => !landscape && LANDSCAPE(p) && /Hình \d+\./.test(p.text);
      for (const p of ps) if (!figurePage(p)) expect(LANDSCAPE(p), `Phụ lục ${label}, p.${p.number}`).toBe(landscape);
    }
    const figures = list.filter((p) => LANDSCAPE(p) && /Hình \d+\./.test(p.text) && appendixPages(list, 'II', 'III').includes(p));
    expect(figures.length, 'landscape figure pages in Phụ lục II').toBeGreaterThan(0);
  });

  it('has no page more than half blank except the last of a section', () => {
    expectNoHalfBlankPage(list);
  });

  it('names no rule id and no framework pack anywhere in the decision and its appendices', () => {
    expect(all).not.toMatch(RULE_ID);
    expect(all).not.toContain('vn-2025');
  });

  it('DOCX: the DỰ THẢO box ends inside the right margin', () => {
    const { xml } = docxText(files);
    const box = /<w:p>(?:(?!<\/w:p>)[\s\S])*?DỰ THẢO/.exec(xml)?.[0] ?? '';
    expect(box).toMatch(/<w:ind w:left="\d+" w:right="(\d+)"/);
    expect(Number(/w:right="(\d+)"/.exec(box)?.[1])).toBeGreaterThanOrEqual(80);
  });
});

describe.skipIf(!CHROMIUM)('Chiến lược dữ liệu, bản công khai: md, html, pdf, docx', async () => {
  const files = await render('chien-luoc', 'public');
  const list = pages(files, 'chien-luoc-cong-khai');
  const all = list.map((p) => p.text).join(' ');

  it('has every article and appendix in order, in each format, and says it is the public edition', () => {
    expectEveryFormatInOrder(files, list, ['BẢN CÔNG KHAI', ...STRATEGY_SECTIONS]);
  });

  it('keeps Điều 2 and Điều 3 on the page of Nơi nhận and the signature', () => {
    const sig = list.find((p) => p.text.includes('Nơi nhận:'))!;
    expect(sig.text).toContain('Điều 2.');
    expect(sig.text).toContain('Điều 3.');
  });

  it('prints the task appendix landscape', () => {
    const ps = appendixPages(list, 'I', 'II');
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) expect(LANDSCAPE(p), `p.${p.number}`).toBe(true);
  });

  it('has no page more than half blank except the last of a section', () => {
    expectNoHalfBlankPage(list);
  });

  it('names no rule id and no framework pack anywhere', () => {
    expect(all).not.toMatch(RULE_ID);
    expect(all).not.toContain('vn-2025');
  });
});

describe.skipIf(!CHROMIUM)('Khung kiến trúc số: md, html, pdf, docx', async () => {
  const files = await render('kien-truc');
  const list = pages(files, 'kien-truc');
  const all = list.map((p) => p.text).join(' ');

  it('has every chapter and appendix in order, in each format', () => {
    expectEveryFormatInOrder(files, list, ARCHITECTURE_SECTIONS);
  });

  it('keeps the last articles on the page of Nơi nhận and the signature', () => {
    const sig = list.find((p) => p.text.includes('Nơi nhận:'))!;
    expect(sig.text).toContain('Điều 3.');
    expect(sig.text).toContain('chịu trách nhiệm thi hành Quyết định này');
  });

  it('prints the wide appendices (systems, databases, tasks) landscape and the mapping portrait', () => {
    const expectations = [['I', 'II', true], ['II', 'III', true], ['III', 'IV', false], ['IV', null, true]] as const;
    for (const [label, next, landscape] of expectations) {
      const ps = appendixPages(list, label, next);
      expect(ps.length, `Phụ lục ${label}`).toBeGreaterThan(0);
      for (const p of ps) expect(LANDSCAPE(p), `Phụ lục ${label}, p.${p.number}`).toBe(landscape);
    }
  });

  it('has no page more than half blank except the last of a section', () => {
    expectNoHalfBlankPage(list);
  });

  it('draws both overall diagrams: SVG in the PDF, PNG in the DOCX', () => {
    expect(all).toContain('Hình 1. Hiện trạng kiến trúc số');
    expect(all).toContain('Hình 2. Mô hình tổng thể kiến trúc số đến năm 2030');
    expect(docxText(files).xml.match(/<a:blip /g)?.length).toBe(2);
  });

  it('names no rule id and no framework pack anywhere', () => {
    expect(all).not.toMatch(RULE_ID);
    expect(all).not.toContain('vn-2025');
  });
});

describe.skipIf(!CHROMIUM)('HTML on a 390 px phone screen', async () => {
  const gap = sampleFile(await sampleBuild(), 'gap-report.html');

  it('no page scrolls sideways (wide tables scroll inside themselves)', async () => {
    const html = [...built.filter((x) => x.path.endsWith('.html')), { path: 'gap-report.html', contents: new Uint8Array(gap) }];
    expect(html).toHaveLength(6);
    const page = await (await browser.get()).newPage();
    try {
      await page.setViewport({ width: 390, height: 844 });
      for (const f of html) {
        await page.setContent(Buffer.from(f.contents).toString('utf8'), { waitUntil: 'load' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), f.path).toBeLessThanOrEqual(390);
      }
    } finally {
      await page.close();
    }
  });
});

describe.skipIf(!CHROMIUM)('gap report: md, html, pdf, docx', async () => {
  // As `kientruc build` wrote them in the run's one Chromium build of the sample (same day, the rules).
  const build = await sampleBuild();
  const files: GeneratedFile[] = FORMATS.map((ext) => ({ path: `gap-report.${ext}`, contents: new Uint8Array(sampleFile(build, `gap-report.${ext}`)) }));
  const list = pages(files, 'gap-report');
  const SECTIONS = ['BÁO CÁO ĐÁNH GIÁ KHOẢNG CÁCH', 'I. Tóm tắt', 'II. Tình hình thực hiện các chỉ tiêu quốc gia', 'III. Mức độ bao phủ của kiến trúc', 'IV. Đánh giá theo lớp kiến trúc và lớp dữ liệu', 'V. Tồn tại chưa có nhiệm vụ khắc phục', 'VI. Danh mục việc cần làm', 'VII. Chi tiết phát hiện theo quy tắc'];
  const up = (s: string): string => s.toLocaleUpperCase('vi');

  it('writes gap-report.{md,html,pdf,docx}, the PDF on A4 landscape, with every section in order in each format', () => {
    expect([...build.files.keys()].filter((p) => p.startsWith('gap-report.') && !p.endsWith('.json'))).toEqual(['gap-report.md', 'gap-report.html', 'gap-report.pdf', 'gap-report.docx']);
    for (const p of list) expect(LANDSCAPE(p) && Math.round(p.width) === 842, `p.${p.number}`).toBe(true);
    for (const text of [mdText(files), htmlText(files), list.map((p) => p.text).join(' '), norm(docxText(files).text)]) expectInOrder(up(text), SECTIONS.map(up));
    expect(docxText(files).text).not.toMatch(/<br|\*\*|`/);
  });

  it('has no page more than half blank except the last of a section', () => {
    expectNoHalfBlankPage(list, /^([IVX]+\. |BÁO CÁO)/);
  });

  it('keeps rule ids to its technical section (VII), out of the summary and the to-do list', () => {
    const all = list.map((p) => p.text).join(' ');
    const technical = up(all).indexOf(up('VII. Chi tiết phát hiện theo quy tắc'));
    expect(technical).toBeGreaterThan(0);
    expect(all.slice(0, technical)).not.toMatch(RULE_ID);
  });
});

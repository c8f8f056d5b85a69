import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/pipeline.js';
import { renderDocuments, type DocumentKind } from '../../../src/render/documents/index.js';
import { readZip } from '../../../src/render/strategy/zip.js';
import { RULES } from '../../../src/rules/index.js';
import { makeTempDir } from '../../helpers/tmp.js';
import { sharedBrowser } from '../../helpers/browser.js';
import { sampleBuild, sampleDocument, sampleFile } from '../../helpers/sample-build.js';
import type { GeneratedFile, RenderContext } from '../../../src/render/types.js';
import { REPO, valid } from '../../helpers/project.js';
import { ARCHITECTURE_SECTIONS, expectInOrder, PLAN_SECTIONS, REPORT_SECTIONS } from './sections.js';

/**
 * Every document of the sample in PDF and DOCX, read back as a reviewer would (pdftotext per page,
 * the DOCX XML): sections in order, the signature on the page of the closing text, wide appendices
 * landscape, no rule id in the operative text, DOCX tagged vi-VN with readable cell padding.
 */

const browser = sharedBrowser();
const out = makeTempDir('kientruc-docs-');

/**
 * The internal PDF and DOCX of one of the sample's documents, as the run's one Chromium build of the
 * sample made them (tests/helpers/sample-build.ts: on 2026-09-30 with the rules, `kientruc build`'s
 * strategy and báo cáo, the Kế hoạch and the Kiến trúc số rendered in the same context).
 */
async function render(kind: DocumentKind): Promise<GeneratedFile[]> {
  const build = await sampleBuild();
  return (['pdf', 'docx'] as const).map((ext) => ({ path: `${kind}.${ext}`, contents: new Uint8Array(sampleDocument(build, kind, ext)) }));
}

function bytes(files: readonly GeneratedFile[], ext: string): Uint8Array {
  const f = files.find((x) => x.path.endsWith(`.${ext}`));
  if (!f) throw new Error(`no .${ext}`);
  return typeof f.contents === 'string' ? new Uint8Array(Buffer.from(f.contents)) : f.contents;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ');

interface Page {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
}

/** Each page's size (points) and text. */
function pages(files: readonly GeneratedFile[], name: string): Page[] {
  const path = join(out, name);
  writeFileSync(path, bytes(files, 'pdf'));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ n: Number(m[1]), w: Number(m[2]), h: Number(m[3]) }));
  return sizes.map((s) => ({
    number: s.n,
    width: s.w,
    height: s.h,
    text: norm(execFileSync('pdftotext', ['-raw', '-f', String(s.n), '-l', String(s.n), path, '-'], { encoding: 'utf8' })),
  }));
}

function docxText(files: readonly GeneratedFile[]): { xml: string; text: string; styles: string } {
  const zip = readZip(bytes(files, 'docx'));
  const part = (n: string): string => Buffer.from(zip.find((e) => e.name === n)?.data ?? new Uint8Array()).toString('utf8');
  const xml = part('word/document.xml');
  const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
  return { xml, text: text.replace(/&amp;/g, '&'), styles: part('word/styles.xml') };
}


const RULE_ID = new RegExp(`\\b(${RULES.map((r) => r.id.replace(/[.-]/g, (c) => `\\${c}`)).join('|')})\\b`);
const LANDSCAPE = (p: Page): boolean => p.width > p.height;

/** The page of "Nơi nhận:" holds the line just before it (the last article or closing paragraph). */
function expectSignatureWithText(list: readonly Page[], lastText: string): void {
  const sig = list.find((p) => p.text.includes('Nơi nhận:'));
  expect(sig, 'a page with Nơi nhận').toBeDefined();
  expect(sig!.text).toContain(lastText);
}

/** Every page from the heading "PHỤ LỤC <label>" (after the signature) up to the next appendix. */
function appendixPages(list: readonly Page[], label: string, next: string | null): Page[] {
  const signed = list.findIndex((p) => p.text.includes('Nơi nhận:'));
  const start = list.findIndex((p, i) => i > signed && new RegExp(`PHỤ LỤC ${label}\\b`).test(p.text));
  const end = next === null ? list.length : list.findIndex((p, i) => i > start && new RegExp(`PHỤ LỤC ${next}\\b`).test(p.text));
  return list.slice(start, end);
}

describe('Kế hoạch: PDF and DOCX', async () => {
  const files = await render('ke-hoach');
  const list = pages(files, 'ke-hoach.pdf');
  const all = list.map((p) => p.text).join(' ');
  const operative = all.slice(0, all.indexOf('BẢNG TỔNG HỢP CÁC NHIỆM VỤ'));

  it('has every section in order, in the PDF and in the DOCX', () => {
    expectInOrder(all, PLAN_SECTIONS);
    expectInOrder(norm(docxText(files).text), PLAN_SECTIONS);
  });

  it('prints Nơi nhận and the signature on the page of the closing paragraph', () => {
    expectSignatureWithText(list, 'báo cáo Ủy ban nhân dân xem xét, quyết định.');
  });

  it('prints the 7-column task appendix on landscape pages, the body in portrait', () => {
    const appendix = appendixPages(list, 'I', null);
    expect(appendix.length).toBeGreaterThan(0);
    for (const p of appendix) expect(LANDSCAPE(p), `p.${p.number}`).toBe(true);
    for (const p of list.slice(0, list.indexOf(appendix[0]!))) expect(LANDSCAPE(p), `p.${p.number}`).toBe(false);
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

describe('Báo cáo định kỳ: PDF and DOCX', async () => {
  const files = await render('bao-cao');
  const list = pages(files, 'bao-cao.pdf');
  const all = list.map((p) => p.text).join(' ');

  it('has every section and form field in order, in the PDF and in the DOCX', () => {
    expectInOrder(all, REPORT_SECTIONS);
    expectInOrder(norm(docxText(files).text), REPORT_SECTIONS);
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

  it('prints every appendix with a wide table landscape', () => {
    for (const [label, next] of [['I', 'II'], ['II', 'III'], ['III', 'IV'], ['IV', null]] as const) {
      for (const p of appendixPages(list, label, next)) expect(LANDSCAPE(p), `Phụ lục ${label}, p.${p.number}`).toBe(true);
    }
  });

  it('names no rule id anywhere', () => {
    expect(all).not.toMatch(RULE_ID);
  });
});

describe('Chiến lược dữ liệu: print quality', async () => {
  const files = await render('chien-luoc');
  const list = pages(files, 'chien-luoc.pdf');
  const all = list.map((p) => p.text).join(' ');

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

describe('Khung kiến trúc số: PDF and DOCX', async () => {
  const files = await render('kien-truc');
  const list = pages(files, 'kien-truc.pdf');
  const all = list.map((p) => p.text).join(' ');

  it('has every chapter and appendix in order, in the PDF and in the DOCX', () => {
    expectInOrder(all, ARCHITECTURE_SECTIONS);
    expectInOrder(norm(docxText(files).text), ARCHITECTURE_SECTIONS);
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

describe('HTML on a 390 px phone screen', async () => {
  const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: '2026-09-30', rules: true }));
  const ctx: RenderContext = { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', log: () => {}, browser, assets: r.assets };
  const files = await renderDocuments(ctx, (['chien-luoc', 'ke-hoach', 'bao-cao', 'kien-truc'] as const).map((kind) => ({ kind, audience: 'internal' as const, formats: ['html' as const] })));
  const { gapReportFor, renderGapReport } = await import('../../../src/render/gap/gap-report.js');
  const gap = renderGapReport(gapReportFor(ctx), ['html']);

  it('no page scrolls sideways (wide tables scroll inside themselves)', async () => {
    const page = await (await browser.get()).newPage();
    try {
      await page.setViewport({ width: 390, height: 844 });
      for (const f of [...files, ...gap]) {
        await page.setContent(String(f.contents), { waitUntil: 'load' });
        expect(await page.evaluate(() => document.documentElement.scrollWidth), f.path).toBeLessThanOrEqual(390);
      }
    } finally {
      await page.close();
    }
  });
});

describe('gap report: PDF and DOCX', async () => {
  // As `kientruc build` wrote them in the run's one Chromium build of the sample (same day, the rules).
  const build = await sampleBuild();
  const files: GeneratedFile[] = (['pdf', 'docx'] as const).map((ext) => ({ path: `gap-report.${ext}`, contents: new Uint8Array(sampleFile(build, `gap-report.${ext}`)) }));
  const SECTIONS = ['BÁO CÁO ĐÁNH GIÁ KHOẢNG CÁCH', 'I. Tóm tắt', 'II. Tình hình thực hiện các chỉ tiêu quốc gia', 'III. Mức độ bao phủ của kiến trúc', 'IV. Đánh giá theo lớp kiến trúc và lớp dữ liệu', 'V. Tồn tại chưa có nhiệm vụ khắc phục', 'VI. Danh mục việc cần làm', 'VII. Chi tiết phát hiện theo quy tắc'];
  const up = (s: string): string => s.toLocaleUpperCase('vi');

  it('writes gap-report.pdf (A4 landscape) and gap-report.docx with every section in order', () => {
    expect([...build.files.keys()].filter((p) => p.startsWith('gap-report.') && /\.(pdf|docx)$/.test(p))).toEqual(['gap-report.pdf', 'gap-report.docx']);
    const list = pages(files, 'gap-report.pdf');
    for (const p of list) expect(LANDSCAPE(p) && Math.round(p.width) === 842, `p.${p.number}`).toBe(true);
    expectInOrder(up(list.map((p) => p.text).join(' ')), SECTIONS.map(up));
    expectInOrder(up(norm(docxText(files).text)), SECTIONS.map(up));
    expect(docxText(files).text).not.toMatch(/<br|\*\*|`/);
  });
});

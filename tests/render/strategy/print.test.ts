import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../../src/cli/app.js';
import { runPipeline } from '../../../src/pipeline.js';
import { renderStrategy, type StrategyFormat } from '../../../src/render/strategy/index.js';
import { readZip } from '../../../src/render/strategy/zip.js';
import type { Audience } from '../../../src/render/strategy/view-types.js';
import type { GeneratedFile, RenderContext } from '../../../src/render/types.js';
import { makeProject, REPO, valid } from '../../helpers/project.js';
import { AGENCY_DOC, ENTITIES } from './fixture.js';
import { sharedBrowser } from '../../helpers/browser.js';
import { SAMPLE_TODAY, sampleBuild, sampleFile, type SampleBuild } from '../../helpers/sample-build.js';
import { makeTempDir } from '../../helpers/tmp.js';

/**
 * The PDF and DOCX of the sample, read back the way a reviewer would: pdftotext/pdfinfo (poppler)
 * for the PDF, the XML inside the DOCX. Uses the system Chromium through the shared provider.
 */

const browser = sharedBrowser();
const out = makeTempDir('strategy-');
const ALL: StrategyFormat[] = ['md', 'html', 'pdf', 'docx'];

async function render(root: string, cwd: string, audience: Audience, asOf?: string): Promise<{ files: GeneratedFile[]; ctx: RenderContext }> {
  const r = valid(await runPipeline({ root, cwd, today: '2026-09-30', rules: true, ...(asOf ? { asOf } : {}) }));
  // The package's version, as the run's shared build of the sample (which the byte-equality test compares with) has it.
  const ctx: RenderContext = { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: TOOL_VERSION, log: () => {}, browser, assets: r.assets };
  return { files: await renderStrategy(ctx, { formats: ALL, audience }), ctx };
}

function file(files: readonly GeneratedFile[], ext: string): Uint8Array {
  const f = files.find((x) => x.path.endsWith(`.${ext}`));
  if (!f) throw new Error(`no .${ext}`);
  return typeof f.contents === 'string' ? new Uint8Array(Buffer.from(f.contents)) : f.contents;
}

function saved(bytes: Uint8Array, name: string): string {
  const p = join(out, name);
  writeFileSync(p, bytes);
  return p;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ');

function pdfText(path: string, ...args: string[]): string {
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}

interface Word {
  readonly page: number;
  /** Width of the word's page in points (portrait A4 595, landscape 842). */
  readonly pageWidth: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly text: string;
}

function words(path: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const list: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
    }
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
    if (m) list.push({ page, pageWidth, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] as string });
  }
  return list;
}

function docxXml(bytes: Uint8Array, name: string): string {
  const e = readZip(bytes).find((x) => x.name === name);
  if (!e) throw new Error(`${name} missing`);
  return Buffer.from(e.data).toString('utf8');
}

/** Paragraph texts of a WordprocessingML part, with the paragraph style of each. */
function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

const MM = 72 / 25.4;
const HEADINGS = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'QUYẾT ĐỊNH',
  'Căn cứ Luật Dữ liệu ngày 30 tháng 11 năm 2024;',
  'Điều 1.',
  'I. QUAN ĐIỂM',
  'II. TẦM NHÌN',
  'III. NGUYÊN TẮC',
  'IV. MỤC TIÊU',
  '1. Mục tiêu tổng quát',
  '2. Mục tiêu cụ thể',
  'a) Đến hết năm 2026',
  'b) Đến năm 2030',
  'V. NHIỆM VỤ VÀ GIẢI PHÁP',
  'VI. KINH PHÍ THỰC HIỆN',
  'VII. TỔ CHỨC THỰC HIỆN',
  'Điều 2.',
  'Điều 3.',
  'Nơi nhận:',
  'PHÓ CHỦ TỊCH',
  'PHỤ LỤC I',
  'BẢNG TỔNG HỢP CÁC NHIỆM VỤ',
  'PHỤ LỤC II',
  'PHỤ LỤC III',
  'PHỤ LỤC IV',
  'PHỤ LỤC V',
];

/** The strategy's files, one edition, as the run's shared build of the sample wrote them (formats in ALL's order). */
function fromSampleBuild(build: SampleBuild, audience: Audience): GeneratedFile[] {
  const base = audience === 'public' ? 'chien-luoc-du-lieu-cong-khai' : 'chien-luoc-du-lieu';
  return ALL.map((ext) => ({ path: `${base}.${ext}`, contents: new Uint8Array(sampleFile(build, `${base}.${ext}`)) }));
}

describe('strategy PDF and DOCX of the sample province', async () => {
  // The sample's strategy as `kientruc build` renders it (the run's one Chromium build of the sample,
  // tests/helpers/sample-build.ts, on the same day with the rules); rendered again below, by
  // renderStrategy itself, for the byte-equality test.
  const build = await sampleBuild();
  const files = fromSampleBuild(build, 'internal');
  const ctx = { model: valid(await runPipeline({ root: 'architecture', cwd: REPO, today: SAMPLE_TODAY, rules: true })).model };
  const pdf = saved(file(files, 'pdf'), 'internal.pdf');
  const docx = file(files, 'docx');
  const tasks = ctx.model.all('task');

  it('the PDF is A4 portrait', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+594\.96 x 841\.92 pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThan(15);
  });

  it('the PDF keeps the NĐ 30 margins on portrait and landscape pages: 30 mm left, 15 mm right, 20 mm top', () => {
    const list = words(pdf);
    const body = list.filter((w) => w.yMin > 20 * MM - 1);
    for (const w of body) {
      expect(w.xMin, `p.${w.page} ${w.text}`).toBeGreaterThanOrEqual(30 * MM - 1);
      expect(w.xMax, `p.${w.page} ${w.text}`).toBeLessThanOrEqual(w.pageWidth - 15 * MM + 1);
    }
    expect(Math.min(...list.map((w) => w.xMin))).toBeGreaterThanOrEqual(30 * MM - 1);
    // Body text reaches close to both margins, so the margins are the ones set, not wider ones.
    const portrait = body.filter((w) => w.pageWidth < 600);
    expect(Math.min(...portrait.map((w) => w.xMin))).toBeLessThan(30 * MM + 3);
    expect(Math.max(...portrait.map((w) => w.xMax))).toBeGreaterThan((210 - 15) * MM - 8);
  });

  it('the PDF numbers pages centred in the top margin, from page 2 on', () => {
    const top = words(pdf).filter((w) => w.yMin < 20 * MM);
    expect(top.filter((w) => w.page === 1)).toEqual([]);
    const pages = [...new Set(top.map((w) => w.page))];
    expect(pages.length).toBeGreaterThan(10);
    for (const w of top) {
      expect(w.text).toBe(String(w.page));
      expect(Math.abs((w.xMin + w.xMax) / 2 - (30 * MM + (w.pageWidth - 15 * MM)) / 2)).toBeLessThan(3);
    }
  });

  it('the PDF text holds every section heading and every task row', () => {
    const text = norm(pdfText(pdf, '-raw'));
    for (const h of HEADINGS) expect(text, h).toContain(h);
    expect(text).toContain('DỰ THẢO');
    const appendix = text.slice(text.indexOf('BẢNG TỔNG HỢP CÁC NHIỆM VỤ'), text.indexOf('PHỤ LỤC II'));
    for (const t of tasks) expect(appendix, t.ref).toContain(norm(t.name));
  });

  it('the DOCX has the same page setup in its section properties', () => {
    const xml = docxXml(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    expect(mar).toContain('w:top="1134"');
    expect(mar).toContain('w:bottom="1134"');
    expect(mar).toContain('w:left="1701"');
    expect(mar).toContain('w:right="850"');
    expect(xml).toContain('<w:titlePg/>');
    const header = readZip(docx).filter((e) => /^word\/header\d+\.xml$/.test(e.name)).map((e) => Buffer.from(e.data).toString('utf8'));
    expect(header.some((h) => h.includes('PAGE') && h.includes('w:jc w:val="center"'))).toBe(true);
  });

  it('the DOCX uses real Word headings and Times New Roman', () => {
    const ps = paragraphs(docxXml(docx, 'word/document.xml'));
    const h1 = ps.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual(expect.arrayContaining(['I. QUAN ĐIỂM', 'IV. MỤC TIÊU', 'VII. TỔ CHỨC THỰC HIỆN', 'PHỤ LỤC I', 'PHỤ LỤC V']));
    expect(ps.filter((p) => p.style === 'Heading2').map((p) => p.text)).toContain('1. Mục tiêu tổng quát');
    const all = ps.map((p) => p.text).join('\n');
    for (const h of HEADINGS) expect(all, h).toContain(h);
    const styles = docxXml(docx, 'word/styles.xml');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">/);
  });

  it('the DOCX embeds the diagrams as PNG, the PDF as vector graphics', () => {
    const media = readZip(docx).filter((e) => e.name.startsWith('word/media/'));
    // landscape overview, one connection map per channel family (NDXP, NDOP, LGSP, direct), data architecture
    expect(media).toHaveLength(6);
    for (const m of media) expect(Buffer.from(m.data.subarray(1, 4)).toString('latin1')).toBe('PNG');
    const text = norm(pdfText(pdf, '-raw'));
    expect(text).toContain('Hình 1. Bức tranh tổng thể hệ thống thông tin');
    expect(text).toContain('Hình 6. Kiến trúc dữ liệu');
  });

  it('the DOCX puts a figure wider than tall on a landscape section with its caption, as the PDF does', () => {
    const onPage = new Map<number, number>(); // figure number → width of the PDF page its caption is on
    const ws = words(pdf);
    ws.forEach((w, i) => {
      const n = /^(\d+)\.$/.exec(ws[i + 1]?.text ?? '')?.[1];
      if (w.text === 'Hình' && n && ws[i + 1]!.page === w.page && !onPage.has(Number(n))) onPage.set(Number(n), w.pageWidth);
    });
    expect([...onPage.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    const wide = [...onPage].filter(([, width]) => width > 700).map(([n]) => n);
    expect(wide.length, 'landscape figures').toBeGreaterThan(0);
    expect(wide.length, 'portrait figures').toBeLessThan(6);
    // a section's properties close it: split the body after each <w:sectPr>
    const sections = docxXml(docx, 'word/document.xml').split('</w:sectPr>').slice(0, -1);
    for (const n of onPage.keys()) {
      const section = sections.find((x) => x.includes(`Hình ${n}. `));
      expect(section, `Hình ${n}`).toBeDefined();
      const landscape = /<w:pgSz [^>]*w:orient="landscape"/.test(section!.slice(section!.lastIndexOf('<w:sectPr')));
      expect(landscape, `Hình ${n}`).toBe(wide.includes(n));
      // drawn within the section's text width: 252 mm landscape, 165 mm portrait (EMU: 36000 per mm)
      const cx = Number(/<wp:extent cx="(\d+)"/.exec(section!.slice(0, section!.indexOf(`Hình ${n}. `)).split('<w:drawing>').at(-1) ?? '')?.[1]);
      expect(cx / 36000, `Hình ${n}`).toBeLessThanOrEqual(landscape ? 252 : 165);
    }
  });

  it('the DOCX task table repeats its header row and holds every task', () => {
    const xml = docxXml(docx, 'word/document.xml');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    const texts = paragraphs(xml).map((p) => p.text);
    for (const t of tasks) expect(texts, t.ref).toContain(t.name.replace(/&/g, '&amp;'));
    expect(texts).toContain('Thực hiện thường xuyên');
  });

  it('PDF and DOCX metadata carry the document date, not the clock', () => {
    const info = execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' });
    expect(info).toMatch(/CreationDate:\s+2026-10-15T00:00:00/);
    expect(info).toMatch(/ModDate:\s+2026-10-15T00:00:00/);
    const core = docxXml(docx, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-10-15T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-15T00:00:00Z</dcterms:modified>');
    const zipDates = execFileSync('unzip', ['-l', saved(docx, 'internal.docx')], { encoding: 'utf8' });
    expect(zipDates.split('\n').filter((l) => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(l)).every((l) => l.includes('2026-10-15 00:00'))).toBe(true);
  });

  it('rebuilding gives the same bytes in all four formats', async () => {
    const again = (await render('architecture', REPO, 'internal')).files;
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    for (const ext of ['md', 'html', 'pdf', 'docx']) {
      expect(Buffer.compare(Buffer.from(file(again, ext)), Buffer.from(file(files, ext))), ext).toBe(0);
    }
  });

  it('the public PDF and DOCX leave out what must not be published', async () => {
    const pub = fromSampleBuild(build, 'public');
    expect([...build.files.keys()].filter((p) => p.startsWith('chien-luoc-du-lieu-cong-khai.'))).toEqual(ALL.map((e) => `chien-luoc-du-lieu-cong-khai.${e}`));
    const pdfPub = norm(pdfText(saved(file(pub, 'pdf'), 'public.pdf'), '-raw'));
    const docxPub = paragraphs(docxXml(file(pub, 'docx'), 'word/document.xml')).map((p) => p.text).join('\n');
    const restricted = ctx.model.all('dataset').filter((d) => d.sharing !== 'open' && d.sharing !== 'shared');
    for (const text of [pdfPub, norm(docxPub)]) {
      expect(text).toContain('BẢN CÔNG KHAI');
      for (const d of restricted) expect(text, d.ref).not.toContain(norm(d.name));
      expect(text).not.toMatch(/Cấp độ an toàn|hồ sơ: đã phê duyệt|Hình thức triển khai|Từ → đến/);
      for (const s of ctx.model.all('system')) if (s.security?.decision) expect(text).not.toContain(s.security.decision.number);
    }
  });

  it('the public notice stays in its column beside the DỰ THẢO / BẢN CÔNG KHAI box, down to its last line', () => {
    // Its last line used to flow under the floated box, centred on the whole width (an official reviewer).
    const first = words(saved(file(fromSampleBuild(build, 'public'), 'pdf'), 'public-notice.pdf')).filter((w) => w.page === 1);
    const header = first.find((w) => w.text === 'CỘNG');
    expect(header).toBeDefined();
    const top = first.filter((w) => w.yMin < header!.yMin - 2);
    const box = top.filter((w) => ['DỰ', 'THẢO', 'BẢN', 'CÔNG', 'KHAI'].includes(w.text));
    const notice = top.filter((w) => !box.includes(w));
    expect(box.length).toBe(5);
    expect(notice.map((w) => w.text).join(' ')).toContain('giữa các hệ thống.');
    expect(Math.max(...notice.map((w) => w.xMax))).toBeLessThan(Math.min(...box.map((w) => w.xMin)));
  });
});

describe('strategy PDF and DOCX: names are text', async () => {
  const evil = '**Sở** <script>alert("x")</script> {{agency}} | [bấm](http://x)';
  const dir = makeProject({
    'architecture/agency.yaml': AGENCY_DOC,
    'architecture/entities.yaml': ENTITIES.replace('name: Phân loại dữ liệu', `name: ${JSON.stringify(`Nhiệm vụ ${evil}`)}`),
  });
  const { files } = await render('architecture', dir, 'internal', '2026-03-31');

  it('appears literally in the PDF text', () => {
    expect(norm(pdfText(saved(file(files, 'pdf'), 'evil.pdf'), '-raw'))).toContain(`Nhiệm vụ ${evil}`);
  });

  it('is escaped XML text in the DOCX', () => {
    const xml = docxXml(file(files, 'docx'), 'word/document.xml');
    expect(xml).toContain('Nhiệm vụ **Sở** &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{agency}} | [bấm](http://x)');
    expect(xml).not.toContain('<script>');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gapReportFor, renderGapReport } from '../../src/render/gap/gap-report.js';
import { GAP_TOC } from '../../src/render/gap/toc.js';
import { readZip } from '../../src/render/strategy/zip.js';
import { sampleBuild, sampleFile, SAMPLE_TODAY } from '../helpers/sample-build.js';
import { makeTempDir } from '../helpers/tmp.js';
import { runPipeline } from '../../src/pipeline.js';
import { manifestJson } from '../../src/write/write-generated.js';
import { AGENCY, makeProject, REPO, runMain, valid, validPipelineFor } from '../helpers/project.js';

/** The sample province at its own report date. */
const SAMPLE_AS_OF = '2026-09-30';

describe('gap report of the sample province (golden)', async () => {
  const result = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: SAMPLE_AS_OF, asOf: SAMPLE_AS_OF, rules: true }));
  const files = renderGapReport(gapReportFor(result));
  const byPath = new Map(files.map((f) => [f.path, String(f.contents)]));

  it('writes Markdown, HTML and JSON', () => {
    expect(files.map((f) => f.path)).toEqual(['gap-report.md', 'gap-report.html', 'gap-report.json']);
  });
  it('gap-report.md', async () => {
    await expect(byPath.get('gap-report.md')).toMatchFileSnapshot('../golden/sample/gap-report.md');
  });
  it('gap-report.json', async () => {
    await expect(byPath.get('gap-report.json')).toMatchFileSnapshot('../golden/sample/gap-report.json');
  });
  it('gap-report.html', async () => {
    await expect(byPath.get('gap-report.html')).toMatchFileSnapshot('../golden/sample/gap-report.html');
  });
  it('is byte-reproducible and self-contained', async () => {
    const again = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: '2030-01-01', asOf: SAMPLE_AS_OF, rules: true }));
    expect(renderGapReport(gapReportFor(again)).map((f) => String(f.contents))).toEqual(files.map((f) => String(f.contents)));
    const html = byPath.get('gap-report.html') ?? '';
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });
});

describe('gap report escaping', () => {
  it('shows names with Markdown and HTML syntax literally', async () => {
    const r = await validPipelineFor({
      'architecture/agency.yaml': AGENCY,
      'architecture/s.yaml': `apiVersion: kientruc/v1
kind: System
id: x
name: "Hệ thống <script>alert(1)</script> | *đậm* [liên kết](http://x)"
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
`,
    });
    const files = renderGapReport(gapReportFor(r));
    const md = String(files.find((f) => f.path === 'gap-report.md')?.contents);
    const html = String(files.find((f) => f.path === 'gap-report.html')?.contents);
    expect(md).toContain('&lt;script\\>alert(1)&lt;/script\\> \\| \\*đậm\\* \\[liên kết\\](http://x)');
    expect(md).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});

describe('kientruc gap', () => {
  it('writes the chosen formats into --out, keeping other files, and exits 0', async () => {
    // out/ is kientruc's (it has a manifest), and holds a file of the user's beside.
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'out/keep.txt': 'x', 'out/.kientruc-manifest.json': manifestJson('0.0.0', []) });
    const r = await runMain(['gap', '--format', 'md,json', '--out', 'out', '--as-of', '2026-01-15'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out/gap-report.md'))).toBe(true);
    expect(existsSync(join(dir, 'out/gap-report.json'))).toBe(true);
    expect(existsSync(join(dir, 'out/gap-report.html'))).toBe(false);
    expect(readFileSync(join(dir, 'out/keep.txt'), 'utf8')).toBe('x');
    expect(r.stderr).toContain('gap-report.md');
    expect(r.stdout).toBe('');
  });

  it('rejects an unknown format (exit 2) and refuses a broken architecture (exit 1, nothing written)', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY });
    expect((await runMain(['gap', '--format', 'odt'], dir)).code).toBe(2);
    const broken = makeProject({ 'architecture/agency.yaml': `${AGENCY}level: galaxy\n` });
    const r = await runMain(['gap', '--out', 'out'], broken);
    expect(r.code).toBe(1);
    expect(existsSync(join(broken, 'out'))).toBe(false);
  });
});

/** A file location as findings give it: `architecture/x.yaml:12:3`. */
const FILE_PATH = /[\w./-]+\.YA?ML(:\d+){1,2}/i;

/**
 * The report's text reads: "Mục lục", then every section title (the contents), then each title again
 * as its heading in the same order; file paths appear only after the last heading, the technical section.
 */
function expectContentsAndPaths(text: string, format: string): void {
  // Case apart: the PDF's headings are capitals (CSS), its text layer says so.
  const flat = text.replace(/\s+/g, ' ').toLocaleUpperCase('vi');
  const toc = flat.indexOf('MỤC LỤC');
  expect(toc, `${format}: Mục lục`).toBeGreaterThan(-1);
  let at = toc;
  for (const pass of ['contents', 'headings']) {
    for (const s of GAP_TOC) {
      const next = flat.indexOf(s.title.toLocaleUpperCase('vi'), at + 1);
      expect(next, `${format} ${pass}: ${s.title}`).toBeGreaterThan(at);
      at = next;
    }
  }
  expect(FILE_PATH.test(flat.slice(0, at)), `${format}: a file path before the technical section`).toBe(false);
  expect(FILE_PATH.test(flat.slice(at)), `${format}: file paths in the technical section`).toBe(true);
}

describe('gap report: contents, and file paths only in the technical section', async () => {
  const result = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: SAMPLE_AS_OF, asOf: SAMPLE_AS_OF, rules: true }));
  const report = gapReportFor(result);

  it('Markdown and HTML (the HTML contents link to the headings)', () => {
    const [md, html] = renderGapReport(report, ['md', 'html']).map((f) => String(f.contents));
    expectContentsAndPaths(md!, 'md');
    expect(md).toContain(`**Mục lục**\n\n${GAP_TOC.map((t) => `- ${t.title}`).join('\n')}\n`);
    const text = html!.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
    expectContentsAndPaths(text, 'html');
    for (const t of GAP_TOC) {
      expect(html).toContain(`<a href="#${t.id}">${t.title}</a>`);
      expect(html).toContain(`<h2 id="${t.id}">${t.title}</h2>`);
    }
  });

  it('PDF and DOCX', async () => {
    // As `kientruc build` renders them for the sample on this day (the run's one Chromium build of the
    // sample, tests/helpers/sample-build.ts).
    expect(SAMPLE_TODAY).toBe(SAMPLE_AS_OF);
    const build = await sampleBuild();
    const dir = makeTempDir('gap-toc-');
    const pdf = join(dir, 'gap-report.pdf');
    writeFileSync(pdf, sampleFile(build, 'gap-report.pdf'));
    expectContentsAndPaths(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }), 'pdf');
    const docx = readZip(new Uint8Array(sampleFile(build, 'gap-report.docx')));
    const xml = Buffer.from(docx.find((e) => e.name === 'word/document.xml')!.data).toString('utf8');
    const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
    expectContentsAndPaths(text.replace(/&amp;/g, '&'), 'docx');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gapReportFor, renderGapReport } from '../../src/render/gap/gap-report.js';
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
    expect((await runMain(['gap', '--format', 'pdf'], dir)).code).toBe(2);
    const broken = makeProject({ 'architecture/agency.yaml': `${AGENCY}level: galaxy\n` });
    const r = await runMain(['gap', '--out', 'out'], broken);
    expect(r.code).toBe(1);
    expect(existsSync(join(broken, 'out'))).toBe(false);
  });
});

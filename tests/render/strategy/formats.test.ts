import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { loadDocumentLayout } from '../../../src/framework/document-pack.js';
import { runPipeline, type ValidPipelineResult } from '../../../src/pipeline.js';
import { renderStrategyHtml, renderStrategyMarkdown } from '../../../src/render/strategy/formats.js';
import { strategyDiagrams } from '../../../src/render/strategy/diagrams.js';
import { renderStrategy } from '../../../src/render/strategy/index.js';
import { builtinTemplateNames, TEMPLATE_DIR } from '../../../src/render/strategy/templates.js';
import { buildStrategyView } from '../../../src/render/strategy/view-model.js';
import type { RenderContext } from '../../../src/render/types.js';
import { makeProject, REPO, valid } from '../../helpers/project.js';
import { AGENCY_DOC, ENTITIES } from './fixture.js';
import { makeTempDir } from '../../helpers/tmp.js';

const SAMPLE_AS_OF = '2026-09-30';
const layout = loadDocumentLayout('vn-2025');

function ctxOf(r: ValidPipelineResult): RenderContext {
  return { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', log: () => {}, browser: undefined, assets: r.assets };
}

/** Text a reader sees once the Markdown is rendered: tags dropped, entities decoded. */
function visibleText(markdown: string): string {
  const html = new MarkdownIt({ html: false }).render(markdown);
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('strategy document: golden Markdown and HTML of the sample province', async () => {
  const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: SAMPLE_AS_OF, asOf: SAMPLE_AS_OF, rules: true }));
  // Diagrams without a browser: Mermaid sources only (Markdown embeds them; HTML says they are not drawn).
  const noBrowser = { model: r.model, asOf: r.asOf, browser: undefined, log: () => {} };
  const internal = buildStrategyView({
    model: r.model,
    asOf: r.asOf,
    audience: 'internal',
    toolVersion: '0.0.0-test',
    assets: r.assets,
    diagnostics: r.diagnostics,
    diagrams: (await strategyDiagrams(noBrowser, 'internal', false)).views,
  }).view;
  const pub = buildStrategyView({
    model: r.model,
    asOf: r.asOf,
    audience: 'public',
    toolVersion: '0.0.0-test',
    assets: r.assets,
    diagnostics: r.diagnostics,
    diagrams: (await strategyDiagrams(noBrowser, 'public', false)).views,
  }).view;

  it('Markdown (internal edition)', async () => {
    await expect(renderStrategyMarkdown(internal)).toMatchFileSnapshot('../../golden/strategy/chien-luoc-du-lieu.md');
  });

  it('HTML (internal edition)', async () => {
    await expect(renderStrategyHtml(internal, layout)).toMatchFileSnapshot('../../golden/strategy/chien-luoc-du-lieu.html');
  });

  it('Markdown (public edition)', async () => {
    await expect(renderStrategyMarkdown(pub)).toMatchFileSnapshot('../../golden/strategy/chien-luoc-du-lieu-cong-khai.md');
  });

  it('the HTML is self-contained: inline CSS, no script, no external resource', () => {
    const html = renderStrategyHtml(internal, layout);
    expect(html).toMatch(/<style>[\s\S]*@page \{[\s\S]*size: 210mm 297mm;/);
    expect(html).not.toMatch(/<script|<link |src="http|href="http/i);
  });

  it('Markdown embeds the diagrams as mermaid blocks; the public edition only the landscape overview', () => {
    const md = renderStrategyMarkdown(internal);
    // landscape overview, the connections in one figure per channel family (NDXP, NDOP, LGSP, direct), data architecture
    expect(md.match(/^```mermaid$/gm)).toHaveLength(6);
    expect(md).toContain('*Hình 2. Sơ đồ kết nối');
    expect(md).toContain('*Hình 6. Kiến trúc dữ liệu');
    const pmd = renderStrategyMarkdown(pub);
    expect(pmd.match(/^```mermaid$/gm)).toHaveLength(1);
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(pmd)?.[1] ?? '';
    expect(block).toContain('hệ thống');
    expect(block).not.toMatch(/cấp độ|Đang vận hành/);
  });

  it('every task of the sample has a row in the Markdown task appendix', () => {
    const md = renderStrategyMarkdown(internal);
    const appendix = md.slice(md.indexOf('# PHỤ LỤC I'), md.indexOf('# PHỤ LỤC II'));
    for (const t of r.model.all('task')) expect(appendix, t.ref).toContain(`| ${t.name.replace(/\s+/g, ' ')} |`);
  });

  it('the public edition leaves out what must not be published', () => {
    const md = renderStrategyMarkdown(pub);
    const html = renderStrategyHtml(pub, layout);
    const restricted = r.model.all('dataset').filter((d) => d.sharing !== 'open' && d.sharing !== 'shared');
    expect(restricted.length).toBeGreaterThan(3);
    for (const out of [md, html]) {
      for (const d of restricted) expect(out, d.ref).not.toContain(d.name);
      for (const s of r.model.all('system')) {
        if (s.network?.internalUrl) expect(out).not.toContain(s.network.internalUrl);
        if (s.vendor) expect(out).not.toContain(s.vendor);
        if (s.notes) expect(out).not.toContain(s.notes.trim().slice(0, 40));
        if (s.security?.decision) expect(out).not.toContain(s.security.decision.number);
      }
      for (const it of r.model.all('integration')) expect(out, it.ref).not.toContain(it.name);
      expect(out).not.toMatch(/Cấp độ an toàn|Cấp độ [1-5]; hồ sơ|Hình thức triển khai|Trung tâm dữ liệu của tỉnh, bộ|Từ → đến/);
      const sec = r.model.agency?.security;
      expect(out).not.toContain(sec?.incidentResponsePlan?.decision?.number ?? '¤');
      expect(out).not.toContain('tồn tại đang theo dõi');
      expect(out).toContain('BẢN CÔNG KHAI');
    }
    // The internal edition does carry them, so the test above can fail.
    const full = renderStrategyMarkdown(internal);
    expect(full).toContain(restricted[0]!.name);
    expect(full).toMatch(/Cấp độ 3; hồ sơ: đã phê duyệt/);
  });
});

describe('strategy document: names are text, never markup', async () => {
  const evil = '**Sở** <script>alert("x")</script> {{agency}} | [bấm](http://x) # _a_ `b` &amp; ~~c~~';
  const files = {
    'architecture/agency.yaml': AGENCY_DOC,
    'architecture/entities.yaml': ENTITIES.replace('name: Sở Khoa học và Công nghệ tỉnh Thử', `name: ${JSON.stringify(evil)}`).replace(
      'name: Phân loại dữ liệu',
      `name: ${JSON.stringify(`Nhiệm vụ ${evil}`)}`,
    ),
  };
  const r = valid(await runPipeline({ root: 'architecture', cwd: makeProject(files), today: '2026-03-31', rules: false }));
  const view = buildStrategyView({ model: r.model, asOf: r.asOf, audience: 'internal', toolVersion: '0', assets: r.assets }).view;

  it('Markdown shows the name literally once rendered, and injects no HTML', () => {
    const md = renderStrategyMarkdown(view);
    expect(md).not.toContain('<script>');
    const seen = visibleText(md);
    expect(seen).toContain(evil);
    expect(seen).toContain(`Nhiệm vụ ${evil}`);
  });

  it('HTML escapes it', () => {
    const html = renderStrategyHtml(view, layout);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{agency}} | [bấm](http://x)');
  });
});

describe('strategy templates: overrides from the agency repo', () => {
  const base = { 'architecture/agency.yaml': AGENCY_DOC, 'architecture/entities.yaml': ENTITIES };

  it('an override of the same name replaces the built-in partial', async () => {
    const dir = makeProject({ ...base, 'templates/strategy/dieu-1.md.hbs': '**{{md article1.label}}** GHI ĐÈ {{md article1.text}}\n' });
    const r = valid(await runPipeline({ root: 'architecture', cwd: dir, today: '2026-03-31', rules: false }));
    expect(r.diagnostics.filter((d) => d.code.startsWith('load.'))).toEqual([]);
    const files = await renderStrategy(ctxOf(r), { formats: ['md', 'html'], audience: 'internal' });
    expect(String(files[0]?.contents)).toContain('**Điều 1.** GHI ĐÈ Phê duyệt');
    expect(String(files[1]?.contents)).not.toContain('GHI ĐÈ');
  });

  it('an override asking for a field the view lacks is a usage error naming the file', async () => {
    const dir = makeProject({ ...base, 'templates/strategy/tam-nhin.html.hbs': '<p>{{vision.khong_co}}</p>\n' });
    const r = valid(await runPipeline({ root: 'architecture', cwd: dir, today: '2026-03-31', rules: false }));
    await expect(renderStrategy(ctxOf(r), { formats: ['html'], audience: 'internal' })).rejects.toThrow(UsageError);
    await expect(renderStrategy(ctxOf(r), { formats: ['html'], audience: 'internal' })).rejects.toThrow(/templates\/strategy\/tam-nhin\.html\.hbs/);
  });

  it('an override with an unknown name is reported with the closest name', async () => {
    const dir = makeProject({ ...base, 'templates/strategy/quan-dem.md.hbs': 'x\n' });
    const r = await runPipeline({ root: 'architecture', cwd: dir, today: '2026-03-31', rules: false });
    const d = r.diagnostics.find((x) => x.code === 'load.unknown-template');
    expect(d?.file).toBe('templates/strategy/quan-dem.md.hbs');
    expect(d?.fix?.vi).toContain('quan-diem.md.hbs');
    expect(r.assets.templates).toEqual([]);
  });

  it('refuses an override that resolves outside the repo (file symlink), never reading it', async () => {
    const outside = makeTempDir('outside-');
    writeFileSync(join(outside, 'secret.hbs'), 'BÍ MẬT NGOÀI KHO\n');
    const dir = makeProject(base);
    mkdirSync(join(dir, 'templates', 'strategy'), { recursive: true });
    symlinkSync(join(outside, 'secret.hbs'), join(dir, 'templates', 'strategy', 'dieu-1.md.hbs'));
    const r = await runPipeline({ root: 'architecture', cwd: dir, today: '2026-03-31', rules: false });
    const d = r.diagnostics.find((x) => x.code === 'load.template-outside');
    expect(d).toMatchObject({ severity: 'error', file: 'templates/strategy/dieu-1.md.hbs', range: { start: { line: 1, col: 1 } } });
    expect(r.structuralErrors).toBe(true);
    expect(JSON.stringify(r.assets)).not.toContain('BÍ MẬT');
  });

  it('refuses a templates folder that is itself a link out of the repo', async () => {
    const outside = makeTempDir('outside-');
    mkdirSync(join(outside, 'strategy'));
    writeFileSync(join(outside, 'strategy', 'dieu-1.md.hbs'), 'BÍ MẬT\n');
    const dir = makeProject(base);
    symlinkSync(outside, join(dir, 'templates'));
    const r = await runPipeline({ root: 'architecture', cwd: dir, today: '2026-03-31', rules: false });
    expect(r.diagnostics.find((x) => x.code === 'load.template-outside')?.file).toBe('templates/strategy');
    expect(r.assets.templates).toEqual([]);
  });

  it('accepts a link that stays inside the repo', async () => {
    const dir = makeProject({ ...base, 'shared/dieu-1.md.hbs': 'TRONG KHO {{md article1.label}}\n' });
    mkdirSync(join(dir, 'templates', 'strategy'), { recursive: true });
    symlinkSync(join(dir, 'shared', 'dieu-1.md.hbs'), join(dir, 'templates', 'strategy', 'dieu-1.md.hbs'));
    const r = await runPipeline({ root: 'architecture', cwd: dir, today: '2026-03-31', rules: false });
    expect(r.diagnostics.filter((d) => d.code.startsWith('load.'))).toEqual([]);
    expect(r.assets.templates.map((t) => t.name)).toEqual(['dieu-1.md.hbs']);
  });

  it('refuses a prose file linked from outside the architecture folder', async () => {
    const outside = makeTempDir('outside-');
    writeFileSync(join(outside, 'x.md'), 'Tầm nhìn bí mật\n');
    const dir = makeProject(base);
    mkdirSync(join(dir, 'architecture', 'strategy'));
    symlinkSync(join(outside, 'x.md'), join(dir, 'architecture', 'strategy', 'tam-nhin.md'));
    const r = await runPipeline({ root: 'architecture', cwd: dir, today: '2026-03-31', rules: false });
    expect(r.diagnostics.find((x) => x.code === 'load.symlink-outside')?.file).toBe('architecture/strategy/tam-nhin.md');
    expect(r.assets.prose).toEqual([]);
  });

  it('every built-in template exists in both formats and uses no triple-stash', () => {
    const names = builtinTemplateNames();
    const md = names.filter((n) => n.endsWith('.md.hbs')).map((n) => n.replace('.md.hbs', ''));
    const html = names.filter((n) => n.endsWith('.html.hbs')).map((n) => n.replace('.html.hbs', ''));
    expect(md).toEqual(html);
    expect(md).toContain('van-ban');
    for (const n of names) expect(readFileSync(join(TEMPLATE_DIR, n), 'utf8'), n).not.toContain('{{{');
  });
});

import { describe, expect, it } from 'vitest';
import { channelFigures, connectionFigures, datasetFigures, figureMismatches, systemFigures } from '../../../src/analysis/figures.js';
import { summaryRenderer } from '../../../src/render/model/summary.js';
import { UsageError } from '../../../src/core/errors.js';
import { runPipeline } from '../../../src/pipeline.js';
import { documentNumber } from '../../../src/render/documents/frame.js';
import { renderDocuments } from '../../../src/render/documents/index.js';
import { RULES } from '../../../src/rules/index.js';
import type { GeneratedFile, RenderContext } from '../../../src/render/types.js';
import { makeProject, REPO, valid } from '../../helpers/project.js';
import { AGENCY_DOC, ENTITIES } from '../strategy/fixture.js';
import { CATALOGUE_COLUMNS, expectInOrder, PLAN_SECTIONS, REPORT_SECTIONS } from './sections.js';

/**
 * The Kế hoạch and the Báo cáo of the sample province, read as text: every required section and form
 * field, in order; the figures the strategy prints; no rule id in the operative text.
 */

async function contextFor(cwd: string, root = 'architecture'): Promise<RenderContext> {
  const r = valid(await runPipeline({ root, cwd, today: '2026-09-30', rules: true }));
  return { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', log: () => {}, browser: undefined, assets: r.assets };
}

const text = (files: readonly GeneratedFile[], ext: string): string => String(files.find((f) => f.path.endsWith(`.${ext}`))?.contents ?? '');
const norm = (s: string): string => s.replace(/\\/g, '').replace(/[*_#>|]/g, ' ').replace(/\s+/g, ' ');

/** Operative text: everything before the technical appendix a document may add (none today). */
const RULE_ID = new RegExp(`\\b(${RULES.map((r) => r.id.replace(/[.-]/g, (c) => `\\${c}`)).join('|')})\\b`);

describe('Kế hoạch of the sample province', async () => {
  const ctx = await contextFor(REPO);
  const files = await renderDocuments(ctx, [{ kind: 'ke-hoach', audience: 'internal', formats: ['md', 'html'] }]);

  it('is written as ke-hoach-du-lieu.md and .html', () => {
    expect(files.map((f) => f.path)).toEqual(['ke-hoach-du-lieu.md', 'ke-hoach-du-lieu.html']);
  });

  it('has every section of a Kế hoạch, in order, in Markdown and HTML', () => {
    expectInOrder(norm(text(files, 'md')), PLAN_SECTIONS);
    expectInOrder(norm(text(files, 'html').replace(/<[^>]+>/g, ' ')), PLAN_SECTIONS);
  });

  it('groups the tasks under the plan\'s themes and lists every task', () => {
    const md = norm(text(files, 'md'));
    const section = md.slice(md.indexOf('III. NHIỆM VỤ, GIẢI PHÁP'), md.indexOf('IV. KINH PHÍ THỰC HIỆN'));
    for (const t of ctx.model.all('task').filter((x) => x.status !== 'cancelled')) expect(section, t.ref).toContain(norm(t.name));
  });

  it('never prints "Điều 3" in a standalone plan, nor rule ids', () => {
    const md = text(files, 'md');
    expect(md).not.toContain('Như Điều 3');
    expect(md).not.toMatch(RULE_ID);
  });

  it('is named after the strategy it carries out and cites its decision last among the căn cứ', () => {
    // The sample's strategy: "Phê duyệt Chiến lược dữ liệu tỉnh Sơn Hà giai đoạn 2026 - 2030, định hướng
    // đến năm 2035", a draft dated 15/10/2026 with a blank number (the reviewer: the plan said only
    // "… đến năm 2035" and never cited the decision it implements).
    const md = norm(text(files, 'md'));
    expect(md).toContain('KẾ HOẠCH Triển khai thực hiện Chiến lược dữ liệu tỉnh Sơn Hà giai đoạn 2026 - 2030, định hướng đến năm 2035');
    const bases = md.slice(0, md.indexOf('Ủy ban nhân dân tỉnh Sơn Hà ban hành Kế hoạch')).split('Căn cứ ').slice(1);
    expect(bases.at(-1)).toBe('Quyết định số /QĐ-UBND ngày 15 tháng 10 năm 2026 của Ủy ban nhân dân tỉnh Sơn Hà phê duyệt Chiến lược dữ liệu tỉnh Sơn Hà giai đoạn 2026 - 2030, định hướng đến năm 2035; ');
    expect(text(files, 'md')).toContain('Căn cứ Quyết định số \u00a0\u00a0\u00a0\u00a0/QĐ-UBND');
  });
});

describe('Quyết định ban hành Kế hoạch (document.form: decision)', async () => {
  const agency = AGENCY_DOC.replace('  status: draft\n', '  status: draft\n  kind: ke-hoach\n  form: decision\n');
  const dir = makeProject({ 'architecture/agency.yaml': agency, 'architecture/entities.yaml': ENTITIES });
  const ctx = await contextFor(dir);
  const files = await renderDocuments(ctx, [{ kind: 'ke-hoach', audience: 'internal', formats: ['md'] }]);

  it('is a decision issuing the plan, with the plan attached after the signature', () => {
    expectInOrder(norm(text(files, 'md')), [
      'Số: 05/QĐ-UBND',
      'Thử, ngày 05 tháng 3 năm 2026',
      'QUYẾT ĐỊNH',
      'Ban hành Kế hoạch',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch',
      'Điều 2.',
      'Điều 3.',
      'Nơi nhận:',
      'KẾ HOẠCH',
      '(Ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Thử)',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'V. TỔ CHỨC THỰC HIỆN',
      'PHỤ LỤC I',
      '(Kèm theo Quyết định số 05/QĐ-UBND',
    ]);
  });
});

describe('document.form: decision beside a strategy (document.kind chien-luoc)', async () => {
  const agency = AGENCY_DOC.replace('  status: draft\n', '  status: draft\n  form: decision\n');
  const dir = makeProject({ 'architecture/agency.yaml': agency, 'architecture/entities.yaml': ENTITIES });
  const files = await renderDocuments(await contextFor(dir), [{ kind: 'ke-hoach', audience: 'internal', formats: ['md'] }]);

  it('still issues the plan by a decision, its number left blank (the agency\'s number is the strategy\'s)', () => {
    const md = norm(text(files, 'md'));
    expectInOrder(md, ['QUYẾT ĐỊNH', 'Ban hành Kế hoạch', 'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch', 'Nơi nhận:', 'KẾ HOẠCH']);
    expect(md).not.toContain('05/QĐ-UBND');
  });
});

describe('Báo cáo định kỳ of the sample province', async () => {
  const ctx = await contextFor(REPO);
  const files = await renderDocuments(ctx, [{ kind: 'bao-cao', audience: 'internal', formats: ['md', 'html'] }]);
  const md = norm(text(files, 'md'));

  it('has every section and form field of the report, in order', () => {
    expect(files.map((f) => f.path)).toEqual(['bao-cao-dinh-ky-2026-q3.md', 'bao-cao-dinh-ky-2026-q3.html']);
    expectInOrder(md, REPORT_SECTIONS);
    expectInOrder(norm(text(files, 'html').replace(/<[^>]+>/g, ' ')), REPORT_SECTIONS);
  });

  it('lists the catalogue columns it has and says which ones the model lacks', () => {
    const cat = md.slice(md.indexOf('DANH MỤC NGUỒN DỮ LIỆU', md.indexOf('PHỤ LỤC IV')));
    expectInOrder(cat, CATALOGUE_COLUMNS);
    expect(cat).toContain('Hồ sơ chưa có: danh sách trường dữ liệu, mục đích sử dụng, căn cứ pháp lý thu thập');
  });

  it('prints the same connection figures as the strategy (one computed source)', async () => {
    const f = connectionFigures(ctx.model, ctx.asOf);
    expect(md).toContain(`Trong kỳ có ${f.total} kết nối, chia sẻ dữ liệu; ${f.inOperation} kết nối đang hoạt động`);
    const strategy = norm(text(await renderDocuments(ctx, [{ kind: 'chien-luoc', audience: 'internal', formats: ['md'] }]), 'md'));
    expect(strategy).toContain(`Kết nối, chia sẻ dữ liệu (quý III năm 2026) ${f.total} `);
    expect(strategy).toContain(`– đang hoạt động ${f.inOperation} `);
    expect(strategy).toContain(`– có giao dịch thành công trong kỳ ${f.working} `);
  });

  it('every document of one build prints the same counts (strategy, its public edition, Kiến trúc số, report, summary)', async () => {
    const c = connectionFigures(ctx.model, ctx.asOf);
    const sys = systemFigures(ctx.model);
    const data = datasetFigures(ctx.model);
    const [strategy, pub, arch] = await Promise.all(
      (['chien-luoc', 'chien-luoc', 'kien-truc'] as const).map(async (kind, i) =>
        norm(text(await renderDocuments(ctx, [{ kind, audience: i === 1 ? 'public' : 'internal', formats: ['md'] }]), 'md')),
      ),
    );
    expect(strategy).toContain(`Hệ thống thông tin ${sys.total} – trong đó đang vận hành ${sys.inService} `);
    expect(strategy).toContain(`Cơ sở dữ liệu, tập dữ liệu ${data.total} `);
    expect(arch).toContain(`có ${sys.total} hệ thống thông tin, nền tảng (${sys.inService} đang vận hành`);
    expect(arch).toContain(`Kết nối, chia sẻ dữ liệu (quý III năm 2026): ${c.total}, trong đó ${c.inOperation} đang hoạt động`);
    expect(md).toContain(`Trong kỳ có ${c.total} kết nối, chia sẻ dữ liệu; ${c.inOperation} kết nối đang hoạt động`);
    const summary = norm(String((await summaryRenderer.render(ctx))[0]?.contents ?? ''));
    expect(summary).toContain(`Kết nối, chia sẻ dữ liệu (quý III năm 2026) ${c.total} – đang hoạt động ${c.inOperation} `);
    // The public edition counts connections by channel: the same connections, so the same totals.
    const channels = channelFigures(ctx.model, ctx.asOf);
    expect(channels.reduce((n, x) => n + x.total, 0)).toBe(c.total);
    expect(channels.reduce((n, x) => n + x.inOperation, 0)).toBe(c.inOperation);
    for (const x of channels) expect(pub).toMatch(new RegExp(` ${x.total} ${x.inOperation} `));
  });

  it('a KPI measurement that differs from the computed measure is a kpi.document-figures finding, once per KPI', () => {
    const mismatches = figureMismatches(ctx.model, ctx.asOf);
    const found = ctx.diagnostics.filter((d) => d.code === 'kpi.document-figures');
    expect(found.map((d) => d.entity).sort()).toEqual(mismatches.map((m) => m.kpi.ref).sort());
    // The sample's strategy says 52,4% where the model counts 4 of 20 databases synchronised.
    expect(mismatches.map((m) => [m.kpi.ref, m.declared, m.computed])).toContainEqual(['kpi:csdl-dong-bo-csdl-tong-hop', '52,4%', '20%']);
  });

  it('names no rule id and no file path', () => {
    expect(text(files, 'md')).not.toMatch(RULE_ID);
    expect(text(files, 'md')).not.toMatch(/\.ya?ml\b|architecture\//);
  });

  it('without prose in agency.yaml, says the difficulties are still to be written (never invents them)', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY_DOC, 'architecture/entities.yaml': ENTITIES });
    const own = await renderDocuments(await contextFor(dir), [{ kind: 'bao-cao', audience: 'internal', formats: ['md'] }]);
    const t = norm(text(own, 'md'));
    expect(t).toContain('[Cơ quan bổ sung khó khăn, vướng mắc phát sinh trong kỳ.]');
    expect(t).toContain('[Cơ quan bổ sung kiến nghị, đề xuất.]');
  });
});

describe('the strategy after the print-quality pass', async () => {
  const ctx = await contextFor(REPO);
  const md = text(await renderDocuments(ctx, [{ kind: 'chien-luoc', audience: 'internal', formats: ['md'] }]), 'md');

  it('marks unconfirmed national targets once in a note, not in every sentence', () => {
    expect(md.match(/chưa xác nhận/g) ?? []).toHaveLength(0);
    expect(md.match(/chưa được đối chiếu với văn bản gốc/g)).toHaveLength(1);
  });

  it('names no rule id and no framework pack in the operative text', () => {
    expect(md).not.toMatch(RULE_ID);
    expect(md).not.toContain('vn-2025');
  });

  it('a draft without a number prints neither day nor month, and keeps the issuer\'s suffix', () => {
    expect(md).toContain(`Số: ${'\u00a0'.repeat(8)}/QĐ-UBND`);
    expect(md).toMatch(/Sơn Hà, ngày\s+tháng\s+năm 2026/);
  });
});

describe('the frame', () => {
  it('gives a blank number the type code and the issuer\'s abbreviation', () => {
    expect(documentNumber(undefined, 'KH-UBND')).toBe(`${'\u00a0'.repeat(8)}/KH-UBND`);
    expect(documentNumber('   /QĐ-UBND', 'BC-UBND')).toBe(`${'\u00a0'.repeat(8)}/QĐ-UBND`);
  });
});

describe('document template overrides', () => {
  it('a misspelt field is an error with file, line and column and the closest field, not [object Object]', async () => {
    const dir = makeProject({
      'architecture/agency.yaml': AGENCY_DOC,
      'architecture/entities.yaml': ENTITIES,
      'templates/strategy/khoi.md.hbs': '{{#if isHeading}}\n## {{md textt}}\n{{/if}}\n',
    });
    const ctx = await contextFor(dir);
    const run = renderDocuments(ctx, [{ kind: 'ke-hoach', audience: 'internal', formats: ['md'] }]);
    await expect(run).rejects.toThrow(UsageError);
    await expect(renderDocuments(ctx, [{ kind: 'ke-hoach', audience: 'internal', formats: ['md'] }])).rejects.toThrow(
      'templates/strategy/khoi.md.hbs:2:4: mẫu ghi đè dùng trường "textt" mà văn bản không có; có phải "text"?',
    );
    await expect(renderDocuments(ctx, [{ kind: 'ke-hoach', audience: 'internal', formats: ['md'] }])).rejects.not.toThrow(/object Object/);
  });
});

import { describe, expect, it } from 'vitest';
import { architectureState } from '../../../src/analysis/architecture.js';
import { runPipeline } from '../../../src/pipeline.js';
import { renderDocuments } from '../../../src/render/documents/index.js';
import { RULES } from '../../../src/rules/index.js';
import type { GeneratedFile, RenderContext } from '../../../src/render/types.js';
import { REPO, valid } from '../../helpers/project.js';
import { ARCHITECTURE_SECTIONS, expectInOrder } from './sections.js';

/**
 * The Khung kiến trúc số of the sample province, read as text (Markdown and HTML, no browser):
 * every chapter and appendix in order, the figures of the analysis, and a public edition that
 * withholds what the public strategy withholds.
 */

async function context(): Promise<RenderContext> {
  const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: '2026-09-30', rules: true }));
  return { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', log: () => {}, browser: undefined, assets: r.assets };
}

const text = (files: readonly GeneratedFile[], ext: string): string => String(files.find((f) => f.path.endsWith(`.${ext}`))?.contents ?? '');
const norm = (s: string): string => s.replace(/\\/g, '').replace(/[*_#>|]/g, ' ').replace(/\s+/g, ' ');
const RULE_ID = new RegExp(`\\b(${RULES.map((r) => r.id.replace(/[.-]/g, (c) => `\\${c}`)).join('|')})\\b`);

describe('Khung kiến trúc số of the sample province', async () => {
  const ctx = await context();
  const files = await renderDocuments(ctx, [
    { kind: 'kien-truc', audience: 'internal', formats: ['md', 'html'] },
    { kind: 'kien-truc', audience: 'public', formats: ['md', 'html'] },
  ]);
  const internal = files.filter((f) => !f.path.includes('cong-khai'));
  const pub = files.filter((f) => f.path.includes('cong-khai'));

  it('is written as kien-truc-so.{md,html} and kien-truc-so-cong-khai.{md,html}', () => {
    expect(files.map((f) => f.path)).toEqual(['kien-truc-so.md', 'kien-truc-so.html', 'kien-truc-so-cong-khai.md', 'kien-truc-so-cong-khai.html']);
  });

  it('has every chapter and appendix in order, in Markdown and HTML, in both editions', () => {
    for (const set of [internal, pub]) {
      expectInOrder(norm(text(set, 'md')), ARCHITECTURE_SECTIONS);
      expectInOrder(norm(text(set, 'html').replace(/<[^>]+>/g, ' ')), ARCHITECTURE_SECTIONS);
    }
  });

  it('prints the figures of the analysis for the current state, the same as the strategy prints', async () => {
    const f = architectureState(ctx.model, ctx.asOf);
    const md = norm(text(internal, 'md'));
    expect(md).toContain(`có ${f.systems.total} hệ thống thông tin, nền tảng (${f.systems.inService} đang vận hành`);
    expect(md).toContain(`có ${f.datasets.total} cơ sở dữ liệu, tập dữ liệu`);
    expect(md).toContain(`${f.integrations.total}, trong đó ${f.integrations.inOperation} đang hoạt động, gồm ${f.integrations.viaPlatform} qua nền tảng`);
    const strategy = norm(text(await renderDocuments(ctx, [{ kind: 'chien-luoc', audience: 'internal', formats: ['md'] }]), 'md'));
    for (const [label, value] of [
      ['Hệ thống thông tin', f.systems.total],
      ['– trong đó đang vận hành', f.systems.inService],
      ['– trong đó là nền tảng số dùng chung', f.systems.sharedPlatforms],
      ['Cơ sở dữ liệu, tập dữ liệu', f.datasets.total],
      ['– đang hoạt động', f.integrations.inOperation],
      ['– đang hoạt động qua NDOP', f.integrations.viaNdop],
    ] as const) {
      expect(strategy, label).toContain(` ${label} ${value} `);
    }
  });

  it('embeds the overall diagram of each state (as Mermaid in Markdown)', () => {
    const md = text(internal, 'md');
    expect(md.match(/```mermaid/g)?.length).toBe(2);
    expect(md).toContain('Hình 1. Hiện trạng kiến trúc số');
    expect(md).toContain('Hình 2. Mô hình tổng thể kiến trúc số đến năm 2030');
  });

  it('lists in section VI every task of the document', () => {
    const md = norm(text(internal, 'md'));
    const roadmap = md.slice(md.indexOf('VI. LỘ TRÌNH TRIỂN KHAI'), md.indexOf('VII. TỔ CHỨC THỰC HIỆN'));
    for (const t of ctx.model.all('task').filter((x) => x.status !== 'cancelled')) expect(roadmap, t.ref).toContain(norm(t.name));
  });

  it('names no rule id, file path or tool in the text', () => {
    for (const f of files) {
      expect(String(f.contents), f.path).not.toMatch(RULE_ID);
      expect(String(f.contents), f.path).not.toMatch(/\.ya?ml\b|kientruc (check|build)|vn-2025/);
    }
  });

  it('public edition: no restricted dataset, security level, assessment result or plan decision', () => {
    const md = text(pub, 'md') + text(pub, 'html');
    const restricted = ctx.model.all('dataset').filter((d) => d.sharing === 'restricted');
    expect(restricted.length).toBeGreaterThan(0);
    for (const d of restricted) expect(md, d.ref).not.toContain(d.name);
    expect(md).not.toMatch(/· cấp độ [1-5]/);
    expect(md).not.toContain('được phê duyệt cấp độ an toàn hệ thống thông tin;');
    const sec = ctx.model.agency?.security;
    expect(sec?.lastAssessment?.result).toBeDefined();
    expect(md).not.toContain(sec!.lastAssessment!.result!.slice(0, 40));
    for (const p of [sec?.incidentResponsePlan, sec?.dataRecoveryPlan]) expect(md).not.toContain(p!.decision!.number);
    for (const s of ctx.model.all('system')) if (s.network?.internalUrl) expect(md).not.toContain(s.network.internalUrl);
    // The internal edition does carry them: the test would see a leak.
    const inner = text(internal, 'md');
    expect(inner).toContain(sec!.incidentResponsePlan!.decision!.number);
    expect(inner).toContain(restricted[0]!.name);
    expect(inner).toMatch(/· cấp độ [1-5]/);
  });
});

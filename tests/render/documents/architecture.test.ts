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

  it('the roadmap says a change in words: no YAML field name, no "chưa xác định →" for a field set for the first time', () => {
    const md = String(internal.find((f) => f.path.endsWith('.md'))?.contents ?? '');
    // The sample retires "Thi đua, khen thưởng" on 31/12/2027 and names its replacement in the same step.
    expect(md).toMatch(/Thi đua, khen thưởng: trạng thái Đang vận hành → Đã dừng; thay thế bằng Quản lý CBCCVC/);
    for (const f of files) {
      expect(String(f.contents), f.path).not.toMatch(/\b(replacedBy|handledBy|onlineLevel|eligibleFullOnline|since|until)\b/);
      expect(String(f.contents), f.path).not.toMatch(/chưa xác định →/);
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
    // (The security level per system, "· cấp độ N", was drawn only in the full landscape figure, which neither edition prints since it fell under 8 pt.)
  });

  it('replaces the Khung in force (documents[].replacedBy: kien-truc) instead of citing it, while the strategy still cites it', async () => {
    // The sample's QĐ 2380/QĐ-UBND (legalBasis: true, replacedBy: kien-truc) is the Khung this one updates.
    const md = norm(text(internal, 'md'));
    const [bases, rest] = [md.slice(0, md.indexOf('QUYẾT ĐỊNH:')), md.slice(md.indexOf('QUYẾT ĐỊNH:'))];
    expect(bases).not.toContain('2380/QĐ-UBND');
    expect(rest).toContain('Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 2380/QĐ-UBND ngày 26 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh ban hành Khung kiến trúc số tỉnh Sơn Hà.');
    const strategy = norm(text(await renderDocuments(ctx, [{ kind: 'chien-luoc', audience: 'internal', formats: ['md'] }]), 'md'));
    expect(strategy.slice(0, strategy.indexOf('QUYẾT ĐỊNH:'))).toContain('Căn cứ Quyết định số 2380/QĐ-UBND');
    expect(strategy).not.toContain('thay thế Quyết định số 2380');
  });
});

describe('Khung kiến trúc số of a province with planned transitions', async () => {
  const TIMELINE = `apiVersion: kientruc/v1
kind: System
id: kho-moi
name: Kho dữ liệu dùng chung tỉnh Thử
layer: L2
component: data-warehouse
status: operating
owner: org:so-khcn
since: 2028
---
apiVersion: kientruc/v1
kind: System
id: cong-cu
name: Cổng một cửa cũ tỉnh Thử
layer: L4
component: public-service-portal
status: operating
owner: org:so-khcn
until: 2027
replacedBy: national:cong-dvcqg
---
apiVersion: kientruc/v1
kind: System
id: quan-ly-van-ban
name: Quản lý văn bản tỉnh Thử
layer: L3
component: document-management
status: operating
owner: org:so-khcn
hosting: { deployment: on-prem }
transitions:
  - at: 2029-06-30
    task: task:phan-loai
    set: { hosting: { deployment: provincial-dc } }
  - at: 2029-09-30
    set: { status: upgrading }
`;
  const { makeProject } = await import('../../helpers/project.js');
  const { AGENCY_DOC, ENTITIES } = await import('../strategy/fixture.js');
  const dir = makeProject({ 'architecture/agency.yaml': AGENCY_DOC, 'architecture/entities.yaml': ENTITIES, 'architecture/timeline.yaml': TIMELINE });
  const r = valid(await runPipeline({ root: 'architecture', cwd: dir, today: '2026-03-31', rules: true }));
  const ctx: RenderContext = { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', log: () => {}, browser: undefined, assets: r.assets };
  const files = await renderDocuments(ctx, [
    { kind: 'kien-truc', audience: 'internal', formats: ['md'] },
    { kind: 'kien-truc', audience: 'public', formats: ['md'] },
  ]);
  const md = norm(text(files.filter((f) => !f.path.includes('cong-khai')), 'md'));
  const pub = norm(text(files.filter((f) => f.path.includes('cong-khai')), 'md'));
  const chapter = (s: string, from: string, to: string): string => s.slice(s.indexOf(from), s.indexOf(to));

  it('draws the current and the target state from their own models', () => {
    const now = chapter(md, 'III. HIỆN TRẠNG KIẾN TRÚC SỐ', 'IV. KIẾN TRÚC SỐ MỤC TIÊU');
    const then = chapter(md, 'IV. KIẾN TRÚC SỐ MỤC TIÊU', 'V. PHÂN TÍCH KHOẢNG CÁCH');
    // Today: lgsp, cong-dvc, cong-cu, quan-ly-van-ban; in 2030: cong-cu has ended, kho-moi has begun.
    expect(now).toContain('có 4 hệ thống thông tin, nền tảng');
    expect(then).toContain('có 4 hệ thống thông tin, nền tảng');
    expect(now).toContain('Cổng một cửa cũ');
    expect(then).not.toContain('Cổng một cửa cũ');
  });

  it('lists exactly the declared changes between the two states', () => {
    const gaps = chapter(md, '1. Thay đổi giữa hiện trạng', '2. Mức đáp ứng');
    expect(gaps).toContain('có 4 thay đổi so với hiện trạng');
    expect(gaps).toContain('Quản lý văn bản tỉnh Thử (trạng thái) Đang vận hành Đang nâng cấp');
    expect(gaps).toContain('Cổng một cửa cũ tỉnh Thử Đang có Không còn trong kiến trúc');
    expect(gaps).toContain('Kho dữ liệu dùng chung tỉnh Thử Chưa có Đưa vào sử dụng');
    expect(gaps).toContain('Quản lý văn bản tỉnh Thử (hình thức triển khai) Phòng máy chủ của cơ quan Trung tâm dữ liệu của tỉnh, bộ');
  });

  it('orders the roadmap by date, names the delivering task, and says when there is none', () => {
    const steps = chapter(md, '1. Các bước chuyển đổi', '2. Nhiệm vụ theo năm');
    expectInOrder(steps, ['31/12/2027', 'Dừng: Cổng một cửa cũ tỉnh Thử, thay thế bằng', '01/01/2028', 'Đưa vào sử dụng: Kho dữ liệu dùng chung tỉnh Thử', '30/6/2029', 'hình thức triển khai Phòng máy chủ của cơ quan → Trung tâm dữ liệu của tỉnh, bộ', '30/9/2029', 'trạng thái Đang vận hành → Đang nâng cấp', 'Chưa có nhiệm vụ']);
    expect(steps).toMatch(/30\/6\/2029 Quản lý văn bản tỉnh Thử: hình thức triển khai [^|]* \d\.a /);
    expect(steps).toMatch(/30\/9\/2029 Quản lý văn bản tỉnh Thử: trạng thái Đang vận hành → Đang nâng cấp Chưa có nhiệm vụ/);
  });

  it('public edition: no system\'s hosting in the changes, the roadmap or the inventory', () => {
    expect(pub).toContain('Đưa vào sử dụng: Kho dữ liệu dùng chung tỉnh Thử');
    expect(pub).not.toContain('(hình thức triển khai)');
    expect(pub).not.toContain('hình thức triển khai Phòng máy chủ');
    expect(pub).not.toContain('Triển khai hiện nay');
    expect(md).toContain('(hình thức triển khai)');
  });
});

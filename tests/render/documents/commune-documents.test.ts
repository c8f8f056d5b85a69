import { describe, expect, it } from 'vitest';
import { isUnderAgency } from '../../../src/analysis/authority.js';
import { parsePeriod } from '../../../src/core/dates.js';
import { expandBodyNames } from '../../../src/core/abbreviations.js';
import { runPipeline } from '../../../src/pipeline.js';
import { defaultSignerAuthority, issuerCode, issuerLines, TO_COMPLETE } from '../../../src/render/documents/frame.js';
import { renderDocuments, type DocumentRequest } from '../../../src/render/documents/index.js';
import { gapReportFor, renderGapReport } from '../../../src/render/gap/gap-report.js';
import type { RenderContext } from '../../../src/render/types.js';
import { makeProject, REPO, renderContextOf, valid } from '../../helpers/project.js';
import { COMMUNE_AGENCY, COMMUNE_ENTITIES, communeFiles } from './commune-fixture.js';

/**
 * The documents of a commune (UBND xã), as a user-tester playing the commune's IT officer read them:
 * the signature block of a collegial body, bodies outside the commune's authority, formal parts left
 * to complete, security approval, missing period data, the gap report's empty layers, appendix
 * numbering and the KPI verdicts. Each block failed before its fix.
 */

async function contextFor(files: Record<string, string>, today = '2026-12-04'): Promise<RenderContext> {
  const r = valid(await runPipeline({ root: 'architecture', cwd: makeProject(files), today, rules: true }));
  return { ...renderContextOf(r), assets: r.assets };
}

async function markdown(ctx: RenderContext, req: DocumentRequest): Promise<string> {
  const files = await renderDocuments(ctx, [req]);
  return String(files.find((f) => f.path.endsWith('.md'))?.contents ?? '');
}

const md = (kind: 'chien-luoc' | 'ke-hoach' | 'bao-cao' | 'kien-truc', audience: 'internal' | 'public' = 'internal'): DocumentRequest => ({ kind, audience, formats: ['md'] });

/** The lines of the signature block: from the one after "Lưu: …" to the end of the main document. */
function signatureOf(text: string): string[] {
  const start = text.indexOf('- Lưu:');
  const end = text.indexOf('\n---', start);
  return text
    .slice(start, end === -1 ? undefined : end)
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/\*\*|\\$/g, '').trim())
    .filter((l) => l !== '');
}

/** A section of a Markdown document, from a heading to the next one at `stop`. */
function between(text: string, from: string, stop: string): string {
  const i = text.indexOf(from);
  expect(i, from).toBeGreaterThanOrEqual(0);
  const j = text.indexOf(stop, i + from.length);
  return text.slice(i, j === -1 ? undefined : j);
}

describe('commune: the signature block of a collegial body (UBND)', async () => {
  const ctx = await contextFor(communeFiles());

  it.each(['chien-luoc', 'ke-hoach', 'bao-cao', 'kien-truc'] as const)('%s is signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / name"', async (kind) => {
    expect(signatureOf(await markdown(ctx, md(kind)))).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn Bình']);
  });

  it('the authority line follows who issues: a committee, a council; not a sở, nor the chair\'s own decision', () => {
    expect(defaultSignerAuthority('ỦY BAN NHÂN DÂN XÃ TÂN PHÚ')).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(defaultSignerAuthority('UBND xã Tân Phú')).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(defaultSignerAuthority('UỶ BAN NHÂN DÂN TỈNH SƠN HÀ')).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(defaultSignerAuthority('HỘI ĐỒNG NHÂN DÂN TỈNH SƠN HÀ')).toBe('TM. HỘI ĐỒNG NHÂN DÂN');
    expect(defaultSignerAuthority('SỞ Y TẾ')).toBeNull();
    expect(defaultSignerAuthority('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ')).toBeNull();
  });

  it('signer.authority overrides it; document.authority naming the chair drops it from the decision', async () => {
    const own = await contextFor(communeFiles(COMMUNE_AGENCY.replace('    title: CHỦ TỊCH\n', '    authority: TM. ỦY BAN NHÂN DÂN XÃ\n    title: CHỦ TỊCH\n')));
    expect(signatureOf(await markdown(own, md('chien-luoc')))[0]).toBe('TM. ỦY BAN NHÂN DÂN XÃ');
    const chair = await contextFor(communeFiles(COMMUNE_AGENCY.replace('  number:', '  authority: CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ\n  number:')));
    expect(signatureOf(await markdown(chair, md('chien-luoc')))).toEqual(['CHỦ TỊCH', 'Nguyễn Văn Bình']);
    // The báo cáo is still the committee's.
    expect(signatureOf(await markdown(chair, md('bao-cao')))[0]).toBe('TM. ỦY BAN NHÂN DÂN');
  });

  it('a signer without a name leaves a line to complete, not a blank', async () => {
    const nameless = await contextFor(communeFiles(COMMUNE_AGENCY.replace('    name: Nguyễn Văn Bình\n', '')));
    const lines = signatureOf(await markdown(nameless, md('chien-luoc')));
    expect(lines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', TO_COMPLETE.signerName.replace(/[[\]]/g, (c) => `\\${c}`)]);
  });
});

describe('commune: "UBND" and "Ủy ban nhân dân" name the same issuer', () => {
  const frame = (issuer: string) => ({ agency: { document: { issuer } } as never, model: { root: 'x' } as never });

  it('expands the abbreviations, only as whole words', () => {
    expect(expandBodyNames('UBND xã Tân Phú')).toBe('Ủy ban nhân dân xã Tân Phú');
    expect(expandBodyNames('Văn phòng HĐND và UBND xã')).toBe('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã');
    expect(expandBodyNames('UBNDX')).toBe('UBNDX');
  });

  it('prints the issuer in full, on two lines, and numbers its documents "…/QĐ-UBND"', () => {
    for (const issuer of ['UBND XÃ TÂN PHÚ', 'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ']) {
      expect(issuerLines(frame(issuer))).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ TÂN PHÚ']);
      expect(issuerCode(frame(issuer))).toBe('UBND');
    }
    expect(issuerCode(frame('HĐND TỈNH SƠN HÀ'))).toBe('HĐND');
  });
});

describe('commune: bodies outside its authority are asked, not assigned', async () => {
  const ctx = await contextFor(communeFiles());

  it.each(['chien-luoc', 'ke-hoach'] as const)('%s: the province\'s Sở gets "Đề nghị …", after every duty of the commune\'s own bodies', async (kind) => {
    const text = await markdown(ctx, md(kind));
    const vii = kind === 'chien-luoc' ? between(text, '## VII. TỔ CHỨC THỰC HIỆN', '**Điều 2.**') : text;
    const headings = [...vii.matchAll(/^### \d+\\\. (.+)$/gm)].map((m) => m[1]);
    expect(headings).toContain('Đề nghị Sở Khoa học và Công nghệ tỉnh Đồng Nai');
    expect(headings).not.toContain('Sở Khoa học và Công nghệ tỉnh Đồng Nai');
    expect(headings.at(-1)).toBe('Đề nghị Sở Khoa học và Công nghệ tỉnh Đồng Nai');
    const asked = vii.slice(vii.indexOf('Đề nghị Sở Khoa học'));
    expect(asked).toContain('Phối hợp thực hiện nhiệm vụ');
    expect(asked).toContain('Với vai trò cơ quan chủ quản, phối hợp bảo đảm vận hành');
    expect(asked).not.toContain('Là cơ quan chủ quản');
  });

  it('tells the bodies apart by their line of parents, type and level', async () => {
    expect(isUnderAgency(ctx.model, 'org:van-phong')).toBe(true);
    expect(isUnderAgency(ctx.model, 'org:so-khcn')).toBe(false);
    const sample = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: '2026-09-30', rules: true })).model;
    const under = (id: string): boolean => isUnderAgency(sample, `org:${id}`);
    // The province directs its sở, their units and the communes…
    expect(['so-khcn', 'trung-tam-cds', 'van-phong-ubnd', 'phuong-son-ha'].map(under)).toEqual([true, true, true, true]);
    // …not a central body's local office, the party, the Front or an enterprise.
    expect(['cong-an-tinh', 'bhxh-tinh', 'van-phong-tinh-uy', 'mttq-tinh', 'vien-thong-son-ha'].map(under)).toEqual([false, false, false, false, false]);
  });
});

describe('commune: formal parts not written yet are left to complete', async () => {
  const ctx = await contextFor(communeFiles());

  it.each(['chien-luoc', 'kien-truc'] as const)('%s: "Theo đề nghị của […]" after the căn cứ', async (kind) => {
    const text = await markdown(ctx, md(kind));
    expect(text).toContain('*Theo đề nghị của \\[Cơ quan bổ sung chức danh, cơ quan đề nghị\\].*');
    expect(text.indexOf('Theo đề nghị của')).toBeLessThan(text.indexOf('**QUYẾT ĐỊNH:**'));
  });

  it('the báo cáo: "Kính gửi: […]", and none when the agency writes addressees: []', async () => {
    expect(await markdown(ctx, md('bao-cao'))).toContain('Kính gửi: \\[Cơ quan bổ sung cơ quan nhận báo cáo\\].');
    const none = await contextFor(communeFiles(COMMUNE_AGENCY.replace('  period: 2026-Q3\n', '  period: 2026-Q3\n  addressees: []\n')));
    expect(await markdown(none, md('bao-cao'))).not.toContain('Kính gửi');
    const given = await contextFor(communeFiles(COMMUNE_AGENCY.replace('  period: 2026-Q3\n', '  period: 2026-Q3\n  addressees: [Ủy ban nhân dân tỉnh Đồng Nai]\n')));
    expect(await markdown(given, md('bao-cao'))).toContain('Kính gửi: Ủy ban nhân dân tỉnh Đồng Nai.');
  });
});

describe('commune: one wording of an approved security level', async () => {
  const ctx = await contextFor(communeFiles());
  const text = await markdown(ctx, md('chien-luoc'));

  it('Phụ lục IV says an approved dossier has no decision yet, as Phụ lục II counts it', () => {
    expect(text).toContain('| Hệ thống quản lý văn bản và điều hành | Sở Khoa học và Công nghệ tỉnh Đồng Nai; Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Tân Phú | Đang vận hành | Cấp độ 2; hồ sơ: đã phê duyệt, chưa có số quyết định |');
    expect(text).toContain('| Cổng thông tin điện tử xã Tân Phú | Ủy ban nhân dân xã Tân Phú; Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Tân Phú | Đang vận hành | Cấp độ 1; hồ sơ: đã phê duyệt |');
    const security = between(text, 'An toàn thông tin', '# PHỤ LỤC III');
    expect(security).toContain('| **Cộng** | **2** | **1** |');
    expect(security).toContain('1 hệ thống có hồ sơ đã phê duyệt nhưng chưa có số quyết định chưa được tính');
  });
});

describe('commune: a period without data is said to have none, not zero', async () => {
  const ctx = await contextFor(communeFiles());
  const q1 = await markdown(ctx, { kind: 'bao-cao', audience: 'internal', formats: ['md'], period: parsePeriod('2025-Q1')! });
  const body = between(q1, '## I. KẾT QUẢ THỰC HIỆN', '## II.');

  it('connections: "chưa có số liệu giao dịch", no "0 giao dịch"', () => {
    expect(body).toContain('chưa có số liệu giao dịch trong kỳ của kết nối nào');
    expect(body).not.toMatch(/\b0 (kết nối có giao dịch|giao dịch)/);
    expect(body).toContain('| **Cộng** | **1** | **—** |');
  });

  it('quality: "Chưa tập dữ liệu nào … được đánh giá", no "0/2" nor averages of nothing', () => {
    expect(body).toContain('Chưa tập dữ liệu nào trong 2 tập dữ liệu phải đánh giá được đánh giá chất lượng');
    expect(body).not.toContain('0/2');
    expect(body).not.toContain('bình quân đúng —');
  });

  it('a period with data keeps its figures', async () => {
    const q3 = between(await markdown(ctx, md('bao-cao')), '## I. KẾT QUẢ THỰC HIỆN', '## II.');
    expect(q3).toContain('1 kết nối có giao dịch thành công trong kỳ với 1.020 giao dịch thành công và 2 giao dịch lỗi');
    expect(q3).toContain('1/2 tập dữ liệu phải đánh giá đã được đánh giá chất lượng (1 đánh giá trong kỳ)');
  });
});

describe('commune: the gap report does not rate empty layers "Đạt"', async () => {
  const ctx = await contextFor(communeFiles());
  const report = gapReportFor(ctx);

  it('a layer with no system, or only planned ones, is "—"; one with findings keeps its rating', () => {
    const by = new Map(report.scorecards.layers.map((l) => [l.layer, l]));
    expect(by.get('L2')?.rating).toBe('none');
    expect(by.get('L1')?.rating).toBe('none');
    expect(by.get('L3')?.rating).toBe('fix');
    const text = String(renderGapReport(report, ['md'])[0]?.contents);
    expect(text).toContain('| L2 Lớp dữ liệu và nền tảng cốt lõi | 0 | 0 | 0/0 (—) | 0/0 (—) | 0 | 0 | — |');
    expect(text).not.toMatch(/\| 0 \| 0 \| 0\/0 \(—\) \| 0\/0 \(—\) \| 0 \| 0 \| Đạt \|/);
  });

  it('a data layer without datasets is "—" in the JSON too', () => {
    expect(report.scorecards.dataLayers.filter((l) => l.datasets === 0).every((l) => l.rating === 'none')).toBe(true);
  });
});

describe('commune: one numbering scheme in the appendices', async () => {
  const ctx = await contextFor(communeFiles());

  it('Phụ lục III and IV: groups 1, 2, items a, b (as Phụ lục I)', async () => {
    const text = await markdown(ctx, md('chien-luoc'));
    for (const [from, stop] of [['# PHỤ LỤC III', '# PHỤ LỤC IV'], ['# PHỤ LỤC IV', '# PHỤ LỤC V']] as const) {
      const stt = [...between(text, from, stop).matchAll(/^\| (\*\*\d+\*\*|[a-zđ]+|\d+) \|/gm)].map((m) => m[1]);
      expect(stt.length, from).toBeGreaterThan(2);
      for (const s of stt) expect(s, from).toMatch(/^(\*\*\d+\*\*|[a-zđ]+)$/);
    }
  });

  it('the public edition\'s Phụ lục V has one section, unnumbered', async () => {
    const text = await markdown(ctx, md('chien-luoc', 'public'));
    const v = text.slice(text.indexOf('# PHỤ LỤC V'));
    expect(v).toContain('## Chỉ tiêu chậm, có nguy cơ không đạt hoặc thiếu số liệu');
    expect(v).not.toMatch(/^## 1\\\./m);
  });
});

describe('commune: KPI verdicts agree across documents and with check', async () => {
  const ctx = await contextFor(communeFiles());

  it('Phụ lục V names both goals where the KPI\'s own and the national target answer differently', async () => {
    const text = await markdown(ctx, md('chien-luoc'));
    const row = text.split('\n').find((l) => l.includes('| Tỷ lệ cơ sở dữ liệu đã hoàn thành phân loại | 67%'));
    expect(row).toContain('Nguy cơ không đạt so với mục tiêu của chỉ tiêu:');
    expect(row).toContain('Chậm so với chỉ tiêu quốc gia (100% vào 31/12/2025): đã quá thời hạn mà chưa đạt mục tiêu.');
    // The gap report's national-target table says "Chậm" (overdue) for the same KPI.
    const target = gapReportFor(ctx).targets.find((t) => t.kpi?.ref === 'kpi:phan-loai-du-lieu');
    expect([target?.status, target?.overdue]).toEqual(['behind', true]);
  });

  it('an action row of the gap report is "Lỗi" only when check reports an error on its entity', () => {
    const report = gapReportFor(ctx);
    const errors = new Set(ctx.diagnostics.filter((d) => d.severity === 'error' && !d.waived && d.entity !== undefined).map((d) => String(d.entity)));
    expect(report.actions.length).toBeGreaterThan(0);
    for (const a of report.actions) expect(a.severity === 'error', a.entity).toBe(errors.has(a.entity));
    expect(report.actions.find((a) => a.entity === 'kpi:phan-loai-du-lieu')?.severity).toBe('warning');
  });
});

// The commune's entities stay a valid fixture for every block above.
it('the commune fixture is valid', async () => {
  expect((await contextFor({ 'architecture/agency.yaml': COMMUNE_AGENCY, 'architecture/entities.yaml': COMMUNE_ENTITIES })).model.all('system')).toHaveLength(3);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../src/analysis/coverage.js';
import { buildGapReport } from '../../../src/analysis/gap-report.js';
import { buildPeriodicReport } from '../../../src/analysis/periodic.js';
import { parsePeriod } from '../../../src/core/dates.js';
import { runPipeline } from '../../../src/pipeline.js';
import { renderDocuments } from '../../../src/render/documents/index.js';
import type { RenderContext } from '../../../src/render/types.js';
import { BUILTIN_CODES } from '../../../src/diagnostics/codes.js';
import { REPO, valid } from '../../helpers/project.js';

/** The official reviewer's count defects (parts that do not add up, one fact printed three ways), on the sample. */
describe('figures printed as parts of a total add up, and one fact has one figure', async () => {
  const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: '2026-09-30', rules: true }));
  const ctx: RenderContext = { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', log: () => {}, browser: undefined, assets: r.assets };
  const files = await renderDocuments(ctx, [
    { kind: 'kien-truc', audience: 'internal', formats: ['md'] },
    { kind: 'chien-luoc', audience: 'internal', formats: ['md'] },
    { kind: 'ke-hoach', audience: 'internal', formats: ['md'] },
    { kind: 'bao-cao', audience: 'internal', formats: ['md'] },
  ]);
  const md = (name: string): string => String(files.find((f) => f.path.startsWith(name))?.contents ?? '');
  const num = (s: string): number => Number(s.replace(/\./g, ''));
  const coverage = computeCoverage(r.model, r.asOf);

  it('Kiến trúc số: the systems sentence lists every status, the datasets sentence every sharing class', () => {
    const text = md('kien-truc-so');
    const systems = [...text.matchAll(/có ([\d.]+) hệ thống thông tin, nền tảng \(([^)]*)\)/g)];
    expect(systems.length).toBeGreaterThan(0);
    for (const [, total, parts] of systems) {
      const sum = [...parts!.matchAll(/(\d+) [^\d]+/g)].reduce((s, m) => s + num(m[1]!), 0);
      expect(sum, parts).toBe(num(total!));
      expect(parts).not.toMatch(/(^|, )0 /);
    }
    expect(text).toContain('1 đang dừng để chuyển đổi');
    const datasets = [...text.matchAll(/có ([\d.]+) cơ sở dữ liệu, tập dữ liệu: ([^;]*);/g)];
    expect(datasets.length).toBeGreaterThan(0);
    for (const [, total, parts] of datasets) {
      const sum = [...parts!.matchAll(/(\d+) [^\d]+/g)].reduce((s, m) => s + num(m[1]!), 0);
      expect(sum, parts).toBe(num(total!));
    }
  });

  it('strategy Phụ lục II: the dataset rows add up to the dataset total', () => {
    const text = md('chien-luoc-du-lieu');
    const total = /\| Cơ sở dữ liệu, tập dữ liệu \| ([\d.]+) \|/.exec(text);
    expect(total).not.toBeNull();
    const after = text.slice(total!.index).split('\n').slice(1);
    const parts = after.slice(0, after.findIndex((l) => !l.startsWith('| – '))).map((l) => num(/\| ([\d.]+) \|$/.exec(l)![1]!));
    expect(parts.reduce((s, n) => s + n, 0)).toBe(num(total![1]!));
    expect(text).toContain('| – chưa xác định phân loại | 1 |');
  });

  it('the strategy security table counts what the gap report and the Kiến trúc số count (29/35)', () => {
    const row = coverage.find((c) => c.id === 'systems-security-approved')!;
    expect([row.numerator, row.denominator]).toEqual([29, 35]);
    expect(md('chien-luoc-du-lieu')).toContain(`| **Cộng** | **${row.denominator}** | **${row.numerator}** |`);
    expect(md('kien-truc-so')).toContain(`${row.numerator}/${row.denominator} hệ thống thông tin`);
  });

  it('báo cáo: task parts add up to every declared task, and "đã triển khai" no longer holds "chưa triển khai"', () => {
    const text = md('bao-cao-dinh-ky');
    const p = buildPeriodicReport(r.model, parsePeriod('2026-Q3')!, r.asOf);
    expect(p.tasks.byStatus.reduce((s, x) => s + x.count, 0)).toBe(p.tasks.total);
    expect(p.tasks.declared).toBe(r.model.all('task').length);
    expect(text).toContain(`${p.tasks.declared} nhiệm vụ, trong đó ${p.tasks.total} nhiệm vụ có thời điểm bắt đầu đến hết kỳ`);
    expect(text).toContain(`và ${p.tasks.declared - p.tasks.total} nhiệm vụ bắt đầu sau kỳ báo cáo`);
    expect(text).not.toContain('đã triển khai đến hết kỳ');
  });

  it('báo cáo and gap report: the quality figure "còn hiệu lực" is the same number, each basis named', () => {
    const q = buildPeriodicReport(r.model, parsePeriod('2026-Q3')!, r.asOf).quality;
    const row = coverage.find((c) => c.id === 'datasets-quality-assessed')!;
    expect([q.current, q.datasets]).toEqual([row.numerator, row.denominator]);
    expect(md('bao-cao-dinh-ky')).toContain(`${q.assessed}/${q.datasets} tập dữ liệu phải đánh giá đã được đánh giá chất lượng`);
    expect(md('bao-cao-dinh-ky')).toContain(`trong đó ${q.current} có kết quả đánh giá còn hiệu lực`);
  });

  it('strategy gap appendix lists as many "tồn tại chưa có nhiệm vụ khắc phục" as the gap report', () => {
    const gap = buildGapReport({ model: r.model, diagnostics: r.diagnostics, codes: [...r.rules, ...BUILTIN_CODES], asOf: r.asOf });
    const text = md('chien-luoc-du-lieu');
    const section = text.slice(text.search(/2\\?\. Vấn đề chưa có nhiệm vụ xử lý/));
    const rows = section.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(gap.summary.gaps);
    expect(section).toContain('Tỷ lệ TTHC thực hiện không phụ thuộc địa giới hành chính trong phạm vi tỉnh');
  });

  it('báo cáo Phụ lục I: a right-aligned (unwrapping) cell holds one number, not "105.893; lỗi 2.352"', () => {
    const text = md('bao-cao-dinh-ky');
    expect(text).toContain('| Giao dịch thành công | Giao dịch lỗi | Sẵn sàng |');
    expect(text).not.toMatch(/\d; lỗi \d/);
  });

  it('closing mark "./." ends the decisions and the plan; the People\'s Committee is named in full; no "Chiến lược" outside the strategy', () => {
    for (const name of ['chien-luoc-du-lieu', 'kien-truc-so', 'ke-hoach-du-lieu']) {
      const text = md(name);
      expect(text, name).not.toContain('báo cáo Ủy ban nhân dân xem xét');
      if (name !== 'ke-hoach-du-lieu') expect(text, name).toMatch(/\*\*Điều 3\.\*\* [^\n]*thi hành Quyết định này\.\/\./);
    }
    expect(md('ke-hoach-du-lieu')).toContain('báo cáo Ủy ban nhân dân tỉnh Sơn Hà xem xét, quyết định./.');
    expect(md('kien-truc-so')).toContain('báo cáo Ủy ban nhân dân tỉnh Sơn Hà xem xét, quyết định./.');
    expect(md('kien-truc-so')).not.toContain('tổ chức triển khai Chiến lược');
    expect(md('kien-truc-so')).toContain('tổ chức triển khai Khung kiến trúc số');
    expect(md('ke-hoach-du-lieu')).toContain('tổ chức triển khai Kế hoạch');
  });

  it('the gap report prints page numbers (centred at the top, none on the first page), as the other documents do', () => {
    const hbs = readFileSync(join(REPO, 'templates', 'gap-report', 'report.hbs'), 'utf8');
    expect(hbs).toMatch(/@top-center \{ content: counter\(page\)/);
    expect(hbs).toMatch(/@page :first \{ @top-center \{ content: none; \} \}/);
  });
});

describe('Kiến trúc số: the hosting table adds up to the systems not retired', async () => {
  const { architectureState } = await import('../../../src/analysis/architecture.js');
  const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: '2026-09-30', rules: false }));
  it('a deployment written "chưa xác định" is counted as undeclared, not dropped', () => {
    const s = architectureState(r.model, r.asOf);
    const notRetired = r.model.all('system').filter((x) => x.status !== 'retired').length;
    expect(s.hosting.reduce((n, h) => n + h.count, 0)).toBe(notRetired);
    expect(s.hosting.find((h) => h.deployment === '')?.count).toBeGreaterThan(0);
  });
});

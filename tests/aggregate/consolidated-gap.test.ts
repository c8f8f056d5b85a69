import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.js';
import { sonHa } from './son-ha.js';

interface Report {
  targets: {
    ref: string;
    latest: { value: number; date: string; source: string } | null;
    status: string;
    overdue: boolean;
    agencyTargets: { display: string | null; agencies: number; withTarget: number } | null;
  }[];
  coverage: { id: string; numerator: number | null; denominator: number | null; missing: string[] }[];
  summary: { targetsByStatus: Record<string, number> };
}

describe('kientruc aggregate: the consolidated gap report agrees with the roll-up', () => {
  it('shows the rolled-up KPI value and counts agency-level coverage over every agency', async () => {
    const dir = await sonHa();
    const r = await runCli(['aggregate', 'tinh/architecture', 'so-yt/architecture', '--out', 'agg', '--as-of', '2026-10-15', '--no-render', '-q'], dir);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(dir, 'agg', 'aggregate.md'), 'utf8');
    expect(md).toContain('**Tổng hợp: 82,5% — Đạt.**');
    const gap = readFileSync(join(dir, 'agg', 'gap-report.md'), 'utf8');
    const row = gap.split('\n').find((l) => l.includes('xử lý trực tuyến<br>')) ?? '';
    // (60·1000 + 90·3000) / 4000 = 82.5, not the province's own 60 %.
    expect(row).toContain('82,5% (30/9/2026, tổng hợp 2 cơ quan. Trọng số: ');
    expect(row).toContain('**Đạt**');
    expect(row).not.toContain('quá hạn');
    // Neither agency has issued its network rules: 0 of 2, not 0 of 1.
    expect(gap.split('\n').find((l) => l.includes('Quy chế sử dụng mạng'))).toContain('| 0/2 |');
    const json = JSON.parse(readFileSync(join(dir, 'agg', 'gap-report.json'), 'utf8')) as Report;
    const t = json.targets.find((x) => x.ref === 'target:ho-so-xu-ly-truc-tuyen');
    expect([t?.latest?.value, t?.latest?.date, t?.status, t?.overdue]).toEqual([82.5, '2026-09-30', 'achieved', false]);
    const rules = json.coverage.find((c) => c.id === 'internal-network-rules');
    expect([rules?.numerator, rules?.denominator, rules?.missing]).toEqual([0, 2, ['agency:so-y-te-tinh-son-ha@000.07.00.H99', 'agency:uy-ban-nhan-dan-tinh-son-ha@000.00.00.H99']]);
  });

  it("says the row is a roll-up and shows every agency's own target, not the first one's", async () => {
    const dir = await sonHa();
    // The health department aims higher (95 % by 2028) than the province (80 % by 2027).
    const f = join(dir, 'so-yt/architecture/kpis/chi-tieu.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('target: { value: 80, deadline: 2027 }', 'target: { value: 95, deadline: 2028 }'));
    const r = await runCli(['aggregate', 'tinh/architecture', 'so-yt/architecture', '--out', 'agg', '--as-of', '2026-10-15', '--no-render', '-q'], dir);
    expect(r.code, r.stderr).toBe(0);
    const gap = readFileSync(join(dir, 'agg', 'gap-report.md'), 'utf8');
    const row = gap.split('\n').find((l) => l.includes('xử lý trực tuyến<br>')) ?? '';
    expect(row).toContain('82,5% (30/9/2026, tổng hợp 2 cơ quan. ');
    expect(row).toContain('| 80%–95% (31/12/2027–31/12/2028)<br>_2 cơ quan_ |');
    const html = readFileSync(join(dir, 'agg', 'gap-report.html'), 'utf8');
    const tr = html.split('<tr>').find((x) => x.includes('xử lý trực tuyến')) ?? '';
    expect(tr).toContain('30/9/2026, tổng hợp 2 cơ quan. ');
    expect(tr).toContain('80%–95%<br><span class="note">31/12/2027–31/12/2028</span><br><span class="note">2 cơ quan</span>');
    expect(tr).toContain('Chỉ tiêu của 2 cơ quan');
    const json = JSON.parse(readFileSync(join(dir, 'agg', 'gap-report.json'), 'utf8')) as Report;
    const t = json.targets.find((x) => x.ref === 'target:ho-so-xu-ly-truc-tuyen');
    expect([t?.latest?.source, t?.agencyTargets?.display, t?.agencyTargets?.withTarget]).toEqual(['rollup', '80%–95%', 2]);
  });
});

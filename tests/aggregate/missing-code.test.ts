import { describe, expect, it } from 'vitest';
import { mergeAgencies } from '../../src/aggregate/merge.js';
import { aggregateMarkdown } from '../../src/aggregate/report.js';
import type { AgencyInput } from '../../src/aggregate/types.js';
import { runPipeline } from '../../src/pipeline.js';
import { AS_OF, makeProject } from '../helpers/project.js';

async function input(dir: string, cwd: string): Promise<AgencyInput> {
  const r = await runPipeline({ root: dir, cwd, today: AS_OF, rules: true });
  return { dir, model: r.model, diagnostics: r.diagnostics, sources: r.loaded.sources, files: r.loaded.files, structuralErrors: r.structuralErrors };
}

const agency = (id: string, code: string | undefined, level = 'department') => `apiVersion: kientruc/v1
kind: Agency
id: ${id}
name: Cơ quan ${id}
framework: vn-2025
level: ${level}
${code === undefined ? '' : `code: ${JSON.stringify(code)}\n`}`;

const KPI = `apiVersion: kientruc/v1
kind: Kpi
id: ho-so-truc-tuyen
name: Tỷ lệ hồ sơ xử lý trực tuyến
nationalTarget: target:ho-so-xu-ly-truc-tuyen
unit: percent
area: applications
target: { value: 80, deadline: 2027 }
`;

describe('aggregate.missing-code and empty roll-ups', () => {
  it('says to replace "chưa xác định" (or add the line), with no example that is another agency’s code', async () => {
    const dir = makeProject({
      'tinh/agency.yaml': agency('tinh', '000.00.00.H99', 'province'),
      'so/agency.yaml': agency('so', 'chưa xác định'),
      'xa/agency.yaml': agency('xa', undefined, 'commune'),
    });
    const r = mergeAgencies([await input('tinh', dir), await input('so', dir), await input('xa', dir)], { today: AS_OF });
    const fixes = r.conflicts.filter((c) => c.code === 'aggregate.missing-code').map((c) => `${c.file}: ${c.fix?.vi}`);
    expect(fixes).toEqual([
      'so/agency.yaml: Thay "chưa xác định" ở "code:" trong agency.yaml bằng mã định danh do cơ quan có thẩm quyền cấp theo QCVN 102.',
      'xa/agency.yaml: Thêm "code: <mã định danh>" vào agency.yaml: mã do cơ quan có thẩm quyền cấp theo QCVN 102.',
    ]);
  });

  it('a roll-up with no measurement reads "Tổng hợp: Chưa có số liệu." (no empty value before the dash)', async () => {
    const dir = makeProject({
      'a/agency.yaml': agency('a', '000.01.00.H98', 'province'),
      'a/kpis.yaml': KPI,
      'b/agency.yaml': agency('b', '000.02.00.H98'),
      'b/kpis.yaml': KPI,
    });
    const r = mergeAgencies([await input('a', dir), await input('b', dir)], { today: AS_OF });
    const md = aggregateMarkdown(r, 'vi');
    expect(md).toContain('**Tổng hợp: Chưa có số liệu.**');
    expect(md).not.toContain('— —');
    expect(aggregateMarkdown(r, 'en')).toContain('**Rolled up: No data.**');
  });
});

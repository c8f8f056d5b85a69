import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { loadPack } from '../../src/framework/load-pack.js';
import { ModelMemo } from '../../src/model/build.js';
import { runPipeline } from '../../src/pipeline.js';
import { AGENCY, AS_OF, makeProject, pipelineFor } from '../helpers/project.js';

/** The model findings of an inline project (no rules), as `line:col code`, with the findings themselves. */
async function modelFindings(files: Record<string, string>): Promise<{ at: string[]; all: Diagnostic[] }> {
  const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, ...files }, { rules: false });
  const all = r.diagnostics.filter((d) => d.code.startsWith('model.'));
  return { at: all.map((d) => `${d.file.replace(/^architecture\//, '')}:${d.range.start.line}:${d.range.start.col} ${d.code}`), all };
}

const TASK = (budget: string): string => `apiVersion: kientruc/v1
kind: Task
id: phe-duyet-cap-do
name: Lập hồ sơ cấp độ
area: security
lead: agency:tinh-thu
deadline: 2027-06
budget:
${budget}`;

describe('model.budget-unit: an amount that looks written in đồng', () => {
  it('15000000 (meant as 15 triệu đồng): one warning at the amount, saying the unit and what the value would mean', async () => {
    const { at, all } = await modelFindings({ 'architecture/tasks/t.yaml': TASK('  - { year: 2027, amount: 15000000, source: state-budget }\n') });
    expect(at).toEqual(['tasks/t.yaml:9:27 model.budget-unit']);
    const d = all[0] as Diagnostic;
    expect(d.severity).toBe('warning');
    expect(d.message.vi).toContain('tức 15.000.000 triệu đồng (15.000 tỷ đồng): "amount" tính bằng triệu đồng');
    expect(d.message.en).toContain('15,000,000 million VND (15,000 billion VND): "amount" is in million VND');
    expect(d.fix?.vi).toBe('Nếu là 15.000.000 đồng, ghi amount: 15 (triệu đồng); giữ nguyên nếu đúng là 15.000 tỷ đồng.');
  });
  it('an amount in triệu đồng below the threshold of the pack says nothing', async () => {
    const { at } = await modelFindings({ 'architecture/tasks/t.yaml': TASK('  - { year: 2027, amount: 15, source: state-budget }\n  - { year: 2028, amount: 999999, source: state-budget }\n') });
    expect(at).toEqual([]);
  });
  it('the threshold is pack data (thresholds.budgetLineMaxMillionVnd), unconfirmed', () => {
    const t = loadPack('vn-2025').thresholds['budgetLineMaxMillionVnd'];
    expect(t?.value).toBe(1_000_000);
    expect(t?.confirmed).toBe(false);
  });
});

const DATASET = (extra: string): string => `apiVersion: kientruc/v1
kind: Dataset
id: ho-so-tthc
name: Dữ liệu hồ sơ thủ tục hành chính
scope: local
sharing: shared
${extra}`;

describe('model.request-counts: requests answered more often than received', () => {
  it('met 5 of 4 received: one error at the entry, with the fix', async () => {
    const { at, all } = await modelFindings({ 'architecture/datasets/d.yaml': DATASET('sharingRequests:\n  - { period: 2025-Q3, received: 4, met: 3 }\n  - { period: 2025-Q4, received: 4, met: 5 }\n') });
    expect(at).toEqual(['datasets/d.yaml:9:5 model.request-counts']);
    const d = all[0] as Diagnostic;
    expect(d.severity).toBe('error');
    expect(d.path).toEqual(['sharingRequests', 1]);
    expect(d.message.vi).toBe('Tập dữ liệu "ho-so-tthc": trong kỳ 2025-Q4, số yêu cầu chia sẻ đã đáp ứng, từ chối bằng văn bản và đang xử lý cộng lại là 5 (met: 5), nhiều hơn số yêu cầu nhận được (received: 4).');
    expect(d.fix?.en).toMatch(/^Fix the figures of 2025-Q4: received counts every request/);
  });
  it('met + refusedInWriting + pending add up over received', async () => {
    const { all } = await modelFindings({ 'architecture/datasets/d.yaml': DATASET('sharingRequests:\n  - { period: 2025-Q4, received: 10, met: 7, refusedInWriting: 2, pending: 2 }\n') });
    expect(all.map((d) => d.message.en)).toEqual([
      'Dataset "ho-so-tthc": in period 2025-Q4, sharing requests met, refused in writing and pending add up to 11 (met: 7 + refusedInWriting: 2 + pending: 2), more than the requests received (received: 10).',
    ]);
  });
  it('exactly received, or fewer (some unanswered: data.sharing-requests says so), is no model finding', async () => {
    const { at } = await modelFindings({ 'architecture/datasets/d.yaml': DATASET('sharingRequests:\n  - { period: 2025-Q4, received: 10, met: 7, refusedInWriting: 2, pending: 1 }\n  - { period: 2025-Q3, received: 10, met: 2 }\n') });
    expect(at).toEqual([]);
  });
});

const KPI = (unit: string, values: string): string => `apiVersion: kientruc/v1
kind: Kpi
id: dvctt-toan-trinh
name: Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình
unit: ${unit}
owner: agency:tinh-thu
${values}`;

describe('model.unit-range: a KPI value outside the range of its unit', () => {
  it('percent: the measurement 120, the baseline -5 and the target 101 are each an error at that value', async () => {
    const { at, all } = await modelFindings({
      'architecture/kpis/k.yaml': KPI('percent', 'baseline: { value: -5, date: 2025-06-30 }\nmeasurements:\n  - { date: 2025-09-30, value: 120, source: Hệ thống một cửa }\n  - { date: 2025-12-31, value: 100, source: Hệ thống một cửa }\ntarget: { value: 101, deadline: 2026-12-31 }\n'),
    });
    expect(at).toEqual(['kpis/k.yaml:7:20 model.unit-range', 'kpis/k.yaml:9:32 model.unit-range', 'kpis/k.yaml:11:18 model.unit-range']);
    expect(all.every((d) => d.severity === 'error')).toBe(true);
    expect(all[1]?.message.vi).toBe('Chỉ tiêu "dvctt-toan-trinh" tính theo đơn vị "percent" (Tỷ lệ phần trăm (%)) nhưng số đo ngày 30/9/2025 là 120, ngoài khoảng 0–100.');
    expect(all[1]?.path).toEqual(['measurements', 0, 'value']);
  });
  it('milestone is bounded too; count is not', async () => {
    const milestone = await modelFindings({ 'architecture/kpis/k.yaml': KPI('milestone', 'milestones:\n  - { value: 150, deadline: 2026 }\n') });
    expect(milestone.at).toEqual(['kpis/k.yaml:8:14 model.unit-range']);
    const count = await modelFindings({ 'architecture/kpis/k.yaml': KPI('count', 'measurements:\n  - { date: 2025-09-30, value: 120, source: Sở }\n') });
    expect(count.at).toEqual([]);
  });
  it('the bounds are pack data (kpiUnit min/max)', () => {
    const units = loadPack('vn-2025').enums['kpiUnit']?.values ?? [];
    expect(units.filter((u) => u.max !== undefined).map((u) => [u.value, u.min, u.max])).toEqual([
      ['percent', 0, 100],
      ['milestone', 0, 100],
    ]);
  });
});

const QUALITY = (scores: string): string => DATASET(`quality:\n  - { assessedOn: 2025-09-20, ${scores} }\n`);

describe('model.quality-fraction: quality scores written as fractions', () => {
  it('0.95, 0.9, 0.92, 0.97: one warning for the assessment, each score with its percentage', async () => {
    const { at, all } = await modelFindings({ 'architecture/datasets/d.yaml': QUALITY('correct: 0.95, complete: 0.9, clean: 0.92, live: 0.97') });
    expect(at).toEqual(['datasets/d.yaml:8:5 model.quality-fraction']);
    expect(all[0]?.severity).toBe('warning');
    expect(all[0]?.message.vi).toBe('Tập dữ liệu "ho-so-tthc": điểm chất lượng đánh giá ngày 20/9/2025 có vẻ ghi dạng phân số: đúng 0,95 → 95, đủ 0,9 → 90, sạch 0,92 → 92, sống 0,97 → 97?');
    expect(all[0]?.fix?.vi).toBe('Điểm chất lượng tính theo phần trăm (0–100): ghi correct: 95, complete: 90, clean: 92, live: 97; giữ nguyên nếu đúng là dưới 1%.');
  });
  it.each([
    ['percentages', 'correct: 95, complete: 88, clean: 92, live: 97'],
    ['only 0 and 1 (1 may be 1% or a yes)', 'correct: 1, complete: 1, clean: 0, live: 1'],
    ['all zero', 'correct: 0, complete: 0, clean: 0, live: 0'],
    ['one score above 1', 'correct: 0.95, complete: 0.9, clean: 0.92, live: 5'],
  ])('%s: no finding', async (_name, scores) => {
    const { at } = await modelFindings({ 'architecture/datasets/d.yaml': QUALITY(scores) });
    expect(at).toEqual([]);
  });
});

const SYSTEM = (id: string, name: string, owner: string, extra = ''): string => `apiVersion: kientruc/v1
kind: System
id: ${id}
name: ${name}
layer: L3
component: tthc
status: planned
owner: ${owner}
${extra}`;

describe('model.duplicate-name: entities of one kind and owner sharing a name', () => {
  const NAME = 'Hệ thống quản lý hồ sơ sức khỏe điện tử';
  it('four systems of one owner, one name (case, spaces aside): a warning on each but the first, listing the others with file:line', async () => {
    const { at, all } = await modelFindings({
      'architecture/systems/a.yaml': `${SYSTEM('his-1', NAME, 'agency:tinh-thu')}---\n${SYSTEM('his-2', `"${NAME} "`, 'agency:tinh-thu')}`,
      'architecture/systems/b.yaml': `${SYSTEM('his-3', NAME.toUpperCase(), 'agency:tinh-thu')}---\n${SYSTEM('his-4', NAME.replace('hồ sơ', 'hồ  sơ'), 'agency:tinh-thu')}`,
    });
    expect(at).toEqual(['systems/a.yaml:13:7 model.duplicate-name', 'systems/b.yaml:4:7 model.duplicate-name', 'systems/b.yaml:13:7 model.duplicate-name']);
    expect(all[0]?.severity).toBe('warning');
    expect(all[0]?.message.vi).toBe(
      `Hệ thống "${NAME} " (system:his-2) trùng tên với system:his-1 (architecture/systems/a.yaml:4), system:his-3 (architecture/systems/b.yaml:4), system:his-4 (architecture/systems/b.yaml:13), cùng chủ quản agency:tinh-thu.`,
    );
  });
  it('the same name under two owners (two communes\' own systems) is no finding; nor a system replaced by its namesake', async () => {
    const orgs = 'apiVersion: kientruc/v1\nkind: Organization\nid: xa-a\nname: UBND xã A\nlevel: commune\n---\napiVersion: kientruc/v1\nkind: Organization\nid: xa-b\nname: UBND xã B\nlevel: commune\n';
    const { at } = await modelFindings({
      'architecture/organizations/o.yaml': orgs,
      'architecture/systems/a.yaml': `${SYSTEM('his-a', NAME, 'org:xa-a')}---\n${SYSTEM('his-b', NAME, 'org:xa-b')}---\n${SYSTEM('his-old', NAME, 'agency:tinh-thu', 'replacedBy: system:his-new\n')}---\n${SYSTEM('his-new', NAME, 'agency:tinh-thu')}`,
    });
    expect(at).toEqual([]);
  });
});

describe('model.duplicate-name in a long-running build (the language server): patched as files change', () => {
  const NAME = 'Hệ thống quản lý hồ sơ sức khỏe điện tử';
  const files: Record<string, string> = { 'architecture/agency.yaml': AGENCY };
  for (let i = 0; i < 6; i++) files[`architecture/systems/s${i}.yaml`] = SYSTEM(`he-thong-${i}`, `Hệ thống số ${i}`, 'agency:tinh-thu');
  files['architecture/systems/a.yaml'] = SYSTEM('his-1', NAME, 'agency:tinh-thu');
  files['architecture/systems/b.yaml'] = SYSTEM('his-2', NAME, 'agency:tinh-thu');
  const brief = (ds: readonly Diagnostic[]): string[] => ds.filter((d) => d.code === 'model.duplicate-name').map((d) => `${d.file}:${d.range.start.line} ${d.message.en}`);

  it('gives, after each edit, what a build from nothing gives', async () => {
    const dir = makeProject(files);
    const memo = new ModelMemo();
    const run = async (file: string, text: string) => {
      writeFileSync(join(dir, file), text);
      const patched = await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: false, modelMemo: memo });
      const whole = await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: false });
      expect(brief(patched.diagnostics)).toEqual(brief(whole.diagnostics));
      return { found: brief(patched.diagnostics), patched: memo.lastRun.patched };
    };
    const first = await run('architecture/systems/b.yaml', SYSTEM('his-2', NAME, 'agency:tinh-thu'));
    expect(first.found).toEqual([`architecture/systems/b.yaml:4 System "${NAME}" (system:his-2) has the same name as system:his-1 (architecture/systems/a.yaml:4), with the same owner agency:tinh-thu.`]);
    const renamed = await run('architecture/systems/b.yaml', SYSTEM('his-2', 'Hệ thống khác', 'agency:tinh-thu'));
    expect(renamed).toEqual({ found: [], patched: true });
    const back = await run('architecture/systems/b.yaml', SYSTEM('his-2', NAME.toUpperCase(), 'agency:tinh-thu'));
    expect(back.found).toHaveLength(1);
    expect(back.patched).toBe(true);
    // The first one moves down two lines: the finding on the other names its new line.
    const moved = await run('architecture/systems/a.yaml', `# Hệ thống\n# của Sở\n${SYSTEM('his-1', NAME, 'agency:tinh-thu')}`);
    expect(moved.found[0]).toContain('system:his-1 (architecture/systems/a.yaml:6)');
    const gone = await run('architecture/systems/a.yaml', SYSTEM('his-1', NAME, 'agency:tinh-thu').replace('status: planned', 'status: retired'));
    expect(gone.found).toEqual([]);
  });
});

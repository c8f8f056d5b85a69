import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDiffMarkdown } from '../../src/diff/format.js';
import type { DiffReport } from '../../src/diff/types.js';
import { dropDocument, edit, git, replaceIn, sampleRepo } from '../helpers/git.js';
import { makeProject, REPO, runBin, runMain } from '../helpers/project.js';

const NEW_SYSTEM = `---
apiVersion: kientruc/v1
kind: System
id: cong-du-lieu-y-te
name: Cổng dữ liệu y tế tỉnh Sơn Hà
layer: L4
component: data-portal
status: building
owner: org:so-y-te
`;

/** The second commit of the sample: one of each kind of change a reviewer must see. */
function secondCommit(repo: string): void {
  edit(repo, 'architecture/systems/l3-ung-dung.yaml', (t) => replaceIn(t, 'tthc-tinh', 'level: 3', 'level: 2'));
  edit(repo, 'architecture/systems/l4-kenh-tuong-tac.yaml', (t) => `${t}${NEW_SYSTEM}`);
  edit(repo, 'architecture/datasets/dan-cu-ho-tich.yaml', (t) => dropDocument(t, 'ho-tich-so-hoa'));
  edit(repo, 'architecture/datasets/y-te-an-sinh.yaml', (t) => replaceIn(t, 'bao-hiem-tren-dia-ban', 'status: live', 'status: none'));
  edit(repo, 'architecture/datasets/kinh-te-xay-dung-van-hoa.yaml', (t) => replaceIn(t, 'giay-phep-xay-dung', 'criticality: other\n', 'criticality: other\npersonalData: none\n'));
  edit(repo, 'architecture/tasks/du-lieu.yaml', (t) => replaceIn(t, 'hoan-thanh-phan-loai-du-lieu', 'deadline: 2025-12-31', 'deadline: 2026-12-31'));
  edit(repo, 'architecture/kpis/dich-vu-cong.yaml', (t) => replaceIn(t, 'ho-so-xu-ly-truc-tuyen', 'value: 81.5, numerator: 160300', 'value: 83.1, numerator: 163450'));
  git(repo, 'commit', '-q', '-a', '-m', 'Cập nhật quý III/2026');
}

describe('kientruc diff on two commits of the sample', () => {
  let repo: string;
  let md: ReturnType<typeof runBin>;
  let report: DiffReport;

  beforeAll(async () => {
    repo = sampleRepo();
    secondCommit(repo);
    // The built bin once, as users and CI run it; the other runs go through main() in-process.
    md = runBin(['diff', 'HEAD~1', 'HEAD'], repo);
    const json = await runMain(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo);
    expect(json.code, json.stderr).toBe(0);
    report = JSON.parse(json.stdout) as DiffReport;
  });

  it('lists breaking changes first, each with its file and line on the side that has it', async () => {
    expect(md.code, md.stderr).toBe(0);
    const lines = md.stdout.split('\n');
    expect(lines[0]).toBe('<!-- kientruc-diff -->');
    expect(lines[1]).toMatch(/^## kientruc diff: `HEAD~1` \([0-9a-f]{8}\) → `HEAD` \([0-9a-f]{8}\)$/);
    expect(lines[3]).toContain('**4 thay đổi phá vỡ**');
    const breakingAt = lines.findIndex((l) => l.startsWith('### ⚠️ Thay đổi phá vỡ'));
    const firstDetails = lines.findIndex((l) => l.startsWith('<details>'));
    expect(breakingAt).toBeGreaterThan(0);
    expect(breakingAt).toBeLessThan(firstDetails);
    expect(report.breaking.map((b) => `${b.code} ${b.ref} ${b.where.file}:${b.where.line}`)).toEqual([
      'removed-referenced dataset:ho-tich-so-hoa architecture/datasets/dan-cu-ho-tich.yaml:49',
      'national-sync-removed dataset:bao-hiem-tren-dia-ban architecture/datasets/y-te-an-sinh.yaml:131',
      'security-level-lowered system:tthc-tinh architecture/systems/l3-ung-dung.yaml:20',
      'deadline-past-national task:hoan-thanh-phan-loai-du-lieu architecture/tasks/du-lieu.yaml:12',
    ]);
    const removed = report.breaking[0]?.message.vi ?? '';
    expect(removed).toContain('integration:ho-tich-btp');
    expect(removed).toContain('đang đồng bộ về CSDL tổng hợp quốc gia');
    expect(report.breaking[3]?.message.vi).toContain('sau thời hạn 31/12/2025 của chỉ tiêu quốc gia');
  });

  it('shows entities added, removed and changed field by field with schema titles and readable values', async () => {
    expect(report.entities.added.map((e) => e.ref)).toEqual(['system:cong-du-lieu-y-te']);
    expect(report.entities.removed.map((e) => e.ref)).toEqual(['dataset:ho-tich-so-hoa']);
    const sys = report.entities.changed.find((e) => e.ref === 'system:tthc-tinh');
    expect(sys?.fields.map((f) => [f.label.vi, f.beforeText.vi, f.afterText.vi])).toEqual([
      ['An toàn hệ thống thông tin theo cấp độ › Cấp độ an toàn hệ thống thông tin', 'Cấp độ 3', 'Cấp độ 2'],
    ]);
    const ds = report.entities.changed.find((e) => e.ref === 'dataset:giay-phep-xay-dung');
    expect(ds?.fields).toMatchObject([{ change: 'added', path: ['personalData'], after: 'none', beforeText: { vi: '—' } }]);
    const task = report.entities.changed.find((e) => e.ref === 'task:hoan-thanh-phan-loai-du-lieu');
    expect(task?.fields.map((f) => [f.label.vi, f.beforeText.vi, f.afterText.vi])).toEqual([['Thời gian hoàn thành', '31/12/2025', '31/12/2026']]);
    const kpi = report.entities.changed.find((e) => e.ref === 'kpi:ho-so-xu-ly-truc-tuyen');
    expect(kpi?.fields.map((f) => f.label.vi)).toEqual(['Kết quả đo › 30/9/2026 › Giá trị', 'Kết quả đo › 30/9/2026 › Tử số']);
    expect(md.stdout).toContain('<details><summary>Hệ thống: +1 thêm · −0 xóa · 1 sửa</summary>');
    expect(md.stdout).toContain('| An toàn hệ thống thông tin theo cấp độ › Cấp độ an toàn hệ thống thông tin | Cấp độ 3 | Cấp độ 2 |');
  });

  it('reports KPI movements with the latest measurement on each side', async () => {
    expect(report.kpis).toEqual([
      expect.objectContaining({
        ref: 'kpi:ho-so-xu-ly-truc-tuyen',
        before: expect.objectContaining({ value: 81.5, date: '2026-09-30' }),
        after: expect.objectContaining({ value: 83.1, date: '2026-09-30' }),
        delta: 1.6,
      }),
    ]);
    expect(md.stdout).toContain('| `kpi:ho-so-xu-ly-truc-tuyen` Tỷ lệ hồ sơ TTHC được xử lý trực tuyến | 81,5% (30/9/2026) | 83,1% (30/9/2026) | +1,6 | Đạt |');
  });

  it('matches findings by code, entity and path, not by line', async () => {
    // Lines moved in five files, yet only findings about what the commit touched are new or resolved.
    const touched = new Set([
      ...report.entities.added.map((e) => e.ref),
      ...report.entities.removed.map((e) => e.ref),
      ...report.entities.changed.map((e) => e.ref),
      // Referencing the dropped dataset, or referenced by it (its hosting system).
      'integration:ho-tich-btp',
      'task:so-hoa-ho-tich',
      'system:so-hoa-ho-tich',
    ]);
    const introduced = report.findings.introduced.map((f) => `${f.code} ${f.entity}`);
    expect(introduced).toEqual(
      expect.arrayContaining([
        'model.unresolved-ref integration:ho-tich-btp',
        'model.unresolved-ref task:so-hoa-ho-tich',
        'system.security-level system:cong-du-lieu-y-te',
      ]),
    );
    // A figure computed over every dataset (kpi.document-figures: the share of sectoral databases
    // standardised) moves when one is dropped: a finding on the KPI, which the commit did not touch.
    const computed = report.findings.introduced.filter((f) => f.code === 'kpi.document-figures');
    expect(computed.map((f) => f.entity)).toEqual(['kpi:csdl-chuyen-nganh-chuan-hoa']);
    expect(report.findings.introduced.filter((f) => !touched.has(f.entity ?? '') && f.code !== 'kpi.document-figures')).toEqual([]);
    expect(report.findings.resolved.map((f) => `${f.code} ${f.entity}`)).toContain('data.personal-data-category dataset:giay-phep-xay-dung');
    expect(report.findings.resolved.filter((f) => !touched.has(f.entity ?? ''))).toEqual([]);
    expect(report.findings.unchanged).toBeGreaterThan(10);
  });

  it('stays short enough for a pull-request comment', async () => {
    const full = formatDiffMarkdown(report, 'vi');
    expect(full).toBe(md.stdout);
    const short = formatDiffMarkdown(report, 'vi', 3500);
    expect(short.length).toBeLessThanOrEqual(3500);
    expect(short).toContain('### ⚠️ Thay đổi phá vỡ (4)');
    expect(short).toContain('các trường thay đổi được lược bớt');
    expect((short.match(/<details>/g) ?? []).length).toBe((short.match(/<\/details>/g) ?? []).length);
  });

  it('exits 1 with --fail-on-breaking, and writes --output atomically; deterministic: same input, same bytes', async () => {
    const r = await runMain(['diff', 'HEAD~1', 'HEAD', '--fail-on-breaking', '--output', 'out/diff.md'], repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('4 thay đổi phá vỡ');
    // A second run of the same diff (here in-process, the first through the bin) writes the same bytes.
    expect(readFileSync(join(repo, 'out/diff.md'), 'utf8')).toBe(md.stdout);
  });

  it('compares a git ref with the working tree by default', async () => {
    edit(repo, 'architecture/systems/l3-ung-dung.yaml', (t) => replaceIn(t, 'tthc-tinh', 'level: 2', 'level: 3'));
    const r = await runMain(['diff', 'HEAD', '--format', 'json'], repo);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout) as DiffReport;
    expect(rep.head.label).toBe('');
    expect(rep.breaking).toEqual([]);
    expect(rep.entities.changed.map((e) => e.ref)).toEqual(['system:tthc-tinh']);
    git(repo, 'checkout', '--', '.');
  });

  it('reads the rule configuration beside the folder at each commit (a waiver withdrawn is listed as such, not as a new finding)', async () => {
    const dir = sampleRepo();
    writeFileSync(
      join(dir, 'kientruc.config.yaml'),
      `waivers:
  - rule: system.security-level
    entity: system:ttdl-du-phong
    reason: Hồ sơ đề xuất cấp độ trình trong quý IV/2026
    approvedBy: Giám đốc Sở Khoa học và Công nghệ
    expires: 2026-12-31
`,
    );
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'Miễn trừ');
    writeFileSync(join(dir, 'kientruc.config.yaml'), 'rules: {}\n');
    git(dir, 'commit', '-q', '-a', '-m', 'Bỏ miễn trừ');
    const r = await runMain(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const rep = JSON.parse(r.stdout) as DiffReport;
    expect(rep.findings.introduced).toEqual([]);
    expect(rep.findings.resolved).toEqual([]);
    expect(rep.findings.unwaived.map((f) => `${f.code} ${f.entity} ${f.why} ${f.waiver.expires}`)).toEqual(['system.security-level system:ttdl-du-phong withdrawn 2026-12-31']);
  });

  it('refuses a side that is neither a folder nor a git ref, in one line', async () => {
    const r = await runMain(['diff', 'khong-co-nhanh-nay'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('không phải thư mục cũng không phải tham chiếu git');
    expect(r.stderr).toMatch(/ Có: main(, [^.]+)?\.\n$/);
  });

  it('for a ref that names nothing, names the remote branch of that name, or the refs there are, and a shallow clone', async () => {
    const dir = sampleRepo();
    git(dir, 'branch', '-m', 'main', 'master');
    const none = await runMain(['--lang', 'en', 'diff', 'main'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('kientruc: "main" is neither a folder nor a git reference (branch, tag, commit) in the repository. There are: master.\n');
    // CI's checkout: the base branch only as origin/main.
    git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    const remote = await runMain(['diff', 'main'], dir);
    expect(remote.stderr).toBe('kientruc: "main" không phải thư mục cũng không phải tham chiếu git (nhánh, thẻ, commit) có trong kho. Dùng "origin/main".\n');
    expect((await runMain(['diff', 'origin/main', '--format', 'json'], dir)).code).toBe(0);
    // A shallow clone with one branch: fetch more.
    const clone = makeProject({});
    git(clone, 'clone', '-q', '--depth', '1', `file://${dir}`, 'c');
    const shallow = await runMain(['--lang', 'en', 'diff', 'develop'], join(clone, 'c'));
    expect(shallow.stderr).toContain('There are: master, origin/master. This clone holds only part of the history: fetch the base branch');
  });
});

describe('kientruc diff on two folders', () => {
  it('compares the sample with an edited copy and says so in English with --lang en', async () => {
    const dir = makeProject({});
    cpSync(join(REPO, 'architecture'), join(dir, 'a'), { recursive: true });
    cpSync(join(REPO, 'architecture'), join(dir, 'b'), { recursive: true });
    edit(dir, 'b/datasets/dan-cu-ho-tich.yaml', (t) => replaceIn(t, 'cong-dan-dung-chung', 'sharing: shared', 'sharing: restricted'));
    const r = await runMain(['--lang', 'en', 'diff', 'a', 'b'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('**1 breaking change**');
    expect(r.stdout).toContain('- **Data sharing withdrawn** `dataset:cong-dan-dung-chung` — Dataset "Công dân dùng chung": sharing class Shared data → Restricted data. `b/datasets/dan-cu-ho-tich.yaml:15`');
    const same = await runMain(['diff', 'a', 'a'], dir);
    expect(same.stdout).toContain('_Không có thay đổi nào trong kiến trúc._');
    expect(same.stdout).toContain('không có thay đổi phá vỡ');
  });
});

import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/types.js';
import { edit, git, replaceIn, sampleRepo } from '../helpers/git.js';
import { makeProject, runCli, runMain } from '../helpers/project.js';

describe('kientruc diff --dir naming a folder that is not there at the ref', () => {
  it('is a usage error (exit 2) naming the folder and the ref, with the closest architecture folder', async () => {
    const repo = makeProject({});
    git(repo, 'init', '-q');
    const init = await runCli(['init', 'so-yt', '--name', 'Sở Y tế', '--code', '000.07.00.H99', '-q'], repo);
    expect(init.code, init.stderr).toBe(0);
    git(repo, 'add', '-A');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'v1');
    edit(repo, 'so-yt/architecture/systems/he-thong.yaml', (t) => t.replace('level: 2', 'level: 1'));
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'v2');

    const typo = await runCli(['diff', 'HEAD~1', 'HEAD', '--dir', 'so-yt/architectur', '--fail-on-breaking'], repo);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toContain('Thư mục kiến trúc "so-yt/architectur" không có tại HEAD~1');
    expect(typo.stderr).toContain('Ý bạn là --dir so-yt/architecture?');

    // The right folder: the lowered security level is a breaking change.
    const ok = await runCli(['diff', 'HEAD~1', 'HEAD', '--dir', 'so-yt/architecture', '--fail-on-breaking', '-q'], repo);
    expect(ok.code, ok.stderr).toBe(1);
  });
});

describe('kientruc diff across a renamed architecture folder', () => {
  it('follows the rename through git, without flags (the CI job), with --dir naming either side, or with --base-dir/--head-dir', async () => {
    const repo = sampleRepo();
    git(repo, 'mv', 'architecture', 'kien-truc');
    edit(repo, 'kien-truc/systems/l3-ung-dung.yaml', (t) => replaceIn(t, 'tthc-tinh', 'level: 3', 'level: 2'));
    git(repo, 'commit', '-q', '-a', '-m', 'Đổi tên thư mục kiến trúc');

    for (const flags of [[], ['--dir', 'kien-truc'], ['--dir', 'architecture'], ['--base-dir', 'architecture', '--head-dir', 'kien-truc']]) {
      const r = await runMain(['diff', 'HEAD~1', 'HEAD', '--format', 'json', ...flags], repo);
      expect(r.code, `${flags.join(' ')}: ${r.stderr}`).toBe(0);
      const report = JSON.parse(r.stdout) as DiffReport;
      expect([report.base.folder, report.head.folder]).toEqual(['architecture', 'kien-truc']);
      // Only what the commit changed inside the folder: the file's new place, nothing added or removed.
      expect(report.breaking.map((b) => `${b.code} ${b.ref} ${b.where.file}`)).toEqual(['security-level-lowered system:tthc-tinh kien-truc/systems/l3-ung-dung.yaml']);
      expect([report.entities.added, report.entities.removed]).toEqual([[], []]);
      expect([report.findings.introduced.length, report.findings.resolved.length]).toEqual([0, 0]);
      if (!flags.includes('--base-dir')) expect(r.stderr).toContain('Thư mục kiến trúc đổi tên giữa hai phía (theo git): architecture → kien-truc.');
    }
    const md = await runMain(['diff', 'HEAD~1', 'HEAD'], repo);
    expect(md.stdout).toContain('> Thư mục kiến trúc đổi tên: `architecture` → `kien-truc`.');

    // A per-side folder that is not there is that side's to fix, and the hint says which option.
    const wrong = await runMain(['diff', 'HEAD~1', 'HEAD', '--head-dir', 'architecture'], repo);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Ý bạn là --head-dir kien-truc?');

    // The working tree after `git mv`, not yet committed.
    git(repo, 'mv', 'kien-truc', 'kt');
    const tree = await runMain(['diff', 'HEAD', '--dir', 'kien-truc', '--format', 'json'], repo);
    expect(tree.code, tree.stderr).toBe(0);
    const r = JSON.parse(tree.stdout) as DiffReport;
    expect([r.base.folder, r.head.folder, r.breaking.length, r.entities.changed.length]).toEqual(['kien-truc', 'kt', 0, 0]);
  });
});

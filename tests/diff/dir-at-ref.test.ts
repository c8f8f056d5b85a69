import { describe, expect, it } from 'vitest';
import { edit, git } from '../helpers/git.js';
import { makeProject, runCli } from '../helpers/project.js';

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

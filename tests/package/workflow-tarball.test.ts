/**
 * A repository scaffolded by the packed kientruc: every `run:` step of its GitHub workflow passes with
 * kientruc installed from the tarball (docs/ci.md), offline. Own file so it runs beside pack.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CI_COMMANDS } from '../../src/cli/ci-templates.js';
import { edit, git } from '../helpers/git.js';
import { installedTarball, linkRuntimeDependencies, OFFLINE, packTarball, sh, VERSION } from '../helpers/pack.js';
import { makeProject } from '../helpers/project.js';

describe('the packed tarball in a scaffolded repository', () => {
  let tgz: string;

  beforeAll(() => {
    ({ tgz } = packTarball());
  });

  it('a repository scaffolded by the packed kientruc passes every run: step of its GitHub workflow, kientruc from the tarball', { timeout: 300_000 }, () => {
    // Scaffolded by the packed kientruc: the run's one offline install of the tarball (pack.test.ts
    // uses the same one; installedTarball() throws with npm's output when the install fails).
    const home = makeProject({ 'package.json': JSON.stringify({ name: 'x', private: true }) });
    const init = sh(`${JSON.stringify(join(installedTarball(), 'node_modules', '.bin', 'kientruc'))} init repo --name "Sở Y tế tỉnh Sơn Hà" --code 000.07.00.H99`, home);
    expect(init.code, init.stderr).toBe(0);
    const repo = join(home, 'repo');
    // kientruc from a tarball, as docs/ci.md shows; the CI install step then installs exactly that.
    edit(repo, 'package.json', (t) => t.replace(`"kientruc": "${VERSION}"`, `"kientruc": ${JSON.stringify(`file:${tgz}`)}`));
    linkRuntimeDependencies(repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Khởi tạo');
    const base = git(repo, 'rev-parse', 'HEAD').trim();
    git(repo, 'checkout', '-q', '-b', 'doi-ten');
    edit(repo, 'architecture/systems/he-thong.yaml', (t) => t.replace('name: Hệ thống quản lý văn bản và điều hành', 'name: Hệ thống quản lý văn bản và điều hành điện tử'));
    git(repo, 'commit', '-q', '-a', '-m', 'Đổi tên hệ thống');

    const wf = parse(readFileSync(join(repo, '.github/workflows/kientruc.yml'), 'utf8')) as {
      env: Record<string, string>;
      jobs: Record<string, { steps: { name?: string; run?: string; env?: Record<string, string> }[] }>;
    };
    const summary = join(home, 'summary.md');
    writeFileSync(summary, '');
    const ran: string[] = [];
    // Each job starts on a fresh machine, so the install and version steps come once per job; here the
    // jobs share one checkout, where a step already run with the same command, environment and lockfile
    // state (npm install without package-lock.json, npm ci with the one it wrote) is the same run again,
    // and passes as that run did. The install so still runs both ways: as the scaffolded repository is
    // committed (no lockfile) and as one that commits its lockfile.
    const passed = new Map<string, string>();
    const stdout = new Map<string, string>();
    for (const [job, { steps }] of Object.entries(wf.jobs)) {
      for (const step of steps) {
        if (step.run === undefined) continue;
        // The Debian packages step needs root and Debian's archive; this machine has them already (.ci/system-deps).
        if (step.run.startsWith('apt-get')) {
          expect(sh('command -v chromium', repo).code).toBe(0);
          continue;
        }
        const name = `${job}: ${step.name ?? step.run}`;
        const key = JSON.stringify([step.run, step.env ?? {}, existsSync(join(repo, 'package-lock.json'))]);
        const same = passed.get(key);
        if (same !== undefined) {
          ran.push(`${name} (as ${same})`);
          continue;
        }
        const env = { ...wf.env, ...OFFLINE, ...(step.env ?? {}), BASE_SHA: base, GITHUB_STEP_SUMMARY: summary };
        const r = sh(step.run, repo, env);
        expect(r.code, `${job} / ${step.name ?? step.run}\n${r.stdout}\n${r.stderr}`).toBe(0);
        passed.set(key, name);
        stdout.set(step.run, r.stdout);
        ran.push(name);
      }
    }
    expect(ran.length).toBeGreaterThanOrEqual(11);
    // The install ran both ways: without a lockfile (npm install), then with the one it wrote (npm ci).
    const installs = [...passed.keys()].map((k) => JSON.parse(k) as [string, unknown, boolean]).filter(([run]) => run.includes('npm ci'));
    expect(installs.map(([, , lock]) => lock)).toEqual([false, true]);
    // The installed kientruc is the tarball's, and says so in the log (the workflow's version step).
    expect(stdout.get(CI_COMMANDS.version), 'the workflow has a version step').toContain(`kientruc ${VERSION}`);
    expect(readFileSync(join(repo, 'node_modules', 'kientruc', 'package.json'), 'utf8')).toContain(`"version": "${VERSION}"`);
    expect(readFileSync(summary, 'utf8')).toContain('<!-- kientruc-diff -->');
    expect(readFileSync(summary, 'utf8')).toContain('điều hành điện tử');
    expect(readFileSync(join(repo, 'generated', 'diagrams', 'landscape.svg'), 'utf8')).toContain('<svg');
  });
});

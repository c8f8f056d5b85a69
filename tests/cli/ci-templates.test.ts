import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CI_APT, CI_COMMANDS, CI_DIFF_BASE, CI_IMAGE, CI_INSTALL } from '../../src/cli/ci-templates.js';
import { TOOL_VERSION } from '../../src/cli/app.js';
import { edit, git } from '../helpers/git.js';
import { GITLAB_CI_SCHEMA } from '../helpers/gitlab-ci-schema.js';
import { AGENCY, makeProject, REPO, runBin, type RunResult } from '../helpers/project.js';
import { runKientrucLine } from '../helpers/shell-line.js';

const GH = '.github/workflows/kientruc.yml';
const GL = '.gitlab-ci.yml';

type Yaml = Record<string, unknown>;

function load(text: string): Yaml {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: false });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  expect(doc.warnings.map((e) => e.message)).toEqual([]);
  return doc.toJS() as Yaml;
}

/** Every `npx kientruc …` command line in a workflow, as written. */
function kientrucCommands(text: string): string[] {
  return [...text.matchAll(/npx kientruc [^\n]*/g)].map((m) => m[0].trim());
}

/** Runs a workflow's `npx kientruc …` line as its shell would, kientruc in-process (tests/helpers/shell-line.ts). */
function runCommand(command: string, cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runKientrucLine(command, cwd, env);
}

describe('CI workflows written by kientruc init', () => {
  let dir: string;
  let gh: string;
  let gl: string;

  beforeAll(() => {
    dir = makeProject({});
    const r = runBin(['init', 'so-y-te', '--name', 'Sở Y tế tỉnh Sơn Hà', '--code', '000.07.00.H99'], dir);
    expect(r.code, r.stderr).toBe(0);
    dir = join(dir, 'so-y-te');
    gh = readFileSync(join(dir, GH), 'utf8');
    gl = readFileSync(join(dir, GL), 'utf8');
  });

  it('pins the kientruc version in package.json and names it in both workflows', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['kientruc']).toBe(TOOL_VERSION);
    expect(gh).toContain(`kientruc ${TOOL_VERSION}`);
    expect(gl).toContain(`kientruc ${TOOL_VERSION}`);
  });

  it('GitHub Actions: valid YAML that GitHub’s own workflow parser accepts', async () => {
    load(gh);
    const parsed = parseWorkflow({ name: GH, content: gh }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(parsed.value).toBeDefined();
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
    expect(template.jobs.map((j) => j.id.value)).toEqual(['check', 'build', 'diff']);
  });

  it('GitHub Actions: SARIF to code scanning, JUnit and outputs kept as artifacts, diff commented on pull requests', () => {
    const wf = load(gh) as { on: Yaml; permissions: Yaml; jobs: Record<string, { permissions?: Yaml; if?: string; steps: Yaml[] }> };
    expect(Object.keys(wf.on)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const uses = (job: string) => wf.jobs[job]!.steps.map((s) => s['uses']).filter(Boolean);
    const runs = (job: string) => wf.jobs[job]!.steps.map((s) => s['run']).filter(Boolean).join('\n');
    expect(wf.jobs['check']!.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(uses('check')).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'github/codeql-action/upload-sarif@v3', 'actions/upload-artifact@v4']);
    expect(runs('check')).toContain(CI_COMMANDS.sarif);
    expect(runs('check')).toContain(CI_COMMANDS.junit);
    const build = wf.jobs['build']!.steps.find((s) => s['uses'] === 'actions/upload-artifact@v4') as { with: Yaml };
    expect(build.with['path']).toBe('generated/');
    expect(wf.jobs['diff']!.if).toBe("github.event_name == 'pull_request'");
    expect(wf.jobs['diff']!.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(uses('diff')).toContain('actions/github-script@v7');
    expect(uses('build')).toEqual(['actions/checkout@v4', 'actions/cache@v4', 'actions/upload-artifact@v4']);
    // Only the registry and GitHub's own actions: no other action, no curl/wget, no secret.
    expect(new Set([...uses('check'), ...uses('build'), ...uses('diff')].map((u) => String(u).split('/')[0]))).toEqual(new Set(['actions', 'github']));
    expect(gh).not.toMatch(/curl|wget|secrets\./);
  });

  it('GitLab CI: valid YAML, structurally valid (strict keyword schema), jobs and stages consistent', () => {
    const ci = load(gl);
    const stages = ci['stages'] as string[];
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(GITLAB_CI_SCHEMA);
    expect(validate(ci), ajv.errorsText(validate.errors)).toBe(true);
    const jobs = Object.entries(ci).filter(([k, v]) => !['stages', 'workflow', 'default', 'variables', 'cache'].includes(k) && typeof v === 'object');
    expect(jobs.map(([k]) => k)).toEqual(['kientruc-check', 'kientruc-build', 'kientruc-diff']);
    for (const [, job] of jobs) expect(stages).toContain((job as Yaml)['stage']);
    const check = ci['kientruc-check'] as { artifacts: { reports: Yaml; paths: string[] }; script: string[] };
    expect(check.artifacts.reports).toEqual({ junit: 'kientruc-junit.xml' });
    expect(check.script).toEqual([CI_COMMANDS.sarif, CI_COMMANDS.junit, CI_COMMANDS.check]);
    expect(check.artifacts.paths).toEqual(['kientruc.sarif', 'kientruc-junit.xml']);
    expect((ci['kientruc-build'] as { artifacts: { paths: string[] } }).artifacts.paths).toEqual(['generated/']);
    const diff = ci['kientruc-diff'] as { rules: Yaml[]; artifacts: Yaml; script: string[] };
    expect(diff.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(diff.artifacts['expose_as']).toBe('kientruc diff');
    expect(diff.script[0]).toBe(CI_COMMANDS.diff(CI_DIFF_BASE.gitlab));
    // No secret is required: the optional token only adds a comment.
    expect(gl).not.toMatch(/curl|wget|secrets:/);
  });

  it('run kientruc exactly as docs/ci.md shows', () => {
    const page = readFileSync(join(REPO, 'docs', 'ci.md'), 'utf8');
    const commands = [...new Set([...kientrucCommands(gh), ...kientrucCommands(gl)])];
    expect(commands.length).toBe(8);
    for (const c of commands) expect(page, c).toContain(c);
  });

  it('Node 24, no browser download, Debian Chromium and fonts, the render cache kept, the version in the log', () => {
    const wf = load(gh) as { env: Yaml; jobs: Record<string, { container?: string; steps: Yaml[] }> };
    expect(wf.env['PUPPETEER_SKIP_DOWNLOAD']).toBe('1');
    for (const job of ['check', 'diff']) {
      const setup = wf.jobs[job]!.steps.find((s) => s['uses'] === 'actions/setup-node@v4') as { with: Yaml };
      expect(setup.with['node-version']).toBe(24);
    }
    const build = wf.jobs['build']!;
    expect(build.container).toBe(CI_IMAGE);
    const runs = build.steps.map((s) => String(s['run'] ?? ''));
    expect(runs.findIndex((r) => r === CI_APT)).toBeLessThan(runs.findIndex((r) => r === CI_COMMANDS.build));
    const cache = build.steps.find((s) => s['uses'] === 'actions/cache@v4') as { with: Yaml };
    expect(cache.with['path']).toBe('.kientruc-cache/');
    for (const job of Object.values(wf.jobs)) expect(job.steps.map((s) => s['run'])).toContain(CI_COMMANDS.version);
    for (const pkg of ['chromium', 'fonts-liberation2', 'fonts-croscore']) expect(CI_APT).toContain(pkg);

    const ci = load(gl) as { default: { image: string; before_script: string[] }; variables: Yaml; cache: { paths: string[] }; 'kientruc-build': { script: string[] } };
    expect(ci.default.image).toBe(CI_IMAGE);
    expect(CI_IMAGE).toMatch(/^node:24-bookworm$/);
    expect(ci.default.before_script).toEqual([CI_INSTALL, CI_COMMANDS.version]);
    expect(ci.variables['PUPPETEER_SKIP_DOWNLOAD']).toBe('1');
    expect(ci.cache.paths).toContain('.kientruc-cache/');
    expect(ci['kientruc-build'].script[0]).toBe(CI_APT);
  });

  it('the commands work on the scaffolded repository: check reports, build outputs, diff of a merge request', async () => {
    const sarif = await runCommand(CI_COMMANDS.sarif, dir);
    expect(sarif.code, sarif.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'kientruc.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
    expect((await runCommand(CI_COMMANDS.junit, dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'kientruc-junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect((await runCommand(CI_COMMANDS.annotations, dir)).code).toBe(0);
    expect((await runCommand(CI_COMMANDS.check, dir)).code).toBe(0);
    // Without the browser: the same command line, every output but SVG, PNG and PDF. The rendered build of
    // this same scaffolded repository is the workflow's build step, run by the packed kientruc in
    // tests/package/workflow-tarball.test.ts (a second Chromium build of it here cost ~9 s of CPU).
    const build = await runCommand(`${CI_COMMANDS.build} --no-render`, dir);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(join(dir, 'generated'))).toBe(true);

    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'Khởi tạo');
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', '-b', 'ha-cap-do');
    edit(dir, 'architecture/systems/he-thong.yaml', (t) => t.replace('level: 2', 'level: 1'));
    git(dir, 'commit', '-q', '-a', '-m', 'Hạ cấp độ');
    for (const [system, variable] of [
      ['github', 'BASE_SHA'],
      ['gitlab', 'CI_MERGE_REQUEST_DIFF_BASE_SHA'],
    ] as const) {
      const r = await runCommand(CI_COMMANDS.diff(CI_DIFF_BASE[system]), dir, { [variable]: base });
      expect(r.code, r.stderr).toBe(0);
      const md = readFileSync(join(dir, 'kientruc-diff.md'), 'utf8');
      expect(md.startsWith('<!-- kientruc-diff -->\n')).toBe(true);
      expect(md).toContain('**1 thay đổi phá vỡ**');
    }
  });

  it('the GitHub comment script creates the comment once, then updates it', async () => {
    const step = (load(gh) as { jobs: { diff: { steps: { uses?: string; with?: { script: string } }[] } } }).jobs.diff.steps.find((s) => s.uses === 'actions/github-script@v7');
    const script = step?.with?.script ?? '';
    const calls: string[] = [];
    let existing: { id: number; body: string }[] = [];
    const github = {
      paginate: async () => existing,
      rest: {
        issues: {
          listComments: {},
          createComment: async (a: { body: string }) => void calls.push(`create ${a.body}`),
          updateComment: async (a: { comment_id: number; body: string }) => void calls.push(`update ${a.comment_id} ${a.body}`),
        },
      },
    };
    const context = { repo: { owner: 'so', repo: 'kien-truc' }, issue: { number: 7 } };
    const fakeRequire = (m: string) => (m === 'fs' ? { readFileSync: () => '<!-- kientruc-diff -->\nmới' } : undefined);
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
    const run = new AsyncFunction('require', 'github', 'context', script);
    await run(fakeRequire, github, context);
    existing = [{ id: 1, body: 'khác' }, { id: 42, body: '<!-- kientruc-diff -->\ncũ' }];
    await run(fakeRequire, github, context);
    expect(calls).toEqual(['create <!-- kientruc-diff -->\nmới', 'update 42 <!-- kientruc-diff -->\nmới']);
  });

  it('the GitLab note script posts through the API only when KIENTRUC_GITLAB_TOKEN is set', async () => {
    const ci = load(gl) as { 'kientruc-diff': { script: string[] } };
    const shell = ci['kientruc-diff'].script[2] ?? '';
    const requests: string[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        requests.push(`${req.method} ${req.url} ${String(req.headers['private-token'])} ${body}`);
        res.setHeader('content-type', 'application/json');
        res.end(req.method === 'GET' ? JSON.stringify([{ id: 5, body: '<!-- kientruc-diff -->\ncũ' }]) : '{}');
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    const work = makeProject({ 'kientruc-diff.md': '<!-- kientruc-diff -->\nmới\n' });
    const env = { CI_API_V4_URL: `http://127.0.0.1:${port}/api/v4`, CI_PROJECT_ID: '12', CI_MERGE_REQUEST_IID: '3' };
    // The shell runs asynchronously: the fake API server needs the event loop while it waits.
    const run = (extra: Record<string, string>) =>
      new Promise<number>((ok) => {
        const child = spawn('sh', ['-c', shell], { cwd: work, env: { ...process.env, ...env, ...extra }, stdio: 'ignore' });
        child.on('close', (code) => ok(code ?? -1));
      });
    try {
      expect(await run({ KIENTRUC_GITLAB_TOKEN: '' })).toBe(0);
      expect(requests).toEqual([]);
      expect(await run({ KIENTRUC_GITLAB_TOKEN: 'glpat-thu' })).toBe(0);
    } finally {
      server.close();
    }
    expect(requests).toEqual([
      'GET /api/v4/projects/12/merge_requests/3/notes?per_page=100&sort=desc glpat-thu ',
      `PUT /api/v4/projects/12/merge_requests/3/notes/5 glpat-thu ${JSON.stringify({ body: '<!-- kientruc-diff -->\nmới\n' })}`,
    ]);
  });

  it('the JUnit line fails what fails the gate, lets findings (exit 1) through, and stops on exit 2', async () => {
    const broken = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/x.yaml': 'apiVersion: kientruc/v1\nkind: System\nid: x\nname: [\n' });
    const junit = await runCommand(CI_COMMANDS.junit, broken);
    expect(junit.code, junit.stderr).toBe(0);
    const xml = readFileSync(join(broken, 'kientruc-junit.xml'), 'utf8');
    expect(xml).toMatch(/<failure type="error"/);
    expect(xml).not.toMatch(/<failure type="(warning|info)"/);
    expect((await runCommand(CI_COMMANDS.check, broken)).code).toBe(1);
    // No architecture folder: exit 2 is not let through.
    expect((await runCommand(CI_COMMANDS.junit, makeProject({}))).code).not.toBe(0);
  });
});

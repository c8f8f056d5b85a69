import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../src/write/write-generated.js';
import { AGENCY, makeProject, runBin, runMain } from '../helpers/project.js';

const TYPO = {
  'architecture/agency.yaml': AGENCY,
  'architecture/systems/cong-dvc.yaml': `apiVersion: kientruc/v1
kind: System
id: cong-dvc
name: Cổng dịch vụ công
layer: L4
component: public-service-portal
status: planned
owner: agency:tinh-thu
---
apiVersion: kientruc/v1
kind: Dataset
id: ho-tich
name: Hộ tịch
scope: sectoral
---
apiVersion: kientruc/v1
kind: Integration
id: x
name: X
from: system:cong-dvc
to: national:ndxp
channel: ndxp
status: live
datasets:
  - dataset:ho-tihc
`,
};

describe('kientruc (built bin)', () => {
  it('validate: a typo in an id gives file:line:col, a hint, and exit 1', () => {
    const r = runBin(['validate'], makeProject(TYPO));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('architecture/systems/cong-dvc.yaml:25:5  error  dataset "ho-tihc" không tồn tại — ý bạn là "ho-tich"?');
    expect(r.stderr).toBe('');
  });

  it('validate: a clean folder exits 0; --lang en speaks English', () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY });
    const r = runBin(['validate', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems (1 file)');
  });

  it('validate -f json: stdout parses, logs stay on stderr', () => {
    const r = runBin(['validate', '-f', 'json', '--verbose'], makeProject(TYPO));
    const json = JSON.parse(r.stdout) as { summary: { error: number }; diagnostics: { code: string }[] };
    expect(json.summary.error).toBe(1);
    expect(json.diagnostics[0]?.code).toBe('model.unresolved-ref');
    expect(r.stderr).toMatch(/tệp, .* tài liệu/);
  });

  it('validate -o writes the result to a file', () => {
    const dir = makeProject(TYPO);
    const r = runBin(['validate', '-f', 'sarif', '-o', 'out/k.sarif'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out/k.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('usage errors exit 2 with one line and no stack', () => {
    const dir = makeProject({});
    for (const argv of [['validate', 'missing'], ['validate', '--format', 'xml'], ['frobnicate'], ['validate', '--as-of', '2026-02-30']]) {
      const r = runBin(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--help and --version exit 0 and print to stdout', () => {
    const dir = makeProject({});
    const help = runBin(['validate', '--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Ví dụ:');
    const v = runBin(['--version'], dir);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^kientruc \d+\.\d+\.\d+\nbộ khung vn-2025 \d+\.\d+\.\d+\nNode v\d+/);
  });

  it('check --fail-on: warnings fail only when asked', async () => {
    const dir = makeProject({
      'architecture/agency.yaml': AGENCY,
      'architecture/s.yaml': 'apiVersion: kientruc/v1\nkind: System\nid: a\nname: A\nlayer: L1\ncomponent: tthc\nstatus: planned\nowner: agency:tinh-thu\n',
    });
    expect((await runMain(['check'], dir)).code).toBe(0);
    expect((await runMain(['check', '--fail-on', 'warning'], dir)).code).toBe(1);
  });

  it('init scaffolds a repo that passes check, and never overwrites', async () => {
    const dir = makeProject({});
    const init = await runMain(['init', 'repo', '--name', 'Sở Y tế tỉnh Thử', '--code', '000.00.31.H98'], dir);
    expect(init.code).toBe(0);
    const repo = join(dir, 'repo');
    for (const f of ['architecture/agency.yaml', '.github/workflows/kientruc.yml', '.gitlab-ci.yml', '.vscode/settings.json', '.gitignore', 'generated/schema/kientruc.schema.json']) {
      expect(existsSync(join(repo, f)), f).toBe(true);
    }
    // The starter passes (no error); the warnings it shows are the agency's first to-do list.
    const check = runBin(['check'], repo);
    expect(check.stdout).toMatch(/✖|⚠/);
    expect(check.stdout).toContain('0 lỗi');
    expect(check.code).toBe(0);
    const agency = readFileSync(join(repo, 'architecture/agency.yaml'), 'utf8');
    const again = await runMain(['init', 'repo', '--name', 'X'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Giữ nguyên');
    expect(readFileSync(join(repo, 'architecture/agency.yaml'), 'utf8')).toBe(agency);
  });

  it('build writes generated/, is byte-reproducible, and --check detects drift', async () => {
    // What is compared is model.json; the browser outputs' reproducibility is tested with the browser
    // (tests/render/diagrams-browser.test.ts, strategy/print.test.ts, injection).
    const dir = makeProject({ 'architecture/agency.yaml': `${AGENCY}asOf: 2026-01-15\n` });
    expect((await runMain(['build', '--no-render'], dir)).code).toBe(0);
    const first = readFileSync(join(dir, 'generated/model.json'));
    expect((await runMain(['build', '--no-render'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'generated/model.json')).equals(first)).toBe(true);
    expect((await runMain(['build', '--check', '--no-render'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'architecture/agency.yaml'), `${AGENCY}asOf: 2026-02-15\n`);
    const drift = await runMain(['build', '--check', '--no-render'], dir);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain('  khác:  generated/model.json');
    expect(drift.stderr).not.toContain('--no-render');
  });

  it('build --check --no-render on a folder built with the browser says what it cannot compare and where to check it', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': `${AGENCY}asOf: 2026-01-15\n` });
    expect((await runMain(['build', '--no-render'], dir)).code).toBe(0);
    // As a build with the browser leaves it: its drawings listed in the manifest beside the rest.
    const manifest = join(dir, 'generated', MANIFEST);
    const listed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
    const drawn = ['diagrams/landscape.svg', 'diagrams/landscape.png', 'chien-luoc-du-lieu.pdf'];
    mkdirSync(join(dir, 'generated', 'diagrams'), { recursive: true });
    for (const f of drawn) writeFileSync(join(dir, 'generated', f), 'x');
    writeFileSync(manifest, JSON.stringify({ ...listed, files: [...listed.files, ...drawn].sort() }, null, 2));
    const vi = await runMain(['build', '--check', '--no-render'], dir);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toContain('  thừa:  generated/diagrams/landscape.svg');
    expect(vi.stderr).toContain('generated có 3 tệp do trình duyệt vẽ (SVG, PNG, PDF, DOCX) mà --no-render không tạo');
    expect(vi.stderr).toContain('"kientruc build --check" trên máy có Chromium');
    const en = await runMain(['--lang', 'en', 'build', '--check', '--no-render'], dir);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('generated holds 3 files drawn by the browser (SVG, PNG, PDF, DOCX), which --no-render does not make');
    expect(en.stderr).toContain('generated does not match a rebuild: run "kientruc build" and commit.');
  });

  it('build refuses to overwrite outputs when the YAML is broken', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY });
    expect((await runMain(['build', '--no-render'], dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'generated/summary.md'), 'utf8');
    const broken = makeProject({ 'architecture/agency.yaml': `${AGENCY}level: [` });
    const r = await runMain(['build', '--no-render', '--out', join(dir, 'generated')], broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không tạo đầu ra');
    expect(readFileSync(join(dir, 'generated/summary.md'), 'utf8')).toBe(before);
  });

  it('schema --out exports the JSON Schema; --list shows pack data', async () => {
    const dir = makeProject({});
    expect((await runMain(['schema', '--out', 'schema'], dir)).code).toBe(0);
    const schema = JSON.parse(readFileSync(join(dir, 'schema/kientruc.schema.json'), 'utf8')) as { $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const list = await runMain(['schema', '--list', 'national'], dir);
    expect(list.stdout).toContain('national:ndop');
  });
});

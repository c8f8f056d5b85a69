import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergePackageJson } from '../../src/cli/init-merge.js';
import { makeProject, runMain } from '../helpers/project.js';

/** Every file under `dir` with its contents, to prove a run changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = `${statSync(p).mtimeMs} ${readFileSync(p, 'utf8')}`;
    }
  };
  walk(dir);
  return out;
}

const PORTAL = '{\n\t"name": "cong-thong-tin",\n\t"version": "2.3.0",\n\t"scripts": {\n\t\t"build": "vite build",\n\t\t"test": "vitest"\n\t},\n\t"devDependencies": {\n\t\t"vite": "7.0.0"\n\t}\n}\n';

describe('kientruc init in an existing project', () => {
  it('merges the scripts and the dev dependency into package.json, keeping its keys, order and tabs', async () => {
    const dir = makeProject({ 'package.json': PORTAL, 'README.md': '# Cổng thông tin\n', '.gitignore': 'node_modules/\ndist/\n' });
    const r = await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Sơn Hà'], dir);
    expect(r.code, r.stderr).toBe(0);
    const pkg = readFileSync(join(dir, 'package.json'), 'utf8');
    expect(pkg).toBe(
      '{\n\t"name": "cong-thong-tin",\n\t"version": "2.3.0",\n\t"scripts": {\n\t\t"build": "vite build",\n\t\t"test": "vitest",\n\t\t"check": "kientruc check architecture",\n\t\t"kientruc:build": "kientruc build architecture"\n\t},\n\t"devDependencies": {\n\t\t"kientruc": "0.1.0",\n\t\t"vite": "7.0.0"\n\t}\n}\n',
    );
    // The project's own files are untouched; the missing .gitignore lines are only reported.
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# Cổng thông tin\n');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\ndist/\n');
    expect(r.stderr).toContain('.kientruc-cache/');
    expect(r.stderr).toContain('scripts.kientruc:build');
    expect(readFileSync(join(dir, 'architecture/agency.yaml'), 'utf8')).toContain('name: "Sở Y tế tỉnh Sơn Hà"');
    const check = await runMain(['check'], dir);
    expect(check.code, check.stdout).toBe(0);
  });

  it('the task example says what unit a budget amount takes (triệu đồng), and its own amount raises no model.budget-unit', async () => {
    const dir = makeProject({});
    expect((await runMain(['init', '.', '--name', 'Ủy ban nhân dân xã Tân Phú', '--level', 'commune'], dir)).code).toBe(0);
    const task = readFileSync(join(dir, 'architecture/tasks/nhiem-vu.yaml'), 'utf8');
    expect(task).toMatch(/^# Kinh phí theo năm và nguồn\. amount tính bằng TRIỆU ĐỒNG: 50 là 50 triệu đồng \(không ghi 50000000\)\.\nbudget:\n {2}- \{ year: \d{4}, amount: 50, source: state-budget \}$/m);
    const check = await runMain(['check', '--fail-on', 'none', '-f', 'json'], dir);
    const codes = (JSON.parse(check.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c.startsWith('model.') || c.startsWith('schema.'))).toEqual([]);
  });

  it('is idempotent: a second run writes nothing and says so', async () => {
    const dir = makeProject({ 'package.json': PORTAL });
    expect((await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Sơn Hà'], dir)).code).toBe(0);
    const before = snapshot(dir);
    const again = await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Sơn Hà', '--lang', 'en'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already initialised: nothing to write');
    expect(snapshot(dir)).toEqual(before);
  });

  it('never overwrites a changed file without --force; --force does', async () => {
    const dir = makeProject({});
    expect((await runMain(['init', 'repo', '--name', 'Sở Y tế tỉnh Sơn Hà'], dir)).code).toBe(0);
    const wf = join(dir, 'repo/.github/workflows/kientruc.yml');
    const original = readFileSync(wf, 'utf8');
    writeFileSync(wf, '# sửa tay\n');
    const kept = await runMain(['init', 'repo', '--name', 'Sở Y tế tỉnh Sơn Hà'], dir);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain('.github/workflows/kientruc.yml');
    expect(readFileSync(wf, 'utf8')).toBe('# sửa tay\n');
    const forced = await runMain(['init', 'repo', '--name', 'Sở Y tế tỉnh Sơn Hà', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(wf, 'utf8')).toBe(original);
  });

  it('leaves an existing architecture/ of another agency alone (no examples pointing at a missing agency)', async () => {
    const agency = 'apiVersion: kientruc/v1\nkind: Agency\nid: so-khac\nname: Sở Khác\nframework: vn-2025\nlevel: department\n';
    const dir = makeProject({ 'architecture/agency.yaml': agency });
    const r = await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Sơn Hà'], dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'architecture'))).toEqual(['agency.yaml']);
    expect(readFileSync(join(dir, 'architecture/agency.yaml'), 'utf8')).toBe(agency);
    expect(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')).toContain('kientruc');
  });

  it('mergePackageJson: a broken package.json is not touched; present kientruc is kept; CRLF and no final newline kept', () => {
    expect(mergePackageJson('{ "name": ', { scripts: { check: 'x' }, version: '1.0.0' }, false)).toBeUndefined();
    const has = mergePackageJson('{"dependencies":{"kientruc":"0.0.9"},"scripts":{"check":"x"}}', { scripts: { check: 'x' }, version: '1.0.0' }, false);
    expect(has?.merged).toEqual([]);
    const crlf = mergePackageJson('{\r\n  "name": "a"\r\n}', { scripts: { check: 'x' }, version: '1.0.0' }, false);
    expect(crlf?.text).toBe('{\r\n  "name": "a",\r\n  "scripts": {\r\n    "check": "x"\r\n  },\r\n  "devDependencies": {\r\n    "kientruc": "1.0.0"\r\n  }\r\n}');
  });
});

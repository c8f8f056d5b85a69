/**
 * `init --package <spec>`: where the starter's package.json installs kientruc from, for a registry that
 * has no kientruc (a tarball under vendor/, a git URL). The starter's README tells the next person how.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runMain } from '../helpers/project.js';

const pkg = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

describe('init --package', () => {
  it('pins the registry version by default, and says what to do when the registry has none', async () => {
    const dir = makeProject({});
    const r = await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Thử'], dir);
    expect(r.code, r.stderr).toBe(0);
    const version = pkg(dir).devDependencies['kientruc']!;
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(`npm install            # cài kientruc ${version}`);
    expect(readme).toContain(`"kientruc": "file:vendor/kientruc-${version}.tgz"`);
    expect(readme).toContain(`kientruc init --package file:vendor/kientruc-${version}.tgz`);
    // No link to an address nothing backs.
    expect(readme).not.toMatch(/https?:\/\/github\.com\/kientruc/);
  });

  it('writes the given source in a new package.json and in one it merges into', async () => {
    const fresh = makeProject({});
    expect((await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Thử', '--package', 'file:vendor/kientruc-0.1.0.tgz'], fresh)).code).toBe(0);
    expect(pkg(fresh).devDependencies['kientruc']).toBe('file:vendor/kientruc-0.1.0.tgz');
    expect(readFileSync(join(fresh, 'README.md'), 'utf8')).toContain('npm install            # cài kientruc file:vendor/kientruc-0.1.0.tgz');

    const existing = makeProject({ 'package.json': '{\n  "name": "cong-thong-tin",\n  "private": true\n}\n' });
    const spec = 'git+https://git.example.gov.vn/cds/kientruc.git#v0.1.0';
    expect((await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Thử', '--package', spec], existing)).code).toBe(0);
    expect(pkg(existing).devDependencies['kientruc']).toBe(spec);
  });

  it('refuses an empty source or one with spaces, in the language of --lang', async () => {
    const dir = makeProject({});
    const vi = await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Thử', '--package', 'file:vendor/kientruc 0.1.0.tgz'], dir);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('--package "file:vendor/kientruc 0.1.0.tgz" không phải nguồn cài hợp lệ');
    const en = await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Thử', '--package', ' ', '--lang', 'en'], dir);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('is not a valid install source');
  });
});

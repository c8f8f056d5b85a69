import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runMain } from '../helpers/project.js';

/** What a first run in the wrong place says: the folders that hold an agency.yaml, or how to start one. */
describe('an architecture folder that is not there', () => {
  it('names nearby folders holding agency.yaml, one and two levels down, and "." itself', async () => {
    const dir = makeProject({ 'docs/kien-truc/agency.yaml': 'x', 'so-y-te/agency.yml': 'x', 'node_modules/pkg/agency.yaml': 'x', '.git/x/agency.yaml': 'x' });
    const r = await runMain(['check'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kientruc: Không tìm thấy thư mục kiến trúc "architecture". Có agency.yaml trong "docs/kien-truc", "so-y-te": nêu thư mục đó sau lệnh, ví dụ "kientruc check docs/kien-truc".\n');
    const here = await runMain(['--lang', 'en', 'validate'], join(dir, 'so-y-te'));
    expect(here.stderr).toBe('kientruc: No architecture folder "architecture". There is an agency.yaml in ".": give that folder after the command, e.g. "kientruc check .".\n');
  });

  it('says how to start one when there is none, in the language asked', async () => {
    const dir = makeProject({ 'README.md': 'x' });
    const vi = await runMain(['build', 'kien-truc'], dir);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain('Không tìm thấy thư mục kiến trúc "kien-truc"');
    expect(vi.stderr).toContain('kientruc init . --name');
    const en = await runMain(['--lang', 'en', 'gap', 'README.md'], dir);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('kientruc: "README.md" is not a folder. Name the folder that holds the architecture\'s YAML files (agency.yaml…).\n');
  });
});

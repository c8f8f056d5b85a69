import { describe, expect, it } from 'vitest';
import { makeProject, runMain } from '../helpers/project.js';

describe('kientruc build --check: the list of differences', () => {
  it('is in the language --lang chose, not both', async () => {
    const dir = makeProject({});
    expect((await runMain(['init', '.', '--name', 'Sở Y tế tỉnh Sơn Hà', '--code', '000.07.00.H99', '-q'], dir)).code).toBe(0);
    const en = await runMain(['build', 'architecture', '--check', '--no-render', '--out', 'khac', '--lang', 'en'], dir);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/^ {2}missing: khac\//m);
    expect(en.stderr).not.toMatch(/thiếu|khác \/|thừa/);
    const vi = await runMain(['build', 'architecture', '--check', '--no-render', '--out', 'khac'], dir);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toMatch(/^ {2}thiếu: khac\//m);
    expect(vi.stderr).not.toMatch(/missing|changed|extra:/);
  });
});

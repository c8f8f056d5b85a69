/**
 * A file name is text too: one holding a newline and a forged `::error file=…` workflow command must
 * not start a raw line in any output (gap report in md, html and json, the site, and every diagnostic
 * format), and must come out as the same characters where a format can carry them.
 */
import { cpSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/diagnostics/format/index.js';
import { makeProject, REPO, runMain } from '../helpers/project.js';

const HOSTILE = 'x\n::error file=evil.yaml,line=1::forged | `tick`.yaml';
const FORGED = /^::error file=evil/m;
const AS_OF = ['--as-of', '2026-09-30'];

describe('a hostile file name stays text in every output', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeProject({});
    cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
    // This file holds entities with findings, so its name reaches every report.
    renameSync(join(dir, 'architecture', 'datasets', 'noi-bo-danh-muc.yaml'), join(dir, 'architecture', 'datasets', HOSTILE));
  });

  it('build: gap-report.md keeps its tables whole; md, html, json and the site start no forged line', async () => {
    const r = await runMain(['build', '--no-render', ...AS_OF], dir);
    expect(r.code, r.stderr).toBe(0);
    const out = join(dir, 'generated');
    const md = readFileSync(join(out, 'gap-report.md'), 'utf8');
    expect(md).toContain('forged');
    for (const f of ['gap-report.md', 'gap-report.html', 'gap-report.json', 'site/index.html', 'model.json']) {
      expect(readFileSync(join(out, f), 'utf8'), f).not.toMatch(FORGED);
    }
    // Every row of the findings tables is one line: a row that names the file starts with "|".
    for (const line of md.split('\n').filter((l) => l.includes('forged'))) expect(line.startsWith('| ')).toBe(true);
    const json = readFileSync(join(out, 'gap-report.json'), 'utf8');
    expect(json).toContain(JSON.stringify(`architecture/datasets/${HOSTILE}`).slice(1, -1));
  });

  for (const format of FORMAT_NAMES) {
    it(`check -f ${format}: no forged line`, async () => {
      const r = await runMain(['check', '-f', format, ...AS_OF], dir);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain('forged');
      expect(r.stdout).not.toMatch(FORGED);
    });
  }
});

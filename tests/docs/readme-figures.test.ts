/**
 * The README's figures about the sample (its tour: entities, YAML files, diagrams, what `check` finds)
 * are the sample's: a change to `architecture/` that moves one of them fails here until the README
 * follows. (The README said "88 diagrams" long after the sample had 95.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { REPO, runMain, yamlFiles } from '../helpers/project.js';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');

/** The one number the README writes before `label` (e.g. "37 systems"); fails when it writes none or several. */
function readmeCount(label: string): number {
  const found = [...README.matchAll(new RegExp(`(\\d[\\d,]*) ${label}\\b`, 'g'))].map((m) => Number(m[1]!.replace(/,/g, '')));
  expect(new Set(found).size, `the README gives ${found.length ? found.join(', ') : 'no number'} for "${label}"`).toBe(1);
  return found[0]!;
}

/** Files under `dir` whose name ends in `ext`, every level. */
function filesEnding(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith(ext));
}

describe('README figures about the sample', () => {
  it('counts the entities, the YAML files and the diagrams the sample has', async () => {
    const r = await runPipeline({ root: 'architecture', cwd: REPO, today: '2026-09-30', rules: false });
    const m = r.model;
    expect({
      systems: readmeCount('systems'),
      datasets: readmeCount('datasets'),
      integrations: readmeCount('integrations'),
      KPIs: readmeCount('KPIs'),
      tasks: readmeCount('tasks'),
      'YAML files': readmeCount('YAML files'),
      diagrams: readmeCount('diagrams'),
    }).toEqual({
      systems: m.all('system').length,
      datasets: m.all('dataset').length,
      integrations: m.all('integration').length,
      KPIs: m.all('kpi').length,
      tasks: m.all('task').length,
      'YAML files': yamlFiles(join(REPO, 'architecture')).map((f) => relative(REPO, f)).length,
      // `build` writes each diagram as .mmd, .svg and .png; the committed generated/ is that build.
      diagrams: filesEnding(join(REPO, 'generated', 'diagrams'), '.mmd').length,
    });
  });

  it("shows the summary lines validate and check print on the sample", async () => {
    const validate = await runMain(['validate', '--quiet'], REPO);
    const check = await runMain(['check', '--quiet'], REPO);
    const summary = (out: string): string => out.trim().split('\n').at(-1)!;
    const validateLine = summary(validate.stdout + validate.stderr);
    const checkLine = summary(check.stdout + check.stderr);
    // The README quotes them as a comment after the command: "# ✓ Không có vấn đề nào (32 tệp)." and
    // "# 18 lỗi, 102 cảnh báo … (exit 1)".
    expect(README).toContain(`npx kientruc validate            # ${validateLine.replace(/^✓ /, '✓ ')}`);
    const counts = /^✖ (\d+ lỗi, \d+ cảnh báo)/.exec(checkLine);
    expect(counts, checkLine).not.toBeNull();
    expect(README).toContain(`npx kientruc check               # ${counts![1]} … (exit ${check.code})`);
  });
});

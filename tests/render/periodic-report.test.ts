import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPeriodicReport } from '../../src/analysis/periodic.js';
import { buildGapReport } from '../../src/analysis/gap-report.js';
import { parsePeriod } from '../../src/core/dates.js';
import { BUILTIN_CODES } from '../../src/diagnostics/codes.js';
import { runPipeline } from '../../src/pipeline.js';
import { KNOWN_HELPERS } from '../../src/render/handlebars.js';
import { RENDERERS } from '../../src/render/index.js';
import { renderPeriodicReport } from '../../src/render/periodic/periodic-report.js';
import { AGENCY, makeProject, REPO, runMain, valid } from '../helpers/project.js';

const SAMPLE_AS_OF = '2026-09-30';

describe('periodic report of the sample province (golden)', async () => {
  const result = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: SAMPLE_AS_OF, asOf: SAMPLE_AS_OF, rules: false }));
  const files = renderPeriodicReport(buildPeriodicReport(result.model, parsePeriod('2026-Q3')!, SAMPLE_AS_OF));
  const get = (ext: string) => String(files.find((f) => f.path === `bao-cao-dinh-ky-2026-q3.${ext}`)?.contents);

  it('bao-cao-dinh-ky-2026-q3.md', async () => {
    await expect(get('md')).toMatchFileSnapshot('../golden/sample/bao-cao-dinh-ky-2026-q3.md');
  });
  it('bao-cao-dinh-ky-2026-q3.json', async () => {
    await expect(get('json')).toMatchFileSnapshot('../golden/sample/bao-cao-dinh-ky-2026-q3.json');
  });
  it('bao-cao-dinh-ky-2026-q3.html', async () => {
    await expect(get('html')).toMatchFileSnapshot('../golden/sample/bao-cao-dinh-ky-2026-q3.html');
  });
});

describe('view models and templates', async () => {
  const result = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: SAMPLE_AS_OF, asOf: SAMPLE_AS_OF, rules: true }));
  it('no view-model field is shadowed by a template helper', () => {
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) (keys.add(k), walk(x));
    };
    walk(buildPeriodicReport(result.model, parsePeriod('2026-Q3')!, SAMPLE_AS_OF));
    walk(buildGapReport({ model: result.model, diagnostics: result.diagnostics, codes: [...result.rules, ...BUILTIN_CODES], asOf: SAMPLE_AS_OF }));
    expect([...keys].filter((k) => KNOWN_HELPERS[k])).toEqual([]);
  });

  it('kientruc build renders the gap report and the latest complete period', () => {
    expect(RENDERERS.map((r) => r.id)).toEqual(expect.arrayContaining(['gap-report', 'periodic-report']));
  });
});

describe('kientruc report', () => {
  it('defaults to the latest complete period of the agency\'s reporting cycle', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': `${AGENCY}governance:\n  reportingPeriod: semiannual\n` });
    const r = await runMain(['report', '--as-of', '2026-01-15', '--format', 'md'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'generated/bao-cao-dinh-ky-2025-h2.md'))).toBe(true);
    expect(existsSync(join(dir, 'generated/bao-cao-dinh-ky-2025-h2.html'))).toBe(false);
  });

  it('takes --period, warns when the period has not ended, and rejects a malformed one (exit 2)', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY });
    const r = await runMain(['report', '--period', '2026-Q1', '--as-of', '2026-01-15'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('chưa kết thúc');
    expect(existsSync(join(dir, 'generated/bao-cao-dinh-ky-2026-q1.json'))).toBe(true);
    const bad = await runMain(['report', '--period', '2026-Q5'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period');
  });
});

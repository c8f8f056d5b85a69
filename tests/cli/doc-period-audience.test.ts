import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPeriodStarted } from '../../src/cli/commands/reports-shared.js';
import { parsePeriod } from '../../src/core/dates.js';
import { UserError } from '../../src/core/errors.js';
import { makeProject, runMain } from '../helpers/project.js';
import { AGENCY_DOC, ENTITIES } from '../render/strategy/fixture.js';

// The fixture's data date (asOf in agency.yaml) is 2026-03-31.
/** The error lines (a slow first run may print progress lines before them). */
const errorLines = (stderr: string): string[] => stderr.trim().split('\n').filter((l) => l.startsWith('kientruc:'));

const PROJECT = { 'architecture/agency.yaml': AGENCY_DOC, 'architecture/entities.yaml': ENTITIES };

describe('doc / report: a period that has not started, editions and options that do not apply', () => {
  it('a period starting after the data date is a usage error naming it, the date and the fix; one that has started is allowed', () => {
    expect(() => assertPeriodStarted(parsePeriod('2026-Q2')!, '2026-03-31')).toThrow(UserError);
    expect(() => assertPeriodStarted(parsePeriod('2026-Q1')!, '2026-03-31')).not.toThrow();
    expect(() => assertPeriodStarted(parsePeriod('2026')!, '2026-03-31')).not.toThrow();
    try {
      assertPeriodStarted(parsePeriod('2027-Q1')!, '2026-09-30');
    } catch (e) {
      const t = (e as UserError).text;
      expect(t.vi).toContain('2027-Q1');
      expect(t.vi).toContain('30/9/2026');
      expect(t.vi).toContain('--as-of');
      expect(t.en).toContain('2026-09-30');
      expect(t.en).toContain('--as-of');
    }
  });

  it('doc --kind bao-cao --period <not started>: exit 2, one line, nothing written', async () => {
    const dir = makeProject(PROJECT);
    const r = await runMain(['doc', '--kind', 'bao-cao', '--period', '2026-Q3', '--format', 'md', '--out', 'ra'], dir);
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain('--period 2026-Q3');
    expect(existsSync(join(dir, 'ra')) ? readdirSync(join(dir, 'ra')).filter((f) => f.endsWith('.md')) : []).toEqual([]);
  });

  it('report --period <not started>: exit 2, in the run language', async () => {
    const r = await runMain(['--lang', 'en', 'report', '--period', '2026-Q4', '--format', 'md', '--out', 'ra'], makeProject(PROJECT));
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain('after the data date 2026-03-31');
  });

  it('doc --kind bao-cao for a period under way: written, with a warning and the data date in the report', async () => {
    const dir = makeProject(PROJECT);
    const r = await runMain(['doc', '--kind', 'bao-cao', '--period', '2026-H1', '--format', 'md', '--out', 'ra'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('chưa kết thúc');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'ra', 'bao-cao-dinh-ky-2026-h1.md'), 'utf8')).toContain('kỳ chưa kết thúc, số liệu đến ngày 31/3/2026');
  });

  it('doc --kind bao-cao --audience public is refused: the periodic report has only the internal edition', async () => {
    const r = await runMain(['doc', '--kind', 'bao-cao', '--audience', 'public', '--period', '2026-Q1', '--format', 'md', '--out', 'ra'], makeProject(PROJECT));
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain('chỉ có bản nội bộ');
  });

  it('doc --period with a kind other than bao-cao is refused, not ignored', async () => {
    const r = await runMain(['doc', '--kind', 'chien-luoc', '--period', '2026-Q1', '--format', 'md', '--out', 'ra'], makeProject(PROJECT));
    expect(r.code).toBe(2);
    expect(errorLines(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).toContain('--kind bao-cao');
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { text } from '../../src/core/text.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { formatJunit } from '../../src/diagnostics/format/junit.js';
import { makeProject, REPO, runBin } from '../helpers/project.js';

/** Jenkins xUnit's junit-10.xsd (MIT), the schema most JUnit consumers follow; kept in the fixtures. */
const XSD = join(REPO, 'tests', 'fixtures', 'xsd', 'junit-10.xsd');

function xmllint(xml: string): { code: number; stderr: string } {
  const dir = makeProject({ 'report.xml': xml });
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'report.xml')], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is missing (apt-get install libxml2-utils; .ci/system-deps installs it): ${r.error.message}`);
  return { code: r.status ?? -1, stderr: r.stderr };
}

const WAIVED: Diagnostic = {
  code: 'data.personal-data-category',
  severity: 'warning',
  message: text('Thiếu loại dữ liệu cá nhân ]]> <b>', 'Missing category'),
  file: 'architecture/datasets/x.yaml',
  range: { start: { line: 1, col: 1 }, end: { line: 2, col: 1 } },
  entity: 'dataset:x',
  path: [],
  legalRef: 'Luật 91/2025/QH15',
  waived: { reason: 'Đang rà soát', approvedBy: 'Giám đốc Sở', expires: '2026-06-30' },
};
const CTX = { codes: [], toolVersion: '0.0.0-test', color: false, lang: 'vi', files: ['architecture/agency.yaml', 'architecture/datasets/x.yaml'] } as const;

describe('JUnit output against junit-10.xsd (xmllint)', () => {
  it('the schema itself is what it should be: it rejects `skipped` on <testsuites>', () => {
    const bad = '<?xml version="1.0"?>\n<testsuites name="k" tests="0" failures="0" errors="0" skipped="0"></testsuites>\n';
    const r = xmllint(bad);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('skipped');
  });

  it('a waived finding, a failing one and a clean file validate', () => {
    const failing: Diagnostic = { ...WAIVED, code: 'system.security-level', severity: 'error', file: 'architecture/agency.yaml' };
    const { waived: _unused, ...unwaived } = failing;
    const r = xmllint(formatJunit([unwaived, WAIVED], CTX));
    expect(r.stderr).toContain('validates');
    expect(r.code).toBe(0);
    expect(xmllint(formatJunit([], { ...CTX, files: [] })).code).toBe(0);
  });

  it('findings below --fail-on (passing, in <system-out>) and an internal error (<error>) validate', () => {
    const { waived: _unused, ...warning } = WAIVED;
    const crashed: Diagnostic = { ...warning, code: 'internal.rule-crashed', severity: 'error', file: 'architecture/agency.yaml' };
    const xml = formatJunit([crashed, warning, { ...warning, severity: 'info' }], { ...CTX, failOn: 'error' });
    expect(xml).toContain('<system-out><![CDATA[architecture/datasets/x.yaml:1:1  warning');
    expect(xml).toContain('<error type="internal.rule-crashed"');
    const r = xmllint(xml);
    expect(r.stderr).toContain('validates');
    expect(r.code).toBe(0);
  });

  it('kientruc check --format junit on the sample validates', () => {
    const dir = makeProject({});
    const out = join(dir, 'kientruc-junit.xml');
    const run = runBin(['check', 'architecture', '--format', 'junit', '--output', out, '--fail-on', 'none'], REPO);
    expect(run.code, run.stderr).toBe(0);
    const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, out], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
    expect(lint.status).toBe(0);
    writeFileSync(out, '');
  });
});

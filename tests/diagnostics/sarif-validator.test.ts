import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PROJECT_LINKS } from '../../src/load/package-info.js';
import { RULES } from '../../src/rules/index.js';
import { AGENCY, makeProject, REPO, runMain } from '../helpers/project.js';
import { sarifSchemaPath, validateSarif } from '../helpers/sarif-multitool.js';
import { tmpRoot } from '../helpers/tmp.js';

const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

/**
 * The validator's problems, but for its advice to give the tool's `informationUri` (SARIF2005) while
 * kientruc's package.json names no public address: an invented one would be worse than none. Once
 * `homepage` or `repository` is set, the log carries it and no problem at all is allowed.
 */
function problemsOf(result: { readonly problems: readonly string[] }): readonly string[] {
  return PROJECT_LINKS.home !== undefined ? result.problems : result.problems.filter((p) => !/warning SARIF2005: runs\[0\]\.tool\.driver \| kientruc$/.test(p));
}

/** A project that makes every kind of output: errors, warnings, info, waived, expired waiver, config error. */
const PROJECT = {
  'architecture/agency.yaml': AGENCY,
  'architecture/systems/hsmc.yaml': `apiVersion: kientruc/v1
kind: System
id: hsmc
name: Hệ thống "một cửa" <điện tử> & dịch vụ công
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
security:
  level: 1
infoClasses: [personal]
`,
  'architecture/datasets/ho-tich.yaml': `apiVersion: kientruc/v1
kind: Dataset
id: ho-tich
name: Cơ sở dữ liệu hộ tịch
scope: sectoral
personalData: sensitive
`,
  // A file name with "#", "?" and "%": its uri must stay one path (no fragment, no query).
  'architecture/systems/quy hoạch #2, bản 50%?.yaml': 'apiVersion: kientruc/v1\nkind: System\nid: quy-hoach\nname: Quy hoạch\n',
  'kientruc.config.yaml': `rules:
  data.layer-block: { severity: info }
  kpi.nonexistent: { severity: off, reason: thử }
waivers:
  - rule: data.criticality
    entity: dataset:ho-tich
    reason: Chờ Danh mục dữ liệu quan trọng của Bộ Tư pháp
    approvedBy: Phó Giám đốc Sở Tư pháp
    expires: 2026-06-30
  - rule: data.owner
    entity: dataset:ho-tich
    reason: Đã hết hạn
    approvedBy: Giám đốc Sở
    expires: 2025-06-30
`,
};

describe('SARIF output', () => {
  it('passes the official SARIF validator (Sarif.Multitool validate) and the SARIF 2.1.0 schema', async () => {
    const r = await runMain(['check', '-f', 'sarif', '--as-of', '2026-01-15'], makeProject(PROJECT));
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: { suppressions?: unknown[]; level: string }[] }[] };
    expect(log.runs[0]!.results.some((x) => x.suppressions)).toBe(true);
    expect(new Set(log.runs[0]!.results.map((x) => x.level))).toEqual(new Set(['error', 'warning', 'note']));

    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath(), 'utf8')) as object);
    expect(validate(log) ? [] : validate.errors).toEqual([]);

    const uris = (log as unknown as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('architecture/systems/quy%20ho%E1%BA%A1ch%20%232%2C%20b%E1%BA%A3n%2050%25%3F.yaml');

    const result = validateSarif(r.stdout);
    expect(problemsOf(result)).toEqual([]);
    // The validator always has advice (notes) for a real log; none at all means it did not read it.
    expect(result.notes).toBeGreaterThan(0);
  });

  it('the sample province\'s SARIF passes the official validator', async () => {
    // The run's cache, not a .kientruc-cache/ in the checkout.
    const r = await runMain(['check', 'architecture', '-f', 'sarif'], REPO, { NO_COLOR: '1', KIENTRUC_CACHE_DIR: join(tmpRoot(), 'cache') });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results.length).toBeGreaterThan(50);
    const result = validateSarif(r.stdout);
    expect(problemsOf(result)).toEqual([]);
    expect(result.notes).toBeGreaterThan(0);
  });

  it('describes every rule with its help text and legal reference, whether it fired or not', async () => {
    const r = await runMain(['check', '-f', 'sarif', '--lang', 'vi'], makeProject({ 'architecture/agency.yaml': AGENCY }));
    const driver = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; properties: { legalRef?: string } }[] } } }[] }).runs[0]!.tool.driver;
    for (const rule of RULES) {
      const d = driver.rules.find((x) => x.id === rule.id);
      expect(d, rule.id).toBeDefined();
      expect(d!.shortDescription.text).toBe(rule.description.vi);
      expect(d!.help.text).toContain(rule.help.vi);
      expect(d!.help.text).toContain(rule.legalRef);
      expect(d!.fullDescription.text).toContain(rule.legalRef);
      expect(d!.properties.legalRef).toBe(rule.legalRef);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCodeInfos } from '../../src/diagnostics/all-codes.js';
import { formatSarif } from '../../src/diagnostics/format/sarif.js';
import { ALL_RULE_METAS } from '../../src/rules/index.js';
import { REPO } from '../helpers/project.js';

const CHECK_MD = readFileSync(join(REPO, 'docs', 'check.md'), 'utf8');

describe("SARIF helpUri targets exist in docs/check.md", () => {
  it('every rule has its anchor in the rule table, and the other codes their section', () => {
    const missing = ALL_RULE_METAS.filter((r) => !CHECK_MD.includes(`<a id="${r.id}"></a>\`${r.id}\``)).map((r) => r.id);
    expect(missing).toEqual([]);
    expect(CHECK_MD).toMatch(/^## Diagnostic codes$/m);
  });

  it('every listed code links to one of those anchors when kientruc has a public address', () => {
    const docs = 'https://example.org/k/blob/HEAD/docs/check.md';
    const log = JSON.parse(formatSarif([], { codes: allCodeInfos(), toolVersion: '0', color: false, lang: 'vi', files: [], links: { checkDocs: docs } })) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[];
    };
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThan(ALL_RULE_METAS.length);
    const anchors = new Set([...CHECK_MD.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    for (const r of rules) {
      const anchor = r.helpUri?.slice(`${docs}#`.length);
      expect(r.helpUri?.startsWith(`${docs}#`), r.id).toBe(true);
      expect(anchors.has(anchor) || anchor === 'diagnostic-codes', `${r.id} → #${anchor}`).toBe(true);
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { REPO } from '../helpers/project.js';

describe('README', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  it('lists every conformance rule with its legal source', () => {
    const missing = RULES.filter((r) => !readme.includes(`\`${r.id}\``) || !readme.includes(r.legalRef)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
  it('documents check, configuration, gap and report', () => {
    for (const heading of ['(`kientruc check`)', '(`kientruc.config.yaml`)', '(`kientruc gap`)', '(`kientruc report`)']) expect(readme).toContain(heading);
  });
});

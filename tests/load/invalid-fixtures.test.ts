import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/diagnostics/format/stylish.js';
import { runPipeline } from '../../src/pipeline.js';
import { AS_OF, REPO } from '../helpers/project.js';

const FIXTURES = join(REPO, 'tests', 'fixtures', 'invalid');

describe('invalid fixtures: every problem located and explained', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, async () => {
      const cwd = join(FIXTURES, name);
      // Each fixture is a project of its own (in a real repository its paths start at its root).
      const result = await runPipeline({ root: 'architecture', cwd, base: cwd, today: AS_OF, asOf: AS_OF, rules: false });
      expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      for (const d of result.diagnostics) {
        expect(d.message.vi).not.toMatch(/undefined|\[object/);
        expect(d.range.start.line).toBeGreaterThan(0);
      }
      const out = formatStylish(result.diagnostics, { codes: [], toolVersion: 'test', color: false, lang: 'vi', files: result.loaded.files.map((f) => f.file) });
      await expect(out).toMatchFileSnapshot(join(REPO, 'tests', 'golden', 'invalid', `${name}.stylish.txt`));
    });
  }
});

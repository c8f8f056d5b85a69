import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';
import { generateTypes } from '../tools/gen-types.js';

describe('documents.generated.ts', () => {
  it('is up to date with the JSON Schema (run: npx tsx tests/tools/gen-types.ts)', async () => {
    const current = readFileSync(join(REPO, 'src/model/documents.generated.ts'), 'utf8');
    expect(current).toBe(await generateTypes());
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

describe('templates (§5.3)', () => {
  it('never switch escaping off: no triple-stash, no {{& …}}', () => {
    const offenders: string[] = [];
    for (const file of walk(join(REPO, 'templates'))) {
      const text = readFileSync(file, 'utf8');
      if (/\{\{\{|\{\{~?\s*&/.test(text)) offenders.push(relative(REPO, file));
    }
    expect(offenders).toEqual([]);
  });

  it('make no external requests (self-contained HTML)', () => {
    const offenders: string[] = [];
    for (const file of walk(join(REPO, 'templates'))) {
      const text = readFileSync(file, 'utf8');
      if (/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//i.test(text) || /@import|url\(\s*["']?https?:/i.test(text)) offenders.push(relative(REPO, file));
    }
    expect(offenders).toEqual([]);
  });
});

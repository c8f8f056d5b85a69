import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

/**
 * The layer table of the style guide (§2.1), as this project has it. `framework` (pack data and its
 * loader) sits beside `core`; `render` may read the schema builder to export it. `analysis` (pure
 * predicates and report view models) sits between `model` and `rules`: rules and renderers share it.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  framework: ['core'],
  load: ['core'],
  validate: ['core', 'framework', 'load'],
  model: ['core', 'framework', 'load', 'validate'],
  analysis: ['core', 'framework', 'model'],
  rules: ['core', 'framework', 'model', 'analysis'],
  render: ['core', 'framework', 'model', 'analysis', 'rules', 'validate', 'diagnostics'],
  diagnostics: ['core', 'rules'],
  write: ['core', 'render'],
  diff: ['core', 'framework', 'validate', 'model', 'analysis', 'render'],
  aggregate: ['core', 'framework', 'load', 'model', 'analysis', 'render'],
  exchange: ['core', 'framework', 'load', 'validate', 'model', 'analysis', 'render'],
  pipeline: ['core', 'framework', 'load', 'validate', 'model', 'analysis', 'rules', 'diagnostics'],
  // The library's public API (package "exports"): a thin front over the pipeline, view models and renderers.
  api: ['core', 'framework', 'load', 'validate', 'model', 'analysis', 'rules', 'render', 'diagnostics', 'pipeline'],
  index: ['api'],
  cli: ['core', 'framework', 'load', 'validate', 'model', 'analysis', 'rules', 'render', 'diagnostics', 'write', 'pipeline', 'diff', 'aggregate', 'exchange'],
};

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

describe('import directions (§2.1)', () => {
  it('imports only go down the layer table', () => {
    const src = join(REPO, 'src');
    const bad: string[] = [];
    for (const file of walk(src)) {
      const rel = relative(src, file);
      const layer = rel.includes('/') ? rel.split('/')[0]! : rel.replace(/\.ts$/, '');
      const allowed = ALLOWED[layer];
      expect(allowed, `unknown layer ${layer}`).toBeDefined();
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)) {
        const target = relative(src, join(file, '..', m[1]!));
        const tl = target.includes('/') ? target.split('/')[0]! : target.replace(/\.js$/, '');
        if (tl !== layer && !allowed!.includes(tl)) bad.push(`${rel} → ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('only the bin reads the clock or touches process.exit', () => {
    const src = join(REPO, 'src');
    const offenders: string[] = [];
    for (const file of walk(src)) {
      const rel = relative(src, file);
      const text = readFileSync(file, 'utf8');
      if (rel !== 'cli/bin.ts' && /new Date\(\)|Date\.now\(\)/.test(text)) offenders.push(`${rel}: clock`);
      if (rel !== 'cli/bin.ts' && /process\.exit\(/.test(text)) offenders.push(`${rel}: process.exit`);
      if (!rel.startsWith('cli/') && /console\./.test(text)) offenders.push(`${rel}: console`);
    }
    expect(offenders).toEqual([]);
  });
});

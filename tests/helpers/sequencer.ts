/**
 * File order for the workers: vitest starts the files that took longest in the last run first (its
 * results cache, under node_modules/.vite), so no long file starts last and leaves one worker idle
 * at the end. A fresh clone has no such record and vitest falls back to file size, which starts the
 * short files that spawn npm or Chromium late: those below, longest first as measured on the quiet
 * 2-core machine (wall per file), start first then. A file missing here only starts later; the list
 * never drops one.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const LONG_FIRST: readonly string[] = [
  // Makes the run's one Chromium build of the sample (tests/helpers/sample-build.ts) that the
  // diagrams, documents' print (page fill included) and legibility files read: it starts first, they start a few files
  // later, so none of them waits for it idle.
  'tests/render/cached-output.test.ts',
  // Installs the packed tarball that pack.test.ts then finds installed (tests/helpers/pack.ts).
  'tests/package/workflow-tarball.test.ts',
  'tests/robust/interrupted-build.test.ts',
  'tests/property/pipeline.property.test.ts',
  'tests/property/incremental.property.test.ts',
  'tests/injection/injection.test.ts',
  // Its daemons answer spawned clients: ~30 s of wall time on the quiet machine, most of it waiting.
  'tests/cli/daemon.test.ts',
  'tests/render/diagrams-browser.test.ts',
  'tests/write/output-safety.test.ts',
  'tests/diff/diff.test.ts',
  'tests/cli/watch.test.ts',
  'tests/load/cache.test.ts',
  'tests/property/incremental-model.property.test.ts',
  'tests/robust/bad-input.test.ts',
  'tests/docs/console-blocks.test.ts',
  'tests/render/documents/print.test.ts',
  'tests/package/pack.test.ts',
  'tests/render/site.test.ts',
  'tests/load/parallel.test.ts',
  'tests/render/strategy/print.test.ts',
  'tests/render/diagram-legibility.test.ts',
  'tests/cli/cli.test.ts',
  'tests/diagnostics/sarif-validator.test.ts',
  'tests/cli/memory-guard.test.ts',
  'tests/exchange/xlsx-import.test.ts',
  'tests/cli/diagram.test.ts',
  'tests/cli/states.test.ts',
  'tests/aggregate/aggregate.test.ts',
];

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const key = (f: TestSpecification): string => relative(root, f.moduleId).split('\\').join('/');
    // Durations recorded for every file: vitest's own order (failed first, then longest first) stands.
    if (sorted.every((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${key(f)}`))) return sorted;
    const rank = (f: TestSpecification): number => {
      const i = LONG_FIRST.indexOf(key(f));
      return i < 0 ? LONG_FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

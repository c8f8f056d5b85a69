/**
 * File order for the workers: the files below first, in this order (longest first as measured on the
 * quiet 2-core machine, wall per file, with the run's shared sample build placed so that its readers
 * start after it is done), then every other file in vitest's own order (the files that took longest in
 * the last run first, from its results cache under node_modules/.vite; by file size on a fresh clone).
 *
 * The list holds also when vitest has recorded durations: a file that waited for the shared build
 * (tests/helpers/sample-build.ts) is recorded as long, so vitest's order would start it first in the
 * next run, where it waits again beside the build and leaves a core idle (measured: 0.5–0.8 idle
 * cores for 30 s of a repeat run, 4 December 2026). A file missing here only starts later; the list
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
    const rank = (f: TestSpecification): number => {
      const i = LONG_FIRST.indexOf(key(f));
      return i < 0 ? LONG_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order among themselves.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

/** The sample architecture (architecture/ at the repository root), loaded once per test file. */
import { join } from 'node:path';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { REPO } from './project.js';

let cached: Promise<PipelineResult> | undefined;

export function loadSample(): Promise<PipelineResult> {
  cached ??= runPipeline({ root: join(REPO, 'architecture'), cwd: REPO, today: '2026-01-15', rules: false });
  return cached;
}

/**
 * A copy of the sample with the daemon's engine over it, and `kientruc check` run through `main`
 * in-process either through that engine (what the daemon does for a request) or without it (the cold
 * path), with the same folder, clock and environment: the daemon tests compare the two.
 */
import { cpSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { DaemonEngine } from '../../src/cli/daemon/engine.js';
import { main } from '../../src/cli/main.js';
import { FindingTextMemo } from '../../src/diagnostics/format/context.js';
import { REPO, yamlFiles } from './project.js';
import { makeTempDir } from './tmp.js';

export interface SampleEngine {
  /** The project folder (the sample is its `architecture/`). */
  readonly dir: string;
  /** A file of the sample naming an organisation whose last letter an edit can change (a broken reference). */
  readonly file: string;
  /** `check architecture --as-of 2026-06-30 …argv`: its exit code and the bytes it wrote to stdout. */
  check(argv: readonly string[], color: boolean, daemon: boolean): Promise<{ readonly code: number; readonly stdout: Buffer }>;
}

export function sampleEngine(prefix: string, today: Date): SampleEngine {
  const dir = makeTempDir(prefix);
  cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
  const folder = realpathSync(join(dir, 'architecture'));
  const engine = new DaemonEngine(folder, () => new Date(Date.now() + 3_600_000));
  const findingText = new FindingTextMemo();
  const file = yamlFiles(folder).find((f) => /owner: org:[a-z-]*[a-p]\n/.test(readFileSync(f, 'utf8'))) as string;
  return {
    dir,
    file,
    async check(argv, color, daemon) {
      const out: Buffer[] = [];
      const io = {
        stdout: { write: (s: string | Uint8Array) => void out.push(typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s)), isTTY: color },
        stderr: { write: () => undefined, isTTY: color },
        cwd: dir,
        today,
        env: color ? {} : { NO_COLOR: '1' },
        ...(daemon ? { pipeline: (o: Parameters<DaemonEngine['run']>[0]) => engine.run(o), findingText } : {}),
      };
      const code = await main(['check', 'architecture', '--as-of', '2026-06-30', ...argv], io);
      return { code, stdout: Buffer.concat(out) };
    },
  };
}

/**
 * The daemon's engine reads again only the files whose stat changed since its last run (docs/daemon.md):
 * the others are taken as they were read. What it trusts is the whole stat — modification and change
 * times in nanoseconds, size, inode, mode — so a file rewritten with the same size and its modification
 * time put back is still read again (its change time moved), and the result is that of a cold run.
 */
import { cpSync, readFileSync, realpathSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DaemonEngine, type EngineRun } from '../../src/cli/daemon/engine.js';
import { frame, FrameReader, writeFrame } from '../../src/cli/daemon/protocol.js';
import { runPipeline, type PipelineOptions } from '../../src/pipeline.js';
import { REPO, yamlFiles } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const AS_OF = '2026-06-30';

describe('the daemon engine after an edit', () => {
  it('reads only the files whose stat changed, and gives the result of a cold run (also when the modification time is put back)', async () => {
    const dir = makeTempDir('daemon-engine-');
    cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
    const folder = realpathSync(join(dir, 'architecture'));
    const files = yamlFiles(folder);
    // The clock an hour ahead: no scan is too close to a write to be trusted (scan.ts `racyEntries`).
    const engine = new DaemonEngine(folder, () => new Date(Date.now() + 3_600_000));
    const runs: EngineRun[] = [];
    engine.onRun = (r) => void runs.push(r);
    const opts: PipelineOptions = { root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: true };
    const cold = async (): Promise<string> => JSON.stringify((await runPipeline({ ...opts, parallel: 'off' })).diagnostics);

    // The file edited below gets a whole-second modification time (utimes cannot set nanoseconds back).
    const file = files.find((f) => /owner: org:[a-z-]*[a-p]\n/.test(readFileSync(f, 'utf8'))) as string;
    utimesSync(file, 1_750_000_000, 1_750_000_000);
    const first = JSON.stringify((await engine.run(opts)).diagnostics);
    expect(runs.at(-1)?.read).toBe(files.length);
    expect(first).toBe(await cold());

    // One file rewritten with the same size, its modification time put back: only its change time differs.
    const before = statSync(file, { bigint: true });
    // A reference broken by one letter (same size): a finding appears.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(owner: org:[a-z-]*)[a-p]\n/, '$1q\n'));
    utimesSync(file, 1_750_000_000, 1_750_000_000);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
    const second = JSON.stringify((await engine.run(opts)).diagnostics);
    expect(runs.at(-1)?.unchanged).toBe(false);
    expect(runs.at(-1)?.read).toBe(1);
    expect(second).not.toBe(first);
    expect(second).toBe(await cold());

    // Nothing changed: the last result again, nothing read.
    await engine.run(opts);
    expect(runs.at(-1)?.unchanged).toBe(true);

    // Another file changed as an editor saves it, and one removed: only the changed one is read.
    const other = files.find((f) => f !== file && readFileSync(f, 'utf8').includes('name:')) as string;
    writeFileSync(other, readFileSync(other, 'utf8').replace(/name: .*/, 'name: "Tên đã sửa"'));
    const third = JSON.stringify((await engine.run(opts)).diagnostics);
    expect(runs.at(-1)?.read).toBe(1);
    expect(third).toBe(await cold());
  }, 120_000);

  it('writes a frame as the header and the text, the same bytes as one built in memory', () => {
    for (const text of ['', 'a', 'Hệ thống "Cổng dịch vụ công" có 2 phát hiện 🚧\n'.repeat(5000)]) {
      const chunks: Buffer[] = [];
      let corked = 0;
      writeFrame({ write: (c, enc) => (chunks.push(typeof c === 'string' ? Buffer.from(c, enc) : Buffer.from(c)), true), cork: () => void corked++, uncork: () => void corked-- }, 0x6f, text);
      expect(corked).toBe(0);
      expect(Buffer.concat(chunks).equals(frame(0x6f, text))).toBe(true);
      expect(new FrameReader().push(Buffer.concat(chunks)).map((f) => f.payload.toString('utf8'))).toEqual([text]);
    }
  });
});

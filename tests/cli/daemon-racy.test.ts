/**
 * The daemon's scan is judged file by file (scan.ts `racyEntries`): a file written within the margin
 * before a scan could be written again in the same tick of the clock with the same stat, so the next
 * run reads it again — and only it: the files beside it, older than the margin, stay trusted (before,
 * one racy file made the next run read every file of the folder).
 */
import { cpSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DaemonEngine, type EngineRun } from '../../src/cli/daemon/engine.js';
import { racyEntries, scanInputs } from '../../src/cli/daemon/scan.js';
import { runPipeline, type PipelineOptions } from '../../src/pipeline.js';
import { REPO, yamlFiles } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const AS_OF = '2026-06-30';

describe('a file written just before a scan', () => {
  it('is read again at the next run, and the files beside it are not', async () => {
    const dir = makeTempDir('daemon-racy-');
    cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
    const folder = realpathSync(join(dir, 'architecture'));
    const files = yamlFiles(folder);
    let ahead = 3_600_000;
    const engine = new DaemonEngine(folder, () => new Date(Date.now() + ahead));
    const runs: EngineRun[] = [];
    engine.onRun = (r) => void runs.push(r);
    const opts: PipelineOptions = { root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: true };
    const cold = async (): Promise<string> => JSON.stringify((await runPipeline({ ...opts, parallel: 'off' })).diagnostics);

    // The clock an hour ahead: nothing is racy; every file is read once.
    await engine.run(opts);
    expect(runs.at(-1)?.read).toBe(files.length);

    // Past the margin, one file edited, then the clock is the real one: that file alone is racy.
    await new Promise((r) => setTimeout(r, 2300));
    ahead = 0;
    const file = files.find((f) => /owner: org:[a-z-]*[a-p]\n/.test(readFileSync(f, 'utf8'))) as string;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(owner: org:[a-z-]*)[a-p]\n/, '$1q\n'));
    const edited = JSON.stringify((await engine.run(opts)).diagnostics);
    expect(runs.at(-1)?.read).toBe(1);
    expect(edited).toBe(await cold());
    const racy = racyEntries(await scanInputs(folder, undefined), Date.now());
    expect([...racy].filter((f) => f.endsWith('.yaml'))).toEqual([file]);

    // Nothing changed since, but the last scan could not vouch for the edited file: it is read again
    // (not the last result given as it was), and only it.
    const again = JSON.stringify((await engine.run(opts)).diagnostics);
    expect(runs.at(-1)?.unchanged).toBe(false);
    expect(runs.at(-1)?.read).toBe(1);
    expect(again).toBe(edited);

    // Once its times are past the margin, nothing is read at all.
    ahead = 3_600_000;
    await engine.run(opts);
    await engine.run(opts);
    expect(runs.at(-1)?.unchanged).toBe(true);
    expect(runs.at(-1)?.read).toBe(0);
  }, 120_000);
});

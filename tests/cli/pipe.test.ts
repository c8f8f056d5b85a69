/** A reader that closes the pipe early (`kientruc schema | head`) ends the run quietly, as for any Unix tool. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from '../helpers/project.js';

function readFirstChunkThenClose(argv: readonly string[]): Promise<{ code: number | null; stderr: string; got: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let got = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdout.once('data', (c: Buffer) => {
      got = c.toString('utf8');
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, got }));
  });
}

describe('closed pipe on stdout', () => {
  // `schema` prints ~200 kB: far more than one pipe buffer, so the writes after the close fail with EPIPE.
  for (const argv of [['schema'], ['schema', '--list', 'codes'], ['--help']]) {
    it(`kientruc ${argv.join(' ')}: no stack trace, exit 0`, async () => {
      const r = await readFirstChunkThenClose(argv);
      expect(r.got.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
      expect(r.code).toBe(0);
    });
  }
});

/**
 * `--output FILE` where the file cannot be made: the user's file system, said in one line with the path
 * and the cause, exit 2 (never "lỗi không lường trước … lỗi của kientruc"); and a device or pipe given as
 * the output is written in place, never replaced by a regular file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENCY, BIN, makeProject, runMain } from '../helpers/project.js';

const project = () => makeProject({ 'architecture/agency.yaml': AGENCY });
const NOT_A_BUG = /lỗi nội bộ|lỗi không lường trước|internal error|unexpected error|\n\s+at /;

describe('check -o: a target the file system refuses', () => {
  it.skipIf(!existsSync('/proc/self'))('a folder that makes no files (/proc) or cannot be created: ENOENT, one line, exit 2, in both languages', async () => {
    const dir = project();
    for (const [lang, target, says] of [
      ['vi', '/proc/x.sarif', /^kientruc: Không ghi được "\/proc\/x\.sarif": thư mục không nhận tệp mới .*\(ENOENT\)\. /],
      ['en', '/proc/x.sarif', /^kientruc: Cannot write "\/proc\/x\.sarif": the folder does not take new files .*\(ENOENT\)\. /],
    ] as const) {
      const r = await runMain(['--lang', lang, 'check', 'architecture', '-f', 'sarif', '-o', target], dir);
      expect(r.code, r.stderr).toBe(2);
      // Progress lines come first; the error is the last line, and one line.
      expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(says);
      expect(r.stderr).not.toMatch(NOT_A_BUG);
    }
    // A folder to create under /proc: Node's recursive mkdir never returns there; kientruc makes one level at a time.
    const deep = spawnSync(process.execPath, [BIN, '--lang', 'en', 'check', 'architecture', '-f', 'sarif', '-o', '/proc/kientruc-x/y.sarif'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(deep.signal, 'no hang').toBeNull();
    expect(deep.status, deep.stderr).toBe(2);
    expect(deep.stderr).toMatch(/^kientruc: Cannot write "\/proc\/kientruc-x\/y\.sarif": .*\(ENOENT\)\.[^\n]*\n$/);
  });

  it('a file where a folder should be: ENOTDIR, one line, exit 2', async () => {
    const dir = project();
    writeFileSync(join(dir, 'notes.txt'), 'x\n');
    const r = await runMain(['--lang', 'en', 'check', 'architecture', '-f', 'json', '-o', 'notes.txt/k.json'], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe('kientruc: Cannot write "notes.txt/k.json": part of the path is a file, not a folder (ENOTDIR). Choose another path, or rename the file in the way.\n');
  });

  it.skipIf(!existsSync('/dev/stdout'))('-o /dev/stdout into a pipe writes to the pipe and leaves /dev/stdout as it was', () => {
    const before = lstatSync('/dev/stdout');
    const r = spawnSync(process.execPath, [BIN, 'check', 'architecture', '-f', 'json', '-o', '/dev/stdout'], { cwd: project(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { version: number }).version).toBe(1);
    const after = lstatSync('/dev/stdout');
    expect([after.isSymbolicLink(), after.ino]).toEqual([before.isSymbolicLink(), before.ino]);
  });
});

/**
 * `npx kientruc` in this repository (the README's first command, on a fresh clone) runs dist/cli/bin.js
 * through the shell, which needs its execute bits: the build (`prepare`, `build:ts`) sets them.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from '../helpers/project.js';

describe('the built bin', () => {
  it('is executable and runs as a command of its own (#!/usr/bin/env node)', () => {
    expect(statSync(BIN).mode & 0o111, `${BIN} has no execute bit: run npm run build:ts`).not.toBe(0);
    const r = spawnSync(BIN, ['--version'], { cwd: REPO, encoding: 'utf8' });
    expect(r.error, String(r.error)).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^kientruc \d+\.\d+\.\d+$/m);
  });
});

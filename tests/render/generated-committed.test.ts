/**
 * The committed `generated/` is what `kientruc build` writes for the sample, byte for byte: every file,
 * the rendered ones (SVG, PNG, PDF, DOCX, drawn by this machine's Chromium) included, and nothing more.
 * Compared with the run's one Chromium build of the sample (tests/helpers/sample-build.ts: the same
 * renderers, day and version as `npx kientruc build`), so it costs no build of its own.
 *
 * When it fails after a change of templates, renderers or the sample, `npx kientruc build` and commit
 * `generated/`. When it fails with no change here, the machine's Chromium or fonts changed (Debian
 * updates them): the pictures and PDFs really are different bytes now; rebuild and commit them too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/cli/app.js';
import { MANIFEST, manifestJson } from '../../src/write/write-generated.js';
import { CHROMIUM } from '../helpers/browser.js';
import { REPO } from '../helpers/project.js';
import { sampleBuild } from '../helpers/sample-build.js';

const GENERATED = join(REPO, 'generated');

/** Every file under `dir`, as sorted paths relative to it with `/`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** What drew the rendered files here, for the failure message. */
function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM!, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown Chromium';
  }
}

describe.skipIf(!CHROMIUM || !existsSync(GENERATED))('the committed generated/', () => {
  it('is byte for byte what kientruc build writes for the sample, and holds nothing else', async () => {
    const build = await sampleBuild();
    const built = [...build.files.keys()].sort();
    // The folder holds the build's files and its manifest, which lists exactly them.
    expect(filesUnder(GENERATED)).toEqual([...built, MANIFEST].sort());
    expect(readFileSync(join(GENERATED, MANIFEST), 'utf8')).toBe(manifestJson(TOOL_VERSION, built));
    const differ = built.filter((p) => !readFileSync(join(GENERATED, p)).equals(build.files.get(p)!));
    // Chromium is asked its version only to explain a failure.
    const why = differ.length === 0 ? '' : `these files of generated/ differ from what this code builds here (${chromiumVersion()}): run "npx kientruc build" and commit generated/`;
    expect(differ, why).toEqual([]);
  });
});

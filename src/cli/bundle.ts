// Build step (`npm run build:ts`, after tsc and before precompile.ts): bundles the bin with esbuild, so
// a start loads a few dozen files instead of ~180 modules (docs/speed.md, "A bundled bin").
//
// - Entry points: src/cli/bin.ts → dist/cli/bin.js (package.json "bin", written over tsc's) and the
//   parse worker, src/load/parse-worker.ts → dist/cli/parse-worker.js (parse-pool.ts starts
//   `./parse-worker.js` beside itself: dist/load/ in tsc's output, dist/cli/ in the bundle).
// - Code splitting: every dynamic `import()` (a command, the daemon client, the English help …) is its
//   own lazy chunk, and code shared by several is a shared chunk, so `check` still loads only what it
//   uses. npm packages stay external (node_modules, as before): only kientruc's own code is bundled.
// - Every file is written flat in dist/cli/, two folders below the package root like
//   src/core/paths.ts, which is how every module finds the package's files (templates, packs,
//   precompiled validators, the code the caches fingerprint): see core/paths.ts.
// - The typed API (package.json "exports": dist/index.js and its .d.ts) stays tsc's output, and so does
//   the rest of dist/ (the digests of the caches' code fingerprint are of those folders; load/cache.ts).
// - Source maps as tsc writes them (linked .js.map, sources in src/, not copied in; npm does not ship them).
// Files an earlier bundle wrote (they begin with BUNDLE_BANNER) are removed first, as chunk names
// change with their content.
//
// `--if-stale` (the test suite's global set-up): only when the bin is not a bundle, or is older than a
// file of src/, tsconfig.json, package.json or this script.
//
// Not part of the package: a build tool (esbuild is a devDependency); package.json "files" leaves it out,
// and ships from dist/cli/ only the files this script writes (bin.js, parse-worker.js, <name>-<HASH>.js,
// and build-id, the bundle's identity for the daemon: daemon/fingerprint.ts).
import { closeSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PACKAGE_ROOT } from '../core/paths.js';
import { computeBuildId } from './daemon/build-id.js';
import { BUILD_ID_FILE } from './daemon/fingerprint.js';

/** The first line after the bin's `#!`, and the first line of every other file of the bundle. */
const BUNDLE_BANNER = '// kientruc bundle (esbuild, src/cli/bundle.ts): built from src/, do not edit';
const OUT = join(PACKAGE_ROOT, 'dist', 'cli');
const BIN = join(OUT, 'bin.js');

/** Whether `file` is a file of the bundle: the banner is its first line, or its second after a `#!`. */
function isBundleFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(256);
    const n = readSync(fd, head, 0, head.length, 0);
    const [first, second] = head.subarray(0, n).toString('utf8').split('\n', 2);
    return first === BUNDLE_BANNER || (first?.startsWith('#!') === true && second === BUNDLE_BANNER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether the bin is a bundle newer than everything it is built from. */
function isFresh(): boolean {
  if (!isBundleFile(BIN)) return false;
  const built = statSync(BIN).mtimeMs;
  const newer = (p: string): boolean => statSync(p).mtimeMs > built;
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && newer(join(dir, e.name))));
  return ![join(PACKAGE_ROOT, 'tsconfig.json'), join(PACKAGE_ROOT, 'package.json'), fileURLToPath(import.meta.url)].some(newer) && !walk(join(PACKAGE_ROOT, 'src'));
}

/** Bundles the bin into dist/cli/; returns the names of the code files written. */
async function bundleCli(): Promise<string[]> {
  for (const name of readdirSync(OUT)) {
    if (name.endsWith('.js') && isBundleFile(join(OUT, name))) {
      rmSync(join(OUT, name));
      rmSync(join(OUT, `${name}.map`), { force: true });
    }
  }
  const result = await build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: { bin: 'src/cli/bin.ts', 'parse-worker': 'src/load/parse-worker.ts' },
    outdir: OUT,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // package.json "engines": ^20.19.0. Nothing is lowered for it (tsc targets ES2022).
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    banner: { js: BUNDLE_BANNER },
    tsconfig: join(PACKAGE_ROOT, 'tsconfig.json'),
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.outputs)
    .filter((p) => p.endsWith('.js'))
    .map((p) => p.slice(p.lastIndexOf('/') + 1))
    .sort();
}

if (!(process.argv.includes('--if-stale') && isFresh())) {
  const files = await bundleCli();
  // The bundle's identity for the daemon (daemon/fingerprint.ts): every `check` a daemon may answer
  // reads this one line instead of statting the ~85 files it stands for.
  writeFileSync(join(OUT, BUILD_ID_FILE), `${computeBuildId(OUT, files, PACKAGE_ROOT)}\n`);
  console.log(`kientruc: bundled the bin into dist/cli/ (bin.js, parse-worker.js and ${files.length - 2} chunks)`);
}

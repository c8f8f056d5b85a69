import { fileURLToPath } from 'node:url';

// Where kientruc's own files are, from the URL of the module that runs. Every module that locates a
// file of the package (templates, packs, precompiled validators, the bin, the parse worker's folder,
// the code the caches and the daemon fingerprint) asks here, because the same code runs from three
// layouts, in each of which this module sits two folders below the package root:
// - `src/core/paths.ts` under tsx (tests, bench);
// - `dist/core/paths.js`, tsc's output (the typed API, `import … from 'kientruc'`);
// - `dist/cli/<chunk>.js`, the esbuild bundle the bin runs (src/cli/bundle.ts): every file of the
//   bundle is written flat in `dist/cli/`, beside the bin, so whichever chunk holds this module is
//   two folders below the root too.
// Node built-ins only: the daemon client's fast path imports this before anything else loads.

/** The package root (the folder holding package.json, `src/framework` and `templates/`). */
export const PACKAGE_ROOT: string = fileURLToPath(new URL('../../', import.meta.url));

/** The folder of the code that runs: `dist/` when built (bundled or not), `src/` under tsx. */
export const CODE_ROOT: string = fileURLToPath(new URL('../', import.meta.url));

/** The bin script (`package.json` "bin"): `dist/cli/bin.js`, what the daemon and the memory guard start. */
export const BIN_SCRIPT: string = fileURLToPath(new URL('../cli/bin.js', import.meta.url));

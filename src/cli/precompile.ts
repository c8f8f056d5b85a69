// Build step (`npm run build:ts`, after tsc and the bundle, bundle.ts): precompiles the JSON Schema
// validators of every shipped framework pack (and the pack itself, as JSON) into dist/precompiled/, so
// even a first run without a cache skips ajv's ~400 ms compile and the pack's YAML parse; keeps V8's
// compiled code of those validators for the Node that builds (validate/ajv.ts `writeShippedCodeCache`);
// records the digest of each code folder (load/cache.ts `CodeTree`), so a run checks file sizes and
// dates instead of hashing the code. It runs last, so the digests describe dist/ as built, the bundle
// in dist/cli/ included. dist/precompiled/ is emptied first: entries of earlier builds are never read
// again, and npm would ship them. It also makes the bin executable: tsc and esbuild write new files as
// 0644, and npm links the root package's own bin (`npx kientruc` in this repository) before `prepare`
// has built it, so on a fresh clone nothing else sets the mode (the shell then refuses it:
// "kientruc: Permission denied").
import { chmodSync, rmSync, statSync } from 'node:fs';
import { BIN_SCRIPT } from '../core/paths.js';
import { availablePacks, loadPack } from '../framework/load-pack.js';
import { CODE } from '../load/cache.js';
import { compileSchemas, SHIPPED, writeShippedCodeCache } from '../validate/ajv.js';
import { storePack } from '../validate/pack-cache.js';

rmSync(SHIPPED.dir, { recursive: true, force: true });
for (const id of availablePacks()) {
  const compiled = compileSchemas(loadPack(id), availablePacks(), { cache: SHIPPED });
  writeShippedCodeCache(compiled.hash);
  storePack(id, SHIPPED);
  console.log(`kientruc: precompiled validators for ${id} (${compiled.hash.slice(0, 12)})`);
}

CODE.writeDigests();

// Execute bits wherever a read bit is set (0644 → 0755 under the usual umask), as npm does for bins.
const mode = statSync(BIN_SCRIPT).mode & 0o777;
chmodSync(BIN_SCRIPT, mode | ((mode & 0o444) >> 2));

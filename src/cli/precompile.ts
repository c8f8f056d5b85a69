// Build step (`npm run build:ts`): precompiles the JSON Schema validators of every shipped framework
// pack (and the pack itself, as JSON) into dist/precompiled/, so even a first run without a cache
// skips ajv's ~400 ms compile and the pack's YAML parse.
import { availablePacks, loadPack } from '../framework/load-pack.js';
import { compileSchemas, SHIPPED } from '../validate/ajv.js';
import { storePack } from '../validate/pack-cache.js';

for (const id of availablePacks()) {
  const compiled = compileSchemas(loadPack(id), availablePacks(), { cache: SHIPPED });
  storePack(id, SHIPPED);
  console.log(`kientruc: precompiled validators for ${id} (${compiled.hash.slice(0, 12)})`);
}

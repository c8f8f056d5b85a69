import { loadPack, rememberPack } from '../framework/load-pack.js';
import type { FrameworkPack } from '../framework/types.js';
import { codeFingerprint, sha256, type Cache } from '../load/cache.js';
import { SHIPPED } from './ajv.js';

/**
 * The framework pack, read as JSON when the package build (dist/precompiled) or an earlier run kept
 * it: parsing its YAML costs more than a hundred milliseconds per command, the JSON a millisecond.
 * The key covers the pack files (they are part of the code fingerprint).
 */
export function loadPackCached(id: string, cache: Cache | undefined): FrameworkPack {
  const key = sha256(`${codeFingerprint()}\npack:${id}`);
  // A long-running process (the daemon) asks at every request: the pack it read first, not read again.
  const known = READ.get(key);
  if (known !== undefined) return known;
  const pack = readPack(id, key, cache);
  READ.set(key, pack);
  return pack;
}

/** The packs read by this process, by key (code and pack id): the same content, hence the same object. */
const READ = new Map<string, FrameworkPack>();

function readPack(id: string, key: string, cache: Cache | undefined): FrameworkPack {
  for (const store of [SHIPPED, cache]) {
    const hit = store?.readJson<FrameworkPack>('pack', key);
    if (hit && hit.id === id) {
      rememberPack(hit);
      return loadPack(id);
    }
  }
  const pack = loadPack(id);
  cache?.writeJson('pack', key, pack);
  return pack;
}

/** Keeps the pack in `store` (the package build uses it for dist/precompiled). */
export function storePack(id: string, store: Cache): void {
  store.writeJson('pack', sha256(`${codeFingerprint()}\npack:${id}`), loadPack(id));
}

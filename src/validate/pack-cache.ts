import { loadPack, rememberPack } from '../framework/load-pack.js';
import type { FrameworkPack } from '../framework/types.js';
import { codeFingerprint, sha256, type Cache } from '../load/cache.js';

/**
 * The framework pack, read from the cache when an earlier run kept it: parsing its YAML costs more
 * than a hundred milliseconds per command, the JSON a millisecond. The key covers the pack files
 * (they are part of the code fingerprint).
 */
export function loadPackCached(id: string, cache: Cache | undefined): FrameworkPack {
  if (!cache) return loadPack(id);
  const key = sha256(`${codeFingerprint()}\npack:${id}`);
  const hit = cache.readJson<FrameworkPack>('pack', key);
  if (hit && hit.id === id) {
    rememberPack(hit);
    return loadPack(id);
  }
  const pack = loadPack(id);
  cache.writeJson('pack', key, pack);
  return pack;
}

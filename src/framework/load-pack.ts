import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { InternalError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { Ref } from '../core/ref.js';
import type {
  Component,
  EnumDef,
  FrameworkPack,
  LegalDocument,
  NationalSystem,
  NationalTarget,
  PackOrganization,
  Threshold,
} from './types.js';

/** Packs ship as YAML data under `src/framework/packs/<id>/`, next to the code that reads them. */
export const PACKS_DIR = join(PACKAGE_ROOT, 'src', 'framework', 'packs');

export const DEFAULT_PACK = 'vn-2025';

export function availablePacks(): string[] {
  return readdirSync(PACKS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const cache = new Map<string, FrameworkPack>();

type Raw = Record<string, unknown>;

function readPart(id: string, name: string): Raw {
  const file = join(PACKS_DIR, id, `${name}.yaml`);
  try {
    const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    return parse(readFileSync(file, 'utf8')) as Raw;
  } catch (err: unknown) {
    throw new InternalError(`framework pack ${id}: cannot read ${name}.yaml`, { cause: err });
  }
}

function confirmed<T extends Raw>(entry: T): T & { confirmed: boolean } {
  return { ...entry, confirmed: entry['confirmed'] !== false };
}

/** Makes `loadPack(pack.id)` return `pack` (a copy read from the cache, identical to what loadPack builds). */
export function rememberPack(pack: FrameworkPack): void {
  cache.set(pack.id, pack);
}

/** Loads (once per process) the framework pack `id`. Throws InternalError if the pack is missing or malformed. */
export function loadPack(id: string = DEFAULT_PACK): FrameworkPack {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!availablePacks().includes(id)) throw new InternalError(`framework pack "${id}" is not installed`);
  const meta = readPart(id, 'pack');
  const enumsRaw = readPart(id, 'enums') as Record<string, Raw>;
  const componentsRaw = readPart(id, 'components');
  const nationalRaw = readPart(id, 'national');
  const targetsRaw = readPart(id, 'targets');
  const legalRaw = readPart(id, 'legal');

  const enums: Record<string, EnumDef> = {};
  for (const [key, def] of Object.entries(enumsRaw)) {
    const values = (def['values'] as Raw[]).map((v) => confirmed(v)) as unknown as EnumDef['values'];
    enums[key] = { ...confirmed(def), id: key, values } as unknown as EnumDef;
  }
  const listConfirmed = componentsRaw['confirmed'] !== false;
  const components = (componentsRaw['components'] as Raw[]).map((c) => ({
    ...c,
    confirmed: c['confirmed'] === undefined ? listConfirmed : c['confirmed'] !== false,
    source: c['source'] ?? componentsRaw['source'],
  })) as unknown as Component[];
  const national = (nationalRaw['systems'] as Raw[]).map((n) => ({
    ...confirmed(n),
    ref: `national:${String(n['id'])}`,
  })) as unknown as NationalSystem[];
  const organizations = (nationalRaw['organizations'] as Raw[]).map((o) => ({
    ...o,
    ref: `org:${String(o['id'])}` as Ref<'org'>,
  })) as unknown as PackOrganization[];
  const targets = (targetsRaw['targets'] as Raw[]).map((t) => ({
    comparator: 'gte',
    ...confirmed(t),
    ref: `target:${String(t['id'])}`,
  })) as unknown as NationalTarget[];
  const legal = (legalRaw['documents'] as Raw[]).map((l) => confirmed(l)) as unknown as LegalDocument[];
  const thresholds: Record<string, Threshold> = {};
  for (const [key, t] of Object.entries((meta['thresholds'] ?? {}) as Record<string, Raw>)) {
    thresholds[key] = confirmed(t) as unknown as Threshold;
  }

  const pack: FrameworkPack = {
    id: String(meta['id']),
    version: String(meta['version']),
    name: String(meta['name']),
    nameEn: String(meta['nameEn']),
    factsCheckedOn: String(meta['factsCheckedOn']),
    frameworks: meta['frameworks'] as FrameworkPack['frameworks'],
    agencyCode: confirmed(meta['agencyCode'] as Raw) as unknown as FrameworkPack['agencyCode'],
    thresholds,
    enums,
    components,
    national,
    organizations,
    targets,
    legal,
    files: ['pack', 'enums', 'components', 'national', 'targets', 'legal'].map(
      (p) => `src/framework/packs/${id}/${p}.yaml`,
    ),
  };
  if (pack.id !== id) throw new InternalError(`framework pack folder ${id} declares id ${pack.id}`);
  cache.set(id, pack);
  return pack;
}

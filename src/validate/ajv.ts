import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import type { ValidateFunction } from 'ajv';
import { parseDeadline } from '../core/dates.js';
import { DOC_KIND, ENTITY_KINDS, type EntityKind } from '../core/ref.js';
import { isTimePoint } from '../core/time-fields.js';
import type { FrameworkPack } from '../framework/types.js';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import { Cache, codeFingerprint, sha256 } from '../load/cache.js';
import { buildSchema, ROOT_SCHEMA_ID, type SchemaSet } from './schema/build-schema.js';

const require = createRequire(import.meta.url);

export interface CompiledSchemas {
  readonly set: SchemaSet;
  readonly validators: Readonly<Record<EntityKind, ValidateFunction>>;
  /** Hash of the schema and of the code that reports on it: cached validation results are keyed by it. */
  readonly hash: string;
  /** The pack's enums, for messages naming a value's label (their labels are in the schema, so in `hash`). */
  readonly enums: FrameworkPack['enums'];
  /** The pack's components, for messages naming a component's label and layer (also in the schema, so in `hash`). */
  readonly components: FrameworkPack['components'];
  /** Validates `value` as `kind`. */
  validate(kind: EntityKind, value: unknown): { ok: boolean; errors: ValidateFunction['errors'] };
}

const cache = new Map<string, CompiledSchemas>();
/** Validators precompiled when the package was built (`npm run build:ts`), for the packs it ships. */
export const SHIPPED = new Cache(join(PACKAGE_ROOT, 'dist', 'precompiled'));
const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true } as const;
const VOCABULARY = ['x-vi', 'x-en', 'x-legal', 'x-enum', 'x-ref', 'x-unknown', 'markdownEnumDescriptions'];
const FORMATS_MODULE = 'kientruc:formats';

/** The format checks the schema uses, shared by the compiler and the precompiled code. */
function formats(): Record<string, unknown> {
  const full = (require('ajv-formats/dist/formats') as { fullFormats: Record<string, unknown> }).fullFormats;
  return {
    date: full['date'],
    uri: full['uri'],
    email: full['email'],
    deadline: { type: 'string', validate: (s: string) => parseDeadline(s) !== undefined },
    'time-point': { type: 'string', validate: (s: string) => isTimePoint(s) },
  };
}

function refsOf(): Record<string, string> {
  const refs: Record<string, string> = {};
  for (const k of ENTITY_KINDS) refs[DOC_KIND[k]] = `${ROOT_SCHEMA_ID}#/$defs/${DOC_KIND[k]}`;
  return refs;
}

/** Compiles with ajv (~400 ms) and, when a cache is given, keeps the generated code for next time. */
function compileWithAjv(set: SchemaSet, key: string, store: Cache | undefined): Record<string, ValidateFunction> {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const { _ } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...(store ? { code: { source: true, formats: _`require(${FORMATS_MODULE})` } } : {}) });
  for (const [name, format] of Object.entries(formats())) ajv.addFormat(name, format as never);
  ajv.addVocabulary(VOCABULARY);
  ajv.addSchema(set.root);
  const out: Record<string, ValidateFunction> = {};
  for (const [name, ref] of Object.entries(refsOf())) {
    const fn = ajv.getSchema(ref);
    if (!fn) throw new Error(`schema for ${name} did not compile`);
    out[name] = fn;
  }
  if (store) {
    const standalone = require('ajv/dist/standalone/index.js') as { default: (ajv: unknown, refs: Record<string, string>) => string };
    store.writeText('ajv', key, standalone.default(ajv, refsOf()), 'cjs');
  }
  return out;
}

/**
 * V8's compiled code of the shipped validators, made by the package build for the Node it ran on
 * (`writeShippedCodeCache`): compiling their 1 MB of code costs 9–18 ms at every start on Node 20,
 * reading the cache 2.5–4 ms (3–4 December 2026, docs/speed.md). Another Node version has no such
 * file; V8 itself refuses a cache that does not match the code or its flags (then it compiles).
 */
function codeCacheFile(key: string): string {
  return join(SHIPPED.dir, `${key}.${process.version}-${process.arch}.v8cache`);
}

/** Evaluates ajv's standalone code (CommonJS), with `cachedData` when there is one. */
function evaluate(code: string, cachedData?: Buffer): { exports: Record<string, ValidateFunction>; script: Script } {
  const module = { exports: {} as Record<string, ValidateFunction> };
  const shared = formats();
  const req = (id: string): unknown => (id === FORMATS_MODULE ? shared : require(id));
  const script = new Script(`(function (require, module, exports) {${code}\n})`, { filename: 'kientruc-validators.cjs', ...(cachedData ? { cachedData } : {}) });
  (script.runInThisContext() as (r: typeof req, m: typeof module, e: unknown) => void)(req, module, module.exports);
  return { exports: module.exports, script };
}

/** Loads validators precompiled by an earlier run (ajv's standalone code); undefined on any doubt. */
function loadPrecompiled(key: string, store: Cache): Record<string, ValidateFunction> | undefined {
  const code = store.readText('ajv', key, 'cjs');
  if (code === undefined) return undefined;
  try {
    let cachedData: Buffer | undefined;
    if (store === SHIPPED) {
      try {
        cachedData = readFileSync(codeCacheFile(key));
      } catch {
        cachedData = undefined;
      }
    }
    const out = evaluate(code, cachedData).exports;
    for (const name of Object.keys(refsOf())) if (typeof out[name] !== 'function') return undefined;
    return out;
  } catch {
    return undefined;
  }
}

/**
 * The package build: keeps V8's code of the shipped validators `key` (see codeCacheFile), made after
 * each has run once, so the functions a first validation compiles are in it too.
 */
export function writeShippedCodeCache(key: string): void {
  const code = SHIPPED.readText('ajv', key, 'cjs');
  if (code === undefined) return;
  const { exports, script } = evaluate(code);
  for (const fn of Object.values(exports)) if (typeof fn === 'function') fn({});
  writeFileSync(codeCacheFile(key), script.createCachedData());
}

/**
 * The validators of a pack's schema, once per process. With a cache, ajv's generated code is kept
 * by hash of schema and code, so later runs skip the ~400 ms compile (and do not even load ajv).
 */
export function compileSchemas(pack: FrameworkPack, packIds: readonly string[], opts: { readonly cache?: Cache | undefined } = {}): CompiledSchemas {
  // The same pack object and ids (a long-running process asks at every request): the same validators,
  // without building and hashing the schema again.
  const ids = packIds.join('\n');
  const mine = BY_PACK.get(pack);
  if (mine !== undefined && mine.ids === ids) return mine.compiled;
  const compiled = compileFresh(pack, packIds, opts);
  BY_PACK.set(pack, { ids, compiled });
  return compiled;
}

/** The validators of each pack object asked for (see `compileSchemas`). */
const BY_PACK = new WeakMap<FrameworkPack, { readonly ids: string; readonly compiled: CompiledSchemas }>();

function compileFresh(pack: FrameworkPack, packIds: readonly string[], opts: { readonly cache?: Cache | undefined }): CompiledSchemas {
  const set = buildSchema(pack, packIds);
  const hash = sha256(`${JSON.stringify(set.root)}\n${codeFingerprint()}\n${JSON.stringify(AJV_OPTIONS)}`);
  const hit = cache.get(hash);
  if (hit) return hit;
  const byName = loadPrecompiled(hash, SHIPPED) ?? (opts.cache && loadPrecompiled(hash, opts.cache)) ?? compileWithAjv(set, hash, opts.cache);
  const validators = {} as Record<EntityKind, ValidateFunction>;
  for (const k of ENTITY_KINDS) validators[k] = byName[DOC_KIND[k]] as ValidateFunction;
  const compiled: CompiledSchemas = {
    set,
    validators,
    hash,
    enums: pack.enums,
    components: pack.components,
    validate(kind, value) {
      const fn = validators[kind];
      const ok = fn(value) as boolean;
      return { ok, errors: fn.errors };
    },
  };
  cache.set(hash, compiled);
  return compiled;
}

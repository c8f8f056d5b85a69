import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { parseDeadline } from '../core/dates.js';
import { DOC_KIND, ENTITY_KINDS, type EntityKind } from '../core/ref.js';
import type { FrameworkPack } from '../framework/types.js';
import { buildSchema, ROOT_SCHEMA_ID, type SchemaSet } from './schema/build-schema.js';

const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

export interface CompiledSchemas {
  readonly set: SchemaSet;
  readonly validators: Readonly<Record<EntityKind, ValidateFunction>>;
  /** Validates `value` as `kind`. */
  validate(kind: EntityKind, value: unknown): { ok: boolean; errors: ValidateFunction['errors'] };
}

const cache = new Map<string, CompiledSchemas>();

/** Compiles the schema of a pack once per process (allErrors, verbose for messages). */
export function compileSchemas(pack: FrameworkPack, packIds: readonly string[]): CompiledSchemas {
  const key = `${pack.id}@${pack.version}|${packIds.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const set = buildSchema(pack, packIds);
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true });
  addFormats(ajv, ['date', 'uri', 'email']);
  ajv.addFormat('deadline', {
    type: 'string',
    validate: (s: string) => parseDeadline(s) !== undefined,
  });
  ajv.addVocabulary(['x-vi', 'x-en', 'x-legal', 'x-enum', 'x-ref', 'markdownEnumDescriptions']);
  ajv.addSchema(set.root);
  const validators = {} as Record<EntityKind, ValidateFunction>;
  for (const k of ENTITY_KINDS) {
    const fn = ajv.getSchema(`${ROOT_SCHEMA_ID}#/$defs/${DOC_KIND[k]}`);
    if (!fn) throw new Error(`schema for ${k} did not compile`);
    validators[k] = fn;
  }
  const compiled: CompiledSchemas = {
    set,
    validators,
    validate(kind, value) {
      const fn = validators[kind];
      const ok = fn(value) as boolean;
      return { ok, errors: fn.errors };
    },
  };
  cache.set(key, compiled);
  return compiled;
}

import { text } from '../core/text.js';
import { availablePacks } from '../framework/load-pack.js';
import { CONFIG_SCHEMA } from '../validate/config.js';
import { buildSchema } from '../validate/schema/build-schema.js';
import type { Renderer } from './types.js';

/** The JSON Schema editors load through the `yaml-language-server` line of each file. */
export const SCHEMA_FILE = 'schema/kientruc.schema.json';
/** The JSON Schema of `kientruc.config.yaml` (rule settings and waivers). */
export const CONFIG_SCHEMA_FILE = 'schema/kientruc.config.schema.json';

export function schemaJson(pack: Parameters<typeof buildSchema>[0]): string {
  return `${JSON.stringify(buildSchema(pack, availablePacks()).root, null, 2)}\n`;
}

export const schemaRenderer: Renderer = {
  id: 'schema',
  description: text(
    'Lược đồ JSON cho trình soạn thảo (schema/kientruc.schema.json, kientruc.config.schema.json)',
    'JSON Schema for editors (schema/kientruc.schema.json, kientruc.config.schema.json)',
  ),
  render({ model }) {
    return [
      { path: SCHEMA_FILE, contents: schemaJson(model.pack) },
      { path: CONFIG_SCHEMA_FILE, contents: `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n` },
    ];
  },
};

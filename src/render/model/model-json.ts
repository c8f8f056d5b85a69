import { ENTITY_KINDS } from '../../core/ref.js';
import { stableJsonChunks } from '../../core/stable-json.js';
import { text } from '../../core/text.js';
import { coalesce, streamedFile } from '../streamed.js';
import type { Renderer } from '../types.js';

/** `model.json`: the resolved model, for diff, aggregation, the site and other tools. */
export const modelJsonRenderer: Renderer = {
  id: 'model-json',
  description: text('Mô hình đã chuẩn hóa (model.json)', 'Resolved model (model.json)'),
  render({ model, asOf, toolVersion }) {
    const entities: Record<string, unknown[]> = {};
    for (const k of ENTITY_KINDS) entities[k] = [...model.all(k)];
    const out = {
      version: 1,
      generator: { name: 'kientruc', version: toolVersion },
      framework: { id: model.pack.id, version: model.pack.version },
      agency: model.agency?.ref ?? null,
      asOf,
      entities,
      references: model.references
        .filter((r) => r.to !== undefined || r.external !== undefined)
        .map((r) => ({ from: r.from, path: r.path.join('.'), to: r.to ?? r.raw, ...(r.external ? { external: r.external } : {}) })),
    };
    return [streamedFile('model.json', () => coalesce(stableJsonChunks(out)))];
  },
};

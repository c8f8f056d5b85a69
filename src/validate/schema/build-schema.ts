import { DOC_KIND, ENTITY_KINDS, type EntityKind } from '../../core/ref.js';
import type { FrameworkPack } from '../../framework/types.js';
import { agencySchema, organizationSchema } from './agency.js';
import { API_VERSION } from './common.js';
import { datasetSchema } from './dataset.js';
import type { Schema } from './dsl.js';
import { integrationSchema } from './integration.js';
import { kpiSchema } from './kpi.js';
import { businessFunctionSchema, serviceSchema } from './service.js';
import { systemSchema } from './system.js';
import { taskSchema } from './task.js';

export const SCHEMA_BASE_URI = 'https://kientruc.vn/schema/v1';
export const ROOT_SCHEMA_ID = `${SCHEMA_BASE_URI}/kientruc.schema.json`;

export interface SchemaSet {
  /** One schema for every document, dispatching on `kind` (what editors load). */
  readonly root: Schema;
  /** The schema of each kind, keyed by entity kind. */
  readonly kinds: Readonly<Record<EntityKind, Schema>>;
}

/** Builds the JSON Schema (draft 2020-12) for a framework pack: the one source of truth of the format. */
export function buildSchema(pack: FrameworkPack, packIds: readonly string[]): SchemaSet {
  const kinds: Record<EntityKind, Schema> = {
    agency: agencySchema(pack, packIds),
    org: organizationSchema(pack),
    system: systemSchema(pack),
    dataset: datasetSchema(pack),
    integration: integrationSchema(pack),
    kpi: kpiSchema(pack),
    task: taskSchema(pack),
    service: serviceSchema(pack),
    function: businessFunctionSchema(),
  };
  const defs: Record<string, Schema> = {};
  for (const k of ENTITY_KINDS) defs[DOC_KIND[k]] = kinds[k];
  const root: Schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: ROOT_SCHEMA_ID,
    title: 'kientruc — tài liệu kiến trúc số / digital-architecture document',
    description: `Một tài liệu YAML của kientruc (${API_VERSION}), bộ khung ${pack.id} ${pack.version}. / One kientruc YAML document, framework pack ${pack.id} ${pack.version}.`,
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { const: API_VERSION, title: 'Phiên bản định dạng / Format version' },
      kind: {
        enum: ENTITY_KINDS.map((k) => DOC_KIND[k]),
        title: 'Loại thực thể / Entity kind',
      },
    },
    allOf: ENTITY_KINDS.map((k) => ({
      if: { properties: { kind: { const: DOC_KIND[k] } }, required: ['kind'] },
      then: { $ref: `#/$defs/${DOC_KIND[k]}` },
    })),
    $defs: defs,
  };
  return { root, kinds };
}

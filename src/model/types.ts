import type { EntityKind, Ref } from '../core/ref.js';
import type { DocPath } from '../core/source.js';
import type {
  AgencyDoc,
  BusinessFunctionDoc,
  DatasetDoc,
  IntegrationDoc,
  KpiDoc,
  OrganizationDoc,
  ServiceDoc,
  SystemDoc,
  TaskDoc,
} from './documents.generated.js';

export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** Where an entity was declared. */
export interface Origin {
  readonly file: string;
  readonly docIndex: number;
}

/** What the model adds to every YAML document. */
export interface EntityMeta<K extends EntityKind> {
  readonly ref: Ref<K>;
  readonly entityKind: K;
  readonly origin: Origin;
}

export type Agency = DeepReadonly<AgencyDoc> & EntityMeta<'agency'>;
export type Organization = DeepReadonly<OrganizationDoc> & EntityMeta<'org'>;
export type System = DeepReadonly<SystemDoc> & EntityMeta<'system'>;
export type Dataset = DeepReadonly<DatasetDoc> & EntityMeta<'dataset'>;
export type Integration = DeepReadonly<IntegrationDoc> & EntityMeta<'integration'>;
export type Kpi = DeepReadonly<KpiDoc> & EntityMeta<'kpi'>;
export type Task = DeepReadonly<TaskDoc> & EntityMeta<'task'>;
export type Service = DeepReadonly<ServiceDoc> & EntityMeta<'service'>;
export type BusinessFunction = DeepReadonly<BusinessFunctionDoc> & EntityMeta<'function'>;

export interface EntityByKind {
  readonly agency: Agency;
  readonly org: Organization;
  readonly system: System;
  readonly dataset: Dataset;
  readonly integration: Integration;
  readonly kpi: Kpi;
  readonly task: Task;
  readonly service: Service;
  readonly function: BusinessFunction;
}

export type Entity = EntityByKind[EntityKind];

/** One typed reference written in the YAML, after resolution. */
export interface Reference {
  /** The entity holding the reference. */
  readonly from: Ref;
  readonly path: DocPath;
  /** As written (NFC). */
  readonly raw: string;
  /** The local or pack ref it resolves to; undefined when it points to another agency or does not resolve. */
  readonly to: Ref | undefined;
  /** Agency code when the ref points to another agency (`…@000.00.12.H99`). */
  readonly external?: string;
}

/** An organisation, whether the agency itself, one it declares, or a central body from the pack. */
export interface OrgInfo {
  readonly ref: Ref;
  readonly name: string;
  readonly shortName?: string;
  readonly level: string;
  readonly code?: string;
  readonly source: 'agency' | 'local' | 'pack';
}

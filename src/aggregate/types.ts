import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { EntityKind } from '../core/ref.js';
import type { Text } from '../core/text.js';
import type { LoadedFile } from '../load/load-architecture.js';
import type { SourceIndex } from '../load/locate.js';
import type { Model } from '../model/model.js';
import type { ValidModel } from '../model/valid.js';

/** One agency folder, after the ordinary pipeline ran on it. */
export interface AgencyInput {
  /** The folder as the user gave it. */
  readonly dir: string;
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: SourceIndex;
  readonly files: readonly LoadedFile[];
  readonly structuralErrors: boolean;
}

/** How KPI measurements of several agencies are weighted into one value per national target. */
export type WeightBasis = 'denominator' | 'population' | 'equal';

export interface AggregateOptions {
  /** Agency code of the body the view speaks for; default: the highest-level agency. */
  readonly primary?: string;
  readonly asOf?: IsoDate;
  readonly today: IsoDate;
  /** Preferred weight; falls back to population, then equal weights, when an agency lacks it. */
  readonly weights?: WeightBasis;
}

export interface AgencyEntry {
  /** The namespace of its refs: the agency code, or the agency id when the code is missing. */
  readonly namespace: string;
  readonly code: string | undefined;
  readonly ref: string;
  readonly name: string;
  readonly level: string;
  readonly dir: string;
  readonly primary: boolean;
  /** False when the folder could not be merged (no agency, duplicate code). */
  readonly merged: boolean;
  readonly entities: Readonly<Record<EntityKind, number>>;
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
  /** Entities with open findings no task addresses (analysis layer, `unaddressedGaps`). */
  readonly unaddressed: number;
  readonly structuralErrors: boolean;
}

export interface RollupContribution {
  readonly agency: string;
  readonly agencyName: string;
  readonly kpi: string;
  readonly value: number | undefined;
  readonly date: IsoDate | undefined;
  /** Raw weight (dossiers, population, or 1); undefined when the KPI has no measurement. */
  readonly weight: number | undefined;
  /** Share of the total weight, 0–1. */
  readonly share: number | undefined;
}

export type RollupStatus = 'met' | 'behind' | 'overdue' | 'no-data' | 'no-target' | 'not-aggregated';

export interface KpiRollup {
  readonly target: string;
  readonly name: Text;
  readonly unit: string;
  readonly targetValue: number | null;
  readonly comparator: 'gte' | 'lte';
  readonly deadline: IsoDate | null;
  readonly legalRef: string;
  /** The weights actually used: `sum` for counts, `none` when the unit cannot be averaged. */
  readonly basis: WeightBasis | 'sum' | 'none';
  /** Why this basis: which agencies lacked the preferred weight. */
  readonly basisNote: Text;
  readonly value: number | undefined;
  readonly status: RollupStatus;
  readonly contributions: readonly RollupContribution[];
}

/**
 * How a cross-agency integration's far end stands: `resolved` (both ends exist), `missing` (it names an
 * aggregated agency that declares no such entity: `aggregate.unresolved-ref`), `unchecked` (it names an
 * agency outside the aggregation: `aggregate.unknown-agency`).
 */
export type LinkEnd = 'resolved' | 'missing' | 'unchecked';

/** An integration whose two ends belong to different agencies (written `kind:id@code` for the other one). */
export interface CrossAgencyLink {
  readonly integration: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** Agency codes (namespaces); for an agency outside the aggregation, the code the ref names. */
  readonly fromAgency: string;
  readonly toAgency: string;
  readonly channel: string;
  readonly status: string;
  readonly end: LinkEnd;
}

export interface AggregateResult {
  /**
   * All agencies' schema-valid entities, refs namespaced `kind:id@code`, one read-only model; a
   * cross-agency ref that resolves nowhere is an `aggregate.*` conflict, not a model error.
   */
  readonly model: ValidModel;
  readonly agencies: readonly AgencyEntry[];
  /** What the merge itself found (`aggregate.*`), with file and line. */
  readonly conflicts: readonly Diagnostic[];
  /** Every agency's own findings (entities namespaced) plus the conflicts, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** An Organization declared by one agency that is another aggregated agency (same code). */
  readonly aliases: ReadonlyMap<string, string>;
  readonly rollups: readonly KpiRollup[];
  readonly links: readonly CrossAgencyLink[];
  readonly asOf: IsoDate;
}

import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { EntityKind } from '../core/ref.js';
import type { Severity } from '../core/severity.js';
import type { DocPath } from '../core/source.js';
import type { Text } from '../core/text.js';
import type { KpiStatus } from '../analysis/kpis.js';
import type { Model } from '../model/model.js';

/** One side of a comparison: an architecture folder as it was at a git ref, or as it is on disk. */
export interface DiffSide {
  /** What the user typed (`main`, `HEAD~1`, a folder), or the working tree. */
  readonly label: string;
  /** Short commit id when the side is a git ref. */
  readonly commit?: string;
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  readonly asOf: IsoDate;
  /** The architecture folder as files are shown relative to it (for findings without an entity). */
  readonly root: string;
  /** True when YAML, schema or reference errors make the side incomplete. */
  readonly structuralErrors: boolean;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

/** What happened to an entity: field changes use `ChangeKind`; an entity may also keep its content under a new id. */
export type EntityChangeKind = ChangeKind | 'renamed';

/** One field that differs between the two sides of an entity. */
export interface FieldChange {
  readonly path: DocPath;
  /** Field titles from the schema (`x-vi`/`x-en`), joined with " › ". */
  readonly label: Text;
  readonly change: ChangeKind;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Readable values: enum labels, names of referenced entities, có/không, dates. */
  readonly beforeText: Text;
  readonly afterText: Text;
}

/** Where an entity is written on one side. */
export interface Where {
  readonly file: string;
  readonly line: number;
}

export interface EntityChange {
  readonly ref: string;
  readonly kind: EntityKind;
  readonly change: EntityChangeKind;
  /** Renamed only: the ref on the base side (`ref` is the head side's). */
  readonly from?: string;
  readonly name: string;
  /** On the side that has it (head when both do). */
  readonly where: Where;
  /** Field-by-field differences (for `changed`, and for `renamed` apart from the id). */
  readonly fields: readonly FieldChange[];
}

export type BreakingCode =
  | 'removed-referenced'
  | 'renamed-referenced'
  | 'security-level-lowered'
  | 'sharing-withdrawn'
  | 'deadline-past-national'
  | 'national-sync-removed'
  | 'integration-stopped';

export interface BreakingChange {
  readonly code: BreakingCode;
  readonly ref: string;
  readonly title: Text;
  readonly message: Text;
  /** On the head side when the entity is still there, on the base side when it was removed. */
  readonly where: Where;
  readonly side: 'base' | 'head';
}

export interface KpiPoint {
  readonly value: number | undefined;
  readonly date: IsoDate | undefined;
  /** From the analysis layer (`kpiProgress`): achieved, on-track, behind, at-risk, no-data. */
  readonly status: KpiStatus;
  /** The deadline passed without meeting the goal. */
  readonly overdue: boolean;
  /** The KPI's own target, else its national target. */
  readonly target: number | undefined;
  readonly deadline: IsoDate | undefined;
}

export interface KpiMovement {
  readonly ref: string;
  readonly name: string;
  readonly unit: string;
  readonly before: KpiPoint | undefined;
  readonly after: KpiPoint | undefined;
  /** after − before of the latest measurements, when both exist. */
  readonly delta: number | undefined;
  readonly statusChanged: boolean;
}

/** A finding keyed by code + entity + YAML path, so moving lines does not make it "new". */
export interface FindingChange {
  readonly key: string;
  readonly code: string;
  readonly severity: Severity;
  readonly entity: string | undefined;
  readonly path: string;
  readonly message: Text;
  readonly where: Where;
  readonly legalRef: string | undefined;
}

/** A waiver as the configuration of one side holds it (`kientruc.config.yaml`). */
export interface WaiverTerms {
  readonly reason: string;
  readonly approvedBy: string;
  readonly expires: string;
}

/**
 * A finding whose waiver changed between the sides: waived on the head side only (`waived`: newly
 * waived; `wasOpen` tells a finding that was open on the base side from one that is new and waived at
 * once), or waived on the base side only (`lifted`: the waiver expired by the head side's date, or was
 * withdrawn). Neither is fixed nor new: the violation is the same.
 */
export interface WaiverChange extends FindingChange {
  readonly waiver: WaiverTerms;
  /** Newly waived only: the finding was open (unwaived) on the base side. */
  readonly wasOpen?: boolean;
  /** Lifted only: `expired` when the base side's waiver ends before the head side's date, else `withdrawn`. */
  readonly why?: 'expired' | 'withdrawn';
}

export interface SideSummary {
  readonly label: string;
  readonly commit: string | undefined;
  /** The architecture folder read on this side (relative to where the command ran). */
  readonly folder: string;
  readonly agency: string | undefined;
  readonly asOf: IsoDate;
  readonly entities: number;
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
  readonly structuralErrors: boolean;
}

/** One planned step between two states of one model (`kientruc diff --from … --to …`). */
export interface RoadmapStep {
  readonly date: IsoDate;
  /** begin (since), change (transitions[i]) or end (until). */
  readonly kind: 'begin' | 'change' | 'end';
  readonly ref: string;
  readonly name: string;
  /** Fields changed, value before → after as written in the YAML. */
  readonly changes: readonly { readonly field: string; readonly before: unknown; readonly after: unknown }[];
  /** The delivering task of a change; undefined when none is named (a gap). */
  readonly task: string | undefined;
  readonly taskName: string | undefined;
  readonly replacedBy: string | undefined;
  readonly note: string | undefined;
  readonly where: Where;
}

export interface DiffReport {
  readonly version: 1;
  readonly base: SideSummary;
  readonly head: SideSummary;
  readonly breaking: readonly BreakingChange[];
  /** Only when comparing two states of one model: the planned steps between them, in date order. */
  readonly roadmap?: readonly RoadmapStep[];
  readonly entities: {
    readonly added: readonly EntityChange[];
    readonly removed: readonly EntityChange[];
    readonly changed: readonly EntityChange[];
    /** Same kind, same name, (nearly) the same content, new id: see `detectRenames`. */
    readonly renamed: readonly EntityChange[];
  };
  readonly kpis: readonly KpiMovement[];
  readonly findings: {
    readonly introduced: readonly FindingChange[];
    readonly resolved: readonly FindingChange[];
    /** Waived on the head side only: with the head side's waiver. */
    readonly waived: readonly WaiverChange[];
    /** Waived on the base side only: with the base side's waiver, and whether it expired or was withdrawn. */
    readonly unwaived: readonly WaiverChange[];
    readonly unchanged: number;
  };
}

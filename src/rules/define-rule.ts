import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { EntityKind, Ref } from '../core/ref.js';
import type { Severity } from '../core/severity.js';
import type { DocPath } from '../core/source.js';
import type { Text } from '../core/text.js';
import type { Model } from '../model/model.js';
import type { EntityByKind } from '../model/types.js';

export type RuleDomain = 'agency' | 'system' | 'data' | 'integration' | 'kpi' | 'task' | 'service';

/** What a rule is, independent of any run: listed in SARIF, docs and the gap report. */
export interface RuleMeta {
  /** `<domain>.<kebab-name>`, mirrored by the file path `src/rules/<domain>/<name>.ts`. */
  readonly id: string;
  readonly severity: Severity;
  /** One sentence stating the obligation. */
  readonly description: Text;
  /** Longer explanation and how to comply (SARIF help, site). */
  readonly help: Text;
  /** Legal source with article where known: `NĐ 85/2016/NĐ-CP Điều 12`. */
  readonly legalRef: string;
  /**
   * False when the obligation rests on facts the research brief marks unconfirmed ([U]);
   * such a rule never reports above `warning`.
   */
  readonly confirmed: boolean;
}

export interface Finding {
  readonly entity: Ref;
  /** YAML path inside the entity's document; the runner turns it into a range. */
  readonly path?: DocPath;
  readonly part?: 'value' | 'key';
  readonly message: Text;
  readonly fix?: Text;
  /** Per-finding severity (e.g. warning before a legal deadline, error after it). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly model: Model;
  /** The report date ("today" for deadline checks). */
  readonly asOf: IsoDate;
  /**
   * For rules with `phase: 'findings'`: what the model-phase rules reported (waived ones marked).
   * Empty for ordinary rules.
   */
  readonly findings: readonly Diagnostic[];
  report(finding: Finding): void;
}

export interface Rule extends RuleMeta {
  /**
   * `model` (default): reads the model only. `findings`: runs after every model rule and also reads
   * their findings (e.g. "a gap no task addresses").
   */
  readonly phase?: 'model' | 'findings';
  /**
   * A whole-model rule's inputs, declared (read keys of rules/rule-memo.ts: `k:<kind>` the entities of a
   * kind at the report date, `kw:<kind>` those as written, from which every state of the model derives,
   * `agency`). With a memo such a rule runs on the model itself, not through the view that records
   * each read, and runs again only when one of these inputs changed: declare every kind the rule reads,
   * and every kind what it derives reads (a target state and its coverage, the timeline). The pack, the
   * report date and the settings are the memo's own key.
   */
  readonly reads?: readonly string[];
  /**
   * For `phase: 'findings'`: the model-phase rules whose findings it reads, by id. It is given only
   * those, and with a memo it runs again only when the findings of one of them changed.
   */
  readonly findingsOf?: (ruleId: string) => boolean;
  /** Synchronous and pure: reads the model and calls `report`. */
  check(ctx: RuleContext): void;
  /**
   * Set by `defineEntityRule`: the rule judges each entity of one kind on its own. `check` runs `each`
   * for every entity in model order; the incremental runner instead keeps each entity's findings with
   * what that entity's judgement read, and judges again only the entities whose reads changed.
   */
  readonly each?: EachEntity;
  /**
   * Set by `defineFindingsEntityRule` (phase `findings`): the rule groups the findings it reads by
   * entity and judges each entity on its own, from that entity's findings and what it follows from it
   * in the model. The incremental runner keeps each entity's judgement with the findings it was given
   * and what it read, and judges again only the entities whose findings or reads changed.
   */
  readonly eachFinding?: EachFindingEntity;
}

/** What a findings-entity rule is given: the rule context, the entity judged and its findings. */
export interface FindingsEntityContext extends Omit<RuleContext, 'findings'> {
  readonly entity: string;
  readonly findings: readonly Diagnostic[];
}

export interface EachFindingEntity {
  /**
   * The findings the rule judges, by entity: the map's order is the order of the judgements (and of the
   * findings). A finding is grouped under its own `entity`, or left out.
   */
  group(findings: readonly Diagnostic[]): ReadonlyMap<string, readonly Diagnostic[]>;
  /**
   * The order of the groups `group` gives, by entity (when known, the incremental runner patches the
   * groups an edit changes instead of grouping every finding again).
   */
  readonly order?: (a: string, b: string) => number;
  check(ctx: FindingsEntityContext): void;
}

/** What an entity rule is given: the rule context and the entity judged. */
export interface EntityRuleContext<K extends EntityKind> extends Omit<RuleContext, 'findings'> {
  readonly entity: EntityByKind[K];
}

export interface EachEntity {
  readonly kind: EntityKind;
  /**
   * True: the entities of the kind as written (`model.asWritten().all(kind)`, absent ones at the report
   * date included), for a rule that judges each entity over its whole timeline; else those at the report date.
   */
  readonly written?: boolean;
  check(ctx: EntityRuleContext<EntityKind>): void;
}

/** Declares a rule; the runner fills in code, severity, legal reference, file and range. */
export function defineRule(rule: Rule): Rule {
  return Object.freeze({ ...rule });
}

/**
 * Declares a rule that judges each entity of `kind` on its own: its findings for one entity depend on
 * that entity and on what it follows from it (`model.get`, names, indexes), never on the other entities
 * of the kind as a list. The incremental runner then re-judges, after an edit, only the entities whose
 * reads changed. A rule that compares entities with each other (duplicates, coverage) stays a `defineRule`.
 * `written`: the entities of the kind as written (each judged over its timeline, present at the report
 * date or not), in place of those at the report date.
 */
export function defineEntityRule<K extends EntityKind>(
  rule: RuleMeta & { readonly kind: K; readonly written?: boolean; check(ctx: EntityRuleContext<K>): void },
): Rule {
  const { kind, written, check, ...meta } = rule;
  const each: EachEntity = { kind, ...(written ? { written } : {}), check: check as (ctx: EntityRuleContext<EntityKind>) => void };
  return defineRule({
    ...meta,
    each,
    check({ model, asOf, report }) {
      for (const entity of (written ? model.asWritten() : model).all(kind)) each.check({ model, asOf, report, entity });
    },
  });
}

/**
 * Declares a findings-phase rule that judges each entity its findings are about on its own (`group`
 * gives the findings by entity, in judgement order): its findings for one entity depend on that
 * entity's findings and on what it follows from the entity in the model, never on the other entities'
 * findings. `check` judges every group in order; the incremental runner judges again only the entities
 * whose findings or reads changed.
 */
export function defineFindingsEntityRule(
  rule: RuleMeta & { readonly findingsOf?: (ruleId: string) => boolean; group: EachFindingEntity['group']; readonly order?: EachFindingEntity['order']; check(ctx: FindingsEntityContext): void },
): Rule {
  const { group, order, check, findingsOf, ...meta } = rule;
  const eachFinding: EachFindingEntity = { group, ...(order ? { order } : {}), check };
  return defineRule({
    ...meta,
    phase: 'findings',
    ...(findingsOf ? { findingsOf } : {}),
    eachFinding,
    check({ model, asOf, report, findings }) {
      for (const [entity, list] of group(findings)) check({ model, asOf, report, entity, findings: list });
    },
  });
}

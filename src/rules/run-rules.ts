import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Severity } from '../core/severity.js';
import { text } from '../core/text.js';
import type { Model } from '../model/model.js';
import type { Entity } from '../model/types.js';
import { keepIndexes } from '../analysis/indexes.js';
import type { Rule, RuleContext } from './define-rule.js';
import type { Waive } from './waivers.js';
import { ContentKeys, trackingView, type PatchedEntities, type Placement, type RuleMemo } from './rule-memo.js';

export interface RunRulesOptions {
  readonly asOf: IsoDate;
  /** Per-rule severity overrides from configuration. */
  readonly severity?: Readonly<Record<string, Severity>>;
  /** Rules switched off by configuration. */
  readonly disabled?: ReadonlySet<string>;
  /** Marks a finding as waived when a waiver matches it (see `waivers.ts`); identity otherwise. */
  readonly waive?: Waive;
  /**
   * Results of earlier runs over earlier versions of the same architecture: a rule whose reads are
   * unchanged is not run again (same findings, same order). Without it every rule runs.
   */
  readonly memo?: RuleMemo | undefined;
}

export interface RunRulesResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Rules that ran (registry minus disabled), for SARIF and reports. */
  readonly ran: readonly Rule[];
}

function capSeverity(rule: Rule, severity: Severity): Severity {
  return !rule.confirmed && severity === 'error' ? 'warning' : severity;
}

/**
 * Runs every rule against the model: first the rules that read the model, then those that also read
 * their findings. A rule that throws becomes one `internal.rule-crashed` diagnostic naming it, and the
 * others still run.
 */
export function runRules(model: Model, rules: readonly Rule[], opts: RunRulesOptions): RunRulesResult {
  const diagnostics: Diagnostic[] = [];
  const ran: Rule[] = [];
  const active = rules.filter((r) => !opts.disabled?.has(r.id));
  const waive = opts.waive;
  // A rule no waiver names keeps its list of findings as it is: the same list from run to run while the
  // rule's findings are taken from the memo, which a findings rule's patch then skips at once.
  const waived = (rule: Rule, found: readonly Diagnostic[]): readonly Diagnostic[] =>
    waive === undefined || (waive.rules !== undefined && !waive.rules.has(rule.id)) ? found : found.map(waive);
  let findings: readonly Diagnostic[] = [];
  const memo = opts.memo;
  const place = (p: Placement) => model.locate(p.entity, p.path, p.part);
  // The findings of each model-phase rule, waivers applied (what a findings-phase rule reads).
  const byRule = new Map<string, readonly Diagnostic[]>();
  // The analysis indexes patched from the last model's, even when no rule of this run asks for them.
  if (memo) keepIndexes(model);
  memo?.begin(JSON.stringify([opts.asOf, model.stateDate() ?? null, opts.severity ?? {}, [...(opts.disabled ?? [])].sort(), model.pack.id, model.root]));
  // Keys of the last run that the edit cannot have changed are taken as they were (rule-memo.ts `changedReads`).
  const carried = memo?.carriedKeys(model);
  // After an edit, only the memo entries whose reads it may have changed are checked (read-index.ts).
  memo?.prepare(carried?.stale);
  const keys = memo ? new ContentKeys(model, (ruleId) => (ruleId === undefined ? findings : byRule.get(ruleId) ?? []), memo.contentKeys, carried, memo.findingsKeys) : undefined;
  for (const phase of ['model', 'findings'] as const) {
    const produced: Diagnostic[] = [];
    for (const rule of active) {
      if ((rule.phase ?? 'model') !== phase) continue;
      ran.push(rule);
      // A findings rule is given the findings of the rules it reads (`findingsOf`), or all of them.
      const from = phase === 'findings' ? [...byRule.keys()].filter((id) => rule.findingsOf?.(id) ?? true) : [];
      const flat = (): Diagnostic[] => from.flatMap((id) => byRule.get(id) as readonly Diagnostic[]).filter((d) => d.code !== 'internal.rule-crashed');
      // A findings-entity rule after an edit compares the findings rule by rule: it flattens them only when judged in full.
      const patchable = memo !== undefined && memo.traced && rule.eachFinding !== undefined && phase === 'findings';
      findings = patchable ? [] : flat();
      let found = memo && keys && !rule.each && !rule.eachFinding ? memo.lookup(rule.id, keys, place) : undefined;
      if (found && memo) memo.lastRun.reused++;
      else if (memo && keys && rule.each && phase === 'model') found = runEach(model, rule, opts, memo, keys, place);
      else if (memo && keys && rule.eachFinding && phase === 'findings') found = runEachFinding(model, rule, opts, memo, keys, place, patchable ? flat : () => findings, new Map(from.map((id) => [id, byRule.get(id) as readonly Diagnostic[]])));
      else if (memo && keys) {
        const reads = new Map<string, string>();
        // The findings read: those of each rule read, keyed rule by rule (`f:<rule>`), or all of them.
        if (phase === 'findings' && rule.findingsOf) for (const id of from) reads.set(`f:${id}`, keys.of(`f:${id}`));
        else if (phase === 'findings') reads.set('findings', keys.of('findings'));
        const placements: Placement[] = [];
        if (rule.reads) {
          // Declared inputs: the rule runs on the model itself, and is kept with the keys of those inputs.
          found = runOne(model, rule, opts, findings, model, placements);
          for (const read of rule.reads) reads.set(read, keys.of(read));
        } else found = runOne(trackingView(model, keys, reads), rule, opts, findings, model, placements);
        memo.lastRun.ran++;
        if (!found.some((d) => d.code === 'internal.rule-crashed')) found = memo.store(rule.id, reads, found, placements, keys);
        else memo.forget(rule.id);
      } else found = runOne(model, rule, opts, findings, model);
      const out = waived(rule, found);
      if (phase === 'model') byRule.set(rule.id, out);
      for (const d of out) produced.push(d);
    }
    diagnostics.push(...produced);
  }
  findings = [];
  if (memo && keys) memo.endRun(keys);
  ran.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { diagnostics, ran };
}

/**
 * An entity rule (`defineEntityRule`) with a memo: each entity of its kind, in model order, is judged
 * again only when what its judgement read changed; the others' findings are taken from the memo. The
 * findings are those of `rule.check` over the whole kind, in the same order; when one entity's
 * judgement throws, the rule's result is the one crash finding, as in a whole run.
 */
function runEach(model: Model, rule: Rule, opts: RunRulesOptions, memo: RuleMemo, keys: ContentKeys, place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>): readonly Diagnostic[] {
  const each = rule.each;
  if (!each) throw new Error(`${rule.id} is not an entity rule`);
  // The entities judged: those of the kind at the report date, or as written (`written`).
  const listed = each.written ? model.asWritten() : model;
  const judge = (entity: Entity): { reads: Map<string, string>; found: Diagnostic[]; placements: Placement[] } => {
    // The entity itself is a read of its judgement (its content and its validity).
    const reads = new Map<string, string>([[`e:${entity.ref}`, keys.of(`e:${entity.ref}`)]]);
    const placements: Placement[] = [];
    const found = runOne(trackingView(model, keys, reads), rule, opts, [], model, placements, (ctx) => each.check({ model: ctx.model, asOf: ctx.asOf, report: ctx.report, entity }));
    return { reads, found, placements };
  };
  if (memo.traced) {
    // After an edit: the rule's table patched where the edit reaches it (only the affected entries visited).
    const patched = takePatched(memo, memo.patchEntities(rule.id, each.kind, listed, keys, place, (ref) => judge(listed.get(ref) as Entity)));
    if (patched) return patched;
  }
  // Nothing any entity's judgement read changed, nor the list of the kind: every finding as it was
  // (one check of the union of the entities' reads).
  const all = memo.traced ? undefined : memo.lookupAllEntities(rule.id, keys, place);
  if (all) {
    memo.keepOut(rule.id, all);
    memo.lastRun.reused++;
    return all;
  }
  const out: Diagnostic[] = [];
  let judged = 0;
  const { old, next } = memo.beginEntities(rule.id);
  const entities = listed.all(each.kind);
  for (const entity of entities) {
    const kept = memo.lookupEntity(rule.id, old, next, entity.ref, keys, place);
    if (kept) {
      for (const d of kept) out.push(d);
      continue;
    }
    judged++;
    const { reads, found, placements } = judge(entity);
    if (found.some((d) => d.code === 'internal.rule-crashed')) {
      memo.forgetEntities(rule.id);
      memo.lastRun.ran++;
      return found;
    }
    memo.storeEntity(next, entity.ref, reads, found, placements, keys);
    for (const d of found) out.push(d);
  }
  memo.endEntities(rule.id, old, next, judged);
  if (!memo.traced) memo.storeAllEntities(rule.id, `${each.written ? 'kw' : 'k'}:${each.kind}`, next, entities.length, keys);
  memo.keepOut(rule.id, out);
  memo.lastRun.judged += judged;
  if (judged > 0) memo.lastRun.ran++;
  else memo.lastRun.reused++;
  return out;
}

/**
 * The findings of a rule whose table was patched in place after an edit (`patchEntities`,
 * `patchFindingEntities`), counted in the memo's `lastRun`; undefined when it could not be patched.
 */
function takePatched(memo: RuleMemo, patched: PatchedEntities | undefined): readonly Diagnostic[] | undefined {
  if (!patched) return undefined;
  if ('crashed' in patched) {
    memo.lastRun.ran++;
    return patched.crashed;
  }
  memo.lastRun.patched++;
  memo.lastRun.judged += patched.judged;
  if (patched.judged > 0) memo.lastRun.ran++;
  else memo.lastRun.reused++;
  return patched.out;
}

/**
 * A findings-entity rule (`defineFindingsEntityRule`) with a memo: the findings it reads are grouped by
 * entity, and each entity is judged again only when its group of findings (what they say, in order) or
 * what its judgement read in the model changed; the others' findings are taken from the memo. The
 * findings are those of `rule.check` over every group, in the same order; when one judgement throws,
 * the rule's result is the one crash finding, as in a whole run.
 */
function runEachFinding(
  model: Model,
  rule: Rule,
  opts: RunRulesOptions,
  memo: RuleMemo,
  keys: ContentKeys,
  place: (p: Placement) => Pick<Diagnostic, 'file' | 'range'>,
  findings: () => readonly Diagnostic[],
  lists: ReadonlyMap<string, readonly Diagnostic[]>,
): readonly Diagnostic[] {
  const each = rule.eachFinding;
  if (!each) throw new Error(`${rule.id} is not a findings-entity rule`);
  const judge = (entity: string, list: readonly Diagnostic[]): { reads: Map<string, string>; found: Diagnostic[]; placements: Placement[] } => {
    // The group is a read of the judgement, keyed by what its findings say (`g:` reads are never carried).
    const group = `g:${rule.id}:${entity}`;
    const reads = new Map<string, string>([[group, keys.of(group)]]);
    const placements: Placement[] = [];
    const found = runOne(trackingView(model, keys, reads), rule, opts, [], model, placements, (ctx) => each.check({ model: ctx.model, asOf: ctx.asOf, report: ctx.report, entity, findings: list }));
    return { reads, found, placements };
  };
  if (memo.traced) {
    // After an edit: only the entities whose findings differ, and the entries the edit affects, looked at.
    const patched = takePatched(memo, memo.patchFindingEntities(rule.id, lists, each, keys, place, judge));
    if (patched) return patched;
  }
  const out: Diagnostic[] = [];
  let judged = 0;
  const { old, next } = memo.beginEntities(rule.id);
  const groups = each.group(findings());
  for (const [entity, list] of groups) {
    // The group is a read of the judgement, keyed by what its findings say (`g:` reads are never carried).
    const group = `g:${rule.id}:${entity}`;
    const key = memo.groupKey(group, list);
    keys.put(group, key);
    const kept = memo.lookupGroup(rule.id, old, next, entity, group, key, keys, place);
    if (kept) {
      for (const d of kept) out.push(d);
      continue;
    }
    judged++;
    const { reads, found, placements } = judge(entity, list);
    if (found.some((d) => d.code === 'internal.rule-crashed')) {
      memo.forgetEntities(rule.id);
      memo.lastRun.ran++;
      return found;
    }
    memo.storeEntity(next, entity, reads, found, placements, keys);
    for (const d of found) out.push(d);
  }
  memo.endEntities(rule.id, old, next, judged);
  memo.keepInputs(rule.id, lists, groups);
  memo.keepOut(rule.id, out);
  memo.lastRun.judged += judged;
  if (judged > 0) memo.lastRun.ran++;
  else memo.lastRun.reused++;
  return out;
}

/**
 * Runs one rule (reading `model`, maybe a recording view) and places its findings with `locator` (the
 * real model: placing is not a read of the rule). Findings come back before waivers; `placements`, when
 * given, receives where each was placed. `judge` replaces the rule's `check` (one entity of an entity rule).
 */
function runOne(
  model: Model,
  rule: Rule,
  opts: RunRulesOptions,
  findings: readonly Diagnostic[],
  locator: Model,
  placements?: Placement[],
  judge: (ctx: RuleContext) => void = (ctx) => rule.check(ctx),
): Diagnostic[] {
  const override = opts.severity?.[rule.id];
  const found: Diagnostic[] = [];
  try {
    judge({
      model,
      asOf: opts.asOf,
      findings,
      report(f) {
        const loc = locator.locate(f.entity, f.path ?? [], f.part ?? 'value');
        placements?.push({ entity: f.entity, path: f.path ?? [], part: f.part ?? 'value' });
        const severity = capSeverity(rule, override ?? f.severity ?? rule.severity);
        // `fix` last, set only when given (no object spread per finding): the same keys in the same order.
        const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
          code: rule.id,
          severity,
          message: f.message,
          file: loc.file,
          range: loc.range,
          entity: f.entity,
          path: f.path ?? [],
          legalRef: rule.legalRef,
        };
        if (f.fix) d.fix = f.fix;
        found.push(d);
      },
    });
    return found;
  } catch (err: unknown) {
    const msg = err instanceof Error ? err.message : String(err);
    const file = model.agency?.origin.file ?? model.root;
    return [
      {
        code: 'internal.rule-crashed',
        severity: 'error',
        message: text(`Quy tắc ${rule.id} gặp lỗi nội bộ: ${msg}`, `Rule ${rule.id} crashed: ${msg}`),
        file,
        range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } },
        path: [],
        fix: text('Đây là lỗi của kientruc; vui lòng báo lỗi kèm tệp YAML gây ra.', 'This is a kientruc bug; please report it with the YAML that triggers it.'),
      },
    ];
  }
}

/**
 * The judgement shared by the rules on facts declared "chưa xác định" (system, dataset, service, and
 * the agency rule): one finding per unknown fact, at its path. Each rule words the fix: by default,
 * establishing the fact or a task that addresses the entity; the agency rule names the QCVN 102 code.
 */
import { fieldLabel } from '../analysis/field-labels.js';
import { entityTitle } from '../analysis/names.js';
import { unknownFacts } from '../analysis/unknowns.js';
import type { Entity } from '../model/types.js';
import type { Model } from '../model/model.js';
import { text, type Text } from '../core/text.js';
import type { EntityRuleContext, RuleContext } from './define-rule.js';

/** One finding per fact of `entity` declared "chưa xác định", with `fixFor(field)` as its fix. */
export function reportUnknownFactsOf(model: Model, report: RuleContext['report'], entity: Entity, fixFor: (field: string) => Text): void {
  const facts = unknownFacts(entity);
  if (facts.length === 0) return;
  const name = entityTitle(model, entity.ref);
  for (const fact of facts) {
    // The reader's name for the fact in the message; the YAML field stays in the fix.
    const label = fieldLabel(entity.entityKind, fact.field);
    report({
      entity: entity.ref,
      path: fact.path,
      message: text(`${name.vi}: ${label.vi} chưa xác định.`, `${name.en}: ${label.en} is not yet known.`),
      fix: fixFor(fact.field),
    });
  }
}

export function reportUnknownFacts({ model, report, entity }: EntityRuleContext<'system' | 'dataset' | 'service'>): void {
  reportUnknownFactsOf(model, report, entity, (field) =>
    text(`Xác định và ghi giá trị cho "${field}", hoặc giao nhiệm vụ có "addresses: [${entity.ref}]".`, `Establish "${field}", or add a task with "addresses: [${entity.ref}]".`),
  );
}

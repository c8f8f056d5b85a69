/**
 * The judgement shared by the entity rules on facts declared "chưa xác định" (system, dataset,
 * service): one finding per unknown fact, fixed by establishing it or by a task that addresses the
 * entity. The agency rule words its fix differently (the QCVN 102 code) and keeps its own loop.
 */
import { entityTitle } from '../analysis/names.js';
import { unknownFacts } from '../analysis/unknowns.js';
import { text } from '../core/text.js';
import type { EntityRuleContext } from './define-rule.js';

export function reportUnknownFacts({ model, report, entity }: EntityRuleContext<'system' | 'dataset' | 'service'>): void {
  for (const fact of unknownFacts(entity)) {
    const name = entityTitle(model, entity.ref);
    report({
      entity: entity.ref,
      path: fact.path,
      message: text(`${name.vi}: "${fact.field}" chưa xác định.`, `${name.en}: "${fact.field}" is not yet known.`),
      fix: text(`Xác định và ghi giá trị cho "${fact.field}", hoặc giao nhiệm vụ có "addresses: [${entity.ref}]".`, `Establish "${fact.field}", or add a task with "addresses: [${entity.ref}]".`),
    });
  }
}

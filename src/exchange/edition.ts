/**
 * What an export may describe, by audience. The public edition follows the public edition of the
 * data strategy (src/render/strategy): it lists systems (name, owner, operator, lifecycle status,
 * layer), the shared and open datasets (name, owner, sharing class, sync status), and counts the
 * integrations without naming them. Security levels, hosting, addresses, the integration topology,
 * restricted and state-secret datasets, descriptions and internal notes are withheld.
 */
import type { Model } from '../model/model.js';
import type { Dataset, Integration, System } from '../model/types.js';
import { isPublishable } from '../render/strategy/context.js';

export type Audience = 'internal' | 'public';

export interface Edition {
  readonly audience: Audience;
  readonly isPublic: boolean;
  readonly systems: readonly System[];
  readonly datasets: readonly Dataset[];
  /** Integrations an edition shows one by one: none in public. */
  readonly integrations: readonly Integration[];
}

/** A dataset the public edition shows: shared or open, and not holding state secrets. */
export function isPublicDataset(d: Dataset): boolean {
  return isPublishable(d) && d.stateSecret !== true;
}

export function editionOf(model: Model, audience: Audience): Edition {
  const isPublic = audience === 'public';
  return {
    audience,
    isPublic,
    systems: model.all('system'),
    datasets: isPublic ? model.all('dataset').filter(isPublicDataset) : model.all('dataset'),
    integrations: isPublic ? [] : model.all('integration'),
  };
}

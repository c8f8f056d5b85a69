import { isStructuralError, type Diagnostic } from '../core/diagnostic.js';
import type { Model } from './model.js';

declare const VALID: unique symbol;

/**
 * A model that passed every structural check: each document parsed, each entity passed its schema
 * (so every field has the type the schema promises), ids are unique and references resolve. Only
 * `certifyModel` makes one, and every renderer takes one, so no renderer can be handed a model
 * that still holds a `shortName: []`.
 */
export type ValidModel = Model & { readonly [VALID]: true };

/**
 * The model as a `ValidModel` when none of `diagnostics` (those of the stages that loaded, validated
 * and built it) is a structural error and every declared entity passed its schema; otherwise undefined.
 */
export function certifyModel(model: Model, diagnostics: readonly Diagnostic[]): ValidModel | undefined {
  if (model.hasInvalidEntities || diagnostics.some(isStructuralError)) return undefined;
  return model as ValidModel;
}

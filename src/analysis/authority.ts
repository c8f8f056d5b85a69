import type { Model } from '../model/model.js';
import { ancestorsOf } from './endpoints.js';

/**
 * Which bodies the issuing agency can assign duties to ("giao nhiệm vụ") in its own decision, and which
 * it can only ask to cooperate ("Đề nghị … phối hợp"): a body of another level or outside its line of
 * management is not directed by the agency's decision.
 */

/** Levels of the bodies an agency of each level directs when their `parent` is not written. */
const SUBORDINATE_LEVELS: Readonly<Record<string, ReadonlySet<string>>> = {
  central: new Set(['department', 'unit']),
  ministry: new Set(['department', 'unit']),
  province: new Set(['department', 'commune', 'unit']),
  department: new Set(['unit']),
  commune: new Set(['unit']),
  unit: new Set(['unit']),
  deconcentrated: new Set(['unit']),
};

/** Party bodies, the Fatherland Front, mass organisations and enterprises are not part of a state agency's administration. */
const OUTSIDE_TYPES: ReadonlySet<string> = new Set(['party', 'fatherland-front', 'socio-political', 'state-enterprise', 'vendor']);

/**
 * True when `orgRef` is the issuing agency or a body under it: its line of `parent` bodies reaches the
 * agency; or, for a body whose `parent` is not written, a state body at a level the agency directs (a
 * province's sở, xã and units; a commune's units). False for central bodies and their local offices
 * (`level: deconcentrated`, a parent in the framework pack such as org:bo-cong-an), bodies of a higher
 * or the same level (a commune's provincial sở, another commune), party bodies, the Fatherland Front,
 * mass organisations and enterprises.
 */
export function isUnderAgency(model: Model, orgRef: string): boolean {
  const agency = model.agency?.ref;
  if (agency === undefined) return true;
  const line = [orgRef, ...ancestorsOf(model, orgRef)];
  if (line.includes(agency)) return true;
  const top = model.get(line[line.length - 1] as string);
  // The line ends at a body this model does not declare (a central body of the pack, or a dangling ref).
  if (!top || top.entityKind !== 'org' || top.parent !== undefined) return false;
  if (top.type !== undefined && OUTSIDE_TYPES.has(top.type)) return false;
  return SUBORDINATE_LEVELS[model.agency?.level ?? '']?.has(top.level) ?? false;
}

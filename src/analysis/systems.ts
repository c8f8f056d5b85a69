import { text, type Text } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { Dataset, System } from '../model/types.js';
import { datasetsOn } from './indexes.js';

/** Systems being built or in operation: the security-level obligation applies (NĐ 85/2016). */
export const SECURITY_SCOPE: ReadonlySet<string> = new Set(['building', 'operating', 'upgrading']);

/** Systems that run today (incident-response and recovery plans apply). */
export const IN_SERVICE: ReadonlySet<string> = new Set(['operating', 'upgrading']);

export function isInService(s: System): boolean {
  return IN_SERVICE.has(s.status);
}

export function isInSecurityScope(s: System): boolean {
  return SECURITY_SCOPE.has(s.status);
}

/** True when the level is set, the dossier approved and the approving decision recorded. */
export function hasApprovedSecurityLevel(s: System): boolean {
  return s.security?.level !== undefined && s.security.dossier === 'approved' && s.security.decision !== undefined;
}

/** An approved dossier whose decision (number, date) is not recorded: not counted as approved (`hasApprovedSecurityLevel`). */
export function isApprovedWithoutDecision(s: System): boolean {
  return s.security?.dossier === 'approved' && s.security.decision === undefined;
}

/**
 * The state of a system's level dossier in words, by the one definition of an approved level
 * (`hasApprovedSecurityLevel`), so no document calls approved what another does not count: "hồ sơ: đã
 * phê duyệt" only with the decision recorded; "hồ sơ: đã phê duyệt, chưa có số quyết định" without it.
 * Null when neither a dossier state nor a decision is declared.
 */
export function securityDossierText(model: Model, s: System): Text | null {
  const dossier = s.security?.dossier;
  const decision = s.security?.decision;
  if (isApprovedWithoutDecision(s)) return text('hồ sơ: đã phê duyệt, chưa có số quyết định', 'dossier: approved, no decision number');
  if (dossier === undefined) return decision ? text('có quyết định phê duyệt, chưa khai báo tình trạng hồ sơ', 'approval decision recorded, dossier state not declared') : null;
  return text(
    `hồ sơ: ${enumLabel(model.pack, 'dossierStatus', dossier).toLocaleLowerCase('vi')}`,
    `dossier: ${enumLabel(model.pack, 'dossierStatus', dossier, 'en').toLowerCase()}`,
  );
}

/** Datasets whose `system` is this one. */
export function datasetsHostedOn(model: Model, s: System): readonly Dataset[] {
  return datasetsOn(model, s.ref);
}

/**
 * Why a system handles personal or state-secret information: its declared information classes, or a
 * dataset it hosts. Empty when it does not.
 */
export function sensitiveInfoReasons(model: Model, s: System): { readonly personal: readonly string[]; readonly secret: readonly string[] } {
  const personal: string[] = [];
  const secret: string[] = [];
  if (s.infoClasses?.includes('personal')) personal.push('infoClasses');
  if (s.infoClasses?.includes('state-secret')) secret.push('infoClasses');
  for (const d of datasetsOn(model, s.ref)) {
    if (d.personalData === 'basic' || d.personalData === 'sensitive') personal.push(d.ref);
    if (d.stateSecret === true) secret.push(d.ref);
  }
  return { personal, secret };
}

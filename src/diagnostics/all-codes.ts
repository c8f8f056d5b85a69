import { ALL_RULE_METAS } from '../rules/index.js';
import { BUILTIN_CODES } from './codes.js';
import type { CodeInfo } from './format/context.js';

/** Every registered rule and built-in diagnostic code, with its description and legal source (what SARIF lists). */
export function allCodeInfos(): CodeInfo[] {
  return [
    ...ALL_RULE_METAS.map((r) => ({ id: r.id, severity: r.severity, description: r.description, help: r.help, legalRef: r.legalRef })),
    ...BUILTIN_CODES,
  ];
}

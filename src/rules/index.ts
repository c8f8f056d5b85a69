// The rule registry, sorted by id. Adding a rule = one file + one import + one line here + one test file.
import { dataPersonalDataCategory } from './data/personal-data-category.js';
import type { Rule } from './define-rule.js';
import { systemSecurityLevel } from './system/security-level.js';

export const RULES = [dataPersonalDataCategory, systemSecurityLevel] as const satisfies readonly Rule[];

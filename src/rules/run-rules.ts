import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Severity } from '../core/severity.js';
import { text } from '../core/text.js';
import type { Model } from '../model/model.js';
import type { Rule } from './define-rule.js';

export interface RunRulesOptions {
  readonly asOf: IsoDate;
  /** Per-rule severity overrides from configuration. */
  readonly severity?: Readonly<Record<string, Severity>>;
  /** Rules switched off by configuration. */
  readonly disabled?: ReadonlySet<string>;
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
 * Runs every rule against the model. A rule that throws becomes one `internal.rule-crashed`
 * diagnostic naming it, and the others still run.
 */
export function runRules(model: Model, rules: readonly Rule[], opts: RunRulesOptions): RunRulesResult {
  const diagnostics: Diagnostic[] = [];
  const ran: Rule[] = [];
  for (const rule of rules) {
    if (opts.disabled?.has(rule.id)) continue;
    ran.push(rule);
    const override = opts.severity?.[rule.id];
    const found: Diagnostic[] = [];
    try {
      rule.check({
        model,
        asOf: opts.asOf,
        report(f) {
          const loc = model.locate(f.entity, f.path ?? [], f.part ?? 'value');
          const severity = capSeverity(rule, override ?? f.severity ?? rule.severity);
          found.push({
            code: rule.id,
            severity,
            message: f.message,
            file: loc.file,
            range: loc.range,
            entity: f.entity,
            path: f.path ?? [],
            legalRef: rule.legalRef,
            ...(f.fix ? { fix: f.fix } : {}),
          });
        },
      });
      diagnostics.push(...found);
    } catch (err: unknown) {
      const msg = err instanceof Error ? err.message : String(err);
      const file = model.agency?.origin.file ?? model.root;
      diagnostics.push({
        code: 'internal.rule-crashed',
        severity: 'error',
        message: text(`Quy tắc ${rule.id} gặp lỗi nội bộ: ${msg}`, `Rule ${rule.id} crashed: ${msg}`),
        file,
        range: { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } },
        path: [],
        fix: text('Đây là lỗi của kientruc; vui lòng báo lỗi kèm tệp YAML gây ra.', 'This is a kientruc bug; please report it with the YAML that triggers it.'),
      });
    }
  }
  return { diagnostics, ran };
}

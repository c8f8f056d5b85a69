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
  /** Marks a finding as waived when a waiver matches it (see `waivers.ts`); identity otherwise. */
  readonly waive?: (d: Diagnostic) => Diagnostic;
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
  const waive = opts.waive ?? ((d: Diagnostic) => d);
  for (const phase of ['model', 'findings'] as const) {
    const findings: readonly Diagnostic[] = phase === 'findings' ? diagnostics.filter((d) => d.code !== 'internal.rule-crashed') : [];
    const produced: Diagnostic[] = [];
    for (const rule of active) {
      if ((rule.phase ?? 'model') !== phase) continue;
      ran.push(rule);
      produced.push(...runOne(model, rule, opts, findings, waive));
    }
    diagnostics.push(...produced);
  }
  ran.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { diagnostics, ran };
}

function runOne(model: Model, rule: Rule, opts: RunRulesOptions, findings: readonly Diagnostic[], waive: (d: Diagnostic) => Diagnostic): Diagnostic[] {
  const override = opts.severity?.[rule.id];
  const found: Diagnostic[] = [];
  try {
    rule.check({
      model,
      asOf: opts.asOf,
      findings,
      report(f) {
        const loc = model.locate(f.entity, f.path ?? [], f.part ?? 'value');
        const severity = capSeverity(rule, override ?? f.severity ?? rule.severity);
        found.push(
          waive({
            code: rule.id,
            severity,
            message: f.message,
            file: loc.file,
            range: loc.range,
            entity: f.entity,
            path: f.path ?? [],
            legalRef: rule.legalRef,
            ...(f.fix ? { fix: f.fix } : {}),
          }),
        );
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

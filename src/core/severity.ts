export type Severity = 'error' | 'warning' | 'info';
export type FailOn = Severity | 'none';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Higher is more severe. */
export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when a finding of `severity` fails a run with `--fail-on failOn`. */
export function isAtLeast(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] >= RANK[failOn];
}

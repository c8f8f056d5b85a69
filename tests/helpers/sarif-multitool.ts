import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { makeTempDir } from './tmp.js';

export interface SarifValidation {
  /** `file(line,col): level CODE: message` for every error and warning the validator reports. */
  readonly problems: readonly string[];
  readonly notes: number;
}

/** Path of the Microsoft SARIF Multitool binary for this platform (npm @microsoft/sarif-multitool). */
export function sarifMultitool(): string {
  const require = createRequire(import.meta.url);
  const bin = require('@microsoft/sarif-multitool') as string;
  accessSync(bin, constants.X_OK);
  return bin;
}

/** Runs the official SARIF validator (`Sarif.Multitool validate`) on a SARIF log. */
export function validateSarif(log: string): SarifValidation {
  const dir = makeTempDir('sarif-');
  try {
    const input = join(dir, 'kientruc.sarif');
    const output = join(dir, 'validation.sarif');
    writeFileSync(input, log);
    const r = spawnSync(sarifMultitool(), ['validate', input, '--output', output, '--level', 'Error;Warning;Note', '--quiet'], {
      encoding: 'utf8',
      timeout: 600_000,
      // Invariant globalization: the validator then needs no libicu on the machine.
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    });
    if (r.error) throw r.error;
    const result = JSON.parse(readFileSync(output, 'utf8')) as {
      runs: { results?: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] }; locations?: { physicalLocation?: { region?: { startLine?: number; startColumn?: number } } }[] }[]; invocations?: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[] }[];
    };
    const run = result.runs[0]!;
    const failed = run.invocations?.some((i) => !i.executionSuccessful) ?? false;
    const problems: string[] = [];
    let notes = 0;
    for (const res of run.results ?? []) {
      const level = res.level ?? 'warning';
      if (level === 'note' || level === 'none') {
        notes++;
        continue;
      }
      const region = res.locations?.[0]?.physicalLocation?.region;
      problems.push(`(${region?.startLine ?? 0},${region?.startColumn ?? 0}): ${level} ${res.ruleId}: ${res.message.text ?? (res.message.arguments ?? []).join(' | ')}`);
    }
    if (failed) problems.push(...(run.invocations ?? []).flatMap((i) => (i.toolExecutionNotifications ?? []).map((n) => `tool: ${n.message.text}`)));
    return { problems, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The SARIF 2.1.0 JSON Schema shipped with the multitool (the OASIS schema the validator embeds). */
export function sarifSchemaPath(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('@microsoft/sarif-multitool-linux/package.json', { paths: [require.resolve('@microsoft/sarif-multitool')] }), '..', 'sarif-2.1.0.json');
}

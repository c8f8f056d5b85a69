import { resolve } from 'node:path';
import { parsePeriod, viShortDate, type IsoDate, type Period } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { text } from '../../core/text.js';
import { lowerFirst } from '../../analysis/names.js';
import { displayPath } from '../../load/discover.js';
import type { GeneratedFile } from '../../render/types.js';
import { writeGenerated, type OutputDir } from '../../write/write-generated.js';
import type { App } from '../app.js';

/**
 * `--format md,pdf` → ['md', 'pdf'] in `allowed`'s order (names in any case); an unknown name, or none,
 * is a usage error naming the choices. For the report commands (gap, report).
 */
export function parseFormatList<T extends string>(value: string, allowed: readonly T[]): T[] {
  const list = value.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(allowed as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new UserError(
      text(
        `--format "${value}": dùng một hoặc nhiều trong ${allowed.join(', ')}, cách nhau bằng dấu phẩy.`,
        `--format "${value}": use one or more of ${allowed.join(', ')}, separated by commas.`,
      ),
    );
  }
  return allowed.filter((f) => list.includes(f));
}

/** `--period`: undefined when not given; a value that names no period is a usage error (report, doc). */
export function parsePeriodOption(value: string | undefined): Period | undefined {
  if (value === undefined) return undefined;
  const period = parsePeriod(value);
  if (!period) throw new UserError(text(`--period "${value}" không hợp lệ: dùng 2025, 2025-H1, 2025-Q4 hoặc 2025-03.`, `--period "${value}" is not valid: use 2025, 2025-H1, 2025-Q4 or 2025-03.`));
  return period;
}

/**
 * A report period must have started by the data date: a report for a period with no day of data would
 * print zeros as results ("0 kết nối có giao dịch thành công"). A usage error naming the period, the
 * data date and the way out. `source` names where the period came from (`--period`, or agency.yaml).
 */
export function assertPeriodStarted(period: Period, asOf: IsoDate, source = '--period'): void {
  if (period.start <= asOf) return;
  throw new UserError(
    text(
      `${source} ${period.id}: ${lowerFirst(period.labelVi)} bắt đầu ngày ${viShortDate(period.start)}, sau ngày chốt số liệu ${viShortDate(asOf)}, nên chưa có số liệu để báo cáo; chọn kỳ sớm hơn (--period) hoặc ngày chốt số liệu trong kỳ (--as-of).`,
      `${source} ${period.id}: ${period.labelEn} starts on ${period.start}, after the data date ${asOf}, so there are no data to report; choose an earlier period (--period) or a data date within it (--as-of).`,
    ),
  );
}

/**
 * The period a report covers, checked against the data date: refused when it has not started
 * (`assertPeriodStarted`), a warning when it has not ended (the figures stop at that date).
 */
export function checkReportPeriod(app: App, period: Period, asOf: IsoDate, source: string): void {
  assertPeriodStarted(period, asOf, source);
  if (period.end <= asOf) return;
  app.log.warn(
    app.lang === 'en'
      ? `${period.labelEn} has not ended by the data date ${asOf}: the report holds data up to that day only.`
      : `${period.labelVi} chưa kết thúc ở ngày số liệu ${viShortDate(asOf)}: báo cáo chỉ có số liệu đến ngày đó.`,
  );
}

/** Adds the files to the output folder (other files there stay) and lists them on stderr. */
export async function writeReportFiles(app: App, out: OutputDir, files: readonly GeneratedFile[]): Promise<void> {
  await writeGenerated(out, files, 'merge');
  const shown = displayPath(app.io.cwd, resolve(app.io.cwd, out.shown));
  for (const f of files) app.log.info(`✓ ${shown}/${f.path}`);
}

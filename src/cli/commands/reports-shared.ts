import { resolve } from 'node:path';
import { parsePeriod, type Period } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { text } from '../../core/text.js';
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

/** Adds the files to the output folder (other files there stay) and lists them on stderr. */
export async function writeReportFiles(app: App, out: OutputDir, files: readonly GeneratedFile[]): Promise<void> {
  await writeGenerated(out, files, 'merge');
  const shown = displayPath(app.io.cwd, resolve(app.io.cwd, out.shown));
  for (const f of files) app.log.info(`✓ ${shown}/${f.path}`);
}

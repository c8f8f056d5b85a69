import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { text } from '../../core/text.js';
import { displayPath } from '../../load/discover.js';
import { REPORT_FORMATS, type ReportFormat } from '../../render/gap/gap-report.js';
import type { GeneratedFile } from '../../render/types.js';
import { writeGenerated, type OutputDir } from '../../write/write-generated.js';
import type { App } from '../app.js';

/** `md,html` → ['md', 'html']; an unknown name is a usage error. */
export function parseFormats(value: string): ReportFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) {
    throw new UserError(
      text(
        `--format "${value}": dùng một hoặc nhiều trong ${REPORT_FORMATS.join(', ')}, cách nhau bằng dấu phẩy.`,
        `--format "${value}": use one or more of ${REPORT_FORMATS.join(', ')}, separated by commas.`,
      ),
    );
  }
  return REPORT_FORMATS.filter((f) => list.includes(f));
}

/** Adds the files to the output folder (other files there stay) and lists them on stderr. */
export async function writeReportFiles(app: App, out: OutputDir, files: readonly GeneratedFile[]): Promise<void> {
  await writeGenerated(out, files, 'merge');
  const shown = displayPath(app.io.cwd, resolve(app.io.cwd, out.shown));
  for (const f of files) app.log.info(`✓ ${shown}/${f.path}`);
}

import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { isStructural } from '../../diagnostics/codes.js';
import { EXPORT_FORMATS } from '../../exchange/formats.js';
import { displayPath } from '../../load/discover.js';
import { writeGenerated } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { formatDiagnostics } from '../output.js';
import { addForceOption, addInputOptions, claimOutputFor, DEFAULT_ROOT, loadForCommand, type InputOptions } from './shared.js';

interface ExportCliOptions extends InputOptions {
  format: string;
  audience?: 'internal' | 'public';
  public?: boolean;
  out: string;
  force?: boolean;
  baseUri?: string;
}

/** Where exports go unless `--out` says otherwise: beside generated/, never inside it (build replaces that folder). */
export const DEFAULT_EXPORT_OUT = 'exports';

/** `--base-uri` must be an absolute IRI that identifiers can be appended to. */
export function parseBaseUri(value: string | undefined, lang: 'vi' | 'en'): string | undefined {
  if (value === undefined) return undefined;
  const ok = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#:]$/i.test(value);
  if (!ok) {
    throw new UsageError(
      lang === 'vi'
        ? `--base-uri "${value}": cần một IRI tuyệt đối kết thúc bằng "/", "#" hoặc ":", ví dụ https://dulieu.sonha.gov.vn/id/`
        : `--base-uri "${value}": expected an absolute IRI ending in "/", "#" or ":", e.g. https://data.example.gov.vn/id/`,
    );
  }
  return value;
}

export function registerExport(program: Command, app: App): void {
  const ids = Object.keys(EXPORT_FORMATS);
  const cmd = program
    .command('export')
    .summary('xuất mô hình sang định dạng trao đổi (ArchiMate, DCAT-AP) / export to exchange formats')
    .description(
      [
        'Xuất mô hình kiến trúc sang định dạng mà công cụ khác đọc được:',
        ...ids.map((id) => `  ${id.padEnd(10)} ${EXPORT_FORMATS[id]?.title.vi ?? ''}`),
        'Bản công khai (--audience public) lược bỏ những gì bản công khai của Chiến lược dữ liệu không công bố: cấp độ an toàn, hạ tầng, địa chỉ, sơ đồ kết nối, dữ liệu dùng riêng và bí mật nhà nước, mô tả và ghi chú nội bộ.',
        'Mặc định: archimate là bản nội bộ, dcat là bản công khai.',
      ].join('\n'),
    )
    .argument('[dir]', 'thư mục kiến trúc', DEFAULT_ROOT)
    .addOption(new Option('--format <format>', 'định dạng trao đổi').choices(ids).makeOptionMandatory())
    .addOption(new Option('--audience <audience>', 'bản nội bộ hoặc bản công khai (mặc định theo định dạng)').choices(['internal', 'public']))
    .option('--public', 'như --audience public')
    .option('--out <dir>', 'thư mục đầu ra (các tệp khác của kientruc trong thư mục được giữ nguyên)', DEFAULT_EXPORT_OUT)
    .option('--base-uri <iri>', 'dcat: tiền tố IRI cho định danh danh mục, tập dữ liệu, phân phối (mặc định urn:kientruc:<mã cơ quan>:)');
  addInputOptions(cmd);
  addForceOption(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc export --format archimate                       # exports/kien-truc.archimate.xml (Archi: File › Import › Model From Open Exchange File…)
  $ kientruc export --format archimate --audience public     # exports/kien-truc-cong-khai.archimate.xml
  $ kientruc export --format dcat --base-uri https://dulieu.sonha.gov.vn/id/
                                                             # exports/danh-muc-du-lieu-cong-khai.dcat.{ttl,jsonld}
  $ kientruc export architecture --format dcat --audience internal --out ../noi-bo

Hướng dẫn: docs/exchange.md.`,
  );
  cmd.action(async (dir: string, opts: ExportCliOptions) => {
    const format = EXPORT_FORMATS[opts.format];
    if (!format) throw new UsageError(`--format "${opts.format}": dùng một trong ${ids.join(', ')}.`);
    const baseUri = parseBaseUri(opts.baseUri, app.lang);
    const out = await claimOutputFor(app, opts.out, [dir], opts.force);
    const result = await loadForCommand(app, dir, opts, false);
    const blocking = result.diagnostics.filter((d) => isStructural(d.code) && d.severity === 'error');
    if (blocking.length) {
      app.io.stderr.write(formatDiagnostics(app, 'stylish', blocking, result.loaded.files.map((f) => f.file)));
      app.log.warn(
        app.lang === 'vi'
          ? `Không xuất ${format.id}: kiến trúc có ${blocking.length} lỗi cú pháp, lược đồ hoặc tham chiếu.`
          : `Nothing exported (${format.id}): ${blocking.length} syntax, schema or reference errors.`,
      );
      app.exitCode = 1;
      return;
    }
    if (opts.public && opts.audience === 'internal') {
      throw new UsageError(app.lang === 'vi' ? '--public và --audience internal mâu thuẫn nhau; chọn một.' : '--public and --audience internal contradict each other; choose one.');
    }
    const audience = opts.public ? 'public' : (opts.audience ?? format.defaultAudience);
    const files = await format.run(result.model, { audience, asOf: result.asOf, ...(baseUri ? { baseUri } : {}) });
    await writeGenerated(out, files, 'merge');
    const shown = displayPath(app.io.cwd, resolve(app.io.cwd, opts.out));
    const edition = audience === 'public' ? (app.lang === 'vi' ? 'bản công khai' : 'public edition') : app.lang === 'vi' ? 'bản nội bộ' : 'internal edition';
    app.log.info(`✓ ${app.lang === 'vi' ? 'Đã ghi' : 'Wrote'} (${edition}) ${files.map((f) => `${shown}/${f.path}`).join(', ')}`);
    if (format.id === 'dcat' && baseUri === undefined) {
      app.log.info(
        app.lang === 'vi'
          ? '  Định danh dùng tiền tố urn:kientruc:…; khi công bố lên cổng dữ liệu, đặt --base-uri bằng địa chỉ của cổng.'
          : '  Identifiers use the urn:kientruc:… prefix; set --base-uri to the portal address before publishing.',
      );
    }
    app.exitCode = 0;
  });
}

import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { text } from '../../core/text.js';
import { isStructural } from '../../diagnostics/codes.js';
import { EXPORT_FORMATS } from '../../exchange/formats.js';
import { displayPath } from '../../load/discover.js';
import { writeGenerated } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { formatDiagnostics } from '../output.js';
import { addForceOption, addInputOptions, claimOutputFor, loadForCommand, type InputOptions, architectureCommand } from './shared.js';

interface ExportCliOptions extends InputOptions {
  format: string;
  audience?: 'internal' | 'public';
  public?: boolean;
  out?: string;
  force?: boolean;
  baseUri?: string;
}

/** Where exports go unless `--out` says otherwise: beside generated/, never inside it (build replaces that folder). */
export const DEFAULT_EXPORT_OUT = 'exports';

/** Formats that write one file, by that file's extension: `--out` may then name the file itself. */
const SINGLE_FILE_EXT: Readonly<Record<string, string>> = { archimate: '.xml', xlsx: '.xlsx' };

/** `--out` names a file (not a folder) when it has an extension and is not an existing folder: `--out danh-muc.xlsx`. */
export function namesAFile(cwd: string, out: string | undefined): boolean {
  if (out === undefined || extname(out) === '') return false;
  const abs = resolve(cwd, out);
  return !(existsSync(abs) && statSync(abs).isDirectory());
}

/** `--base-uri` must be an absolute IRI that identifiers can be appended to. */
export function parseBaseUri(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ok = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#:]$/i.test(value);
  if (!ok) {
    throw new UserError(
      text(
        `--base-uri "${value}": cần một IRI tuyệt đối kết thúc bằng "/", "#" hoặc ":", ví dụ https://dulieu.sonha.gov.vn/id/`,
        `--base-uri "${value}": expected an absolute IRI ending in "/", "#" or ":", e.g. https://data.example.gov.vn/id/`,
      ),
    );
  }
  return value;
}

export function registerExport(program: Command, app: App): void {
  const ids = Object.keys(EXPORT_FORMATS);
  const cmd = architectureCommand(
    program,
    'export',
    'xuất mô hình sang định dạng trao đổi (ArchiMate, DCAT-AP) / export to exchange formats',
    [
      'Xuất mô hình kiến trúc sang định dạng mà công cụ khác đọc được:',
      ...ids.map((id) => `  ${id.padEnd(10)} ${EXPORT_FORMATS[id]?.title.vi ?? ''}`),
      'Bản công khai (--audience public) lược bỏ những gì bản công khai của Chiến lược dữ liệu không công bố: cấp độ an toàn, hạ tầng, địa chỉ, sơ đồ kết nối, dữ liệu dùng riêng và bí mật nhà nước, mô tả và ghi chú nội bộ.',
      'Mặc định: archimate là bản nội bộ, dcat là bản công khai.',
    ].join('\n'),
  )
    .addOption(new Option('--format <format>', 'định dạng trao đổi').choices(ids).makeOptionMandatory())
    .addOption(new Option('--audience <audience>', 'bản nội bộ hoặc bản công khai (mặc định theo định dạng)').choices(['internal', 'public']))
    .option('--public', 'như --audience public')
    .option('--out <path>', `thư mục đầu ra (mặc định ${DEFAULT_EXPORT_OUT}; các tệp khác của kientruc trong thư mục được giữ nguyên), hoặc tên tệp khi định dạng chỉ ghi một tệp`)
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
  $ kientruc export --format xlsx --out ra-soat/danh-muc.xlsx  # bảng tính; nhập lại bằng "kientruc import" (docs/import-export.md)

Hướng dẫn: docs/exchange.md.`,
  );
  cmd.action(async (dir: string, opts: ExportCliOptions) => {
    const format = EXPORT_FORMATS[opts.format];
    if (!format) throw new UserError(text(`--format "${opts.format}": dùng một trong ${ids.join(', ')}.`, `--format "${opts.format}": use one of ${ids.join(', ')}.`));
    const baseUri = parseBaseUri(opts.baseUri);
    const toFile = namesAFile(app.io.cwd, opts.out) && SINGLE_FILE_EXT[format.id] === extname(opts.out as string).toLowerCase();
    if (toFile && existsSync(resolve(app.io.cwd, opts.out as string)) && !opts.force) {
      throw new UserError(
        text(
          `Không ghi vào "${opts.out}": tệp đã có; thêm --force để ghi đè, hoặc chọn tên khác.`,
          `Not writing to "${opts.out}": the file exists; add --force to overwrite it, or choose another name.`,
        ),
      );
    }
    const out = toFile ? undefined : await claimOutputFor(app, opts.out ?? DEFAULT_EXPORT_OUT, [dir], opts.force);
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
      throw new UserError(text('--public và --audience internal mâu thuẫn nhau; chọn một.', '--public and --audience internal contradict each other; choose one.'));
    }
    const audience = opts.public ? 'public' : (opts.audience ?? format.defaultAudience);
    const files = await format.run(result.model, { audience, asOf: result.asOf, ...(baseUri ? { baseUri } : {}) });
    if (out === undefined) {
      // One named file, as `check --output` writes one: staged beside it, then renamed into place.
      const only = files[0];
      if (files.length !== 1 || only === undefined) {
        throw new UserError(
          text(
            `--out "${opts.out}": định dạng ${format.id} ghi ${files.length} tệp; hãy chỉ định một thư mục.`,
            `--out "${opts.out}": the ${format.id} format writes ${files.length} files; name a folder.`,
          ),
        );
      }
      const target = resolve(app.io.cwd, opts.out as string);
      await mkdir(dirname(target), { recursive: true });
      const tmp = `${target}.kientruc-tmp-${process.pid}`;
      await writeFile(tmp, only.contents);
      await rename(tmp, target);
      app.log.info(`✓ ${app.lang === 'vi' ? 'Đã ghi' : 'Wrote'} ${relative(app.io.cwd, target).split(sep).join('/')}`);
      app.exitCode = 0;
      return;
    }
    await writeGenerated(out, files, 'merge');
    const shown = displayPath(app.io.cwd, resolve(app.io.cwd, opts.out ?? DEFAULT_EXPORT_OUT));
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

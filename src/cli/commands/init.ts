import { existsSync, readFileSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { expandBodyNames } from '../../core/abbreviations.js';
import { slugify } from '../../core/labels.js';
import { isId } from '../../core/ref.js';
import { isUnknown } from '../../core/unknown.js';
import { text } from '../../core/text.js';
import { DEFAULT_PACK, loadPack } from '../../framework/load-pack.js';
import { malformedAgencyCode } from '../../framework/types.js';
import { schemaJson, SCHEMA_FILE } from '../../render/schema-file.js';
import { MANIFEST, manifestJson, writeNewFiles } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { planInit, type InitPlan } from '../init-merge.js';
import { INIT_SCRIPTS, scaffoldFiles, type ScaffoldInput } from '../scaffold.js';

interface InitOptions {
  name?: string;
  level: ScaffoldInput['level'];
  id?: string;
  code?: string;
  force?: boolean;
  package?: string;
}

export function registerInit(program: Command, app: App): void {
  program
    .command('init')
    .summary('tạo kho kiến trúc mẫu / scaffold a starter repository')
    .description(
      'Tạo một kho kiến trúc mới, hoặc thêm vào dự án đã có: agency.yaml, một ví dụ cho mỗi loại thực thể, quy trình CI cho GitHub Actions và GitLab CI, cấu hình VS Code và .gitignore. Kho mới kiểm tra đạt ngay. Không ghi đè tệp đã có (trừ khi có --force); package.json đã có được thêm các script của kientruc.',
    )
    .argument('[dir]', 'thư mục đích', '.')
    .requiredOption('--name <name>', 'tên cơ quan, ví dụ "Sở Y tế tỉnh Sơn Hà"')
    .addOption(new Option('--level <level>', 'cấp cơ quan').choices(['ministry', 'province', 'department', 'commune']).default('department'))
    .option('--id <id>', 'mã định danh kebab-case (mặc định: từ tên)')
    .option('--code <code>', 'mã định danh cơ quan theo QCVN 102, ví dụ 000.00.31.H99 (không có: ghi "chưa xác định", kientruc check cảnh báo cho tới khi điền)')
    .option('--force', 'ghi đè tệp đã có (mặc định: không bao giờ ghi đè)')
    .option('--package <spec>', 'nguồn cài kientruc ghi vào package.json: phiên bản trên npm registry (mặc định: phiên bản đang chạy), tệp nén "file:vendor/kientruc-x.y.z.tgz" hoặc URL git')
    .addHelpText(
      'after',
      `
Ví dụ:
  $ kientruc init so-y-te --name "Sở Y tế tỉnh Sơn Hà" --level department --code 000.00.31.H99
  $ kientruc init . --name "Ủy ban nhân dân xã An Phú" --level commune
  $ cd so-y-te && npx kientruc check
  $ npm i -D kientruc && npx kientruc init . --name "Sở Y tế tỉnh Sơn Hà"   # trong dự án đã có: thêm script vào package.json
  $ kientruc init so-y-te --name "Sở Y tế tỉnh Sơn Hà" --package file:vendor/kientruc-0.1.0.tgz   # registry không có kientruc

Chạy lại init là an toàn: tệp giống hệt được bỏ qua, tệp khác nội dung được giữ nguyên (trừ khi có --force).`,
    )
    .action(async (dir: string, opts: InitOptions) => {
      const typed = (opts.name ?? '').trim().normalize('NFC');
      if (!typed) throw new UserError(text('--name không được để trống.', '--name must not be empty.'));
      // "UBND xã Tân Phú" and "Ủy ban nhân dân xã Tân Phú" are one agency: the same name, id, issuer and "…/QĐ-UBND".
      const name = expandBodyNames(typed);
      if (name !== typed) app.log.info(app.lang === 'vi' ? `Tên cơ quan ghi đầy đủ: "${name}".` : `Agency name written in full: "${name}".`);
      const id = opts.id ?? slugify(name);
      if (!isId(id)) {
        throw new UserError(
          text(
            `--id "${id}" không hợp lệ: dùng chữ thường không dấu, số và "-".`,
            `--id "${id}" is not valid: use lowercase letters without diacritics, digits and "-".`,
          ),
        );
      }
      const pack = loadPack(DEFAULT_PACK);
      // The shape model.agency-code-format checks, refused here rather than warned about on every check.
      if (malformedAgencyCode(pack, opts.code)) {
        throw new UserError(
          text(
            `--code "${opts.code}" không đúng dạng mã định danh cơ quan theo QCVN 102 (ví dụ ${pack.agencyCode.example}). Chưa có mã thì bỏ --code: init ghi "chưa xác định".`,
            `--code "${opts.code}" is not a QCVN 102 agency code (e.g. ${pack.agencyCode.example}). Without a code yet, leave --code out: init writes "chưa xác định".`,
          ),
        );
      }
      const spec = opts.package?.trim();
      if (spec !== undefined && (spec === '' || /\s/.test(spec))) {
        throw new UserError(
          text(
            `--package "${opts.package}" không phải nguồn cài hợp lệ: ghi một phiên bản (0.1.0), một tệp nén (file:vendor/kientruc-0.1.0.tgz) hoặc một URL git, không có dấu cách.`,
            `--package "${opts.package}" is not a valid install source: give a version (0.1.0), a tarball (file:vendor/kientruc-0.1.0.tgz) or a git URL, without spaces.`,
          ),
        );
      }
      const target = resolve(app.io.cwd, dir);
      const files = scaffoldFiles({ name, id, level: opts.level, ...(opts.code && !isUnknown(opts.code) ? { code: opts.code } : {}), today: app.today, version: app.version, ...(spec ? { packageSpec: spec } : {}) });
      files[`generated/${SCHEMA_FILE}`] = schemaJson(pack);
      // generated/ is kientruc's from the start: the first build replaces the schema instead of refusing the folder.
      files[`generated/${MANIFEST}`] = manifestJson(app.version, [SCHEMA_FILE]);
      const read = (path: string): string | undefined => {
        const abs = resolve(target, path);
        return existsSync(abs) && statSync(abs).isFile() ? readFileSync(abs, 'utf8') : undefined;
      };
      const plan = planInit(files, read, { force: Boolean(opts.force), version: spec ?? app.version, scripts: INIT_SCRIPTS });
      const entries = Object.entries(plan.write).map(([path, contents]) => ({ path, contents }));
      // New files are created with O_EXCL (never replacing one that appeared meanwhile); the merged
      // package.json and what --force replaces are swapped in whole (temp file, rename).
      await writeNewFiles(target, entries.filter((f) => read(f.path) === undefined));
      for (const f of entries.filter((e) => read(e.path) !== undefined)) await replaceFile(resolve(target, f.path), f.contents);
      reportPlan(app, dir, plan);
    });
}

async function replaceFile(target: string, contents: string): Promise<void> {
  const tmp = `${target}.kientruc-tmp-${process.pid}`;
  await writeFile(tmp, contents);
  await rename(tmp, target);
}

function reportPlan(app: App, dir: string, plan: InitPlan): void {
  const vi = app.lang === 'vi';
  const list = (paths: readonly string[]) => paths.join(', ');
  const written = Object.keys(plan.write);
  if (plan.kept.length) {
    app.log.warn(
      vi
        ? `Giữ nguyên ${plan.kept.length} tệp đã có nội dung khác: ${list(plan.kept)} (thêm --force để ghi đè).`
        : `Kept ${plan.kept.length} existing file(s) with other contents: ${list(plan.kept)} (add --force to overwrite).`,
    );
  }
  if (plan.skippedExamples.length) {
    app.log.warn(
      vi
        ? 'architecture/agency.yaml đã có (cơ quan khác): không thêm các tệp ví dụ vào architecture/.'
        : 'architecture/agency.yaml exists (another agency): the example files were not added to architecture/.',
    );
  }
  if (plan.scriptConflicts.length) {
    app.log.warn(
      vi
        ? `package.json đã dùng tên script ${list(plan.scriptConflicts)} và kientruc:${list(plan.scriptConflicts)} cho việc khác: giữ nguyên (--force để thay).`
        : `package.json already uses the script names ${list(plan.scriptConflicts)} and kientruc:${list(plan.scriptConflicts)}: kept (--force to replace).`,
    );
  }
  if (plan.gitignoreMissing.length) {
    app.log.warn(
      vi
        ? `Nên thêm vào .gitignore: ${list(plan.gitignoreMissing)} (kientruc không sửa .gitignore đã có nếu không có --force).`
        : `Add to .gitignore: ${list(plan.gitignoreMissing)} (kientruc leaves an existing .gitignore alone without --force).`,
    );
  }
  if (plan.merged.length) {
    app.log.info(vi ? `✓ Đã thêm vào package.json: ${list(plan.merged)}. Chạy "npm install".` : `✓ Added to package.json: ${list(plan.merged)}. Run "npm install".`);
  }
  const created = written.filter((p) => p !== 'package.json' || !plan.merged.length);
  if (created.length === 0 && plan.merged.length === 0) {
    app.log.info(vi ? `✓ ${dir} đã được khởi tạo trước đó: không có gì để ghi.` : `✓ ${dir} is already initialised: nothing to write.`);
    return;
  }
  const here = dir === '.' || dir === './';
  const next = here ? 'npx kientruc check' : `cd ${dir} && npx kientruc check`;
  const where = here ? (vi ? 'thư mục hiện tại' : 'the current folder') : dir;
  app.log.info(vi ? `✓ Đã ghi ${created.length} tệp vào ${where}. Tiếp theo: ${next}` : `✓ Wrote ${created.length} file(s) in ${where}. Next: ${next}`);
}

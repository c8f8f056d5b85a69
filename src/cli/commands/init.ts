import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { slugify } from '../../core/labels.js';
import { isId } from '../../core/ref.js';
import { DEFAULT_PACK, loadPack } from '../../framework/load-pack.js';
import { schemaJson, SCHEMA_FILE } from '../../render/schema-file.js';
import { MANIFEST, manifestJson, writeNewFiles } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { scaffoldFiles, type ScaffoldInput } from '../scaffold.js';

interface InitOptions {
  name?: string;
  level: ScaffoldInput['level'];
  id?: string;
  code?: string;
}

export function registerInit(program: Command, app: App): void {
  program
    .command('init')
    .summary('tạo kho kiến trúc mẫu / scaffold a starter repository')
    .description(
      'Tạo một kho kiến trúc mới: agency.yaml, một ví dụ cho mỗi loại thực thể, quy trình CI cho GitHub Actions và GitLab CI, cấu hình VS Code và .gitignore. Kho mới kiểm tra đạt ngay. Không ghi đè tệp đã có.',
    )
    .argument('[dir]', 'thư mục đích', '.')
    .requiredOption('--name <name>', 'tên cơ quan, ví dụ "Sở Y tế tỉnh Sơn Hà"')
    .addOption(new Option('--level <level>', 'cấp cơ quan').choices(['ministry', 'province', 'department', 'commune']).default('department'))
    .option('--id <id>', 'mã định danh kebab-case (mặc định: từ tên)')
    .option('--code <code>', 'mã định danh cơ quan theo QCVN 102, ví dụ 000.00.31.H99')
    .addHelpText(
      'after',
      `
Ví dụ:
  $ kientruc init so-y-te --name "Sở Y tế tỉnh Sơn Hà" --level department --code 000.00.31.H99
  $ kientruc init . --name "Ủy ban nhân dân xã An Phú" --level commune
  $ cd so-y-te && npx kientruc check`,
    )
    .action(async (dir: string, opts: InitOptions) => {
      const name = (opts.name ?? '').trim().normalize('NFC');
      if (!name) throw new UsageError('--name không được để trống.');
      const id = opts.id ?? slugify(name);
      if (!isId(id)) throw new UsageError(`--id "${id}" không hợp lệ: dùng chữ thường không dấu, số và "-".`);
      const target = resolve(app.io.cwd, dir);
      const files = scaffoldFiles({ name, id, level: opts.level, ...(opts.code ? { code: opts.code } : {}), today: app.today, version: app.version });
      files[`generated/${SCHEMA_FILE}`] = schemaJson(loadPack(DEFAULT_PACK));
      // generated/ is kientruc's from the start: the first build replaces the schema instead of refusing the folder.
      files[`generated/${MANIFEST}`] = manifestJson(app.version, [SCHEMA_FILE]);
      const existing = Object.keys(files).filter((f) => existsSync(resolve(target, f)));
      if (existing.length) {
        throw new UsageError(
          `Không ghi đè tệp đã có trong ${dir}: ${existing.join(', ')}. Chọn thư mục khác hoặc xóa các tệp này.`,
        );
      }
      await writeNewFiles(target, Object.entries(files).map(([path, contents]) => ({ path, contents })));
      app.log.info(`✓ Đã tạo ${Object.keys(files).length} tệp trong ${dir}. Tiếp theo: cd ${dir} && npx kientruc check`);
    });
}

import { Command, Option } from 'commander';
import type { App } from './app.js';
import { registerAggregate } from './commands/aggregate.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerDiagram } from './commands/diagram.js';
import { registerDiff } from './commands/diff.js';
import { registerDoc } from './commands/doc.js';
import { registerGap } from './commands/gap.js';
import { registerInit } from './commands/init.js';
import { registerReport } from './commands/report.js';
import { registerSchema } from './commands/schema.js';
import { registerSite } from './commands/site.js';
import { registerValidate } from './commands/validate.js';
import { createLogger } from './logger.js';

/** Every command, in the order `--help` lists them. A capability adds its register function here. */
const COMMANDS = [
  registerValidate,
  registerCheck,
  registerGap,
  registerReport,
  registerBuild,
  registerDiagram,
  registerDoc,
  registerDiff,
  registerAggregate,
  registerSite,
  registerSchema,
  registerInit,
] as const;

export function createProgram(app: App): Command {
  const program = new Command('kientruc')
    .description(
      'Kiến trúc số dạng mã cho cơ quan nhà nước: kiểm tra YAML theo Khung kiến trúc tổng thể quốc gia số (QĐ 3090), Khung kiến trúc dữ liệu quốc gia (QĐ 2439) và Luật Dữ liệu; tạo báo cáo, sơ đồ và Chiến lược dữ liệu.',
    )
    .version(app.version, '-V, --version', 'in phiên bản')
    .helpOption('-h, --help', 'hướng dẫn sử dụng')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi'))
    .option('-q, --quiet', 'không in tiến trình ra stderr')
    .option('--verbose', 'in thêm chi tiết (thời gian, số tệp) và vết lỗi nội bộ')
    .option('--no-color', 'không tô màu')
    .showHelpAfterError('(chạy "kientruc --help" hoặc "kientruc <lệnh> --help" để xem hướng dẫn)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => app.io.stdout.write(s),
      writeErr: (s) => app.io.stderr.write(s),
    })
    .addHelpText(
      'after',
      `
Bắt đầu nhanh:
  $ kientruc init so-y-te --name "Sở Y tế tỉnh Sơn Hà"
  $ kientruc validate architecture
  $ kientruc check architecture --format sarif --output kientruc.sarif
  $ kientruc gap architecture
  $ kientruc report architecture --period 2025-Q4
  $ kientruc build architecture --out generated
  $ kientruc diagram architecture --format svg,png
  $ kientruc doc architecture --format pdf,docx

Mã thoát: 0 đạt, 1 có phát hiện (theo --fail-on), 2 lỗi sử dụng hoặc lỗi nội bộ.`,
    );
  program.hook('preAction', (_this, action) => {
    const g = action.optsWithGlobals<{ lang: 'vi' | 'en'; quiet?: boolean; verbose?: boolean; color: boolean }>();
    app.lang = g.lang;
    app.color = app.color && g.color;
    app.log = createLogger(app.io, { quiet: Boolean(g.quiet), verbose: Boolean(g.verbose), color: app.color });
  });
  for (const register of COMMANDS) register(program, app);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: (s) => app.io.stdout.write(s), writeErr: (s) => app.io.stderr.write(s) });
  return program;
}

import type { Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { text } from '../../core/text.js';
import { parseAsOf, type App } from '../app.js';

interface LspOptions {
  stdio?: boolean;
  asOf?: string;
}

export function registerLsp(program: Command, app: App): void {
  program
    .command('lsp')
    .summary('máy chủ ngôn ngữ cho trình soạn thảo / language server for editors')
    .description(
      'Máy chủ Language Server Protocol qua stdin/stdout: báo lỗi lược đồ, tham chiếu và mọi quy tắc tuân thủ ngay khi gõ (kể cả tệp chưa lưu), gợi ý tham chiếu system:…, dataset:…, national:…, org:… theo mã hoặc tên (có dấu hay không dấu), đi tới định nghĩa, tìm tham chiếu, xem nhanh thực thể, sửa nhanh gợi ý "ý bạn là". Trình soạn thảo khởi động lệnh này; xem docs/lsp.md.',
    )
    .argument('[dir]', 'thư mục kiến trúc (mặc định: architecture/ trong thư mục làm việc của trình soạn thảo nếu có)')
    .option('--stdio', 'giao tiếp qua stdin/stdout (mặc định, nhận để tương thích với các trình khách LSP)')
    .option('--as-of <date>', 'ngày chốt số liệu YYYY-MM-DD (mặc định: asOf trong agency.yaml, hoặc hôm nay)')
    .addHelpText(
      'after',
      `
Ví dụ:
  $ kientruc lsp                      # VS Code: editors/vscode; Neovim: xem docs/lsp.md
  $ kientruc lsp architecture --stdio

Cấu hình từ trình khách (initializationOptions): { "root": "architecture", "lang": "vi", "asOf": "2026-09-30" }.`,
    )
    .action(async (dir: string | undefined, opts: LspOptions) => {
      const stdin = app.io.stdin;
      const stdout = app.io.stdout as unknown as NodeJS.WritableStream;
      if (!stdin || typeof (stdout as { on?: unknown }).on !== 'function') {
        throw new UserError(
          text(
            'kientruc lsp cần stdin và stdout của một tiến trình (trình soạn thảo khởi động lệnh này).',
            'kientruc lsp needs the stdin and stdout of a process (the editor that starts this command).',
          ),
        );
      }
      const asOf = parseAsOf(opts.asOf);
      const { startServer } = await import('../lsp/server.js');
      await startServer({ input: stdin, output: stdout, cwd: app.io.cwd, today: app.today, lang: app.lang, root: dir, asOf });
    });
}

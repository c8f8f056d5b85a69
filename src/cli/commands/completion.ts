import { Argument, type Command } from 'commander';
import type { App } from '../app.js';
import { bashCompletion, zshCompletion } from '../completion.js';

export function registerCompletion(program: Command, app: App): void {
  program
    .command('completion')
    .summary('in tập lệnh gợi ý lệnh cho bash, zsh / print a shell completion script')
    .description('In tập lệnh gợi ý lệnh (tab completion) cho bash hoặc zsh: tên lệnh, tùy chọn và giá trị được phép của từng tùy chọn.')
    .addArgument(new Argument('<shell>', 'trình thông dịch lệnh').choices(['bash', 'zsh']))
    .addHelpText(
      'after',
      `
Ví dụ:
  $ source <(kientruc completion bash)                                              # cho phiên hiện tại
  $ kientruc completion bash > ~/.local/share/bash-completion/completions/kientruc  # lâu dài
  $ kientruc completion zsh > "\${fpath[1]}/_kientruc"                                 # zsh, rồi mở lại zsh`,
    )
    .action((shell: 'bash' | 'zsh') => {
      app.io.stdout.write(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
    });
}

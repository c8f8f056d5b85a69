import { CommanderError, type Command } from 'commander';
import type { Lang } from '../core/text.js';

/**
 * Commander's own parse errors (an unknown option, a missing value, a choice not allowed…) in the
 * user's language and in kientruc's one-line form, `kientruc: <what> (run "kientruc <command> --help"…).`
 * Commander writes them in English with a lowercase `error:` and a second line; its messages are built
 * from a fixed template per error code (commander 15, lib/command.js), so each code's parts are read
 * back from the message and put in a sentence of our own. A message no template matches is shown as
 * commander wrote it, never lost.
 */

/** The path of the command whose parsing failed (`daemon stop`), kept by its exitOverride. */
const failedCommand = new WeakMap<CommanderError, string>();

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Makes `cmd` and its subcommands throw instead of exiting, with commander's own error output muted:
 * main() writes the localized line. Help and version output still go to `out`.
 */
export function routeParseErrors(cmd: Command, write: { readonly out: (s: string) => void; readonly err: (s: string) => void }): void {
  cmd.showHelpAfterError(false);
  cmd.configureOutput({ writeOut: write.out, writeErr: write.err, outputError: () => undefined });
  cmd.exitOverride((err) => {
    failedCommand.set(err, commandPath(cmd));
    throw err;
  });
  for (const sub of cmd.commands) routeParseErrors(sub, write);
}

/** `option '-f, --format <format>'` → `-f, --format <format>` (the conflict message's form). */
function optionOf(text: string): string {
  return /^(?:option|environment variable) '(.*)'$/.exec(text)?.[1] ?? text;
}

/** Commander's "Allowed choices are a, b, c." or an argument parser's own message ("vi / en" halves are picked). */
function reason(tail: string, lang: Lang): string {
  const choices = /^Allowed choices are (.*)\.$/.exec(tail);
  if (choices) return lang === 'vi' ? `chọn một trong: ${choices[1]}` : `choose one of: ${choices[1]}`;
  const halves = tail.split(' / ');
  return halves.length === 2 ? ((lang === 'vi' ? halves[0] : halves[1]) as string) : tail;
}

/** The sentence for one commander error, without the help hint. */
export function parseErrorText(err: CommanderError, lang: Lang): string {
  const vi = lang === 'vi';
  const cmd = failedCommand.get(err) ?? '';
  // Vietnamese names the command first when it is known: lệnh "check" không có tùy chọn …
  const subject = cmd ? `lệnh "${cmd}" ` : '';
  const where = cmd ? ` for "${cmd}"` : '';
  const m = err.message.replace(/^error: /, '');
  const didYouMean = /\n\(Did you mean (?:one of )?(.*)\?\)$/.exec(m);
  const hint = didYouMean ? (vi ? `; có phải ý bạn là "${didYouMean[1]}"?` : `; did you mean "${didYouMean[1]}"?`) : '';
  const first = m.replace(/\n[\s\S]*$/, '');
  let r: RegExpExecArray | null;
  switch (err.code) {
    case 'commander.unknownCommand':
      if ((r = /^unknown command '(.*)'$/.exec(first))) return (vi ? `không có lệnh "${r[1]}"` : `unknown command "${r[1]}"`) + hint;
      break;
    case 'commander.unknownOption':
      if ((r = /^unknown option '(.*)'$/.exec(first))) return (vi ? `${subject}không có tùy chọn "${r[1]}"` : `unknown option "${r[1]}"${where}`) + hint;
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((r = /^required option '(.*)' not specified$/.exec(first))) return vi ? `${subject}cần tùy chọn ${r[1]}` : `the required option ${r[1]} is missing${where}`;
      break;
    case 'commander.optionMissingArgument':
      if ((r = /^option '(.*)' argument missing$/.exec(first))) return vi ? `tùy chọn ${r[1]} cần một giá trị` : `the option ${r[1]} needs a value`;
      break;
    case 'commander.missingArgument':
      if ((r = /^missing required argument '(.*)'$/.exec(first))) return vi ? `${subject}cần đối số <${r[1]}>` : `the argument <${r[1]}> is missing${where}`;
      break;
    case 'commander.excessArguments':
      if ((r = /^too many arguments(?: for '.*')?\. Expected (\d+) arguments? but got (\d+): (.*)\.$/.exec(first))) {
        return vi
          ? `${subject}nhận tối đa ${r[1]} đối số, được ${r[2]} (${r[3]}); đường dẫn có dấu cách cần đặt trong ngoặc kép`
          : `too many arguments${where}: at most ${r[1]}, got ${r[2]} (${r[3]}); quote a path that has spaces`;
      }
      break;
    case 'commander.invalidArgument':
      if ((r = /^option '(.*)' argument '(.*)' is invalid\. ?(.*)$/.exec(first)) || (r = /^option '(.*)' value '(.*)' from env '.*' is invalid\. ?(.*)$/.exec(first))) {
        return vi ? `giá trị "${r[2]}" không hợp lệ cho ${r[1]}: ${reason(r[3] ?? '', lang)}` : `"${r[2]}" is not a valid value for ${r[1]}: ${reason(r[3] ?? '', lang)}`;
      }
      if ((r = /^command-argument value '(.*)' is invalid for argument '(.*)'\. ?(.*)$/.exec(first))) {
        return vi ? `giá trị "${r[1]}" không hợp lệ cho đối số <${r[2]}>: ${reason(r[3] ?? '', lang)}` : `"${r[1]}" is not a valid value for <${r[2]}>: ${reason(r[3] ?? '', lang)}`;
      }
      break;
    case 'commander.conflictingOption':
      if ((r = /^(.*) cannot be used with (.*)$/.exec(first))) {
        return vi ? `không dùng ${optionOf(r[1] as string)} cùng với ${optionOf(r[2] as string)}` : `${optionOf(r[1] as string)} cannot be used with ${optionOf(r[2] as string)}`;
      }
      break;
  }
  return m.replace(/\n/g, ' ');
}

/** The whole line main() writes for a commander error: the sentence and where to read the usage. */
export function parseErrorLine(err: CommanderError, lang: Lang): string {
  const cmd = failedCommand.get(err);
  const help = cmd ? `kientruc ${cmd} --help` : 'kientruc --help';
  const see = lang === 'vi' ? `chạy "${help}" để xem hướng dẫn` : `run "${help}" for the usage`;
  return `kientruc: ${parseErrorText(err, lang)} (${see}).\n`;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../core/text.js';
import { availablePacks, PACKS_DIR } from '../framework/load-pack.js';
import type { App } from './app.js';
import { createLogger } from './logger.js';
import { routeParseErrors } from './parse-errors.js';

type Register = (program: Command, app: App) => void;

/**
 * Every command, in the order `--help` lists them, loaded on demand: `kientruc validate` must not pay
 * for importing the renderers, the DOCX writer and the browser driver (≈ 0.3 s at every start).
 * A capability adds its line here.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['validate', async () => (await import('./commands/validate.js')).registerValidate],
  ['check', async () => (await import('./commands/check.js')).registerCheck],
  ['gap', async () => (await import('./commands/gap.js')).registerGap],
  ['report', async () => (await import('./commands/report.js')).registerReport],
  ['build', async () => (await import('./commands/build.js')).registerBuild],
  ['diagram', async () => (await import('./commands/diagram.js')).registerDiagram],
  ['doc', async () => (await import('./commands/doc.js')).registerDoc],
  ['diff', async () => (await import('./commands/diff.js')).registerDiff],
  ['aggregate', async () => (await import('./commands/aggregate.js')).registerAggregate],
  ['import', async () => (await import('./commands/import.js')).registerImport],
  ['export', async () => (await import('./commands/export.js')).registerExport],
  ['site', async () => (await import('./commands/site.js')).registerSite],
  ['schema', async () => (await import('./commands/schema.js')).registerSchema],
  ['init', async () => (await import('./commands/init.js')).registerInit],
  ['lsp', async () => (await import('./commands/lsp.js')).registerLsp],
  ['daemon', async () => (await import('./commands/daemon.js')).registerDaemon],
  ['completion', async () => (await import('./commands/completion.js')).registerCompletion],
];

/** The commands commander itself answers besides ours. */
const BUILTIN = new Set(['help']);

/** Global options that take a value (their value is not the command name). */
const VALUED_GLOBALS = new Set(['--lang']);

/**
 * The command `argv` names, if it names a known one (`kientruc help build` names build). Anything
 * else — no command, a typo, `--help` alone — loads them all, so help lists every command and
 * commander can suggest the closest name.
 */
export function requestedCommands(argv: readonly string[]): readonly string[] {
  const names = COMMANDS.map(([name]) => name);
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (VALUED_GLOBALS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
    if (words.length === 2) break;
  }
  if (words.length === 0 && (argv.includes('-V') || argv.includes('--version'))) return [];
  const name = words[0] === 'help' ? words[1] : words[0];
  // Completion describes every command, so it needs them all.
  if (name === 'completion') return names;
  return name !== undefined && names.includes(name) ? [name] : names;
}

/** The words of `argv` that are not options (nor values of valued global options), up to `--`. */
function operands(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (VALUED_GLOBALS.has(a)) i++;
    else if (!a.startsWith('-')) words.push(a);
  }
  return words;
}

/**
 * The command `argv` asks help for that does not exist (`kientruc valdate --help`, `kientruc help valdate`),
 * so that it is an error rather than the general help with exit 0.
 */
export function unknownHelpTarget(argv: readonly string[]): string | undefined {
  const names = new Set(COMMANDS.map(([name]) => name));
  const words = operands(argv);
  const asksHelp = argv.includes('--help') || argv.includes('-h') || words[0] === 'help';
  const name = words[0] === 'help' ? words[1] : words[0];
  if (!asksHelp || name === undefined || names.has(name) || BUILTIN.has(name)) return undefined;
  return name;
}

/** `--lang en` / `--lang=en` anywhere before `--`: help and early errors need it before parsing. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if (a === '--lang' && argv[i + 1] === 'en') return 'en';
    if (a === '--lang=en') return 'en';
  }
  return 'vi';
}

/** `kientruc --version`: the tool, each framework pack it ships (id and version, read from pack.yaml), the runtime. */
export function versionText(version: string, lang: Lang): string {
  const packs = availablePacks().map((id) => {
    const text = readFileSync(join(PACKS_DIR, id, 'pack.yaml'), 'utf8');
    const v = /^version:\s*(\S+)/m.exec(text)?.[1] ?? '?';
    return `${lang === 'vi' ? 'bộ khung' : 'framework pack'} ${id} ${v}`;
  });
  return [`kientruc ${version}`, ...packs, `Node ${process.version}`].join('\n');
}

export async function createProgram(app: App, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('kientruc')
    .description(
      'Kiến trúc số dạng mã cho cơ quan nhà nước: kiểm tra YAML theo Khung kiến trúc tổng thể quốc gia số (QĐ 3090), Khung kiến trúc dữ liệu quốc gia (QĐ 2439) và Luật Dữ liệu; tạo báo cáo, sơ đồ và Chiến lược dữ liệu.',
    )
    .version(versionText(app.version, app.lang), '-V, --version', 'in phiên bản')
    .helpOption('-h, --help', 'hướng dẫn sử dụng')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ thông báo').choices(['vi', 'en']).default('vi'))
    .option('-q, --quiet', 'không in tiến trình ra stderr')
    .option('--verbose', 'in thêm chi tiết (thời gian, số tệp) và vết lỗi nội bộ')
    .option('--no-color', 'không tô màu')
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
  $ kientruc completion bash > ~/.local/share/bash-completion/completions/kientruc

Mã thoát: 0 đạt, 1 có phát hiện (theo --fail-on), 2 lỗi sử dụng hoặc lỗi nội bộ.`,
    );
  program.hook('preAction', (_this, action) => {
    const g = action.optsWithGlobals<{ lang: 'vi' | 'en'; quiet?: boolean; verbose?: boolean; color: boolean }>();
    app.lang = g.lang;
    app.color = app.color && g.color;
    app.quiet = Boolean(g.quiet);
    app.log = createLogger(app.io, { quiet: Boolean(g.quiet), verbose: Boolean(g.verbose), color: app.color });
  });
  const wanted = new Set(requestedCommands(argv));
  for (const [name, load] of COMMANDS) if (wanted.has(name)) (await load())(program, app);
  // The English help (≈ 40 kB of text) loads only with --lang en.
  if (app.lang === 'en') (await import('./help-en.js')).translateHelp(program);
  // Parse errors throw to main(), which writes them in the user's language (parse-errors.ts).
  routeParseErrors(program, { out: (s) => app.io.stdout.write(s), err: (s) => app.io.stderr.write(s) });
  return program;
}

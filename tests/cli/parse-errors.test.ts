import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseErrorText } from '../../src/cli/parse-errors.js';
import { makeProject, runMain } from '../helpers/project.js';

/** Letters only Vietnamese uses: their presence in an English line means untranslated text. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]/;

/**
 * Each kind of error commander raises while parsing a command line, with what the Vietnamese and the
 * English line must say. A commander upgrade that changes its message templates makes the line fall
 * back to commander's English, and these fail.
 */
const CASES: { argv: string[]; vi: string; en: string; help: string }[] = [
  { argv: ['chek'], vi: 'không có lệnh "chek"; có phải ý bạn là "check"?', en: 'unknown command "chek"; did you mean "check"?', help: 'kientruc --help' },
  { argv: ['check', '--formt', 'json'], vi: 'lệnh "check" không có tùy chọn "--formt"; có phải ý bạn là "--format"?', en: 'unknown option "--formt" for "check"; did you mean "--format"?', help: 'kientruc check --help' },
  { argv: ['--bogus'], vi: 'không có tùy chọn "--bogus"', en: 'unknown option "--bogus"', help: 'kientruc --help' },
  { argv: ['init', 'x'], vi: 'lệnh "init" cần tùy chọn --name <name>', en: 'the required option --name <name> is missing for "init"', help: 'kientruc init --help' },
  { argv: ['check', '--format'], vi: 'tùy chọn -f, --format <format> cần một giá trị', en: 'the option -f, --format <format> needs a value', help: 'kientruc check --help' },
  { argv: ['import'], vi: 'lệnh "import" cần đối số <file>', en: 'the argument <file> is missing for "import"', help: 'kientruc import --help' },
  {
    argv: ['check', 'a', 'b c'],
    vi: 'lệnh "check" nhận tối đa 1 đối số, được 2 (a, b c); đường dẫn có dấu cách cần đặt trong ngoặc kép',
    en: 'too many arguments for "check": at most 1, got 2 (a, b c); quote a path that has spaces',
    help: 'kientruc check --help',
  },
  {
    argv: ['check', '--fail-on', 'bogus'],
    vi: 'giá trị "bogus" không hợp lệ cho --fail-on <severity>: chọn một trong: error, warning, info, none',
    en: '"bogus" is not a valid value for --fail-on <severity>: choose one of: error, warning, info, none',
    help: 'kientruc check --help',
  },
  { argv: ['completion', 'fish'], vi: 'giá trị "fish" không hợp lệ cho đối số <shell>: chọn một trong: bash, zsh', en: '"fish" is not a valid value for <shell>: choose one of: bash, zsh', help: 'kientruc completion --help' },
  // An argument parser's own bilingual message ("vi / en"): each language gets its half.
  { argv: ['daemon', 'stop', '--idle', 'x'], vi: 'giá trị "x" không hợp lệ cho --idle <minutes>: số phút dương', en: '"x" is not a valid value for --idle <minutes>: a positive number of minutes', help: 'kientruc daemon --help' },
];

describe('command-line mistakes', () => {
  it('are one line in Vietnamese, naming the command whose --help to read, exit 2, nothing on stdout', async () => {
    const dir = makeProject({});
    for (const c of CASES) {
      const r = await runMain(c.argv, dir);
      expect(r.code, c.argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`kientruc: ${c.vi} (chạy "${c.help}" để xem hướng dẫn).\n`);
    }
  });

  it('are one line in English with --lang en, with no Vietnamese in it', async () => {
    const dir = makeProject({});
    for (const c of CASES) {
      const r = await runMain(['--lang', 'en', ...c.argv], dir);
      expect(r.code, c.argv.join(' ')).toBe(2);
      expect(r.stderr).toBe(`kientruc: ${c.en} (run "${c.help}" for the usage).\n`);
      expect(r.stderr).not.toMatch(VIETNAMESE);
    }
  });

  it('a message no template knows is shown as commander wrote it, on one line', () => {
    const err = new CommanderError(1, 'commander.somethingNew', "error: something new about '--x'\n(a second line)");
    expect(parseErrorText(err, 'vi')).toBe("something new about '--x' (a second line)");
  });

  it('help and the version are not errors', async () => {
    const dir = makeProject({});
    for (const argv of [['--help'], ['check', '--help'], ['help', 'check'], ['--version'], ['daemon', '--help']]) {
      const r = await runMain(argv, dir);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toBe('');
    }
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasEnglishHelp } from '../../src/cli/help-en.js';
import { requestedCommands } from '../../src/cli/program.js';
import { makeProject, runBin, runMain } from '../helpers/project.js';

/** Letters only Vietnamese uses (Latin-1 letters like "é" excluded): their presence means untranslated text. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]/;

/** Help lines that are not examples: examples may carry Vietnamese data (agency names, file names). */
function prose(help: string): string[] {
  return help.split('\n').filter((l) => !/^\s*\$ /.test(l) && !/^\s*# yaml-language-server/.test(l) && !/e\.g\. "/.test(l));
}

describe('--help --lang en', () => {
  const commands = requestedCommands([]);
  it('every command has English help, with no Vietnamese left outside examples', async () => {
    for (const name of ['', ...commands]) {
      if (name) expect(hasEnglishHelp(name), name).toBe(true);
      const r = await runMain([...(name ? [name] : []), '--help', '--lang', 'en'], makeProject({}));
      expect(r.code, name).toBe(0);
      // Legal document names (QĐ 3090, NĐ 30/2020/NĐ-CP) are proper names in both languages.
      const left = prose(r.stdout).filter((l) => VIETNAMESE.test(l.replace(/QĐ|NĐ/g, '')));
      expect(left, `kientruc ${name} --help --lang en`).toEqual([]);
      expect(r.stdout).toContain(name ? 'Examples:' : 'Quick start:');
    }
  });

  it('Vietnamese stays the default, and --lang=en works too', async () => {
    const dir = makeProject({});
    expect((await runMain(['check', '--help'], dir)).stdout).toContain('Ví dụ:');
    expect((await runMain(['--lang=en', 'check', '--help'], dir)).stdout).toContain('Examples:');
    expect((await runMain(['help', 'check', '--lang', 'en'], dir)).stdout).toContain('Examples:');
  });
});

describe('unknown commands', () => {
  it('an unknown command with --help is an error with a suggestion, not the general help', async () => {
    const dir = makeProject({});
    for (const argv of [['valdate', '--help'], ['help', 'valdate'], ['valdate', '-h', '--lang', 'en']]) {
      const r = await runMain(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/"valdate".*"validate"/);
    }
    expect((await runMain(['validate', '--help'], dir)).code).toBe(0);
    expect((await runMain(['help'], dir)).code).toBe(0);
  });
});

describe('--version', () => {
  it('prints kientruc, the framework pack and Node, in the language asked', async () => {
    const dir = makeProject({});
    const vi = await runMain(['--version'], dir);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toBe(`kientruc 0.1.0\nbộ khung vn-2025 2025.1.0\nNode ${process.version}\n`);
    expect((await runMain(['-V', '--lang', 'en'], dir)).stdout).toContain('framework pack vn-2025 2025.1.0');
  });
});

describe('kientruc completion', () => {
  function complete(script: string, line: string): string[] {
    const dir = makeProject({ 'architecture/agency.yaml': 'x' });
    const file = join(dir, 'kientruc.bash');
    writeFileSync(file, script);
    const words = line.split(' ');
    const r = spawnSync(
      'bash',
      ['-c', `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _kientruc; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).sort();
  }

  it('bash: commands, options of the command typed, choices of the option, files otherwise', async () => {
    const r = runBin(['completion', 'bash'], makeProject({}));
    expect(r.code, r.stderr).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: r.stdout }).status).toBe(0);
    expect(complete(r.stdout, 'kientruc va')).toEqual(['validate']);
    expect(complete(r.stdout, 'kientruc --lang en ch')).toEqual(['check']);
    expect(complete(r.stdout, 'kientruc check --fa')).toEqual(['--fail-on']);
    expect(complete(r.stdout, 'kientruc check --fail-on w')).toEqual(['warning']);
    expect(complete(r.stdout, 'kientruc doc --audience ')).toEqual(['internal', 'public']);
    expect(complete(r.stdout, 'kientruc --lang ')).toEqual(['en', 'vi']);
    expect(complete(r.stdout, 'kientruc check arch')).toEqual(['architecture']);
    expect(complete(r.stdout, 'kientruc completion --h')).toEqual(['--help']);
  });

  it('zsh: a #compdef function listing every command with its summary and options', async () => {
    const r = await runMain(['completion', 'zsh', '--lang', 'en'], makeProject({}));
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('#compdef kientruc\n')).toBe(true);
    for (const name of requestedCommands([])) expect(r.stdout).toContain(`    '${name}:`);
    expect(r.stdout).toContain("'(-f --format)--format[output format]:value:(stylish json sarif junit github)'");
    expect(r.stdout).toContain("'validate:validate YAML, schema and references'");
    // zsh may be absent on the CI machine: its parser checks the script when it is there.
    const zsh = spawnSync('zsh', ['-n'], { input: r.stdout });
    if (!zsh.error) expect(zsh.status).toBe(0);
  });

  it('an unknown shell is a usage error', async () => {
    const r = await runMain(['completion', 'fish'], makeProject({}));
    expect(r.code).toBe(2);
  });
});

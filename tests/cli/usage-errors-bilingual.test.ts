import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AGENCY, makeProject, REPO, runMain } from '../helpers/project.js';

/** Letters only Vietnamese uses (Latin-1 letters like "é" excluded): their presence means untranslated text. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]/;

function* tsFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

/**
 * Every `new UsageError(…)` under src/, and `new` of its subclasses other than UserError, whose
 * arguments hold Vietnamese: as file:line. main.ts prints such an error's message as written, so a
 * Vietnamese one reaches `--lang en` users untranslated; a language chosen at the call (`en ? … : …`)
 * is caught too, since the run's language is chosen in one place, from UserError's text.
 */
function vietnameseOnlyUsageErrors(): string[] {
  const src = join(REPO, 'src');
  const files = [...tsFiles(src)].map((file) => ({ rel: relative(REPO, file), text: readFileSync(file, 'utf8') }));
  const classes = new Set(['UsageError', ...files.flatMap((f) => [...f.text.matchAll(/class (\w+) extends UsageError\b/g)].map((m) => m[1] as string))]);
  classes.delete('UserError');
  const found: string[] = [];
  for (const { rel, text } of files) {
    const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && classes.has(node.expression.text)) {
        const args = (node.arguments ?? []).map((a) => a.getText(sf)).join(', ');
        if (VIETNAMESE.test(args)) found.push(`${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

describe('usage errors speak the language of --lang', () => {
  it('no Vietnamese-only usage error under src/: write new UserError(text(vi, en))', () => {
    expect(vietnameseOnlyUsageErrors()).toEqual([]);
  });

  const cases: readonly { argv: readonly string[]; vi: string; en: string }[] = [
    { argv: ['build', '--watch', '--check'], vi: '--watch và --check không dùng cùng nhau.', en: '--watch and --check cannot be used together.' },
    { argv: ['diagram', '--max-nodes', '2'], vi: '--max-nodes "2" phải là số nguyên từ 5 trở lên.', en: '--max-nodes "2" must be a whole number, 5 or more.' },
    {
      argv: ['report', '--period', '2025-Q9'],
      vi: '--period "2025-Q9" không hợp lệ: dùng 2025, 2025-H1, 2025-Q4 hoặc 2025-03.',
      en: '--period "2025-Q9" is not valid: use 2025, 2025-H1, 2025-Q4 or 2025-03.',
    },
    {
      argv: ['gap', '--format', 'xyz'],
      vi: '--format "xyz": dùng một hoặc nhiều trong md, html, pdf, docx, json, cách nhau bằng dấu phẩy.',
      en: '--format "xyz": use one or more of md, html, pdf, docx, json, separated by commas.',
    },
    {
      argv: ['check', '--as-of', '2025-13-45'],
      vi: '--as-of "2025-13-45" không phải ngày dạng YYYY-MM-DD (ví dụ 2026-09-30).',
      en: '--as-of "2025-13-45" is not a date YYYY-MM-DD (e.g. 2026-09-30).',
    },
    { argv: ['init', 'x', '--name', ''], vi: '--name không được để trống.', en: '--name must not be empty.' },
    {
      argv: ['doc', '--kind', 'xyz'],
      vi: '--kind "xyz": dùng một trong chien-luoc, ke-hoach, bao-cao, kien-truc.',
      en: '--kind "xyz": use one of chien-luoc, ke-hoach, bao-cao, kien-truc.',
    },
    { argv: ['check', '--config', 'khong-co.yaml'], vi: 'Không tìm thấy tệp cấu hình "khong-co.yaml" (--config).', en: 'No configuration file "khong-co.yaml" (--config).' },
    {
      argv: ['export', '--format', 'dcat', '--public', '--audience', 'internal'],
      vi: '--public và --audience internal mâu thuẫn nhau; chọn một.',
      en: '--public and --audience internal contradict each other; choose one.',
    },
  ];

  it.each(cases.map((c) => ({ ...c, line: c.argv.join(' ') })))('kientruc $line: one line, Vietnamese by default, English with --lang en', async ({ argv, vi, en }) => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY });
    const byDefault = await runMain(argv, dir);
    expect(byDefault.code).toBe(2);
    expect(byDefault.stderr).toBe(`kientruc: ${vi}\n`);
    const english = await runMain([...argv, '--lang', 'en'], dir);
    expect(english.code).toBe(2);
    expect(english.stderr).toBe(`kientruc: ${en}\n`);
    expect(english.stderr).not.toMatch(VIETNAMESE);
  });
});

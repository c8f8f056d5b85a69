/**
 * The daemon keeps its stylish output between requests as bytes, file by file (`FindingTextMemo`,
 * `stylishBytes`: a file's block is written again while its findings are the same objects, kept per
 * set of options the text depends on: language, colour). What it prints must be
 * the bytes a run without the memo prints: for random findings (control characters, line breaks,
 * fixes, waivers), for findings kept from one run to the next beside new ones, and through `main`
 * with the daemon's engine, switching language and colour between requests on the same memo.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { text } from '../../src/core/text.js';
import { FindingTextMemo, type FormatContext } from '../../src/diagnostics/format/context.js';
import { formatStylish, stylishBytes } from '../../src/diagnostics/format/stylish.js';
import { sampleEngine } from '../helpers/daemon-engine.js';

const TODAY = new Date('2026-06-30T08:00:00Z');

const words = fc.constantFrom('Hệ thống', 'dữ liệu', 'a\nb', 'tab\there', 'esc\u001b[31m', 'del\u007f', 'x\r\ny', '“ngoặc”', '', '100%');
const sentence = fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const diagnostic: fc.Arbitrary<Diagnostic> = fc
  .record({
    code: fc.constantFrom('system.security-level', 'data.classification', 'kpi.architecture-target'),
    severity: fc.constantFrom('error', 'warning', 'info'),
    vi: sentence,
    en: sentence,
    file: fc.constantFrom('architecture/a.yaml', 'architecture/b c.yaml', 'architecture/x\ny.yaml'),
    line: fc.integer({ min: 1, max: 400 }),
    col: fc.integer({ min: 1, max: 40 }),
    legalRef: fc.option(fc.constantFrom('NĐ 85/2016/NĐ-CP', 'QĐ 1751/QĐ-TTg'), { nil: undefined }),
    fix: fc.option(fc.tuple(sentence, sentence), { nil: undefined }),
    waived: fc.option(fc.record({ reason: sentence, approvedBy: sentence, expires: fc.constant('2026-12-31') }), { nil: undefined }),
  })
  .map((r) => ({
    code: r.code,
    severity: r.severity,
    message: text(r.vi, r.en),
    file: r.file,
    range: { start: { line: r.line, col: r.col }, end: { line: r.line, col: r.col + 1 } },
    path: [],
    ...(r.legalRef !== undefined ? { legalRef: r.legalRef } : {}),
    ...(r.fix !== undefined ? { fix: text(r.fix[0], r.fix[1]) } : {}),
    ...(r.waived !== undefined ? { waived: r.waived } : {}),
  }));

const ctxOf = (lang: 'vi' | 'en', color: boolean): FormatContext => ({
  codes: [],
  toolVersion: '0.0.0-test',
  color,
  lang,
  files: ['architecture/a.yaml', 'architecture/b c.yaml'],
});

describe('the daemon’s memo of stylish text', () => {
  it('prints what a run without it prints, for findings kept between runs and new ones', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 600 }), fc.array(diagnostic, { maxLength: 40 }), fc.boolean(), fc.constantFrom<'vi' | 'en'>('vi', 'en'), fc.boolean(), (first, added, color, lang, drop) => {
        const memo = new FindingTextMemo();
        const key = `stylish ${lang} ${color ? 'color' : 'plain'}`;
        const run = (list: Diagnostic[]) => {
          const withMemo = Buffer.concat([...stylishBytes(list, ctxOf(lang, color), memo.for(key))]);
          expect(withMemo.equals(Buffer.from(formatStylish(list, ctxOf(lang, color)), 'utf8'))).toBe(true);
        };
        run(first);
        // The next run: most findings are the same objects (the rule memo kept them), some gone, some new.
        const second = [...(drop ? first.filter((_, i) => i % 7 !== 3) : first), ...added];
        run(second);
        run(second);
      }),
      { numRuns: 60 },
    );
  });

  it('through the daemon’s engine, switching language and colour between requests, prints what the CLI prints without it', async () => {
    const { file, check } = sampleEngine('daemon-format-memo-', TODAY);
    const run = async (argv: string[], color: boolean, daemon: boolean): Promise<string> => {
      const { code, stdout } = await check(argv, color, daemon);
      return `${code}\n${stdout.toString('utf8')}`;
    };
    const original = readFileSync(file, 'utf8');
    let seen = 0;
    for (const [i, [argv, color]] of ([[['--lang', 'vi'], false], [['--lang', 'en'], false], [['--lang', 'vi'], true], [['--lang', 'en'], true], [['--lang', 'vi'], false]] as const).entries()) {
      // Each request after an edit: a broken reference comes and goes.
      writeFileSync(file, i % 2 === 0 ? original : original.replace(/(owner: org:[a-z-]*)[a-p]\n/, '$1q\n'));
      const warm = await run([...argv], color, true);
      const cold = await run([...argv], color, false);
      expect(warm).toBe(cold);
      seen += cold.split('\n').length;
    }
    expect(seen).toBeGreaterThan(50);
  }, 120_000);
});

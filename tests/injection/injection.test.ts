/**
 * Injection: Markdown, HTML, Mermaid, Handlebars, workflow-command and control-character payloads
 * planted in every text field (and in file names) must reach every output as the same characters,
 * shown as text. Formats are listed in ./checks.ts; a new one is one line there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/diagnostics/format/index.js';
import { findChromium } from '../../src/render/browser.js';
import { makeProject, runMain } from '../helpers/project.js';
import { checkFidelity, FILE_CHECKS, FORMAT_CHECKS, githubText, htmlText, markdownText, mermaidText, siteText } from './checks.js';
import { hostileProject, invalidHostileProject } from './hostile-model.js';

const AS_OF = ['--as-of', '2026-09-30'];
const PAYLOADS_FOR_SELF_TEST = '<b>đậm</b> [a](b) **x** `y`';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** Checks every generated file by its extension; returns problems, and how many markers each file showed. */
function checkGenerated(out: string, planted: ReturnType<typeof hostileProject>['planted']): { problems: string[]; seen: Map<string, number> } {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const file of listFiles(out)) {
    const rel = relative(out, file);
    const check = FILE_CHECKS.find((c) => extname(file) === c.ext && (c.path === undefined || c.path === rel.split('\\').join('/')));
    if (!check) {
      problems.push(`${rel}: no injection check for "${extname(file)}" files — add one line to FILE_CHECKS in tests/injection/checks.ts`);
      continue;
    }
    if (!check.visible) continue;
    try {
      const r = checkFidelity(check.visible(readFileSync(file)), planted);
      seen.set(rel, r.checked);
      problems.push(...r.problems.map((p) => `${rel}: ${p}`));
    } catch (err: unknown) {
      problems.push(`${rel}: ${(err as Error).message}`);
    }
  }
  return { problems, seen };
}

describe('injection: hostile text stays text in every output', () => {
  const valid = hostileProject();
  const invalid = invalidHostileProject();

  it('the hostile model is schema-valid: payloads are planted as values, not errors', async () => {
    const dir = makeProject(valid.files);
    const r = await runMain(['validate', '-f', 'json', ...AS_OF], dir);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(out.diagnostics.filter((d) => /^(load|yaml|schema|model)\./.test(d.code) && d.code !== 'model.agency-code-format' && d.code !== 'model.self-integration' && d.code !== 'model.national-declared')).toEqual([]);
    expect(valid.planted.size).toBeGreaterThan(100);
  });

  it('kientruc build (no browser): every file, every planted value shown as text', async () => {
    const dir = makeProject(valid.files);
    const r = await runMain(['build', '--no-render', ...AS_OF], dir);
    expect(r.code, r.stderr).toBe(0);
    const { problems, seen } = checkGenerated(join(dir, 'generated'), valid.planted);
    expect(problems).toEqual([]);
    // The harness must actually reach the outputs: model.json carries every field, summary.md the agency's name.
    expect(seen.get('model.json')).toBe(valid.planted.size);
    expect(seen.get('summary.md') ?? 0).toBeGreaterThan(0);
  });

  for (const format of FORMAT_NAMES) {
    it(`check -f ${format}: messages and file names echoing payloads stay text`, async () => {
      const dir = makeProject(invalid.files);
      const r = await runMain(['check', '-f', format, ...AS_OF], dir);
      expect(r.code, r.stderr).toBe(1);
      const visible = FORMAT_CHECKS[format](new TextEncoder().encode(r.stdout));
      const { checked, problems } = checkFidelity(visible, invalid.planted);
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThanOrEqual(invalid.planted.size);
      if (format !== 'json' && format !== 'sarif') expect(r.stdout).not.toContain('\u001b');
    });
  }

  it('every diagnostic format has a check', () => {
    expect(Object.keys(FORMAT_CHECKS).sort()).toEqual([...FORMAT_NAMES].sort());
  });

  const chromium = findChromium(process.env);
  it.skipIf(!chromium)('kientruc build with the browser (SVG, PNG, PDF, DOCX): every planted value shown as text', async () => {
    const dir = makeProject(valid.files);
    const r = await runMain(['build', ...AS_OF], dir);
    expect(r.code, r.stderr).toBe(0);
    const { problems } = checkGenerated(join(dir, 'generated'), valid.planted);
    expect(problems).toEqual([]);
  });
});

describe('injection checks catch what they are meant to catch', () => {
  const planted = new Map([
    [1, { kind: 'system' as const, path: 'name', text: PAYLOADS_FOR_SELF_TEST }],
    [2, { kind: 'system' as const, path: 'shortName', text: 'A"]-->B["x' }],
  ]);
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const cases: [string, () => string][] = [
    ['Markdown left unescaped (bold, link)', () => markdownText(enc(`| XQ1QX${PAYLOADS_FOR_SELF_TEST}XQQX |\n`))],
    ['HTML left unescaped', () => htmlText(enc(`<p>XQ1QX<b>đậm</b> [a](b) **x** \`y\`XQQX</p>`))],
    ['markup left raw in a Mermaid label', () => mermaidText(enc(`A["XQ1QX<b>đậm</b> [a](b) **x** \`y\`XQQX"]`))],
    ['a payload that breaks out of a Mermaid label', () => mermaidText(enc('A["XQ2QXA"]-->B["xXQQX"]'))],
    ['a newline that forges a workflow command', () => githubText(enc(`::error file=a::XQ1QXx\n::error::forged XQQX\n`))],
    ['an event handler attribute in a page', () => htmlText(enc('<p>XQ2QXA<img src=x onerror=alert(1)>XQQX</p>'))],
    ['a second script in the catalogue site', () => siteText(enc('<p>XQ2QXA"]-->B["xXQQX</p><script>alert(1)</script><script>search()</script>'))],
    ['a payload that breaks out of a Mermaid label in a Markdown fence', () => markdownText(enc('```mermaid\nflowchart LR\n  A["XQ2QXA"]-->B["xXQQX"]\n```\n'))],
  ];
  for (const [name, visible] of cases) {
    it(name, () => {
      let failed = false;
      try {
        failed = checkFidelity(visible(), planted).problems.length > 0;
      } catch {
        failed = true;
      }
      expect(failed).toBe(true);
    });
  }
  it('a faithful rendering passes', () => {
    expect(checkFidelity(htmlText(enc('<p>XQ1QX&lt;b&gt;đậm&lt;/b&gt; [a](b) **x** `y`XQQX</p>')), planted).problems).toEqual([]);
  });
  it('an escaped payload inside an attribute value is text, not an attribute', () => {
    expect(checkFidelity(htmlText(enc('<div data-q="&lt;img src=x onerror=alert(1)&gt;"><p>XQ2QXA&quot;]--&gt;B[&quot;xXQQX</p></div>')), planted).problems).toEqual([]);
  });
});

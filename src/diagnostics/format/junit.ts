import type { Diagnostic } from '../../core/diagnostic.js';
import { pick } from '../../core/text.js';
import type { FormatContext } from './context.js';

export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // An attribute keeps its line breaks only as references (a parser turns raw ones into spaces), and
    // a file name with a newline must not start a raw line of its own.
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** One piece of text inside a CDATA section: its own line breaks leave the section as references. */
function cdataPiece(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .split(']]>')
    .join(']]]]><![CDATA[>')
    .replace(/\r\n|\r|\n/g, (m) => `]]>${m === '\r\n' ? '&#13;&#10;' : m === '\r' ? '&#13;' : '&#10;'}<![CDATA[`);
}

/** Lines of text in one CDATA section; only the breaks between `lines` are raw. */
function cdata(lines: readonly string[]): string {
  return `<![CDATA[${lines.map(cdataPiece).join('\n')}]]>`;
}

/**
 * One `<testsuite>` per checked file, one `<testcase>` per finding; a clean file is one passing test.
 * Valid against the widely used junit-10.xsd (Jenkins xUnit, GitLab): `skipped` is counted per
 * `<testsuite>` only, the schema rejects it on `<testsuites>`.
 */
export function formatJunit(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of ctx.files) byFile.set(f, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const files = [...byFile.keys()].sort();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const list = byFile.get(file) ?? [];
    const cases: string[] = [];
    let f = 0;
    let s = 0;
    if (list.length === 0) {
      cases.push(`    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(ctx.lang === 'vi' ? 'hợp lệ' : 'valid')}" />`);
    }
    for (const d of list) {
      const name = `${d.range.start.line}:${d.range.start.col} ${d.code}${d.entity ? ` ${d.entity}` : ''}`;
      const message = pick(d.message, ctx.lang);
      const body = [
        `${d.file}:${d.range.start.line}:${d.range.start.col}`,
        message,
        d.fix ? pick(d.fix, ctx.lang) : '',
        d.legalRef ? `Căn cứ / Legal basis: ${d.legalRef}` : '',
      ].filter(Boolean);
      if (d.waived) {
        s++;
        cases.push(`    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(name)}">\n      <skipped message="${xmlEscape(`waived: ${d.waived.reason}`)}" />\n    </testcase>`);
      } else {
        f++;
        cases.push(
          `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(name)}">\n      <failure type="${d.severity}" message="${xmlEscape(message)}">${cdata(body)}</failure>\n    </testcase>`,
        );
      }
    }
    const count = Math.max(1, list.length);
    tests += count;
    failures += f;
    suites.push(`  <testsuite name="${xmlEscape(file)}" tests="${count}" failures="${f}" errors="0" skipped="${s}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kientruc" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

import type { Diagnostic } from '../../core/diagnostic.js';
import { isAtLeast } from '../../core/severity.js';
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
 * A finding fails its test case exactly when it fails the run (`ctx.failOn`, as the exit code decides):
 * an unwaived finding at or above `--fail-on` is a `<failure>`, an `internal.*` finding (exit 2) an
 * `<error>`; a waived one is `<skipped>`, and one below the threshold is a passing test case with its
 * text in `<system-out>`, so the CI's test report counts what fails the job, and shows the rest.
 * Valid against the widely used junit-10.xsd (Jenkins xUnit, GitLab): `skipped` is counted per
 * `<testsuite>` only, the schema rejects it on `<testsuites>`.
 */
export function formatJunit(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  const failOn = ctx.failOn ?? 'error';
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
  let errors = 0;
  for (const file of files) {
    const list = byFile.get(file) ?? [];
    const cases: string[] = [];
    let f = 0;
    let e = 0;
    let s = 0;
    if (list.length === 0) {
      cases.push(`    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(ctx.lang === 'vi' ? 'hợp lệ' : 'valid')}" />`);
    }
    for (const d of list) {
      const name = `${d.range.start.line}:${d.range.start.col} ${d.code}${d.entity ? ` ${d.entity}` : ''}`;
      const open = `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(name)}">`;
      const message = pick(d.message, ctx.lang);
      const where = `${d.file}:${d.range.start.line}:${d.range.start.col}`;
      const rest = [message, d.fix ? pick(d.fix, ctx.lang) : '', d.legalRef ? `Căn cứ / Legal basis: ${d.legalRef}` : ''].filter(Boolean);
      if (d.code.startsWith('internal.')) {
        e++;
        cases.push(`${open}\n      <error type="${d.code}" message="${xmlEscape(message)}">${cdata([where, ...rest])}</error>\n    </testcase>`);
      } else if (d.waived) {
        s++;
        cases.push(`${open}\n      <skipped message="${xmlEscape(`waived: ${d.waived.reason}`)}" />\n    </testcase>`);
      } else if (isAtLeast(d.severity, failOn)) {
        f++;
        cases.push(`${open}\n      <failure type="${d.severity}" message="${xmlEscape(message)}">${cdata([where, ...rest])}</failure>\n    </testcase>`);
      } else {
        cases.push(`${open}\n      <system-out>${cdata([`${where}  ${d.severity}`, ...rest])}</system-out>\n    </testcase>`);
      }
    }
    const count = Math.max(1, list.length);
    tests += count;
    failures += f;
    errors += e;
    suites.push(`  <testsuite name="${xmlEscape(file)}" tests="${count}" failures="${f}" errors="${e}" skipped="${s}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kientruc" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}

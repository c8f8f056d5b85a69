/**
 * The one Handlebars instance of kientruc (§5.3): isolated with `Handlebars.create()`, helpers
 * registered here and nowhere else, templates compiled `strict` with `knownHelpersOnly`, so a typo in a
 * template fails the build instead of printing a blank. Templates live in `templates/<name>/`: `*.hbs`
 * are templates (`<name>/<file>`), `partials/*.hbs` are partials (`{{> <name>/<file>}}`);
 * `templates/shared/` holds partials every report may use (`{{> shared/style}}`).
 * Escaping stays on: templates never use triple braces; trusted HTML enters only as `SafeString` made in TS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import Handlebars from 'handlebars';
import { viShortDate } from '../core/dates.js';
import { InternalError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { mdInline, mdProse, viNumber } from './markdown.js';

export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');

const hb = Handlebars.create();

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Generic helpers only: formatting and comparison. Anything domain-specific belongs in the view model.
 * Names are verbs or prefixed (`fmtDate`, not `date`) so that they never shadow a view-model field:
 * Handlebars resolves `{{date}}` to a helper before the context.
 */
const HELPERS = {
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  gt: (a: unknown, b: unknown) => isNumber(a) && isNumber(b) && a > b,
  lt: (a: unknown, b: unknown) => isNumber(a) && isNumber(b) && a < b,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  not: (a: unknown) => !a,
  /** `{{plusOne @index}}` → 1-based numbering. */
  plusOne: (n: unknown) => (isNumber(n) ? n + 1 : n),
  /** Vietnamese number (`1.234,5`); `—` for null. */
  fmtNumber: (v: unknown, digits: unknown) => (isNumber(v) ? viNumber(v, isNumber(digits) ? digits : 1) : '—'),
  /** `87,5%`; `—` for null. */
  fmtPercent: (v: unknown) => (isNumber(v) ? `${viNumber(v, 1)}%` : '—'),
  /** ISO date → `30/9/2026`; `—` for null. */
  fmtDate: (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? viShortDate(v) : '—'),
  /** The value, or the fallback when it is null or empty. */
  orDefault: (v: unknown, fallback: unknown) => (v === null || v === undefined || v === '' ? fallback : v),
  /** Joins a list of strings. */
  joinList: (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : ''),
  /** First letter in lower case, for a label in mid-sentence (`Hằng quý` → `hằng quý`). */
  lowerFirst: (v: unknown) => (typeof v === 'string' && v.length > 0 ? v.charAt(0).toLocaleLowerCase('vi') + v.slice(1) : v),
  /** Length of a list. */
  sizeOf: (list: unknown) => (Array.isArray(list) ? list.length : 0),
  /** Markdown prose: escapes only what Markdown would read as markup (`mdProse`). */
  md: (value: unknown) => new hb.SafeString(mdProse(value)),
  /** A Markdown table cell (`mdInline`: pipes escaped, no line-start escapes). */
  mdCell: (value: unknown) => new hb.SafeString(mdInline(value)),
  /** The delimiter-row cell of a Markdown table column aligned `left`, `center` or `right`. */
  mdAlign: (align: unknown) => new hb.SafeString(align === 'right' ? '---:' : align === 'center' ? ':---:' : '---'),
  /** Empty cells completing a Markdown row whose label spans `span` columns. */
  mdPad: (span: unknown) => new hb.SafeString(' |'.repeat(Math.max(0, Number(span) - 1))),
  /**
   * Verbatim text for inside a fenced code block; the view model supplies a fence longer than any
   * backtick run in it, so nothing inside is read as Markdown.
   */
  mdCode: (value: unknown) => new hb.SafeString(String(value ?? '')),
} as const;

/**
 * Helpers whose argument is a view field. View models hold every key (absent values are null), so an
 * undefined argument is a misspelt field: strict mode does not check helper arguments, these do, and
 * the error carries the template position the way strict mode's own errors do ("… - line:col").
 */
const FIELD_HELPERS: ReadonlySet<string> = new Set(['md', 'mdCell', 'mdAlign', 'mdPad', 'mdCode']);

function guarded(name: string, fn: (...args: unknown[]) => unknown): Handlebars.HelperDelegate {
  return (...args: unknown[]) => {
    const options = args[args.length - 1] as { loc?: { start?: { line: number; column: number } } } | undefined;
    if (args.slice(0, -1).some((a) => a === undefined)) {
      const at = options?.loc?.start;
      throw new Error(`undefined argument of helper "${name}"${at ? ` - ${at.line}:${at.column}` : ''}`);
    }
    return fn(...args);
  };
}

for (const [name, fn] of Object.entries(HELPERS)) {
  hb.registerHelper(name, FIELD_HELPERS.has(name) ? guarded(name, fn as (...args: unknown[]) => unknown) : (fn as Handlebars.HelperDelegate));
}

/** The helper names templates may call (compile option `knownHelpers`). */
export const KNOWN_HELPERS: Readonly<Record<string, boolean>> = Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true]));

const COMPILE_OPTIONS: CompileOptions = { strict: true, knownHelpersOnly: true, knownHelpers: KNOWN_HELPERS, noEscape: false };

const templates = new Map<string, Handlebars.TemplateDelegate>();
const loaded = new Set<string>();

function hbsFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Partials are registered compiled: Handlebars compiles a partial registered as source text again in
 * every top-level render that uses it (its cache lives in that call's options), and every document
 * and report includes the shared ones. Same instance and options, so the output is the same.
 *
 * Registers the templates and partials of one folder (`gap-report`, or an absolute path) and the shared
 * partials, once per process. Returns the template names it holds.
 */
export function loadTemplates(dir: string): readonly string[] {
  const abs = isAbsolute(dir) ? dir : join(TEMPLATES_DIR, dir);
  const ns = basename(abs);
  const names: string[] = [];
  if (!loaded.has(abs)) {
    loaded.add(abs);
    if (ns !== 'shared') loadTemplates(join(TEMPLATES_DIR, 'shared'));
    for (const file of hbsFiles(join(abs, 'partials'))) {
      hb.registerPartial(`${ns}/${file.replace(/\.hbs$/, '')}`, hb.compile(readFileSync(join(abs, 'partials', file), 'utf8'), COMPILE_OPTIONS));
    }
    for (const file of hbsFiles(abs)) {
      const source = readFileSync(join(abs, file), 'utf8');
      if (ns === 'shared') hb.registerPartial(`shared/${file.replace(/\.hbs$/, '')}`, hb.compile(source, COMPILE_OPTIONS));
      else templates.set(`${ns}/${file.replace(/\.hbs$/, '')}`, hb.compile(source, COMPILE_OPTIONS));
    }
  }
  for (const key of templates.keys()) if (key.startsWith(`${ns}/`)) names.push(key);
  return names;
}

/** Renders template `<folder>/<name>` with a view model (every key present; null when empty). */
export function renderTemplate(name: string, viewModel: unknown): string {
  const folder = name.split('/')[0] ?? name;
  if (!templates.has(name)) loadTemplates(folder);
  const template = templates.get(name);
  if (!template) throw new InternalError(`template "${name}" not found in ${TEMPLATES_DIR}`);
  try {
    const out = template(viewModel, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    return out.endsWith('\n') ? out : `${out}\n`;
  } catch (err: unknown) {
    throw new InternalError(`template "${name}" failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/**
 * Compiled templates by source text. Every administrative document renders the whole strategy set
 * (~40 sections) and a build renders a dozen documents: compiling each text once per process instead
 * of once per document took a build of the sample from ~1.6 s to ~1.2 s of CPU. A template is a pure
 * function of its text and the compile options (partials are passed per call), so sharing is safe.
 * Bounded for long-running processes (watch, LSP) whose overrides keep changing.
 */
const compiledBySource = new Map<string, Handlebars.TemplateDelegate>();
const COMPILED_MAX = 512;

/**
 * Compiles a strategy template with the same instance and options. `eager` (an agency's override of
 * a strategy partial) compiles it at once, so a syntax error surfaces here; the package's own
 * templates compile on first use (their errors are the test suite's to find), which halves the work.
 */
export function compileTemplate(source: string, eager = true): Handlebars.TemplateDelegate {
  const known = compiledBySource.get(source);
  if (known) return known;
  if (eager) hb.precompile(source, COMPILE_OPTIONS);
  const compiled = hb.compile(source, COMPILE_OPTIONS);
  if (compiledBySource.size >= COMPILED_MAX) compiledBySource.clear();
  compiledBySource.set(source, compiled);
  return compiled;
}

/** Trusted markup (our own CSS, our diagram module's SVG) for a template. */
export function trustedHtml(html: string): Handlebars.SafeString {
  return new hb.SafeString(html);
}

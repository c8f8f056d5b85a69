/**
 * The one Handlebars instance of kientruc (§5.3): isolated with `Handlebars.create()`, helpers
 * registered here and nowhere else, templates compiled `strict` with `knownHelpersOnly`, so a typo in a
 * template fails the build instead of printing a blank. Templates live in `templates/<name>/`: `*.hbs`
 * are templates (`<name>/<file>`), `partials/*.hbs` are partials (`{{> <name>/<file>}}`);
 * `templates/shared/` holds partials every report may use (`{{> shared/style}}`).
 * Escaping stays on: templates never use triple braces; trusted HTML enters only as `SafeString` made in TS.
 */
import { randomBytes } from 'node:crypto';
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
  // A compiled template keeps the helpers and partials of its latest render; a template rendered in
  // pieces still needs those of its own render, so while one is under way the others get their own copy.
  if (streaming > 0) {
    if (eager) hb.precompile(source, COMPILE_OPTIONS);
    return hb.compile(source, COMPILE_OPTIONS);
  }
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

/**
 * A template rendered in pieces. Handlebars renders a template to one string; a national document is
 * tens of millions of characters, made of a few long lists (a table's rows, a plan's tasks). So the
 * template is first rendered with an `#each` that, for a list longer than `DEFER_FROM`, writes a
 * mark in place of the list's text and keeps what it needs to render it (the list, the block, the
 * data frame as it was); the pieces are that first text with each mark replaced, in order, by its
 * list rendered `BATCH` items at a time (a list inside an item is deferred in turn). Each item is
 * rendered by the block Handlebars compiled, with the frame Handlebars' own `#each` gives it (`@index`,
 * `@first`, `@last`, `@key`), so the pieces join to exactly the text of one render
 * (tests/render/streamed-documents.test.ts). Only lists are deferred, never a template's other
 * output, so a template may use `#each` freely; a partial called with an indent would indent a mark,
 * not the list it stands for, which is why only the package's own templates (none indented) are
 * rendered this way.
 */
export function* renderInPieces(render: (helpers: Record<string, Handlebars.HelperDelegate>) => string): Generator<string> {
  const deferral = new EachDeferral();
  const first = render({ each: deferral.each });
  streaming++;
  try {
    yield* deferral.expand(first);
  } finally {
    streaming--;
  }
}

/** How many renders in pieces are under way (see `compileTemplate`). */
let streaming = 0;

/** Lists this long or longer are rendered after the text around them, in batches. */
const DEFER_FROM = 16;
const BATCH = 64;

type Frame = Record<string, unknown> & { _parent?: Frame };

interface Deferred {
  readonly list: readonly unknown[];
  readonly fn: Handlebars.TemplateDelegate;
  readonly frame: Frame | undefined;
}

/** A frame and its ancestors as they are now (Handlebars changes an `#each`'s frame from item to item). */
function snapshot(frame: Frame): Frame {
  const copy: Frame = { ...frame };
  if (frame._parent !== undefined && frame._parent !== null && typeof frame._parent === 'object') copy._parent = snapshot(frame._parent);
  return copy;
}

class EachDeferral {
  /** Marks cannot occur in a document's text: NUL and a random word around a number. */
  private readonly word = randomBytes(8).toString('hex');
  private readonly mark = new RegExp(`\u0000${this.word}:(\\d+)\u0000`, 'g');
  private readonly pending = new Map<number, Deferred>();
  private count = 0;

  readonly each: Handlebars.HelperDelegate;

  constructor() {
    const builtin = hb.helpers['each'] as Handlebars.HelperDelegate;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.each = function (this: unknown, context: unknown, options: Handlebars.HelperOptions & { ids?: string[] }) {
      // (`ids` come only with the compile option trackIds, which kientruc does not use.)
      if (!Array.isArray(context) || context.length < DEFER_FROM || !options?.fn || options.ids) return builtin.call(this, context, options);
      const data = options.data as Frame | undefined;
      const id = self.count++;
      self.pending.set(id, {
        list: context,
        fn: options.fn,
        // What Handlebars' #each does on entry: a new frame over the caller's, taken now.
        frame: data ? (Handlebars.createFrame(snapshot(data)) as Frame) : undefined,
      });
      return `\u0000${self.word}:${id}\u0000`;
    };
  }

  /** `text` with its marks replaced by their lists, in pieces. */
  *expand(text: string): Generator<string> {
    let at = 0;
    for (const m of text.matchAll(this.mark)) {
      if (m.index > at) yield text.slice(at, m.index);
      yield* this.items(Number(m[1]));
      at = m.index + m[0].length;
    }
    if (at < text.length) yield at === 0 ? text : text.slice(at);
  }

  /** The list behind mark `id`, as Handlebars' #each renders it, a batch at a time. */
  private *items(id: number): Generator<string> {
    const d = this.pending.get(id);
    if (!d) throw new InternalError(`template list ${id} rendered twice`);
    this.pending.delete(id);
    const { list, fn, frame } = d;
    for (let from = 0; from < list.length; from += BATCH) {
      let out = '';
      for (let i = from; i < Math.min(list.length, from + BATCH); i++) {
        if (!(i in list)) continue;
        if (frame) {
          frame['key'] = i;
          frame['index'] = i;
          frame['first'] = i === 0;
          frame['last'] = i === list.length - 1;
        }
        // Block parameters as Handlebars' #each passes them (their path is "undefined<i>" without ids).
        out += fn(list[i], { data: frame, blockParams: Handlebars.Utils.blockParams([list[i], i], [`undefined${i}`, null]) });
      }
      yield* this.expand(out);
    }
  }
}

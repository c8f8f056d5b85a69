import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { UsageError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../../core/paths.js';
import type { TemplateOverride } from '../../core/project-assets.js';

/**
 * The strategy's Handlebars templates: the package's `templates/strategy/<name>.<md|html>.hbs`, each
 * replaceable by a file of the same name in the agency's `templates/strategy/` (read by
 * `load/project-assets.ts`). One isolated instance, strict and known-helpers-only (§5.3), so a
 * misspelt field or helper fails the build instead of leaving a blank.
 */

export type TemplateFormat = 'md' | 'html';

export const TEMPLATE_DIR = join(PACKAGE_ROOT, 'templates', 'strategy');

/**
 * Markdown-escapes inline text: only what Markdown would read as markup (emphasis, code, links,
 * tables, HTML and entities), so the source stays readable.
 */
export function mdInline(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return s
    .replace(/\\/g, '\\\\')
    .replace(/([`*_[\]~|])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/** Inline escaping, plus what a line may not start with (headings, quotes, list markers). */
export function mdProse(value: unknown): string {
  return mdInline(value)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const hb = Handlebars.create();
const safe = (s: string): Handlebars.SafeString => new hb.SafeString(s);

const HELPERS = {
  /** Prose in Markdown. */
  md: (value: unknown) => safe(mdProse(value)),
  /** A Markdown table cell (an empty cell stays empty). */
  mdCell: (value: unknown) => safe(mdInline(value)),
  /** The delimiter-row cell of a column alignment. */
  mdAlign: (align: unknown) => safe(align === 'right' ? '---:' : align === 'center' ? ':---:' : '---'),
  /** Empty cells that complete a group row spanning `span` columns. */
  mdPad: (span: unknown) => safe(' |'.repeat(Math.max(0, Number(span) - 1))),
  /**
   * Verbatim text for inside a fenced code block (the view supplies a fence longer than any backtick
   * run in it, so nothing inside is read as Markdown).
   */
  mdCode: (value: unknown) => safe(String(value ?? '')),
} as const;

for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);

const COMPILE: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
};

type CompileOptions = NonNullable<Parameters<typeof hb.compile>[1]>;

/** File names of the built-in templates (`bang.html.hbs`, …), sorted. */
export function builtinTemplateNames(): string[] {
  return readdirSync(TEMPLATE_DIR)
    .filter((f) => f.endsWith('.hbs'))
    .sort();
}

interface Source {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly override: boolean;
}

function sources(format: TemplateFormat, overrides: readonly TemplateOverride[]): Source[] {
  const suffix = `.${format}.hbs`;
  return builtinTemplateNames()
    .filter((f) => f.endsWith(suffix))
    .map((f) => {
      const o = overrides.find((x) => x.name === f);
      return o
        ? { name: f.slice(0, -suffix.length), file: o.file, text: o.text, override: true }
        : { name: f.slice(0, -suffix.length), file: `templates/strategy/${f}`, text: readFileSync(join(TEMPLATE_DIR, f), 'utf8'), override: false };
    });
}

function failure(src: Source | undefined, err: unknown): Error {
  const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
  if (src?.override) return new UsageError(`Mẫu ghi đè ${src.file} không dùng được: ${msg}`);
  return err instanceof Error ? err : new Error(msg);
}

/**
 * Renders the root template `van-ban` of `format` with `context`. An override that does not compile
 * or asks for a field the view does not have is a usage error naming the override file.
 */
export function renderTemplate(format: TemplateFormat, context: object, overrides: readonly TemplateOverride[] = []): string {
  const list = sources(format, overrides);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const s of list) {
    try {
      const fn = hb.compile(s.text, COMPILE);
      // Compile now (Handlebars compiles lazily) so a syntax error names its file.
      hb.precompile(s.text, COMPILE);
      compiled.set(s.name, fn);
    } catch (err: unknown) {
      throw failure(s, err);
    }
  }
  const root = compiled.get('van-ban');
  if (!root) throw new Error(`templates/strategy/van-ban.${format}.hbs is missing`);
  try {
    return root(context, { partials: Object.fromEntries(compiled) });
  } catch (err: unknown) {
    throw failure(list.find((s) => s.override), err);
  }
}

export { hb as strategyHandlebars };

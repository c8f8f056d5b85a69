import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { UserError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../../core/paths.js';
import type { TemplateOverride } from '../../core/project-assets.js';
import { compileTemplate, renderInPieces } from '../handlebars.js';
import { closest } from '../../core/similar.js';
import { text } from '../../core/text.js';

/**
 * The strategy's Handlebars templates: the package's `templates/strategy/<name>.<md|html>.hbs`, one
 * per section, each replaceable by a file of the same name in the agency's `templates/strategy/` (read
 * by `load/project-assets.ts`). All compile in the one shared instance (`render/handlebars.ts`): strict,
 * known helpers only, so a misspelt field or helper fails the build instead of leaving a blank. The
 * sections are passed as partials at render time, so the Markdown and HTML sets never mix.
 */

export type TemplateFormat = 'md' | 'html';

export const TEMPLATE_DIR = join(PACKAGE_ROOT, 'templates', 'strategy');

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

/** Every key of the view, to depth 4, for "did you mean" on a misspelt field. */
function fieldNames(value: unknown, depth = 0, out = new Set<string>()): Set<string> {
  if (depth > 4 || value === null || typeof value !== 'object') return out;
  const items = Array.isArray(value) ? value.slice(0, 3) : [value];
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      fieldNames(item, depth + 1, out);
      continue;
    }
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      out.add(k);
      fieldNames(v, depth + 1, out);
    }
  }
  return out;
}

/**
 * A template error as the author of an override needs it: the file, line and column, the field that
 * does not exist and the closest one that does (Handlebars itself says "not defined in [object Object]").
 */
function failure(src: Source | undefined, err: unknown, context?: object): Error {
  const msg = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  if (!src?.override) return err instanceof Error ? err : new Error(msg);
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(msg);
  if (missing) {
    const [, field, line, col] = missing as unknown as [string, string, string, string];
    const guess = context ? closest(field, fieldNames(context)) : undefined;
    return missingField(`${src.file}:${line}:${Number(col) + 1}`, field, guess);
  }
  const helperArg = /^undefined argument of helper "([^"]+)" - (\d+):(\d+)$/.exec(msg);
  if (helperArg) {
    const [, helper, line, col] = helperArg as unknown as [string, string, string, string];
    // The misspelt name is the helper's argument at that position of the override's text.
    const rest = (src.text.split('\n')[Number(line) - 1] ?? '').slice(Number(col));
    const field = new RegExp(`^\\{\\{~?\\s*${helper}\\s+([^\\s}]+)`).exec(rest)?.[1] ?? '?';
    const guess = context ? closest(field.split('.').pop() ?? field, fieldNames(context)) : undefined;
    return missingField(`${src.file}:${line}:${Number(col) + 1}`, field, guess);
  }
  const parse = /^Parse error on line (\d+):?/.exec(msg);
  if (parse) return new UserError(text(`${src.file}:${parse[1]}: mẫu ghi đè sai cú pháp Handlebars: ${msg}`, `${src.file}:${parse[1]}: the override template has a Handlebars syntax error: ${msg}`));
  return new UserError(text(`Mẫu ghi đè ${src.file} không dùng được: ${msg}`, `The override template ${src.file} cannot be used: ${msg}`));
}

/** An override asking for a field the document does not have, at `where` (file:line:col), with the closest field. */
function missingField(where: string, field: string, guess: string | undefined): UserError {
  return new UserError(
    text(
      `${where}: mẫu ghi đè dùng trường "${field}" mà văn bản không có${guess ? `; có phải "${guess}"?` : ''}`,
      `${where}: the override template uses the field "${field}", which the document does not have${guess ? `; did you mean "${guess}"?` : ''}`,
    ),
  );
}

/**
 * Renders the root template `rootName` of `format` with `context` (`van-ban`: the strategy;
 * `hanh-chinh`: every other administrative document). An override that does not compile,
 * or asks for a field the view does not have, is a usage error naming the override file.
 */
export function renderTemplate(format: TemplateFormat, context: object, overrides: readonly TemplateOverride[] = [], rootName = 'van-ban'): string {
  const list = sources(format, overrides);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const s of list) {
    try {
      compiled.set(s.name, compileTemplate(s.text, s.override));
    } catch (err: unknown) {
      throw failure(s, err);
    }
  }
  const root = compiled.get(rootName);
  if (!root) throw new Error(`templates/strategy/${rootName}.${format}.hbs is missing`);
  try {
    return root(context, { partials: Object.fromEntries(compiled), allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (err: unknown) {
    throw failure(overrideAt(list, err) ?? list.find((s) => s.override), err, context);
  }
}

/**
 * `renderTemplate` with the package's own templates, in pieces that join to the same text: the long
 * lists of a national document (a table's rows) are rendered one batch at a time (`renderInPieces`),
 * so the whole text is never in memory. Nothing is rendered before the first piece is asked for.
 */
export function* renderTemplatePieces(format: TemplateFormat, context: object, rootName = 'van-ban'): Generator<string> {
  yield* renderInPieces((helpers) => {
    const compiled = new Map(sources(format, []).map((s) => [s.name, compileTemplate(s.text, false)] as const));
    const root = compiled.get(rootName);
    if (!root) throw new Error(`templates/strategy/${rootName}.${format}.hbs is missing`);
    return root(context, { helpers, partials: Object.fromEntries(compiled), allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  });
}

/**
 * Which override a runtime error came from: Handlebars does not say, so the override whose text has
 * the missing field at the reported line wins; with one override, that one.
 */
function overrideAt(list: readonly Source[], err: unknown): Source | undefined {
  const overrides = list.filter((s) => s.override);
  if (overrides.length <= 1) return overrides[0];
  const msg = err instanceof Error ? err.message : '';
  const m = /^"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(msg) ?? /^undefined argument of helper "([^"]+)" - (\d+):(\d+)/.exec(msg);
  if (!m) return undefined;
  const [, name, line] = m as unknown as [string, string, string];
  return overrides.find((s) => (s.text.split('\n')[Number(line) - 1] ?? '').includes(name));
}

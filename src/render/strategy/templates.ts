import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { UsageError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../../core/paths.js';
import type { TemplateOverride } from '../../core/project-assets.js';
import { compileTemplate } from '../handlebars.js';

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

function failure(src: Source | undefined, err: unknown): Error {
  const msg = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  if (src?.override) return new UsageError(`Mẫu ghi đè ${src.file} không dùng được: ${msg}`);
  return err instanceof Error ? err : new Error(msg);
}

/**
 * Renders the root template `van-ban` of `format` with `context`. An override that does not compile,
 * or asks for a field the view does not have, is a usage error naming the override file.
 */
export function renderTemplate(format: TemplateFormat, context: object, overrides: readonly TemplateOverride[] = []): string {
  const list = sources(format, overrides);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const s of list) {
    try {
      compiled.set(s.name, compileTemplate(s.text));
    } catch (err: unknown) {
      throw failure(s, err);
    }
  }
  const root = compiled.get('van-ban');
  if (!root) throw new Error(`templates/strategy/van-ban.${format}.hbs is missing`);
  try {
    return root(context, { partials: Object.fromEntries(compiled), allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (err: unknown) {
    throw failure(list.find((s) => s.override), err);
  }
}

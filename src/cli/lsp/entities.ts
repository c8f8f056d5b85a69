/** What the language server shows about an entity or a framework-pack entry: hover text, where the pack declares it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location as LspLocation } from 'vscode-languageserver/node';
import { PACKAGE_ROOT } from '../../core/paths.js';
import { parseRef } from '../../core/ref.js';
import type { Lang } from '../../core/text.js';
import type { Model } from '../../model/model.js';

/** The `id:` line of a national system, national target or central body in the framework pack's files. */
export function packLocation(model: Model, ref: string): LspLocation | undefined {
  const p = parseRef(ref);
  if (!p || !model.resolves(ref)) return undefined;
  for (const f of model.pack.files) {
    const abs = join(PACKAGE_ROOT, f);
    let lines: string[];
    try {
      lines = readFileSync(abs, 'utf8').split('\n');
    } catch {
      continue;
    }
    const at = lines.findIndex((l) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${p.id}["']?\\s*$`).test(l));
    if (at >= 0) {
      const col = (lines[at] ?? '').indexOf(p.id);
      return { uri: pathToFileURL(abs).href, range: { start: { line: at, character: col }, end: { line: at, character: col + p.id.length } } };
    }
  }
  return undefined;
}

/** Markdown for a hover: name, ref, where it is declared, how many references it has, its main fields. */
export function hoverText(model: Model, ref: string, lang: Lang): string | undefined {
  const e = model.get(ref);
  if (e) {
    const loc = model.locate(ref, ['id']);
    const shown: string[] = [];
    for (const [k, v] of Object.entries(e)) {
      if (['apiVersion', 'kind', 'id', 'name', 'ref', 'entityKind', 'origin', 'description'].includes(k)) continue;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') shown.push(`- \`${k}\`: ${String(v)}`);
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) shown.push(`- \`${k}\`: ${v.join(', ')}`);
      if (shown.length === 10) break;
    }
    const desc = 'description' in e && typeof e.description === 'string' ? `\n\n${e.description}` : '';
    const users = model.referrers(ref).length;
    const used = lang === 'en' ? `${users} reference(s)` : `${users} tham chiếu tới`;
    return `**${e.name}**  \n\`${ref}\` — ${loc.file}:${loc.range.start.line} · ${used}${desc}\n\n${shown.join('\n')}`;
  }
  const n = model.national(ref) ?? model.target(ref);
  if (n) return `**${n.name}**  \n\`${ref}\` — ${lang === 'en' ? 'framework pack' : 'bộ khung'} ${model.pack.id}${n.legalRef ? ` · ${n.legalRef}` : ''}`;
  const o = model.org(ref);
  if (o) return `**${o.name}**  \n\`${ref}\` — ${o.source === 'pack' ? (lang === 'en' ? `central body (pack ${model.pack.id})` : `cơ quan trung ương (bộ khung ${model.pack.id})`) : o.level}`;
  return undefined;
}

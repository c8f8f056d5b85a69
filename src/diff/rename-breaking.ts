import { KIND_LABEL } from '../core/labels.js';
import { AGENCY_QUALIFIER_PATTERN, parseRef } from '../core/ref.js';
import { text, type Text } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { Entity } from '../model/types.js';
import type { Rename } from './renames.js';
import type { BreakingChange, DiffSide } from './types.js';

const QUALIFIER = new RegExp(`^${AGENCY_QUALIFIER_PATTERN}$`);

function names(refs: readonly string[]): string {
  const shown = refs.slice(0, 5).join(', ');
  return refs.length > 5 ? `${shown}, … (+${refs.length - 5})` : shown;
}

/**
 * Why other agencies may write this entity's ref in their own repositories (`system:id@<code>`, which
 * `kientruc aggregate` resolves), where this repository cannot see them: a dataset published as shared
 * or open, a shared digital platform, or a system or dataset that an integration here links with
 * another agency's entity (that agency declares the same link from its side). Undefined otherwise.
 */
export function publishedOutside(model: Model, e: Entity): Text | undefined {
  if (e.entityKind === 'dataset' && (e.sharing === 'shared' || e.sharing === 'open')) {
    const l = (lang: 'vi' | 'en') => enumLabel(model.pack, 'sharingClass', e.sharing as string, lang).toLowerCase();
    return text(`được phân loại ${l('vi')}`, `classified ${l('en')}`);
  }
  if (e.entityKind === 'system' && e.sharedPlatform === true) return text('là nền tảng số dùng chung', 'is a shared digital platform');
  if (e.entityKind !== 'system' && e.entityKind !== 'dataset') return undefined;
  for (const r of model.referrers(e.ref)) {
    const it = model.get(r.from) as Entity | undefined;
    if (it?.entityKind !== 'integration') continue;
    const other = [it.from, it.to].find((end) => parseRef(end)?.agency !== undefined);
    if (other !== undefined) return text(`có kết nối ${it.ref} với ${other} của cơ quan khác`, `has integration ${it.ref} with ${other} of another agency`);
  }
  return undefined;
}

/**
 * A changed id breaks what still names the old one: a reference on the head side (it no longer
 * resolves), or, for an entity published outside the repository, other agencies' references. A rename
 * whose references were all updated, of an entity nobody outside can name, breaks nothing. The title
 * is added by `findBreaking`, from `BREAKING_TITLE`.
 */
export function renameBreaking(base: DiffSide, head: DiffSide, renames: readonly Rename[]): Omit<BreakingChange, 'title'>[] {
  const out: Omit<BreakingChange, 'title'>[] = [];
  const code = base.model.agency?.code;
  const qualifier = typeof code === 'string' && QUALIFIER.test(code) ? code : undefined;
  // One pass over the head side's references: who still writes each old id.
  const oldIds = new Map(renames.map((r) => [r.from, new Set<string>()]));
  if (oldIds.size) {
    for (const x of head.model.references) oldIds.get(x.raw)?.add(x.from);
  }
  for (const r of renames) {
    const b = base.model.get(r.from) as Entity;
    const h = head.model.get(r.to) as Entity;
    const still = [...(oldIds.get(r.from) ?? [])].filter((f) => f !== r.to).sort();
    const outside = publishedOutside(base.model, b);
    if (!still.length && outside === undefined) continue;
    const reasons: Text[] = [];
    if (still.length) {
      reasons.push(text(`${still.length} thực thể vẫn tham chiếu mã cũ (${names(still)})`, `${still.length} still point to the old id (${names(still)})`));
    }
    if (outside !== undefined) {
      const at = `${r.from}@${qualifier ?? '<mã cơ quan>'}`;
      const atEn = `${r.from}@${qualifier ?? '<agency code>'}`;
      reasons.push(text(`${outside.vi}, cơ quan khác có thể đang tham chiếu ${at}`, `${outside.en}, other agencies may refer to it as ${atEn}`));
    }
    const kind = KIND_LABEL[r.kind];
    const name = 'shortName' in h && h.shortName ? h.shortName : h.name;
    const loc = head.model.locate(r.to, ['id']);
    out.push({
      code: 'renamed-referenced',
      ref: r.to,
      message: text(
        `Đổi mã ${kind.vi} "${name}" ${r.from} → ${r.to}: ${reasons.map((x) => x.vi).join('; ')}.`,
        `Id of ${kind.en} "${name}" changed ${r.from} → ${r.to}: ${reasons.map((x) => x.en).join('; ')}.`,
      ),
      where: { file: loc.file, line: loc.range.start.line },
      side: 'head',
    });
  }
  return out;
}

import { known } from '../core/unknown.js';
import { parseDeadline, viShortDate, type IsoDate } from '../core/dates.js';
import { KIND_LABEL } from '../core/labels.js';
import { parseRef } from '../core/ref.js';
import { text, type Text } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import type { Model } from '../model/model.js';
import type { Dataset, Entity, Integration, Kpi, System, Task } from '../model/types.js';
import { renameBreaking } from './rename-breaking.js';
import type { Rename } from './renames.js';
import type { BreakingChange, BreakingCode, DiffSide, Where } from './types.js';

/** The national consolidated database every master and shared dataset syncs to (NĐ 278/2025/NĐ-CP). */
export const CONSOLIDATED_DB = 'national:csdl-tong-hop-quoc-gia';

/** Order in which breaking changes are listed: the ones that break other agencies first. */
export const BREAKING_ORDER: readonly BreakingCode[] = [
  'removed-referenced',
  'renamed-referenced',
  'national-sync-removed',
  'sharing-withdrawn',
  'integration-stopped',
  'security-level-lowered',
  'deadline-past-national',
];

export const BREAKING_TITLE: Readonly<Record<BreakingCode, Text>> = {
  'removed-referenced': text('Xóa thực thể đang được tham chiếu', 'Removed while referenced'),
  'renamed-referenced': text('Đổi mã thực thể đang được tham chiếu', 'Id changed while referenced'),
  'national-sync-removed': text('Ngừng đồng bộ về CSDL tổng hợp quốc gia', 'Sync to the national consolidated database removed'),
  'sharing-withdrawn': text('Thu hẹp phạm vi chia sẻ dữ liệu', 'Data sharing withdrawn'),
  'integration-stopped': text('Ngừng kết nối đang hoạt động', 'Live integration stopped'),
  'security-level-lowered': text('Hạ cấp độ an toàn hệ thống thông tin', 'Security level lowered'),
  'deadline-past-national': text('Lùi thời hạn quá thời hạn của chỉ tiêu quốc gia', 'Deadline moved past the national target'),
};

const SHARING_RANK: Readonly<Record<string, number>> = { restricted: 0, shared: 1, open: 2 };
const SYNCED = new Set(['live', 'partial']);

function where(model: Model, ref: string, path: readonly (string | number)[] = []): Where {
  const loc = model.locate(ref, path);
  return { file: loc.file, line: loc.range.start.line };
}

/** `Tập dữ liệu "Công dân dùng chung"`: kind and short name, as an official reads it. */
function label(e: Entity): Text {
  const l = KIND_LABEL[e.entityKind];
  const name = 'shortName' in e && e.shortName ? e.shortName : e.name;
  return text(`${l.vi} "${name}"`, `${l.en} "${name}"`);
}

function deadlineDate(value: unknown): IsoDate | undefined {
  const d = parseDeadline(value);
  return d?.kind === 'date' ? d.date : undefined;
}

function names(refs: readonly string[]): string {
  const shown = refs.slice(0, 5).join(', ');
  return refs.length > 5 ? `${shown}, … (+${refs.length - 5})` : shown;
}

/** The national targets a task or KPI answers to: directly, or through the KPIs a task addresses. */
function nationalTargets(model: Model, e: Task | Kpi): string[] {
  if (e.entityKind === 'kpi') return e.nationalTarget ? [e.nationalTarget] : [];
  const out = new Set<string>();
  for (const a of e.addresses ?? []) {
    const kind = parseRef(a)?.kind;
    if (kind === 'target') out.add(a);
    if (kind === 'kpi') {
      const k = model.get<'kpi'>(a);
      if (k?.nationalTarget) out.add(k.nationalTarget);
    }
  }
  return [...out].sort();
}

/**
 * Changes a reviewer must not miss: they break what other agencies rely on, weaken protection, or
 * move a commitment past a national deadline.
 */
/** Declared on that side and, for a state of the model, existing at its date (model/states.ts). */
function present(side: DiffSide, ref: string): boolean {
  return side.model.declares(ref) && !side.model.isAbsent(ref);
}

export function findBreaking(base: DiffSide, head: DiffSide, renames: readonly Rename[] = []): BreakingChange[] {
  const out: BreakingChange[] = [];
  const renamedTo = new Map(renames.map((r) => [r.from, r.to]));
  // The base side's ref of a head entity: its old id when it was renamed.
  const oldRef = new Map(renames.map((r) => [r.to, r.from]));
  const baseRef = (ref: string): string => oldRef.get(ref) ?? ref;
  const add = (code: BreakingCode, e: Entity, side: 'base' | 'head', vi: string, en: string, path: readonly (string | number)[] = []) =>
    out.push({ code, ref: e.ref, title: BREAKING_TITLE[code], message: text(vi, en), where: where(side === 'base' ? base.model : head.model, e.ref, path), side });
  const lang = { vi: (id: string, v: string) => enumLabel(head.model.pack, id, v, 'vi'), en: (id: string, v: string) => enumLabel(head.model.pack, id, v, 'en') };

  // Removed entities: one entry each, under the most serious reason, with every reason in the message.
  for (const kind of ['system', 'dataset', 'integration'] as const) {
    for (const b of base.model.all(kind)) {
      if (present(head, b.ref) || renamedTo.has(b.ref)) continue;
      const l = label(b);
      const reasons: { code: BreakingCode; vi: string; en: string }[] = [];
      const still = [...new Set(base.model.referrers(b.ref).map((r) => r.from))].filter((f) => f !== b.ref && present(head, f)).sort();
      if (still.length > 0) {
        const dangling = still.filter((f) => head.model.referencesFrom(f).some((r) => r.raw === b.ref)).length;
        reasons.push({
          code: 'removed-referenced',
          vi: `đang được ${still.length} thực thể tham chiếu (${names(still)})${dangling ? `, ${dangling} thực thể vẫn còn tham chiếu tới nó` : ''}`,
          en: `referenced by ${still.length} (${names(still)})${dangling ? `, ${dangling} still point to it` : ''}`,
        });
      }
      if (kind === 'dataset') {
        const d = b as Dataset;
        if (d.sync && SYNCED.has(d.sync.status)) {
          reasons.push({ code: 'national-sync-removed', vi: 'đang đồng bộ về CSDL tổng hợp quốc gia', en: 'syncs to the national consolidated database' });
        }
        if (d.sharing === 'shared' || d.sharing === 'open') {
          reasons.push({
            code: 'sharing-withdrawn',
            vi: `là ${lang.vi('sharingClass', d.sharing).toLowerCase()}, cơ quan khác có thể đang khai thác`,
            en: `classified ${lang.en('sharingClass', d.sharing).toLowerCase()}, other agencies may rely on it`,
          });
        }
      }
      if (kind === 'integration') {
        const it = b as Integration;
        if (it.to === CONSOLIDATED_DB && it.status !== 'retired') {
          reasons.push({ code: 'national-sync-removed', vi: 'là kết nối tới CSDL tổng hợp quốc gia', en: 'is the link to the national consolidated database' });
        } else if (it.status === 'live') {
          reasons.push({ code: 'integration-stopped', vi: `đang hoạt động (${it.from} → ${it.to})`, en: `is live (${it.from} → ${it.to})` });
        }
      }
      if (!reasons.length) continue;
      reasons.sort((x, y) => BREAKING_ORDER.indexOf(x.code) - BREAKING_ORDER.indexOf(y.code));
      add(
        (reasons[0] as (typeof reasons)[number]).code,
        b,
        'base',
        `Xóa ${l.vi}: ${reasons.map((r) => r.vi).join('; ')}.`,
        `Removed ${l.en}: ${reasons.map((r) => r.en).join('; ')}.`,
      );
    }
  }

  // Entities whose id changed.
  for (const b of renameBreaking(base, head, renames)) out.push({ ...b, title: BREAKING_TITLE[b.code] });

  // Entities on both sides (under their old id on the base side when it changed).
  for (const h of head.model.all('system')) {
    const b = base.model.get<'system'>(baseRef(h.ref));
    if (!b) continue;
    // "chưa xác định" is no level: going from 3 to unknown lowers what the repository states.
    const before = known((b as System).security?.level);
    const after = known(h.security?.level);
    if (before !== undefined && (after === undefined || after < before)) {
      const l = label(h);
      add(
        'security-level-lowered',
        h,
        'head',
        `${l.vi}: cấp độ an toàn ${before} → ${after ?? 'không khai báo'}.`,
        `${l.en}: security level ${before} → ${after ?? 'not declared'}.`,
        ['security', 'level'],
      );
    }
  }
  for (const h of head.model.all('dataset')) {
    const b = base.model.get<'dataset'>(baseRef(h.ref));
    if (!b) continue;
    const l = label(h);
    const rb = b.sharing === undefined ? -1 : (SHARING_RANK[b.sharing] ?? -1);
    const rh = h.sharing === undefined ? -1 : (SHARING_RANK[h.sharing] ?? -1);
    if (rb >= 1 && rh < rb) {
      const from = b.sharing as string;
      add(
        'sharing-withdrawn',
        h,
        'head',
        `${l.vi}: phân loại chia sẻ ${lang.vi('sharingClass', from)} → ${h.sharing ? lang.vi('sharingClass', h.sharing) : 'không khai báo'}.`,
        `${l.en}: sharing class ${lang.en('sharingClass', from)} → ${h.sharing ? lang.en('sharingClass', h.sharing) : 'not declared'}.`,
        ['sharing'],
      );
    }
    const sb = b.sync?.status;
    const sh = h.sync?.status;
    if (sb !== undefined && SYNCED.has(sb) && (sh === undefined || !SYNCED.has(sh))) {
      add(
        'national-sync-removed',
        h,
        'head',
        `${l.vi}: đồng bộ về CSDL tổng hợp quốc gia ${lang.vi('syncStatus', sb)} → ${sh ? lang.vi('syncStatus', sh) : 'không khai báo'}.`,
        `${l.en}: sync to the national consolidated database ${lang.en('syncStatus', sb)} → ${sh ? lang.en('syncStatus', sh) : 'not declared'}.`,
        sh === undefined ? [] : ['sync', 'status'],
      );
    }
  }
  for (const h of head.model.all('integration')) {
    const b = base.model.get<'integration'>(baseRef(h.ref));
    if (!b || b.status !== 'live' || h.status === 'live' || h.status === 'testing') continue;
    const l = label(h);
    const code: BreakingCode = h.to === CONSOLIDATED_DB || b.to === CONSOLIDATED_DB ? 'national-sync-removed' : 'integration-stopped';
    add(
      code,
      h,
      'head',
      `${l.vi}: trạng thái ${lang.vi('integrationStatus', b.status)} → ${lang.vi('integrationStatus', h.status)}.`,
      `${l.en}: status ${lang.en('integrationStatus', b.status)} → ${lang.en('integrationStatus', h.status)}.`,
      ['status'],
    );
  }
  for (const kind of ['task', 'kpi'] as const) {
    for (const h of head.model.all(kind)) {
      const b = base.model.get(baseRef(h.ref)) as Task | Kpi | undefined;
      if (!b) continue;
      const path = kind === 'task' ? ['deadline'] : ['target', 'deadline'];
      const rawAfter = kind === 'task' ? (h as Task).deadline : (h as Kpi).target?.deadline;
      const rawBefore = kind === 'task' ? (b as Task).deadline : (b as Kpi).target?.deadline;
      const after = deadlineDate(rawAfter);
      const before = deadlineDate(rawBefore);
      if (after === undefined || (before !== undefined && after <= before)) continue;
      for (const t of nationalTargets(head.model, h as Task | Kpi)) {
        const target = head.model.target(t);
        if (!target?.deadline || after <= target.deadline) continue;
        const l = label(h);
        add(
          'deadline-past-national',
          h,
          'head',
          `${l.vi}: thời hạn ${before ? viShortDate(before) : 'chưa có'} → ${viShortDate(after)}, sau thời hạn ${viShortDate(target.deadline)} của chỉ tiêu quốc gia "${target.name}" (${target.legalRef}).`,
          `${l.en}: deadline ${before ?? 'none'} → ${after}, past the ${target.deadline} deadline of national target "${target.nameEn}" (${target.legalRef}).`,
          path,
        );
        break;
      }
    }
  }
  const rank = (c: BreakingCode) => BREAKING_ORDER.indexOf(c);
  return out.sort((x, y) => rank(x.code) - rank(y.code) || (x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0));
}

import { parseDeadline, viDeadline } from '../core/dates.js';
import { parseRef } from '../core/ref.js';
import { viCollator, type Lang } from '../core/text.js';
import { enumLabel } from '../framework/types.js';
import type { Model } from '../model/model.js';
import { taskLeads } from '../model/roles.js';
import { mdCell, mdTable, mdText, viNumber } from '../render/markdown.js';
import type { AggregateResult } from './types.js';

function agencyOf(ref: string): string | undefined {
  return parseRef(ref)?.agency;
}

function orgName(model: Model, ref: string | undefined, aliases: ReadonlyMap<string, string>): string {
  if (ref === undefined) return '—';
  return model.shortNameOf(aliases.get(ref) ?? ref);
}

/**
 * `appendix.md`: the consolidated appendix of a provincial (or ministry) strategy — every agency's systems,
 * databases and tasks, agency by agency (the aggregating agency first).
 */
export function appendixMarkdown(r: AggregateResult, lang: Lang): string {
  const vi = lang === 'vi';
  const m = r.model;
  const label = (id: string, v: string | number | undefined) => (v === undefined ? '—' : mdCell(enumLabel(m.pack, id, v, lang)));
  const agencies = r.agencies.filter((a) => a.merged);
  const out: string[] = [
    vi ? `# Phụ lục tổng hợp — ${mdText(agencies.find((a) => a.primary)?.name ?? '')}` : `# Consolidated appendix — ${mdText(agencies.find((a) => a.primary)?.name ?? '')}`,
    '',
    vi
      ? `Hệ thống thông tin, cơ sở dữ liệu và nhiệm vụ của ${agencies.length} cơ quan, tổng hợp bằng kientruc aggregate.`
      : `Information systems, databases and tasks of ${agencies.length} agencies, merged by kientruc aggregate.`,
  ];
  const sections: [string, string][] = vi
    ? [
        ['system', 'Phụ lục I. Hệ thống thông tin'],
        ['dataset', 'Phụ lục II. Cơ sở dữ liệu'],
        ['task', 'Phụ lục III. Nhiệm vụ'],
      ]
    : [
        ['system', 'Annex I. Information systems'],
        ['dataset', 'Annex II. Databases'],
        ['task', 'Annex III. Tasks'],
      ];
  for (const [kind, title] of sections) {
    out.push('', `## ${title}`);
    for (const a of agencies) {
      const mine = <T extends { ref: string; name: string }>(list: readonly T[], key: (e: T) => string = () => '') =>
        list.filter((e) => agencyOf(e.ref) === a.namespace).sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0) || viCollator.compare(x.name, y.name));
      out.push('', `### ${mdText(a.name)}${a.code ? ` (${a.code})` : ''}`, '');
      if (kind === 'system') {
        const list = mine(m.all('system'), (x) => x.layer);
        if (!list.length) {
          out.push(vi ? '_Không có._' : '_None._');
          continue;
        }
        out.push(
          mdTable(
            vi ? ['TT', 'Hệ thống', 'Lớp', 'Trạng thái', 'Cấp độ ATTT', 'Chủ quản'] : ['No.', 'System', 'Layer', 'Status', 'Security level', 'Owner'],
            list.map((s, i) => [
              String(i + 1),
              mdCell(s.name),
              mdCell(s.layer),
              label('lifecycle', s.status),
              s.security?.level === undefined ? '—' : String(s.security.level),
              mdCell(orgName(m, s.owner, r.aliases)),
            ]),
            ['r', 'l', 'l', 'l', 'r', 'l'],
          ),
        );
      } else if (kind === 'dataset') {
        const list = mine(m.all('dataset'));
        if (!list.length) {
          out.push(vi ? '_Không có._' : '_None._');
          continue;
        }
        out.push(
          mdTable(
            vi ? ['TT', 'Cơ sở dữ liệu', 'Phạm vi', 'Chia sẻ', 'CSDL quốc gia liên kết', 'Đồng bộ về CSDL tổng hợp'] : ['No.', 'Database', 'Scope', 'Sharing', 'National database', 'Sync to consolidated DB'],
            list.map((d, i) => [
              String(i + 1),
              mdCell(d.name),
              label('dataScope', d.scope),
              label('sharingClass', d.sharing),
              d.nationalDatabase ? mdCell(m.nameOf(d.nationalDatabase)) : '—',
              label('syncStatus', d.sync?.status),
            ]),
            ['r', 'l', 'l', 'l', 'l', 'l'],
          ),
        );
      } else {
        const list = mine(m.all('task'));
        if (!list.length) {
          out.push(vi ? '_Không có._' : '_None._');
          continue;
        }
        out.push(
          mdTable(
            vi ? ['TT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn', 'Trạng thái', 'Kinh phí (triệu đồng)'] : ['No.', 'Task', 'Lead', 'Deadline', 'Status', 'Budget (million VND)'],
            list.map((t, i) => {
              const due = t.deadline === undefined ? undefined : parseDeadline(t.deadline);
              const budget = (t.budget ?? []).reduce((s, b) => s + b.amount, 0);
              return [
                String(i + 1),
                mdCell(t.name),
                mdCell(taskLeads(t).map((l) => orgName(m, l, r.aliases)).join(', ') || '—'),
                due ? mdCell(vi ? viDeadline(due) : due.raw) : '—',
                label('taskStatus', t.status),
                budget ? (vi ? viNumber(budget, 1) : String(budget)) : '—',
              ];
            }),
            ['r', 'l', 'l', 'l', 'l', 'r'],
          ),
        );
      }
    }
  }
  return `${out.join('\n')}\n`;
}

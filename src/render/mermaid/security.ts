import { isApprovedWithoutDecision } from '../../analysis/systems.js';
import { known } from '../../core/unknown.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { System } from '../../model/types.js';
import { mmdId, truncate, wrapText } from './escape.js';
import { Flowchart } from './flowchart.js';
import { displayName, LEGEND_CSS, securityKey } from './style.js';
import type { DiagramOptions, DiagramSpec } from './types.js';

const TITLE = 'An toàn hệ thống thông tin theo cấp độ: cấp độ và tình trạng hồ sơ đề xuất cấp độ (NĐ 85/2016/NĐ-CP)';
const LEVELS_TOP_DOWN = ['5', '4', '3', '2', '1', 'none'] as const;
const PER_ROW = 4;

const DOSSIER_CSS: Readonly<Record<string, string>> = {
  approved: 'fill:#dcfce7,stroke:#15803d,stroke-width:1.5px,color:#052e16',
  submitted: 'fill:#fef9c3,stroke:#a16207,stroke-width:1.5px,color:#422006',
  drafting: 'fill:#ffedd5,stroke:#c2410c,stroke-width:1.5px,color:#431407',
  none: 'fill:#fee2e2,stroke:#b91c1c,stroke-width:2px,color:#450a0a',
};
const DOSSIER_ORDER = ['approved', 'submitted', 'drafting', 'none'] as const;

/** The dossier state; an approval decision without a state counts as approved. */
export function dossierOf(s: System): string {
  return known(s.security?.dossier) ?? (s.security?.decision ? 'approved' : 'none');
}

function levelTitle(level: string): string {
  return level === 'none' ? 'Chưa xác định cấp độ' : `Cấp độ ${level}`;
}

function nodeLabel(model: Model, s: System): string {
  const dossier = dossierOf(s);
  const decision = s.security?.decision;
  // As every document words it (analysis/systems.ts): an approved dossier without its decision is not yet an approved level.
  const second =
    dossier === 'approved' && decision ? `Số ${truncate(decision.number, 28)}`
    : isApprovedWithoutDecision(s) ? 'Đã phê duyệt, chưa có số QĐ'
    : enumLabel(model.pack, 'dossierStatus', dossier);
  return `${wrapText(displayName(model, s.ref), 24)}\n${second}`;
}

function chart(model: Model, systems: readonly System[]): string {
  const c = new Flowchart('TB');
  const levels = LEVELS_TOP_DOWN.filter((l) => systems.some((s) => securityKey(s) === l));
  for (const level of levels) {
    const inLevel = systems.filter((s) => securityKey(s) === level);
    c.subgraph(`level_${level}`, `${levelTitle(level)} (${inLevel.length} hệ thống)`, 'TB', () => {
      for (const s of inLevel) {
        const d = dossierOf(s);
        c.classDef(`dossier_${d}`, DOSSIER_CSS[d] ?? DOSSIER_CSS['none']!);
        c.node(mmdId(s.ref), nodeLabel(model, s), 'rect', `dossier_${d}`);
      }
      c.grid(inLevel.map((s) => mmdId(s.ref)), PER_ROW, 'TB');
    }, level === 'none' ? 'level_none' : 'level');
  }
  for (let i = 1; i < levels.length; i++) c.link(`level_${levels[i - 1]}`, `level_${levels[i]}`, { kind: 'invisible' });
  c.classDef('level', 'fill:#f8fafc,stroke:#64748b,color:#0f172a');
  c.classDef('level_none', 'fill:#fef2f2,stroke:#dc2626,stroke-dasharray:6 4,color:#0f172a');
  const used = DOSSIER_ORDER.filter((d) => systems.some((s) => dossierOf(s) === d));
  c.subgraph('legend', 'Chú giải: tình trạng hồ sơ đề xuất cấp độ', 'TB', () => {
    for (const d of used) c.node(`legend_${d}`, enumLabel(model.pack, 'dossierStatus', d), 'rect', `dossier_${d}`);
  }, 'legend');
  c.classDef('legend', LEGEND_CSS);
  if (levels.length) c.link(`level_${levels[levels.length - 1]}`, 'legend', { kind: 'invisible' });
  return c.toString();
}

/**
 * Systems by security level (5 at the top, undeclared at the bottom), filled by the state of their
 * level dossier. Retired systems are left out. Above `maxNodes`: one diagram per level.
 */
export function securityDiagrams(model: Model, opts: DiagramOptions): DiagramSpec[] {
  const systems = model.all('system').filter((s) => s.status !== 'retired');
  if (systems.length === 0) return [];
  const retired = model.all('system').length - systems.length;
  const notes = retired ? [`Không gồm ${retired} hệ thống đã dừng hoạt động.`] : [];
  if (systems.length <= opts.maxNodes) {
    return [{ name: 'security', group: 'security', title: TITLE, mermaid: chart(model, systems), ...(notes.length ? { notes } : {}) }];
  }
  return LEVELS_TOP_DOWN.filter((l) => systems.some((s) => securityKey(s) === l)).map((level) => ({
    name: `security-${level === 'none' ? 'chua-xac-dinh' : `cap-do-${level}`}`,
    group: 'security' as const,
    title: `An toàn hệ thống thông tin — ${levelTitle(level)}`,
    mermaid: chart(model, systems.filter((s) => securityKey(s) === level)),
    ...(notes.length ? { notes } : {}),
  }));
}

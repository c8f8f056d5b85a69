import { known } from '../../core/unknown.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { System } from '../../model/types.js';
import type { Flowchart } from './flowchart.js';

/** The legend's box ("Chú giải"). */
export const LEGEND_CSS = 'fill:#f9fafb,stroke:#d1d5db,color:#111827';
/**
 * The invisible ends of a legend's sample line: painted in the legend box's own colour (white ends
 * showed as small white boxes on its grey, 4 December 2026).
 */
export const LEGEND_DOT_CSS = 'fill:#f9fafb,stroke:#f9fafb,color:#f9fafb';

/**
 * Colours and line weights shared by every diagram, so a legend means the same thing everywhere.
 * Fill = lifecycle; border = security level (thicker is higher; dashed red = no level declared).
 */
export const LIFECYCLE_FILL: Readonly<Record<string, { fill: string; color: string }>> = {
  planned: { fill: '#ffffff', color: '#374151' },
  building: { fill: '#dbeafe', color: '#111827' },
  operating: { fill: '#dcfce7', color: '#111827' },
  upgrading: { fill: '#fef3c7', color: '#111827' },
  retiring: { fill: '#fed7aa', color: '#111827' },
  retired: { fill: '#e5e7eb', color: '#6b7280' },
};

export const SECURITY_STROKE: Readonly<Record<string, { stroke: string; width: string; dash?: string }>> = {
  '1': { stroke: '#6b7280', width: '1px' },
  '2': { stroke: '#374151', width: '2px' },
  '3': { stroke: '#1d4ed8', width: '3px' },
  '4': { stroke: '#7e22ce', width: '4px' },
  '5': { stroke: '#111827', width: '5px' },
  none: { stroke: '#dc2626', width: '2px', dash: '6 4' },
};

export const LIFECYCLE_ORDER = ['operating', 'upgrading', 'building', 'planned', 'retiring', 'retired'] as const;

function css(parts: Record<string, string | undefined>): string {
  return Object.entries(parts)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}:${v}`)
    .join(',');
}

export function securityKey(system: System): string {
  // "chưa xác định" draws like an undeclared level: dashed red.
  const level = known(system.security?.level);
  return level === undefined ? 'none' : String(level);
}

/** Class for a system node: fill from its lifecycle, border from its security level. */
export function systemClass(chart: Flowchart, system: System): string {
  const sec = securityKey(system);
  const name = `sys_${system.status}_${sec}`;
  const lc = LIFECYCLE_FILL[system.status] ?? LIFECYCLE_FILL['operating']!;
  const st = SECURITY_STROKE[sec]!;
  chart.classDef(name, css({ fill: lc.fill, color: lc.color, stroke: st.stroke, 'stroke-width': st.width, 'stroke-dasharray': st.dash }));
  return name;
}

/** Short second line of a system label: `Đang vận hành · Cấp độ 3`. */
export function systemStatusLine(model: Model, system: System): string {
  const level = known(system.security?.level);
  const lifecycle = enumLabel(model.pack, 'lifecycle', system.status);
  return `${lifecycle} · ${level === undefined ? 'chưa xác định cấp độ' : `cấp độ ${level}`}`;
}

/** Display name: shortName when given. */
export function displayName(model: Model, ref: string): string {
  return model.shortNameOf(ref);
}

/** A legend for the lifecycle fills and security borders actually used by `systems`: one row each. */
export function systemLegend(chart: Flowchart, model: Model, systems: readonly System[], anchor: string | undefined): void {
  const lifecycles = LIFECYCLE_ORDER.filter((l) => systems.some((s) => s.status === l));
  const levels = ['1', '2', '3', '4', '5', 'none'].filter((k) => systems.some((s) => securityKey(s) === k));
  chart.subgraph('legend', 'Chú giải', 'TB', () => {
    chart.subgraph('legend_lc', 'Màu nền: trạng thái vòng đời', 'TB', () => {
      for (const l of lifecycles) {
        const lc = LIFECYCLE_FILL[l]!;
        chart.classDef(`legend_lc_${l}`, css({ fill: lc.fill, color: lc.color, stroke: '#9ca3af', 'stroke-width': '1px' }));
        chart.node(`legend_lc_${l}`, enumLabel(model.pack, 'lifecycle', l), 'rect', `legend_lc_${l}`);
      }
    }, 'legend_row');
    chart.subgraph('legend_sec', 'Đường viền: cấp độ an toàn hệ thống thông tin', 'TB', () => {
      for (const k of levels) {
        const st = SECURITY_STROKE[k]!;
        chart.classDef(`legend_sec_${k}`, css({ fill: '#ffffff', color: '#111827', stroke: st.stroke, 'stroke-width': st.width, 'stroke-dasharray': st.dash }));
        chart.node(`legend_sec_${k}`, k === 'none' ? 'Chưa xác định cấp độ' : `Cấp độ ${k}`, 'rect', `legend_sec_${k}`);
      }
    }, 'legend_row');
  }, 'legend');
  chart.link('legend_lc', 'legend_sec', { kind: 'invisible' });
  chart.classDef('legend', css({ fill: '#f9fafb', stroke: '#d1d5db', color: '#111827' }));
  chart.classDef('legend_row', css({ fill: '#ffffff', stroke: '#e5e7eb', color: '#374151' }));
  if (anchor) chart.link(anchor, 'legend', { kind: 'invisible' });
}

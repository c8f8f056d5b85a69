import type { Integration, System, Task } from './types.js';

/** One role a system plays: a QĐ 3090 layer and a component of it. */
export interface SystemRole {
  readonly layer: string;
  readonly component: string;
  /** True for the system's own `layer`/`component` (where the landscape draws it). */
  readonly primary: boolean;
  readonly note?: string;
}

/** Every role of a system: the primary one (`layer`, `component`) first, then `roles` in order. */
export function systemRoles(s: System): readonly SystemRole[] {
  const out: SystemRole[] = [{ layer: s.layer, component: s.component, primary: true }];
  for (const r of s.roles ?? []) {
    if (r.layer === s.layer && r.component === s.component) continue;
    out.push({ layer: r.layer, component: r.component, primary: false, ...(r.note ? { note: r.note } : {}) });
  }
  return out;
}

/** True when the system plays `component` in any of its roles. */
export function hasComponent(s: System, component: string): boolean {
  return s.component === component || (s.roles ?? []).some((r) => r.component === component);
}

/** True when the system plays a role in `layer`. */
export function inLayer(s: System, layer: string): boolean {
  return s.layer === layer || (s.roles ?? []).some((r) => r.layer === layer);
}

/** The lead bodies of a task: `leads` when given, else `lead`; the first is the main lead. */
export function taskLeads(t: Task): readonly string[] {
  if (t.leads && t.leads.length > 0) return t.leads;
  return t.lead === undefined ? [] : [t.lead];
}

/** The first lead body (the one a one-lead table prints first), or undefined when none is declared. */
export function mainLead(t: Task): string | undefined {
  return taskLeads(t)[0];
}

/** True for an infrastructure or network link (`type: network`): no business data, no sharing rules. */
export function isNetworkLink(it: Integration): boolean {
  return it.type === 'network';
}

/** True for a data-sharing integration (the default `type`). */
export function isDataSharing(it: Integration): boolean {
  return it.type === undefined || it.type === 'data-sharing';
}

import { isEligibleFullOnline, onlineLevelOf, servicesByProvider, type ServiceGroup } from '../../analysis/services.js';
import { isUnknown } from '../../core/unknown.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { Service, System } from '../../model/types.js';
import { mmdId, wrapText } from './escape.js';
import { Flowchart } from './flowchart.js';
import { displayName, LEGEND_CSS, systemClass } from './style.js';
import type { DiagramOptions, DiagramSpec } from './types.js';

const TITLE = 'Kiến trúc nghiệp vụ: dịch vụ công theo cơ quan cung cấp, lĩnh vực và hệ thống giải quyết (QĐ 1751/QĐ-TTg)';

/** Fill by online level: the colour says how far the service is from the target (toàn trình). */
const LEVEL_CSS: Readonly<Record<string, string>> = {
  full: 'fill:#dcfce7,stroke:#15803d,stroke-width:1.5px,color:#052e16',
  partial: 'fill:#fef9c3,stroke:#a16207,stroke-width:1.5px,color:#422006',
  none: 'fill:#fee2e2,stroke:#b91c1c,stroke-width:1.5px,color:#450a0a',
  unknown: 'fill:#f3f4f6,stroke:#6b7280,stroke-width:1.5px,stroke-dasharray:6 4,color:#111827',
};
const LEVELS = ['full', 'partial', 'none', 'unknown'] as const;
/** Eligible for full online provision but not yet there: a thick red border on top of the fill. */
const GAP_CSS = 'stroke:#dc2626,stroke-width:3px';

const SERVICES_PER_ROW = 2;
const UNKNOWN_PROVIDER = 'chưa xác định';

function levelKey(s: Service): string {
  return onlineLevelOf(s) ?? 'unknown';
}

function levelText(model: Model, key: string): string {
  return key === 'unknown' ? 'Chưa xác định mức độ' : enumLabel(model.pack, 'serviceOnlineLevel', key);
}

function serviceLabel(model: Model, s: Service): string {
  const key = levelKey(s);
  const short = key === 'full' ? 'Toàn trình' : key === 'partial' ? 'Một phần' : key === 'none' ? 'Chưa trực tuyến' : 'Chưa xác định mức độ';
  const eligible = isEligibleFullOnline(s) && key !== 'full' ? ' · đủ điều kiện toàn trình' : '';
  return `${wrapText(displayName(model, s.ref), 26)}\n${short}${eligible}`;
}

function providerTitle(model: Model, provider: string): string {
  return provider === UNKNOWN_PROVIDER ? 'Cơ quan cung cấp chưa xác định' : displayName(model, provider);
}

/** The handling system's node id and label, for local systems, national ones and "chưa xác định". */
function handler(model: Model, ref: string | undefined): { id: string; label: string; system: System | undefined } | undefined {
  if (ref === undefined) return undefined;
  if (isUnknown(ref)) return { id: 'handler_unknown', label: 'Hệ thống giải quyết\nchưa xác định', system: undefined };
  const system = model.get<'system'>(ref);
  const sys = system?.entityKind === 'system' ? system : undefined;
  const status = sys ? `\n${enumLabel(model.pack, 'lifecycle', sys.status)}` : ref.startsWith('national:') ? '\nNền tảng quốc gia' : '';
  return { id: mmdId(ref), label: `${wrapText(displayName(model, ref), 26)}${status}`, system: sys };
}

function chart(model: Model, groups: readonly ServiceGroup[]): string {
  const c = new Flowchart('LR');
  const services = groups.flatMap((g) => g.fields.flatMap((f) => f.services));
  c.subgraph('services', `Dịch vụ công (${services.length})`, 'TB', () => {
    for (const g of groups) {
      const gid = `provider_${mmdId(g.provider)}`;
      const title = g.fields.length === 1 && g.fields[0]!.field !== null ? `${providerTitle(model, g.provider)} — ${g.fields[0]!.field}` : providerTitle(model, g.provider);
      c.subgraph(gid, wrapText(title, 34), 'TB', () => {
        if (g.fields.length === 1) {
          for (const s of g.fields[0]!.services) addService(c, model, s);
          c.grid(g.fields[0]!.services.map((s) => mmdId(s.ref)), SERVICES_PER_ROW, 'TB');
          return;
        }
        g.fields.forEach((f, i) => {
          c.subgraph(`${gid}_field_${i}`, wrapText(f.field ?? 'Chưa nêu lĩnh vực', 28), 'TB', () => {
            for (const s of f.services) addService(c, model, s);
            c.grid(f.services.map((s) => mmdId(s.ref)), SERVICES_PER_ROW, 'TB');
          }, 'field');
        });
      }, 'provider');
    }
  }, 'column');
  const handlers = new Map<string, NonNullable<ReturnType<typeof handler>>>();
  for (const s of services) {
    const h = handler(model, s.handledBy);
    if (h && !handlers.has(h.id)) handlers.set(h.id, h);
  }
  if (handlers.size > 0) {
    c.subgraph('handlers', 'Hệ thống giải quyết hồ sơ', 'TB', () => {
      for (const h of [...handlers.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const cls = h.system ? systemClass(c, h.system) : h.id === 'handler_unknown' ? 'level_unknown' : 'national';
        c.node(h.id, h.label, 'rect', cls);
      }
    }, 'column');
    c.classDef('national', 'fill:#e0f2fe,stroke:#0369a1,stroke-width:1.5px,color:#0c4a6e');
    for (const s of services) {
      const h = handler(model, s.handledBy);
      if (h) c.link(mmdId(s.ref), h.id, { kind: 'solid' });
    }
  }
  const used = LEVELS.filter((l) => services.some((s) => levelKey(s) === l));
  c.subgraph('legend', 'Chú giải: mức độ cung cấp dịch vụ công trực tuyến', 'TB', () => {
    for (const l of used) c.node(`legend_${l}`, levelText(model, l), 'rect', `level_${l}`);
    if (services.some((s) => isEligibleFullOnline(s) && levelKey(s) !== 'full')) {
      c.node('legend_gap', 'Đủ điều kiện toàn trình, chưa toàn trình', 'rect', 'legend_gap');
      c.classDef('legend_gap', `fill:#ffffff,color:#111827,${GAP_CSS}`);
    }
  }, 'legend');
  c.link('services', 'legend', { kind: 'invisible' });
  for (const l of LEVELS) c.classDef(`level_${l}`, LEVEL_CSS[l]!);
  c.classDef('gap', GAP_CSS);
  c.classDef('provider', 'fill:#f8fafc,stroke:#64748b,color:#0f172a');
  c.classDef('field', 'fill:#ffffff,stroke:#cbd5e1,color:#334155');
  c.classDef('column', 'fill:#ffffff,stroke:#e5e7eb,color:#111827');
  c.classDef('legend', LEGEND_CSS);
  return c.toString();
}

function addService(c: Flowchart, model: Model, s: Service): void {
  const key = levelKey(s);
  c.node(mmdId(s.ref), serviceLabel(model, s), 'round', `level_${key}`);
  if (isEligibleFullOnline(s) && key !== 'full') c.addClass(mmdId(s.ref), 'gap');
}

/**
 * The business view: public services grouped by providing body (then field), filled by online level,
 * linked to the system that handles their dossiers. None when the model declares no service. Above
 * `maxNodes` services: one diagram per providing body.
 */
export function businessDiagrams(model: Model, opts: DiagramOptions): DiagramSpec[] {
  const groups = servicesByProvider(model);
  if (groups.length === 0) return [];
  const count = model.all('service').length;
  const notes = ['Đường nối: dịch vụ → hệ thống giải quyết hồ sơ (handledBy). Hệ thống, nền tảng khác mà dịch vụ dùng (alsoUses) không vẽ.'];
  if (count <= opts.maxNodes) return [{ name: 'business', group: 'business', title: TITLE, mermaid: chart(model, groups), notes }];
  return groups.map((g) => ({
    name: `business-${g.provider === UNKNOWN_PROVIDER ? 'chua-xac-dinh' : g.provider.slice(g.provider.indexOf(':') + 1)}`,
    group: 'business' as const,
    title: `Kiến trúc nghiệp vụ — ${providerTitle(model, g.provider)}`,
    mermaid: chart(model, [g]),
    notes,
  }));
}

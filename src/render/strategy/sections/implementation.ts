import { isUnderAgency } from '../../../analysis/authority.js';
import { addTo } from '../../../core/multimap.js';
import { viCollator } from '../../../core/text.js';
import { taskLeads } from '../../../model/roles.js';
import type { Organization } from '../../../model/types.js';
import type { StrategyContext } from '../context.js';
import type { BodyView, ImplementationView, ItemView } from '../view-types.js';
import { fill, orgName, sentence, squash, viLetter } from '../wording.js';

/** Bodies with a coordinating role come first, as in QĐ 1751 mục VII (Bộ Công an, then VPCP). */
const ROLE_RANK: Readonly<Record<string, number>> = {
  'data-coordinator': 0,
  'dx-standing-body': 0,
  'security-lead': 1,
  'de-an-06-standing-body': 1,
};

function rankOf(o: Organization): number {
  return Math.min(2, ...(o.roles ?? []).map((r) => ROLE_RANK[r] ?? 2));
}

function listNumbers(numbers: readonly string[]): string {
  return numbers.length === 1 ? `nhiệm vụ ${numbers[0]}` : `các nhiệm vụ ${numbers.join(', ')}`;
}

interface Duties {
  readonly authored: string[];
  readonly led: string[];
  readonly partner: string[];
  readonly kpis: string[];
  readonly systems: string[];
  readonly datasets: string[];
}

/**
 * For each organisation, the positions (in their own lists) of the tasks it leads or joins and the
 * KPIs, systems and datasets it owns: built once per context, so the duties of hundreds of bodies do
 * not each scan every task and entity.
 */
interface DutyIndex {
  readonly led: ReadonlyMap<string, number[]>;
  readonly partner: ReadonlyMap<string, number[]>;
  readonly kpis: ReadonlyMap<string, number[]>;
  readonly systems: ReadonlyMap<string, number[]>;
  readonly datasets: ReadonlyMap<string, number[]>;
}
const DUTY_INDEX = new WeakMap<StrategyContext, DutyIndex>();

function dutyIndex(ctx: StrategyContext): DutyIndex {
  const known = DUTY_INDEX.get(ctx);
  if (known) return known;
  const led = new Map<string, number[]>();
  const partner = new Map<string, number[]>();
  ctx.tasks.forEach((t, i) => {
    for (const l of taskLeads(t)) addTo(led, l, i);
    for (const p of t.partners ?? []) addTo(partner, p, i);
  });
  const kpis = new Map<string, number[]>();
  // Statistics (statistic: true) have no result to deliver: they are not listed as KPIs to follow up.
  ctx.model.all('kpi').forEach((k, i) => {
    if (k.statistic !== true) addTo(kpis, k.owner, i);
  });
  const systems = new Map<string, number[]>();
  ctx.model.all('system').forEach((s, i) => addTo(systems, s.owner, i));
  const datasets = new Map<string, number[]>();
  ctx.datasets.forEach((d, i) => addTo(datasets, d.owner, i));
  const built = { led, partner, kpis, systems, datasets };
  DUTY_INDEX.set(ctx, built);
  return built;
}

/** Items of `list` at the positions `map` gives for any of `refs`, in list order. */
function pick<T>(list: readonly T[], map: ReadonlyMap<string, number[]>, refs: ReadonlySet<string>): T[] {
  const at = new Set<number>();
  for (const r of refs) for (const i of map.get(r) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).map((i) => list[i] as T);
}

function dutiesOf(ctx: StrategyContext, refs: ReadonlySet<string>): Duties {
  const num = (ref: string): string => ctx.taskNumber.get(ref) ?? '';
  const ix = dutyIndex(ctx);
  const led = pick(ctx.tasks, ix.led, refs).map((t) => num(t.ref));
  const partner = pick(ctx.tasks, ix.partner, refs)
    .filter((t) => !taskLeads(t).some((l) => refs.has(l)))
    .map((t) => num(t.ref));
  const kpis = pick(ctx.model.all('kpi'), ix.kpis, refs)
    .map((k) => squash(k.name))
    .sort(viCollator.compare);
  const systems = pick(ctx.model.all('system'), ix.systems, refs)
    .filter((s) => s.status !== 'retired')
    .map((s) => squash(s.shortName ?? s.name));
  const datasets = pick(ctx.datasets, ix.datasets, refs).map((d) => squash(d.shortName ?? d.name));
  return { authored: [], led, partner, kpis, systems, datasets };
}

/**
 * The duties as lettered items. A body of the agency is assigned them; a body outside it (`asked`) is
 * asked to cooperate under an "Đề nghị …" heading, so the decision gives no order to a body it does not
 * direct: what the body owns is worded as cooperation ("phối hợp bảo đảm …"), not as a duty.
 */
function items(ctx: StrategyContext, d: Duties, asked = false): ItemView[] {
  const texts: string[] = [...d.authored];
  const appendix = `Phụ lục ${ctx.appendix.tasks}`;
  const list = (names: readonly string[]): string => [...names].sort(viCollator.compare).join('; ');
  if (d.led.length) texts.push(`Chủ trì thực hiện ${listNumbers(d.led)} tại ${appendix}.`);
  if (d.partner.length) texts.push(`Phối hợp thực hiện ${listNumbers(d.partner)} tại ${appendix}.`);
  if (d.kpis.length) {
    texts.push(asked ? `Phối hợp theo dõi, đánh giá kết quả thực hiện các chỉ tiêu: ${d.kpis.join('; ')}.` : `Theo dõi, đánh giá và báo cáo kết quả thực hiện các chỉ tiêu: ${d.kpis.join('; ')}.`);
  }
  if (d.systems.length) {
    texts.push(
      asked
        ? `Với vai trò cơ quan chủ quản, phối hợp bảo đảm vận hành, an toàn thông tin và kết nối, chia sẻ dữ liệu của: ${list(d.systems)}.`
        : `Là cơ quan chủ quản, bảo đảm vận hành, an toàn thông tin và kết nối, chia sẻ dữ liệu của: ${list(d.systems)}.`,
    );
  }
  if (d.datasets.length) {
    texts.push(
      asked
        ? `Phối hợp bảo đảm tính chính xác, đầy đủ, kịp thời và đồng bộ của dữ liệu: ${list(d.datasets)}.`
        : `Chịu trách nhiệm về tính chính xác, đầy đủ, kịp thời và đồng bộ của dữ liệu: ${list(d.datasets)}.`,
    );
  }
  return texts.map((t, i) => ({ label: `${viLetter(i)})`, text: sentence(t) }));
}

function weight(d: Duties): number {
  return d.authored.length + d.led.length * 2 + d.partner.length + d.kpis.length + d.systems.length + d.datasets.length;
}

/**
 * VII. TỔ CHỨC THỰC HIỆN: one subsection per body of the agency, computed from the tasks it leads
 * or joins, the KPIs, systems and data it owns, after the duties its Organization YAML lists; the
 * communes together; then the general duties of every body; last, "Đề nghị …" for each body outside
 * the agency's authority (`isUnderAgency`) with a part in the strategy.
 */
export function buildImplementation(ctx: StrategyContext): ImplementationView {
  const orgs = ctx.model.all('org');
  // Bodies the agency directs are assigned duties; the others (a higher level, central bodies and their
  // local offices, party and mass organisations, enterprises) are asked to cooperate, after every duty.
  const own = orgs.filter((o) => isUnderAgency(ctx.model, o.ref));
  const outside = orgs.filter((o) => !isUnderAgency(ctx.model, o.ref));
  const communes = own.filter((o) => o.level === 'commune');
  const entries = ranked(ctx, own.filter((o) => o.level !== 'commune'));
  if (communes.length) {
    const d = dutiesOf(ctx, new Set(communes.map((c) => c.ref)));
    for (const c of communes) {
      for (const r of c.responsibilities ?? []) d.authored.push(`${orgName(ctx.model, c.ref)}: ${squash(r)}`);
    }
    if (weight(d) > 0) entries.push({ name: fill(ctx.level.communesHeading, ctx.vars), rank: 3, duties: d });
  }
  const bodies: BodyView[] = entries.map((e, i) => ({ label: `${i + 1}.`, name: e.name, items: items(ctx, e.duties) }));
  bodies.push({
    label: `${bodies.length + 1}.`,
    name: fill(ctx.level.generalHeading, ctx.vars),
    items: ctx.defaults.generalDuties.map((t, i) => ({ label: `${viLetter(i)})`, text: sentence(fill(t, ctx.vars)) })),
  });
  for (const e of ranked(ctx, outside)) bodies.push({ label: `${bodies.length + 1}.`, name: `Đề nghị ${e.name}`, items: items(ctx, e.duties, true) });
  return { heading: 'VII. TỔ CHỨC THỰC HIỆN', bodies };
}

/** Bodies with duties, coordinating roles first, then by weight of duties and name. */
function ranked(ctx: StrategyContext, orgs: readonly Organization[]): { name: string; rank: number; duties: Duties }[] {
  const entries: { name: string; rank: number; duties: Duties }[] = [];
  for (const o of orgs) {
    const d = dutiesOf(ctx, new Set([o.ref]));
    d.authored.push(...(o.responsibilities ?? []).map(squash));
    if (weight(d) > 0) entries.push({ name: orgName(ctx.model, o.ref), rank: rankOf(o), duties: d });
  }
  return entries.sort((a, b) => a.rank - b.rank || weight(b.duties) - weight(a.duties) || viCollator.compare(a.name, b.name));
}

import { viCollator } from '../../../../core/text.js';
import { enumLabel } from '../../../../framework/types.js';
import type { Model } from '../../../../model/model.js';
import type { Dataset, System } from '../../../../model/types.js';
import { viNumber } from '../../../markdown.js';
import { isPublishable, type StrategyContext } from '../../../strategy/context.js';
import { componentTitle } from '../../../mermaid/landscape.js';
import { appendixHeading, groupNumber, groupRow, itemNumber, orient, row, table } from '../../../strategy/sections/tables.js';
import type { AppendixView, TableRow } from '../../../strategy/view-types.js';
import { orgName, squash } from '../../../strategy/wording.js';

/**
 * The architecture's inventories, each with the current and the target state side by side:
 * systems (by QĐ 3090 layer), databases (by scope), and the mapping onto the reference models
 * (QĐ 3090 layers and components; QĐ 2439 data layers and blocks).
 */

const label = (model: Model, enumId: string, value: string | number | undefined): string => (value === undefined ? '' : enumLabel(model.pack, enumId, value));

function systemStatus(ctx: StrategyContext, s: System | undefined): string {
  return s ? label(ctx.model, 'lifecycle', s.status) : 'Chưa có';
}

function systemHosting(ctx: StrategyContext, s: System | undefined): string {
  return s?.hosting ? label(ctx.model, 'deployment', s.hosting.deployment) : '';
}

const byName = <T extends { readonly name: string; readonly ref: string }>(a: T, b: T): number => viCollator.compare(a.name, b.name) || (a.ref < b.ref ? -1 : 1);

/** Every system of either state, grouped by its layer in the target state (else the current one). */
export function systemsAppendix(ctx: StrategyContext, target: Model, targetYear: number): AppendixView {
  const now = new Map(ctx.model.all('system').map((s) => [s.ref, s]));
  const then = new Map(target.all('system').map((s) => [s.ref, s]));
  const all = [...new Set([...now.keys(), ...then.keys()])].map((ref) => (then.get(ref) ?? now.get(ref)) as System);
  // Hosting is internal (as in the strategy's public edition, which lists no hosting).
  const pub = ctx.isPublic;
  const headers = pub
    ? ['STT', 'Tên hệ thống', 'Cơ quan chủ quản', 'Hiện trạng', `Năm ${targetYear}`]
    : ['STT', 'Tên hệ thống', 'Cơ quan chủ quản', 'Trạng thái hiện nay', 'Triển khai hiện nay', `Trạng thái năm ${targetYear}`, `Triển khai năm ${targetYear}`];
  const rows: TableRow[] = [];
  let gi = 0;
  for (const v of ctx.model.pack.enums['layer']?.values ?? []) {
    const inLayer = all.filter((s) => s.layer === v.value).sort(byName);
    if (!inLayer.length) continue;
    rows.push(groupRow(groupNumber(gi++), `${v.value} · ${v.vi}`, headers.length));
    inLayer.forEach((s, i) => {
      const a = now.get(s.ref);
      const b = then.get(s.ref);
      const states = pub ? [systemStatus(ctx, a), systemStatus(ctx, b)] : [systemStatus(ctx, a), systemHosting(ctx, a), systemStatus(ctx, b), systemHosting(ctx, b)];
      rows.push(row([itemNumber(i), squash(s.name), orgName(ctx.model, s.owner), ...states]));
    });
  }
  return orient({
    ...appendixHeading(ctx, 'systems', 'DANH MỤC HỆ THỐNG THÔNG TIN, NỀN TẢNG'),
    intro: `Hiện trạng và kiến trúc mục tiêu đến năm ${targetYear} của từng hệ thống, theo lớp của Khung kiến trúc tổng thể quốc gia số.`,
    sections: [
      {
        heading: '',
        paragraphs: [],
        diagrams: [],
        tables: [
          table(ctx, 'archSystems', null, headers, rows, {
            widths: pub ? [6, 38, 22, 17, 17] : [5, 27, 18, 12, 13, 12, 13],
            align: headers.map((_, i) => (i === 0 ? 'center' : 'left')),
            empty: 'Chưa khai báo hệ thống thông tin.',
          }),
        ],
      },
    ],
  });
}

function syncState(ctx: StrategyContext, d: Dataset | undefined): string {
  if (!d) return 'Chưa có';
  if (!d.sync) return d.nationalRole === 'replica' ? 'Khai thác từ CSDL quốc gia' : 'Chưa xác định';
  return label(ctx.model, 'syncStatus', d.sync.status);
}

/** Databases of either state the edition may show, with their synchronisation now and in the target year. */
export function databasesAppendix(ctx: StrategyContext, target: Model, targetYear: number): AppendixView {
  const now = new Map(ctx.model.all('dataset').map((d) => [d.ref, d]));
  const then = new Map(target.all('dataset').map((d) => [d.ref, d]));
  const all = [...new Set([...now.keys(), ...then.keys()])]
    .map((ref) => (then.get(ref) ?? now.get(ref)) as Dataset)
    .filter((d) => !ctx.isPublic || isPublishable(d));
  const headers = ['STT', 'Tên cơ sở dữ liệu', 'Cơ quan chủ quản', 'Phân loại', 'Đồng bộ hiện nay', `Đồng bộ năm ${targetYear}`];
  const rows: TableRow[] = [];
  let gi = 0;
  for (const v of [...(ctx.model.pack.enums['dataScope']?.values ?? []), { value: '', vi: 'Chưa phân loại' }]) {
    const inScope = all.filter((d) => (d.scope ?? '') === v.value).sort(byName);
    if (!inScope.length) continue;
    rows.push(groupRow(groupNumber(gi++), v.vi, headers.length));
    inScope.forEach((d, i) =>
      rows.push(row([itemNumber(i), squash(d.name), d.owner ? orgName(ctx.model, d.owner) : '', label(ctx.model, 'sharingClass', d.sharing), syncState(ctx, now.get(d.ref)), syncState(ctx, then.get(d.ref))])),
    );
  }
  return orient({
    ...appendixHeading(ctx, 'databases', 'DANH MỤC CƠ SỞ DỮ LIỆU'),
    intro: ctx.isPublic ? 'Danh mục gồm các cơ sở dữ liệu, tập dữ liệu dùng chung và dữ liệu mở.' : null,
    sections: [{ heading: '', paragraphs: [], diagrams: [], tables: [table(ctx, 'archDatabases', null, headers, rows, { widths: [6, 30, 20, 14, 15, 15], align: ['center', 'left', 'left', 'left', 'left', 'left'], empty: 'Chưa khai báo cơ sở dữ liệu.' })] }],
  });
}

/** The target state mapped onto the reference models: systems per layer and component, datasets per data layer and block. */
export function referenceAppendix(ctx: StrategyContext, target: Model, targetYear: number): AppendixView {
  const systems = target.all('system').filter((s) => s.status !== 'retired');
  const compRows: TableRow[] = [];
  let gi = 0;
  for (const v of ctx.model.pack.enums['layer']?.values ?? []) {
    const inLayer = systems.filter((s) => s.layer === v.value);
    if (!inLayer.length) continue;
    compRows.push(groupRow(String(++gi), `${v.value} · ${v.vi}`, 3));
    const comps = [...new Set(inLayer.map((s) => s.component))].sort((a, b) => viCollator.compare(componentTitle(target, a), componentTitle(target, b)));
    for (const c of comps) {
      const list = inLayer.filter((s) => s.component === c).map((s) => squash(s.shortName ?? s.name)).sort(viCollator.compare);
      compRows.push(row([componentTitle(target, c), viNumber(list.length), list.join('; ')]));
    }
  }
  const datasets = target.all('dataset').filter((d) => !ctx.isPublic || isPublishable(d));
  const layers = (ctx.model.pack.enums['dataLayer']?.values ?? []).map((v) => ({ id: String(v.value), vi: v.vi }));
  const blocks = (ctx.model.pack.enums['dataBlock']?.values ?? []).map((v) => ({ id: String(v.value), vi: v.vi }));
  const dataRows: TableRow[] = [
    ...layers.map((l) => row([`Lớp dữ liệu: ${l.vi}`, viNumber(datasets.filter((d) => d.layer === l.id).length)])),
    ...blocks.map((b) => row([`Khối dữ liệu: ${b.vi}`, viNumber(datasets.filter((d) => d.block === b.id).length)])),
  ].filter((r) => r.cells[1] !== '0');
  return orient({
    ...appendixHeading(ctx, 'state', 'ĐỐI CHIẾU VỚI CÁC MÔ HÌNH THAM CHIẾU'),
    intro: `Kiến trúc mục tiêu đến năm ${targetYear} đối chiếu với các lớp, thành phần của Khung kiến trúc tổng thể quốc gia số (Quyết định số 3090/QĐ-BKHCN) và các lớp, khối dữ liệu của Khung kiến trúc dữ liệu quốc gia (Quyết định số 2439/QĐ-TTg).`,
    sections: [
      {
        heading: '1. Lớp và thành phần kiến trúc',
        paragraphs: [],
        diagrams: [],
        tables: [table(ctx, 'archComponents', null, ['Thành phần', 'Số hệ thống', 'Hệ thống, nền tảng'], compRows, { widths: [32, 12, 56], align: ['left', 'right', 'left'], empty: 'Chưa khai báo hệ thống thông tin.' })],
      },
      {
        heading: '2. Lớp dữ liệu và khối dữ liệu',
        paragraphs: [],
        diagrams: [],
        tables: [table(ctx, 'archDataModel', null, ['Lớp, khối dữ liệu', 'Số cơ sở dữ liệu, tập dữ liệu'], dataRows, { widths: [75, 25], align: ['left', 'right'], empty: 'Chưa phân loại lớp, khối dữ liệu.' })],
      },
    ],
  });
}

import { enumLabel } from '../../../framework/types.js';
import type { StrategyContext } from '../context.js';
import type { BudgetView, TableRow } from '../view-types.js';
import { fill, million, squash } from '../wording.js';
import { row, table, totalRow } from './tables.js';

/** Totals of the tasks' budget lines, by source and by year. */
export function budgetTotals(ctx: StrategyContext): { years: number[]; sources: string[]; cell: Map<string, number>; total: number } {
  const cell = new Map<string, number>();
  const years = new Set<number>();
  const sources = new Set<string>();
  let total = 0;
  for (const t of ctx.tasks) {
    for (const b of t.budget ?? []) {
      years.add(b.year);
      sources.add(b.source);
      const k = `${b.source}|${b.year}`;
      cell.set(k, (cell.get(k) ?? 0) + b.amount);
      total += b.amount;
    }
  }
  const order = (ctx.model.pack.enums['budgetSource']?.values ?? []).map((v) => String(v.value));
  return { years: [...years].sort((a, b) => a - b), sources: [...sources].sort((a, b) => order.indexOf(a) - order.indexOf(b)), cell, total };
}

/** VI. KINH PHÍ THỰC HIỆN: the pack's wording, then a table of totals by source and year. */
export function buildBudget(ctx: StrategyContext): BudgetView {
  const t = budgetTotals(ctx);
  const paragraphs = ctx.defaults.budget.map((p, i) => ({ label: `${i + 1}.`, text: squash(fill(p, ctx.vars)) }));
  if (t.sources.length === 0) {
    return { heading: 'VI. KINH PHÍ THỰC HIỆN', paragraphs: paragraphs.slice(0, 1), table: null, total: null };
  }
  const sum = (pred: (source: string, year: number) => boolean): number => {
    let s = 0;
    for (const [k, v] of t.cell) {
      const [source, year] = k.split('|') as [string, string];
      if (pred(source, Number(year))) s += v;
    }
    return s;
  };
  const rows: TableRow[] = t.sources.map((source) =>
    row([
      enumLabel(ctx.model.pack, 'budgetSource', source),
      ...t.years.map((y) => million(t.cell.get(`${source}|${y}`) ?? 0)),
      million(sum((s) => s === source)),
    ]),
  );
  rows.push(totalRow(['Tổng cộng', ...t.years.map((y) => million(sum((_s, yy) => yy === y))), million(t.total)]));
  const headers = ['Nguồn kinh phí', ...t.years.map(String), 'Tổng'];
  const labelShare = 30;
  const rest = (100 - labelShare) / (headers.length - 1);
  return {
    heading: 'VI. KINH PHÍ THỰC HIỆN',
    paragraphs,
    table: table(ctx, 'budget', 'Kinh phí dự kiến theo nguồn và năm (triệu đồng)', headers, rows, {
      widths: [labelShare, ...headers.slice(1).map(() => rest)],
      align: ['left', ...headers.slice(1).map(() => 'right' as const)],
    }),
    total: `Tổng kinh phí dự kiến: ${million(t.total)} triệu đồng.`,
  };
}

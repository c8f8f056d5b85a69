/**
 * Figures the schema accepts one by one but that cannot be right together, or that are written in the
 * wrong unit: no instrument is cited, so these are model findings, not conformance rules. A budget line
 * that looks written in đồng, sharing requests answered more often than received, a KPI value outside
 * its unit's range (a percentage above 100), quality scores written as fractions (0,95 for 95%).
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { viShortDate } from '../core/dates.js';
import { entityLabel } from '../core/labels.js';
import type { Ref } from '../core/ref.js';
import type { DocPath } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import type { EntityByKind } from './types.js';

type Report = (ref: Ref, path: DocPath, code: string, severity: Diagnostic['severity'], message: Text, fix: Text | undefined) => void;

/** The range of a unit of the catalogue (`percent`: 0–100), with its names. */
export interface UnitBounds {
  readonly min?: number;
  readonly max?: number;
  readonly vi: string;
  readonly en: string;
}

const VI = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 });
const EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A value as written when 4 decimals would change it (-5e-324 is not "-0"), else in the language's style. */
function shown(n: number, lang: 'vi' | 'en'): string {
  if (Number(n.toFixed(4)) !== n) return lang === 'vi' ? String(n).replace('.', ',') : String(n);
  return (lang === 'vi' ? VI : EN).format(n);
}

/** A number as YAML takes it back (no grouping, a dot for decimals, no float noise: 0.95 × 100 → 95). */
function plain(n: number): string {
  return String(Number(n.toFixed(6)));
}

/**
 * Budget lines whose amount, read in triệu đồng as the schema says, reaches `maxMillion` (the pack's
 * `budgetLineMaxMillionVnd`): 15000000 meant as 15 triệu đồng reads as 15.000 tỷ đồng.
 */
export function checkBudgetUnit(t: EntityByKind['task'], maxMillion: number, report: Report): void {
  const lines = Array.isArray(t.budget) ? t.budget : [];
  lines.forEach((b, i) => {
    const amount = (b as { readonly amount?: unknown } | undefined)?.amount;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < maxMillion) return;
    const label = entityLabel('task', t.id);
    const year = typeof b.year === 'number' ? ` năm ${b.year}` : '';
    const yearEn = typeof b.year === 'number' ? ` ${b.year}` : '';
    const billions = amount / 1000;
    const asMillion = plain(amount / 1_000_000);
    report(
      t.ref,
      ['budget', i, 'amount'],
      'model.budget-unit',
      'warning',
      text(
        `Khoản kinh phí${year} của ${label.vi} ghi amount: ${plain(amount)}, tức ${VI.format(amount)} triệu đồng (${VI.format(billions)} tỷ đồng): "amount" tính bằng triệu đồng, nên số này có vẻ đã ghi theo đồng.`,
        `Budget line${yearEn} of ${label.en} has amount: ${plain(amount)}, i.e. ${EN.format(amount)} million VND (${EN.format(billions)} billion VND): "amount" is in million VND, so this looks like an amount in đồng.`,
      ),
      text(
        `Nếu là ${VI.format(amount)} đồng, ghi amount: ${asMillion} (triệu đồng); giữ nguyên nếu đúng là ${VI.format(billions)} tỷ đồng.`,
        `If it is ${EN.format(amount)} VND, write amount: ${asMillion} (million VND); keep it if it really is ${EN.format(billions)} billion VND.`,
      ),
    );
  });
}

/** Per period, the requests met, refused in writing and pending split those received: together they cannot exceed it. */
export function checkSharingRequestCounts(d: EntityByKind['dataset'], report: Report): void {
  const entries = Array.isArray(d.sharingRequests) ? d.sharingRequests : [];
  entries.forEach((r, i) => {
    if (typeof r?.received !== 'number') return;
    const parts = (['met', 'refusedInWriting', 'pending'] as const).flatMap((k) => (typeof r[k] === 'number' ? [[k, r[k]] as const] : []));
    const sum = parts.reduce((s, [, n]) => s + n, 0);
    if (parts.length === 0 || sum <= r.received) return;
    const label = entityLabel('dataset', d.id);
    const written = parts.map(([k, n]) => `${k}: ${n}`).join(' + ');
    const period = typeof r.period === 'string' ? r.period : String(i + 1);
    report(
      d.ref,
      ['sharingRequests', i],
      'model.request-counts',
      'error',
      text(
        `${label.vi}: trong kỳ ${period}, số yêu cầu chia sẻ đã đáp ứng, từ chối bằng văn bản và đang xử lý cộng lại là ${sum} (${written}), nhiều hơn số yêu cầu nhận được (received: ${r.received}).`,
        `${label.en}: in period ${period}, sharing requests met, refused in writing and pending add up to ${sum} (${written}), more than the requests received (received: ${r.received}).`,
      ),
      text(
        `Sửa số liệu kỳ ${period}: received là tổng số yêu cầu nhận được trong kỳ; met, refusedInWriting và pending chia số đó, nên cộng lại không vượt quá received.`,
        `Fix the figures of ${period}: received counts every request of the period; met, refusedInWriting and pending split it, so together they are at most received.`,
      ),
    );
  });
}

/** Every value a KPI states in its unit: baseline, measurements, target and milestones, with how to name each. */
function kpiValues(k: EntityByKind['kpi']): { readonly path: DocPath; readonly value: unknown; readonly vi: string; readonly en: string }[] {
  const out: { path: DocPath; value: unknown; vi: string; en: string }[] = [];
  if (k.baseline) out.push({ path: ['baseline', 'value'], value: k.baseline.value, vi: 'giá trị cơ sở', en: 'the baseline' });
  (Array.isArray(k.measurements) ? k.measurements : []).forEach((m, i) => {
    const date = typeof m?.date === 'string' ? m.date : undefined;
    out.push({
      path: ['measurements', i, 'value'],
      value: m?.value,
      vi: date ? `số đo ngày ${viShortDate(date)}` : `số đo thứ ${i + 1}`,
      en: date ? `the measurement of ${date}` : `measurement ${i + 1}`,
    });
  });
  if (k.target) out.push({ path: ['target', 'value'], value: k.target.value, vi: 'mục tiêu', en: 'the target' });
  (Array.isArray(k.milestones) ? k.milestones : []).forEach((m, i) => out.push({ path: ['milestones', i, 'value'], value: m?.value, vi: `mốc thứ ${i + 1}`, en: `milestone ${i + 1}` }));
  return out;
}

/** The values of a KPI stay within the range of its unit (`percent` and `milestone`: 0–100, pack data). */
export function checkUnitRange(k: EntityByKind['kpi'], bounds: ReadonlyMap<string, UnitBounds>, report: Report): void {
  const unit = bounds.get(k.unit);
  if (!unit || (unit.min === undefined && unit.max === undefined)) return;
  const range = `${unit.min ?? '…'}–${unit.max ?? '…'}`;
  const label = entityLabel('kpi', k.id);
  for (const v of kpiValues(k)) {
    if (typeof v.value !== 'number') continue;
    if ((unit.min === undefined || v.value >= unit.min) && (unit.max === undefined || v.value <= unit.max)) continue;
    report(
      k.ref,
      v.path,
      'model.unit-range',
      'error',
      text(
        `${label.vi} tính theo đơn vị "${k.unit}" (${unit.vi}) nhưng ${v.vi} là ${shown(v.value, 'vi')}, ngoài khoảng ${range}.`,
        `${label.en} is measured in "${k.unit}" (${unit.en}), but ${v.en} is ${shown(v.value, 'en')}, outside ${range}.`,
      ),
      text(
        `Ghi giá trị trong khoảng ${range}; nếu chỉ tiêu không đo bằng "${k.unit}", đổi "unit" (kientruc schema --list units).`,
        `Write a value within ${range}; if the KPI is not measured in "${k.unit}", change "unit" (kientruc schema --list units).`,
      ),
    );
  }
}

/** The scores of a quality assessment, in the order messages list them. */
const QUALITY_SCORES = [
  ['correct', 'đúng'],
  ['complete', 'đủ'],
  ['clean', 'sạch'],
  ['live', 'sống'],
  ['consistent', 'thống nhất'],
  ['shared', 'dùng chung'],
] as const;

type Assessment = NonNullable<EntityByKind['dataset']['quality']>[number];

function scoresOf(q: Assessment): { readonly key: string; readonly vi: string; readonly value: number }[] {
  return QUALITY_SCORES.flatMap(([key, vi]) => {
    const value = (q as unknown as Record<string, unknown>)[key];
    return typeof value === 'number' ? [{ key, vi, value }] : [];
  });
}

/**
 * True when the scores of an assessment (percent, 0–100) read as fractions: every one between 0 and 1
 * and at least one strictly between (0,95 for 95%). Scores of only 0 and 1 are not taken for fractions:
 * 1 may be 1% or a yes, and all zeros are a plain 0%.
 */
export function looksLikeFractions(q: Assessment): boolean {
  const scores = scoresOf(q);
  return scores.length > 0 && scores.every((s) => s.value >= 0 && s.value <= 1) && scores.some((s) => s.value > 0 && s.value < 1);
}

/** One finding per assessment whose scores look written as fractions (data.quality-threshold then says nothing about it). */
export function checkQualityFractions(d: EntityByKind['dataset'], report: Report): void {
  const list = Array.isArray(d.quality) ? d.quality : [];
  list.forEach((q, i) => {
    if (!q || !looksLikeFractions(q)) return;
    const scores = scoresOf(q);
    const when = typeof q.assessedOn === 'string' ? q.assessedOn : undefined;
    const label = entityLabel('dataset', d.id);
    report(
      d.ref,
      ['quality', i],
      'model.quality-fraction',
      'warning',
      text(
        `${label.vi}: điểm chất lượng${when ? ` đánh giá ngày ${viShortDate(when)}` : ''} có vẻ ghi dạng phân số: ${scores.map((s) => `${s.vi} ${VI.format(s.value)} → ${VI.format(s.value * 100)}`).join(', ')}?`,
        `${label.en}: the quality scores${when ? ` assessed on ${when}` : ''} look written as fractions: ${scores.map((s) => `${s.key} ${EN.format(s.value)} → ${EN.format(s.value * 100)}`).join(', ')}?`,
      ),
      text(
        `Điểm chất lượng tính theo phần trăm (0–100): ghi ${scores.map((s) => `${s.key}: ${plain(s.value * 100)}`).join(', ')}; giữ nguyên nếu đúng là dưới 1%.`,
        `Quality scores are percentages (0–100): write ${scores.map((s) => `${s.key}: ${plain(s.value * 100)}`).join(', ')}; keep them if they really are below 1%.`,
      ),
    );
  });
}

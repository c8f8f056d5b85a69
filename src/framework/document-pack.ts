import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { InternalError } from '../core/errors.js';
import { PACKS_DIR } from './load-pack.js';
import type { Provenance } from './types.js';

/** One layout number with the range the decree allows and whether that was confirmed ([U] otherwise). */
export interface LayoutConstant<T extends number | string | boolean = number> extends Provenance {
  readonly value: T;
  readonly min?: number;
  readonly max?: number;
}

const LAYOUT_SHAPE = {
  font: { family: 'string', fallbacks: 'string' },
  page: {
    widthMm: 'number',
    heightMm: 'number',
    marginTopMm: 'number',
    marginBottomMm: 'number',
    marginLeftMm: 'number',
    marginRightMm: 'number',
    headerDistanceMm: 'number',
  },
  pageNumber: { sizePt: 'number', position: 'string', hideOnFirstPage: 'boolean' },
  text: { bodySizePt: 'number', firstLineIndentMm: 'number', paragraphSpacingPt: 'number', lineSpacing: 'number' },
  header: {
    leftColumnPct: 'number',
    issuerParentSizePt: 'number',
    issuerSizePt: 'number',
    issuerRuleWidthMm: 'number',
    numberSizePt: 'number',
    nationalTitleSizePt: 'number',
    mottoSizePt: 'number',
    mottoRuleWidthMm: 'number',
    ruleThicknessPt: 'number',
    placeDateSizePt: 'number',
  },
  title: { docTypeSizePt: 'number', subjectSizePt: 'number', authoritySizePt: 'number', spaceBeforeTitlePt: 'number' },
  signature: {
    recipientsHeadingSizePt: 'number',
    recipientsSizePt: 'number',
    recipientsColumnPct: 'number',
    signerSizePt: 'number',
    signerNameSizePt: 'number',
    signatureSpaceMm: 'number',
  },
  appendix: { headingSizePt: 'number', subtitleSizePt: 'number', tableSizePt: 'number', tableCellPaddingMm: 'number', diagramMaxHeightMm: 'number' },
  marks: { draftSizePt: 'number', draftBoxWidthMm: 'number' },
} as const;

type Shape = typeof LAYOUT_SHAPE;
type ValueOf<S> = S extends 'number' ? number : S extends 'string' ? string : boolean;

/** Every number of the strategy document's layout, by group, each with its status. */
export type DocumentLayout = {
  readonly [G in keyof Shape]: { readonly [K in keyof Shape[G]]: LayoutConstant<ValueOf<Shape[G][K]>> };
} & {
  readonly source: string;
  /** Column widths (%) of each appendix table, in column order. */
  readonly tables: Readonly<Record<string, readonly number[]>>;
  readonly file: string;
};

/** Level-specific wording (Điều 3, group headings of section VII). */
export interface LevelWording extends Partial<Provenance> {
  readonly executors: string;
  readonly communesHeading: string;
  readonly generalHeading: string;
  /** Title of the signer when the agency names none. */
  readonly signerTitle: string;
}

/** Framework default prose of the strategy, with `{placeholders}` (see the YAML file's header). */
export interface StrategyDefaults {
  readonly source: string;
  readonly title: string;
  readonly horizon: number;
  readonly viewpoints: readonly string[];
  readonly vision: string;
  readonly principles: readonly string[];
  readonly generalObjective: string;
  readonly tasksIntro: string;
  readonly budget: readonly string[];
  readonly effect: string;
  readonly generalDuties: readonly string[];
  readonly byLevel: Readonly<Record<string, LevelWording>>;
  readonly defaultRecipients: readonly string[];
  readonly publicNotice: string;
  /** Kế hoạch: default trích yếu, I.1 Mục đích, I.2 Yêu cầu, closing paragraph. */
  readonly planTitle: string;
  readonly planPurposes: readonly string[];
  readonly planRequirements: readonly string[];
  readonly planClosing: string;
  /** Báo cáo định kỳ: default trích yếu (`{period}` is the period's label). */
  readonly reportTitle: string;
  readonly file: string;
}

type Raw = Record<string, unknown>;

function read(packId: string, name: string): { raw: Raw; file: string } {
  const file = `src/framework/packs/${packId}/${name}.yaml`;
  try {
    return { raw: parse(readFileSync(join(PACKS_DIR, packId, `${name}.yaml`), 'utf8')) as Raw, file };
  } catch (err: unknown) {
    throw new InternalError(`framework pack ${packId}: cannot read ${name}.yaml`, { cause: err });
  }
}

function constant(raw: unknown, type: string, where: string): LayoutConstant<number | string | boolean> {
  const c = raw as Raw | undefined;
  if (!c || typeof c !== 'object' || typeof c['value'] !== type) {
    throw new InternalError(`${where}: expected { value: <${type}> }`);
  }
  const v = c['value'] as number | string | boolean;
  if (typeof v === 'number' && ((typeof c['min'] === 'number' && v < c['min']) || (typeof c['max'] === 'number' && v > c['max']))) {
    throw new InternalError(`${where}: ${v} lies outside ${String(c['min'])}–${String(c['max'])}`);
  }
  return { ...c, value: v, confirmed: c['confirmed'] !== false } as LayoutConstant<number | string | boolean>;
}

const layoutCache = new Map<string, DocumentLayout>();
const defaultsCache = new Map<string, StrategyDefaults>();

/** The layout constants of the pack's document-layout.yaml, checked for presence, type and range. */
export function loadDocumentLayout(packId: string): DocumentLayout {
  const hit = layoutCache.get(packId);
  if (hit) return hit;
  const { raw, file } = read(packId, 'document-layout');
  const out: Record<string, unknown> = { source: String(raw['source'] ?? ''), file };
  for (const [group, keys] of Object.entries(LAYOUT_SHAPE)) {
    const g = (raw[group] ?? {}) as Raw;
    const parsed: Record<string, unknown> = {};
    for (const [key, type] of Object.entries(keys)) parsed[key] = constant(g[key], type, `${file} ${group}.${key}`);
    out[group] = parsed;
  }
  const tables: Record<string, number[]> = {};
  for (const [id, widths] of Object.entries((raw['tables'] ?? {}) as Raw)) {
    if (!Array.isArray(widths) || !widths.every((w) => typeof w === 'number' && w > 0)) {
      throw new InternalError(`${file} tables.${id}: expected a list of positive widths`);
    }
    tables[id] = widths as number[];
  }
  out['tables'] = tables;
  const layout = out as unknown as DocumentLayout;
  layoutCache.set(packId, layout);
  return layout;
}

function strings(raw: unknown, where: string): string[] {
  if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string')) throw new InternalError(`${where}: expected a list of strings`);
  return raw as string[];
}

function str(raw: unknown, where: string): string {
  if (typeof raw !== 'string') throw new InternalError(`${where}: expected a string`);
  return raw;
}

/** The pack's default strategy prose (strategy-defaults.yaml). */
export function loadStrategyDefaults(packId: string): StrategyDefaults {
  const hit = defaultsCache.get(packId);
  if (hit) return hit;
  const { raw, file } = read(packId, 'strategy-defaults');
  const byLevel: Record<string, LevelWording> = {};
  for (const [level, w] of Object.entries((raw['byLevel'] ?? {}) as Record<string, Raw>)) {
    byLevel[level] = {
      executors: str(w['executors'], `${file} byLevel.${level}.executors`),
      communesHeading: str(w['communesHeading'], `${file} byLevel.${level}.communesHeading`),
      generalHeading: str(w['generalHeading'], `${file} byLevel.${level}.generalHeading`),
      signerTitle: str(w['signerTitle'], `${file} byLevel.${level}.signerTitle`),
      confirmed: w['confirmed'] !== false,
    };
  }
  const defaults: StrategyDefaults = {
    source: str(raw['source'], `${file} source`),
    title: str(raw['title'], `${file} title`),
    horizon: Number(raw['horizon'] ?? 2030),
    viewpoints: strings(raw['viewpoints'], `${file} viewpoints`),
    vision: str(raw['vision'], `${file} vision`),
    principles: strings(raw['principles'], `${file} principles`),
    generalObjective: str(raw['generalObjective'], `${file} generalObjective`),
    tasksIntro: str(raw['tasksIntro'], `${file} tasksIntro`),
    budget: strings(raw['budget'], `${file} budget`),
    effect: str(raw['effect'], `${file} effect`),
    generalDuties: strings(raw['generalDuties'], `${file} generalDuties`),
    byLevel,
    defaultRecipients: strings(raw['defaultRecipients'], `${file} defaultRecipients`),
    publicNotice: str(raw['publicNotice'], `${file} publicNotice`),
    planTitle: str(raw['planTitle'], `${file} planTitle`),
    planPurposes: strings(raw['planPurposes'], `${file} planPurposes`),
    planRequirements: strings(raw['planRequirements'], `${file} planRequirements`),
    planClosing: str(raw['planClosing'], `${file} planClosing`),
    reportTitle: str(raw['reportTitle'], `${file} reportTitle`),
    file,
  };
  defaultsCache.set(packId, defaults);
  return defaults;
}

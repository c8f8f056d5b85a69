import type { IsoDate } from '../../core/dates.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { EMPTY_ASSETS, type ProjectAssets } from '../../core/project-assets.js';
import type { Text } from '../../core/text.js';
import type { Model } from '../../model/model.js';
import type { ValidModel } from '../../model/valid.js';
import { createContext } from './context.js';
import { buildBudget } from './sections/budget.js';
import { buildGapAppendix } from './sections/gaps.js';
import { buildImplementation } from './sections/implementation.js';
import { buildDatabaseAppendix, buildSystemAppendix } from './sections/inventory.js';
import { buildObjectives } from './sections/objectives.js';
import { buildArticle1, buildClosingArticles, buildHeader, buildMarks, buildPreamble, buildSignature, subjectOf } from './sections/preamble.js';
import { buildPrinciples, buildViewpoints, buildVision } from './sections/prose.js';
import { buildStateAppendix } from './sections/state.js';
import { buildTaskAppendix, buildTasks, orderTasks } from './sections/tasks.js';
import { orient } from './sections/tables.js';
import type { Audience, DiagramView, StrategyView } from './view-types.js';

export interface StrategyInput {
  readonly model: ValidModel;
  readonly asOf: IsoDate;
  readonly audience: Audience;
  readonly toolVersion: string;
  readonly assets?: ProjectAssets;
  /** The diagrams to embed in the current-state appendix, already filtered for the audience. */
  readonly diagrams?: readonly DiagramView[];
  /** The run's findings, for the gap summary. */
  readonly diagnostics?: readonly Diagnostic[];
}

export interface StrategyBuild {
  readonly view: StrategyView;
  /** Things the author should know (an override that won over YAML, an unknown excluded basis). */
  readonly warnings: readonly Text[];
}

/** The one document view every format renders. Pure: same input, same view. */
export function buildStrategyView(input: StrategyInput): StrategyBuild {
  const ctx = createContext({ model: input.model, asOf: input.asOf, audience: input.audience, assets: input.assets ?? EMPTY_ASSETS }, orderTasks);
  // The task appendix numbers the tasks (1.a, 2.b …) that section VII refers to, so it is built first.
  const tasksAppendix = buildTaskAppendix(ctx);
  const view: StrategyView = {
    meta: {
      title: subjectOf(ctx),
      audience: ctx.audience,
      documentDate: ctx.docDate,
      asOf: ctx.asOf,
      generator: `kientruc ${input.toolVersion}`,
      lang: 'vi',
    },
    marks: buildMarks(ctx),
    header: buildHeader(ctx),
    preamble: buildPreamble(ctx),
    article1: buildArticle1(ctx),
    viewpoints: buildViewpoints(ctx),
    vision: buildVision(ctx),
    principles: buildPrinciples(ctx),
    objectives: buildObjectives(ctx),
    tasks: buildTasks(ctx),
    budget: buildBudget(ctx),
    implementation: buildImplementation(ctx),
    articles: buildClosingArticles(ctx),
    signature: buildSignature(ctx),
    appendices: [
      tasksAppendix,
      buildStateAppendix(ctx, input.diagrams ?? []),
      buildDatabaseAppendix(ctx),
      buildSystemAppendix(ctx),
      buildGapAppendix(ctx, input.diagnostics ?? []),
    ].map(orient),
  };
  return { view, warnings: ctx.warnings };
}

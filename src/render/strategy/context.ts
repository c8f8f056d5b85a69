import type { IsoDate } from '../../core/dates.js';
import { viLongDate } from '../../core/dates.js';
import type { ProjectAssets } from '../../core/project-assets.js';
import type { Text } from '../../core/text.js';
import { enumLabel } from '../../framework/types.js';
import { loadDocumentLayout, loadStrategyDefaults, type DocumentLayout, type LevelWording, type StrategyDefaults } from '../../framework/document-pack.js';
import type { Model } from '../../model/model.js';
import type { Agency, Dataset, Task } from '../../model/types.js';
import type { Audience } from './view-types.js';
import { entityName, orgName, roman } from './wording.js';
import { attachmentRef } from '../documents/frame.js';

/** Appendices in document order; each gets the next Roman numeral. */
export const APPENDIX_ORDER = ['tasks', 'state', 'databases', 'systems', 'gaps'] as const;
export type AppendixId = (typeof APPENDIX_ORDER)[number];

/** Everything the section builders share: inputs, resolved wording, numbering. */
export interface StrategyContext {
  readonly model: Model;
  readonly agency: Agency | undefined;
  readonly asOf: IsoDate;
  /** The document date (document.date, else asOf): the date printed, and the date legal bases are judged at. */
  readonly docDate: IsoDate;
  /** Year of the document: the "current horizon" of Mục tiêu cụ thể. */
  readonly year: number;
  readonly horizon: number;
  readonly audience: Audience;
  readonly isPublic: boolean;
  readonly defaults: StrategyDefaults;
  readonly layout: DocumentLayout;
  readonly level: LevelWording;
  readonly assets: ProjectAssets;
  /** Placeholder values for the pack's default prose. */
  readonly vars: Readonly<Record<string, string>>;
  readonly appendix: Readonly<Record<AppendixId, string>>;
  /** `Quyết định số … ngày … của …` for the appendix headings. */
  readonly decisionRef: string;
  /** Tasks that appear in the document (cancelled ones do not), in appendix order. */
  readonly tasks: readonly Task[];
  /** `1.a`-style number of each task in the task appendix. */
  readonly taskNumber: ReadonlyMap<string, string>;
  /** Datasets the edition may show (all internally; open and shared ones in public). */
  readonly datasets: readonly Dataset[];
  readonly warnings: Text[];
}

export interface ContextInput {
  readonly model: Model;
  readonly asOf: IsoDate;
  readonly audience: Audience;
  readonly assets: ProjectAssets;
  /** The document the appendices are attached to; default: the strategy decision (agency.yaml `document`). */
  readonly attachedTo?: { readonly typeCode: string; readonly number: string | undefined; readonly docName: string; readonly date?: IsoDate };
  /** How the document's own text names it ("tổ chức triển khai {document}"): default "Chiến lược". */
  readonly documentName?: string;
}

/** Is the dataset publishable? Only open and shared data are (Luật Dữ liệu Điều 3). */
export function isPublishable(d: Dataset): boolean {
  return d.sharing === 'open' || d.sharing === 'shared';
}

export function createContext(input: ContextInput, orderTasks: (model: Model, tasks: readonly Task[]) => Task[]): StrategyContext {
  const { model, asOf, audience } = input;
  const agency = model.agency;
  const doc = agency?.document;
  const docDate = input.attachedTo?.date ?? doc?.date ?? asOf;
  const defaults = loadStrategyDefaults(model.pack.id);
  const layout = loadDocumentLayout(model.pack.id);
  const levelKey = agency?.level ?? 'province';
  const level = defaults.byLevel[levelKey] ?? defaults.byLevel['province'] ?? {
    executors: 'Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.',
    communesHeading: 'Các cơ quan, đơn vị trực thuộc',
    generalHeading: 'Các cơ quan, đơn vị có liên quan',
    signerTitle: 'THỦ TRƯỞNG CƠ QUAN',
  };
  const horizon = doc?.horizon ?? defaults.horizon;
  const appendix = Object.fromEntries(APPENDIX_ORDER.map((id, i) => [id, roman(i + 1)])) as Record<AppendixId, string>;
  const coordinator = agency?.governance?.dataCoordinator;
  const period = agency?.governance?.reportingPeriod;
  const name = agency?.name ?? model.root;
  const vars: Record<string, string> = {
    entity: entityName(name),
    agency: name,
    document: input.documentName ?? 'Chiến lược',
    horizon: String(horizon),
    coordinator: coordinator ? orgName(model, coordinator) : 'cơ quan đầu mối điều phối dữ liệu',
    reportingPeriod: period ? `định kỳ ${enumLabel(model.pack, 'reportingPeriod', period).toLocaleLowerCase('vi')}` : 'định kỳ',
    tasksAppendix: appendix.tasks,
    stateAppendix: appendix.state,
  };
  const to = input.attachedTo ?? { typeCode: 'QĐ', number: doc?.number, docName: 'Quyết định' };
  const decisionRef = attachmentRef({ agency, model, docDate }, { typeCode: to.typeCode, number: to.number }, to.docName);
  const tasks = orderTasks(
    model,
    model.all('task').filter((t) => t.status !== 'cancelled'),
  );
  const taskNumber = new Map<string, string>();
  const datasets = model.all('dataset').filter((d) => audience === 'internal' || isPublishable(d));
  return {
    model,
    agency,
    asOf,
    docDate,
    year: Number(docDate.slice(0, 4)),
    horizon,
    audience,
    isPublic: audience === 'public',
    defaults,
    layout,
    level,
    assets: input.assets,
    vars,
    appendix,
    decisionRef,
    tasks,
    taskNumber,
    datasets,
    warnings: [],
  };
}

import type { IsoDate, Period } from '../../../core/dates.js';
import type { Diagnostic } from '../../../core/diagnostic.js';
import type { ProjectAssets } from '../../../core/project-assets.js';
import type { ValidModel } from '../../../model/valid.js';

/** What every document's view builder reads. Pure data: building a view never touches the disk. */
export interface DocumentInput {
  readonly model: ValidModel;
  readonly asOf: IsoDate;
  readonly audience: 'internal' | 'public';
  readonly assets: ProjectAssets;
  /** `kientruc <version>`, printed in the file's metadata. */
  readonly generator: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Báo cáo: the period reported on (default: the latest complete one). */
  readonly period?: Period;
}

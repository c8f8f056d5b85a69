/**
 * Formats `kientruc export --format <id>` writes, one line each. A format turns the model into files;
 * the command writes them.
 */
import type { IsoDate } from '../core/dates.js';
import type { Model } from '../model/model.js';
import type { GeneratedFile } from '../render/types.js';
import { exportXlsx } from './xlsx/export.js';

export interface ExportOptions {
  /** `public` leaves out what the agency does not publish (internal notes). */
  readonly audience: 'internal' | 'public';
  /** The data's reference date (workbook dates, so the same model gives the same bytes). */
  readonly asOf: IsoDate;
}

export interface ExportFormat {
  readonly id: string;
  readonly title: { readonly vi: string; readonly en: string };
  /** The audience when none is asked for. */
  readonly defaultAudience: 'internal' | 'public';
  run(model: Model, opts: ExportOptions): Promise<GeneratedFile[]>;
}

export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  xlsx: {
    id: 'xlsx',
    title: { vi: 'Bảng tính Excel (hệ thống, CSDL, kết nối, đơn vị, nhiệm vụ)', en: 'Excel workbook (systems, datasets, integrations, organisations, tasks)' },
    defaultAudience: 'internal',
    run: async (model, opts) => [{ path: 'danh-muc-kien-truc.xlsx', contents: await exportXlsx(model, { audience: opts.audience, asOf: opts.asOf }) }],
  },
};

/**
 * Formats `kientruc export --format <id>` writes, one line each. A format turns the model into files;
 * the command writes them.
 */
import type { Model } from '../model/model.js';
import type { GeneratedFile } from '../render/types.js';
import { exportXlsx } from './xlsx/export.js';

export interface ExportOptions {
  /** `public` leaves out what the agency does not publish (internal notes). */
  readonly audience: 'internal' | 'public';
}

export interface ExportFormat {
  readonly id: string;
  readonly title: { readonly vi: string; readonly en: string };
  run(model: Model, opts: ExportOptions): Promise<GeneratedFile[]>;
}

export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  xlsx: {
    id: 'xlsx',
    title: { vi: 'Bảng tính Excel (hệ thống, CSDL, kết nối, đơn vị, nhiệm vụ)', en: 'Excel workbook (systems, datasets, integrations, organisations, tasks)' },
    run: async (model, opts) => [{ path: 'danh-muc-kien-truc.xlsx', contents: await exportXlsx(model, { audience: opts.audience }) }],
  },
};

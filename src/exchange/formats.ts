/**
 * Formats `kientruc export --format <id>` writes, one line each. A format turns the model into files;
 * the command writes them.
 */
import type { IsoDate } from '../core/dates.js';
import type { Model } from '../model/model.js';
import type { GeneratedFile } from '../render/types.js';
import { exportArchimate } from './archimate/index.js';
import { exportDcat } from './dcat/index.js';
import { exportXlsx } from './xlsx/export.js';

export interface ExportOptions {
  /** `public` leaves out what the public edition of the strategy does not publish (internal notes and more). */
  readonly audience: 'internal' | 'public';
  /** The data's reference date (workbook dates, legal documents in force; the same model gives the same bytes). */
  readonly asOf: IsoDate;
  /** Base IRI for the identifiers an RDF export mints (`--base-uri`); a format has its own default. */
  readonly baseUri?: string;
}

export interface ExportFormat {
  readonly id: string;
  readonly title: { readonly vi: string; readonly en: string };
  /** The audience when none is asked for. */
  readonly defaultAudience: 'internal' | 'public';
  run(model: Model, opts: ExportOptions): Promise<GeneratedFile[]>;
}

export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  archimate: {
    id: 'archimate',
    title: { vi: 'ArchiMate 3.1 Open Exchange Format (XML, mở bằng Archi)', en: 'ArchiMate 3.1 Open Exchange Format (XML, opens in Archi)' },
    defaultAudience: 'internal',
    run: async (model, opts) => exportArchimate(model, opts),
  },
  dcat: {
    id: 'dcat',
    title: { vi: 'Danh mục dữ liệu DCAT-AP 3 (Turtle, JSON-LD)', en: 'DCAT-AP 3 data catalogue (Turtle, JSON-LD)' },
    defaultAudience: 'public',
    run: async (model, opts) => exportDcat(model, opts),
  },
  xlsx: {
    id: 'xlsx',
    title: { vi: 'Bảng tính Excel (hệ thống, CSDL, kết nối, đơn vị, nhiệm vụ)', en: 'Excel workbook (systems, datasets, integrations, organisations, tasks)' },
    defaultAudience: 'internal',
    run: async (model, opts) => [{ path: 'danh-muc-kien-truc.xlsx', contents: await exportXlsx(model, { audience: opts.audience, asOf: opts.asOf }) }],
  },
};

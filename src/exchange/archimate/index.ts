import type { Model } from '../../model/model.js';
import type { GeneratedFile } from '../../render/types.js';
import { editionOf } from '../edition.js';
import type { ExportOptions } from '../formats.js';
import { buildArchimateModel } from './build.js';
import { writeArchimateXml } from './xml.js';

/** File name of the ArchiMate export, by audience. */
export function archimateFileName(audience: 'internal' | 'public'): string {
  return audience === 'public' ? 'kien-truc-cong-khai.archimate.xml' : 'kien-truc.archimate.xml';
}

/** The model as one ArchiMate Open Exchange Format file. */
export function exportArchimate(model: Model, opts: ExportOptions): GeneratedFile[] {
  const am = buildArchimateModel({ model, edition: editionOf(model, opts.audience), asOf: opts.asOf });
  return [{ path: archimateFileName(opts.audience), contents: writeArchimateXml(am) }];
}

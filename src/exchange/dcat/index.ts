import type { Model } from '../../model/model.js';
import type { GeneratedFile } from '../../render/types.js';
import { editionOf } from '../edition.js';
import type { ExportOptions } from '../formats.js';
import { buildDcatGraph, defaultBase } from './build.js';

/** Base name of the DCAT files, by audience (`.ttl` and `.jsonld` follow). */
export function dcatFileStem(audience: 'internal' | 'public'): string {
  return audience === 'public' ? 'danh-muc-du-lieu-cong-khai.dcat' : 'danh-muc-du-lieu.dcat';
}

/** The dataset catalogue as DCAT-AP 3, in Turtle and in JSON-LD (the same triples). */
export async function exportDcat(model: Model, opts: ExportOptions): Promise<GeneratedFile[]> {
  const graph = buildDcatGraph({ model, edition: editionOf(model, opts.audience), asOf: opts.asOf, base: opts.baseUri ?? defaultBase(model) });
  const stem = dcatFileStem(opts.audience);
  return [
    { path: `${stem}.jsonld`, contents: graph.toJsonLd() },
    { path: `${stem}.ttl`, contents: await graph.toTurtle() },
  ];
}

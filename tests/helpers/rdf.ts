/** RDF helpers for the DCAT tests: parse Turtle and JSON-LD into one dataset type, validate with SHACL. */
import { Readable } from 'node:stream';
import rdf from '@zazuko/env';
import formats from '@rdfjs/formats';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import type { Quad } from '@rdfjs/types';

rdf.formats.import(formats);

export type RdfDataset = ReturnType<typeof rdf.dataset>;

export function parseTurtle(text: string): RdfDataset {
  const quads = new Parser({ format: 'text/turtle' }).parse(text) as unknown as Quad[];
  return rdf.dataset(quads);
}

export async function parseJsonLd(text: string): Promise<RdfDataset> {
  const stream = rdf.formats.parsers.import('application/ld+json', Readable.from([text]));
  if (!stream) throw new Error('no JSON-LD parser');
  return rdf.dataset().import(stream as never);
}

/** Canonical N-Triples lines (no blank nodes are used), sorted: equal strings mean equal graphs. */
export function canonical(ds: RdfDataset): string[] {
  const lines: string[] = [];
  for (const q of ds) {
    const o = q.object;
    const obj = o.termType === 'Literal' ? JSON.stringify(o.value) + (o.language ? `@${o.language}` : `^^${o.datatype.value}`) : `<${o.value}>`;
    lines.push(`<${q.subject.value}> <${q.predicate.value}> ${obj}`);
  }
  return lines.sort();
}

export interface ShaclResult {
  readonly severity: string;
  readonly focus: string;
  readonly path: string;
  readonly message: string;
}

export async function validateShacl(shapes: RdfDataset, data: RdfDataset): Promise<{ conforms: boolean; results: ShaclResult[] }> {
  const validator = new SHACLValidator(shapes, { factory: rdf as never });
  const report = await validator.validate(data);
  const results = report.results.map((r) => ({
    severity: r.severity?.value.replace('http://www.w3.org/ns/shacl#', '') ?? '',
    focus: r.focusNode?.value ?? '',
    path: r.path?.value ?? '',
    message: r.message.map((m) => m.value).join(' '),
  }));
  return { conforms: report.conforms, results };
}

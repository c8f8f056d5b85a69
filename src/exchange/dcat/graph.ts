/**
 * A small RDF graph with no blank nodes, kept in insertion order (subjects grouped) and free of
 * duplicates, written as Turtle by the n3 library and as JSON-LD (a flat `@graph` with an inline
 * `@context`) by `toJsonLd`. The builder adds triples in ref order, so both outputs are byte-stable.
 */
import { DataFactory, Writer } from 'n3';
import { stableStringify } from '../../core/stable-json.js';
import { NS, type Prefix } from './vocab.js';

export type Term = { readonly iri: string } | { readonly value: string; readonly lang?: string; readonly datatype?: string };

export const iri = (value: string): Term => ({ iri: value });
export const text = (value: string, lang = 'vi'): Term => ({ value, lang });
export const plain = (value: string): Term => ({ value });
export const typed = (value: string, datatype: string): Term => ({ value, datatype });

/** `dct:title` → full IRI. */
export function term(curie: `${Prefix}:${string}`): string {
  const i = curie.indexOf(':');
  return NS[curie.slice(0, i) as Prefix] + curie.slice(i + 1);
}

export class Graph {
  private readonly subjects = new Map<string, { p: string; o: Term }[]>();
  private readonly seen = new Set<string>();

  add(subject: string, predicate: `${Prefix}:${string}`, object: Term | undefined): this {
    if (object === undefined) return this;
    if ('value' in object && object.value === '') return this;
    const p = term(predicate);
    const key = JSON.stringify([subject, p, object]);
    if (this.seen.has(key)) return this;
    this.seen.add(key);
    const list = this.subjects.get(subject) ?? [];
    list.push({ p, o: object });
    this.subjects.set(subject, list);
    return this;
  }

  type(subject: string, cls: `${Prefix}:${string}`): this {
    return this.add(subject, 'rdf:type', iri(term(cls)));
  }

  has(subject: string): boolean {
    return this.subjects.has(subject);
  }

  *triples(): Generator<{ s: string; p: string; o: Term }> {
    for (const [s, list] of this.subjects) for (const { p, o } of list) yield { s, p, o };
  }

  toTurtle(): Promise<string> {
    const { namedNode, literal, quad } = DataFactory;
    const writer = new Writer({ prefixes: { ...NS } });
    for (const t of this.triples()) {
      const o = 'iri' in t.o ? namedNode(t.o.iri) : t.o.lang ? literal(t.o.value, t.o.lang) : literal(t.o.value, namedNode(t.o.datatype ?? `${NS.xsd}string`));
      writer.addQuad(quad(namedNode(t.s), namedNode(t.p), o));
    }
    return new Promise((resolve, reject) => {
      writer.end((err: Error | null, result: string) => (err ? reject(err) : resolve(result.endsWith('\n') ? result : `${result}\n`)));
    });
  }

  toJsonLd(): string {
    const compact = (full: string): string => {
      for (const [prefix, ns] of Object.entries(NS)) if (full.startsWith(ns) && full.length > ns.length) return `${prefix}:${full.slice(ns.length)}`;
      return full;
    };
    const nodes: Record<string, unknown>[] = [];
    for (const [s, list] of this.subjects) {
      const node: Record<string, unknown[]> & { '@id'?: string } = {};
      const types: string[] = [];
      for (const { p, o } of list) {
        if (p === `${NS.rdf}type` && 'iri' in o) {
          types.push(compact(o.iri));
          continue;
        }
        const key = compact(p);
        const value = 'iri' in o ? { '@id': o.iri } : o.lang ? { '@value': o.value, '@language': o.lang } : o.datatype ? { '@value': o.value, '@type': compact(o.datatype) } : { '@value': o.value };
        (node[key] ??= []).push(value);
      }
      nodes.push({ '@id': s, ...(types.length ? { '@type': types } : {}), ...node });
    }
    return stableStringify({ '@context': { ...NS }, '@graph': nodes });
  }
}

/**
 * The dataset catalogue as DCAT-AP 3: one dcat:Catalog published by the agency, one dcat:Dataset per
 * dataset the edition describes (publisher: its owner; access rights: its sharing class; themes; the
 * legislation that governs it), distributions for open-data endpoints and, internally, for the
 * integrations that share it. State-secret datasets are never catalogued.
 */
import { slugify } from '../../core/labels.js';
import { UserError } from '../../core/errors.js';
import { text as bilingual } from '../../core/text.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { Dataset, Integration } from '../../model/types.js';
import type { Edition } from '../edition.js';
import { Graph, iri, plain, text, typed } from './graph.js';
import { legislationFor, legalIri } from './legislation.js';
import {
  ACCESS_RIGHTS,
  DATA_THEME_SCHEME,
  FILE_TYPE_SCHEME,
  FILE_TYPES,
  FREQUENCY,
  FREQUENCY_SCHEME,
  LANGUAGE_SCHEME,
  LANGUAGE_VIE,
  LICENCES,
  NS,
  PUBLISHER_TYPE,
  PUBLISHER_TYPE_SCHEME,
  THEME_BY_BLOCK,
  THEME_BY_NATIONAL_DATABASE,
  fileType,
  licenceKey,
  type Concept,
} from './vocab.js';

export interface DcatInput {
  readonly model: Model;
  readonly edition: Edition;
  readonly asOf: string;
  /** Absolute IRI ending in "/", "#" or ":"; every minted identifier starts with it. */
  readonly base: string;
}

/** `urn:kientruc:<agency code or id>:` — stable, but not resolvable: publish with `--base-uri`. */
export function defaultBase(model: Model): string {
  const a = model.agency;
  return `urn:kientruc:${a?.code ?? a?.id ?? 'architecture'}:`;
}

/** Integrations whose status means data flows or is being tested. */
const ACTIVE = new Set<Integration['status']>(['live', 'testing']);

class DcatBuilder {
  readonly g = new Graph();
  constructor(
    readonly model: Model,
    readonly edition: Edition,
    readonly base: string,
    readonly asOf: string,
  ) {}

  label(enumId: string, value: string | number): string {
    return enumLabel(this.model.pack, enumId, value);
  }

  mint(path: string): string {
    return `${this.base}${path}`;
  }

  scheme(schemeIri: string, title: string): void {
    this.g.type(schemeIri, 'skos:ConceptScheme').add(schemeIri, 'dct:title', text(title, 'en'));
  }

  concept(c: Concept): string {
    this.scheme(c.scheme, c.schemeTitle);
    this.g.type(c.iri, 'skos:Concept').add(c.iri, 'skos:prefLabel', text(c.en, 'en'));
    if (c.vi) this.g.add(c.iri, 'skos:prefLabel', text(c.vi, 'vi'));
    this.g.add(c.iri, 'skos:inScheme', iri(c.scheme));
    return c.iri;
  }

  /** foaf:Agent for an organisation ref (the agency, a declared or a pack organisation). */
  agent(ref: string): string | undefined {
    const org = this.model.org(ref);
    if (!org) return undefined;
    const id = this.mint(`org/${ref.slice(ref.indexOf(':') + 1)}`);
    if (this.g.has(id)) return id;
    this.g.type(id, 'foaf:Agent').add(id, 'foaf:name', text(org.name));
    const type = PUBLISHER_TYPE[org.level];
    if (type) {
      this.scheme(PUBLISHER_TYPE_SCHEME, 'Publisher type');
      this.g.type(type.iri, 'skos:Concept').add(type.iri, 'skos:prefLabel', text(type.en, 'en')).add(type.iri, 'skos:inScheme', iri(PUBLISHER_TYPE_SCHEME));
      this.g.add(id, 'dct:type', iri(type.iri));
    }
    return id;
  }

  language(subject: string): void {
    this.scheme(LANGUAGE_SCHEME, 'Language');
    this.g.type(LANGUAGE_VIE, 'dct:LinguisticSystem').add(LANGUAGE_VIE, 'skos:inScheme', iri(LANGUAGE_SCHEME));
    this.g.add(subject, 'dct:language', iri(LANGUAGE_VIE));
  }

  /** Description from facts the public edition shows: scope, sharing class, owner. */
  factualDescription(d: Dataset): string {
    const parts = [this.label('dataScope', d.scope)];
    if (d.sharing) parts.push(this.label('sharingClass', d.sharing));
    if (d.owner) parts.push(`Chủ sở hữu: ${this.model.nameOf(d.owner)}`);
    return `${parts.join('. ')}.`;
  }

  themes(d: Dataset): string[] {
    const out: string[] = [];
    const eu = (d.nationalDatabase ? THEME_BY_NATIONAL_DATABASE[d.nationalDatabase] : undefined) ?? (d.block ? THEME_BY_BLOCK[d.block] : undefined);
    if (eu) out.push(this.concept(eu));
    if (d.block) {
      const scheme = `urn:kientruc:${this.model.pack.id}:data-block`;
      const value = this.model.pack.enums['dataBlock']?.values.find((v) => v.value === d.block);
      out.push(
        this.concept({
          iri: `${scheme}:${d.block}`,
          scheme,
          schemeTitle: 'Data blocks (Decision 2439/QĐ-TTg)',
          en: value?.en ?? d.block,
          ...(value ? { vi: value.vi } : {}),
        }),
      );
    }
    return out;
  }

  licence(textValue: string): string {
    const known = LICENCES[licenceKey(textValue)];
    const id = known ?? this.mint(`licence/${slugify(textValue) || 'licence'}`);
    this.g.type(id, 'dct:LicenseDocument');
    if (!known) this.g.add(id, 'dct:title', text(textValue));
    return id;
  }

  openDataDistributions(d: Dataset, dataset: string): void {
    const od = d.openData;
    if (d.sharing !== 'open' || !od) return;
    const portal = od.portal ? this.model.get<'system'>(od.portal)?.network?.publicUrl : undefined;
    const url = od.url ?? portal;
    if (!url) return;
    if (od.url) this.g.add(dataset, 'dcat:landingPage', iri(od.url)).type(od.url, 'foaf:Document');
    const licence = od.license ? this.licence(od.license) : undefined;
    const formats = (od.formats ?? []).map((f) => f.toUpperCase().replace(/[-\s]/g, '_'));
    const variants = formats.length ? formats : [''];
    for (const f of variants) {
      const dist = this.mint(`dataset/${d.id}/distribution/open-data${f ? `-${f.toLowerCase()}` : ''}`);
      this.g.add(dataset, 'dcat:distribution', iri(dist));
      this.g.type(dist, 'dcat:Distribution').add(dist, 'dct:title', text(f ? `Dữ liệu mở (${f})` : 'Dữ liệu mở'));
      this.accessUrl(dist, url);
      if (f && FILE_TYPES.has(f)) {
        this.scheme(FILE_TYPE_SCHEME, 'File type');
        this.g.type(fileType(f), 'dct:MediaTypeOrExtent').add(fileType(f), 'skos:inScheme', iri(FILE_TYPE_SCHEME));
        this.g.add(dist, 'dct:format', iri(fileType(f)));
      }
      if (licence) this.g.add(dist, 'dct:license', iri(licence));
      if (od.publishedOn) this.g.add(dist, 'dct:issued', typed(od.publishedOn, `${NS.xsd}date`));
    }
  }

  /** Internal edition: each active integration carrying the dataset, where its access point has an address. */
  integrationDistributions(d: Dataset, dataset: string): void {
    for (const it of this.edition.integrations) {
      if (!ACTIVE.has(it.status) || !(it.datasets ?? []).includes(d.ref)) continue;
      const url = this.urlOf(it.via) ?? this.urlOf(it.from);
      if (!url) continue;
      const dist = this.mint(`dataset/${d.id}/distribution/${it.id}`);
      this.g.add(dataset, 'dcat:distribution', iri(dist));
      this.g.type(dist, 'dcat:Distribution');
      this.g.add(dist, 'dct:title', text(`${this.label('channel', it.channel)}: ${it.name}`));
      this.g.add(dist, 'dct:description', text(`Từ ${this.model.nameOf(it.from)} đến ${this.model.nameOf(it.to)}; ${this.label('integrationStatus', it.status).toLocaleLowerCase('vi')}.`));
      this.accessUrl(dist, url);
      // `since` is a year or a day (core/time-fields.ts): a year is issued as xsd:gYear, never padded to a made-up day.
      if (it.since !== undefined) this.g.add(dist, 'dct:issued', /^\d{4}$/.test(String(it.since)) ? typed(String(it.since), `${NS.xsd}gYear`) : typed(String(it.since), `${NS.xsd}date`));
    }
  }

  /** DCAT-AP 3.0.0 shapes give accessURL the range class rdfs:Resource, checked without inference: say so. */
  accessUrl(dist: string, url: string): void {
    this.g.add(dist, 'dcat:accessURL', iri(url)).type(url, 'rdfs:Resource');
  }

  urlOf(ref: string | undefined): string | undefined {
    if (!ref) return undefined;
    const s = this.model.get<'system'>(ref);
    if (s?.entityKind !== 'system') return undefined;
    return s.network?.publicUrl ?? s.network?.internalUrl;
  }

  dataset(d: Dataset, catalog: string, fallbackPublisher: string | undefined): void {
    const pub = this.edition.isPublic;
    const id = this.mint(`dataset/${d.id}`);
    this.g.add(catalog, 'dcat:dataset', iri(id));
    this.g.type(id, 'dcat:Dataset');
    this.g.add(id, 'dct:identifier', plain(d.ref));
    this.g.add(id, 'dct:title', text(d.name));
    this.g.add(id, 'dct:description', text(!pub && d.description ? d.description : this.factualDescription(d)));
    const publisher = (d.owner ? this.agent(d.owner) : undefined) ?? fallbackPublisher;
    if (publisher) this.g.add(id, 'dct:publisher', iri(publisher));
    for (const t of this.themes(d)) this.g.add(id, 'dcat:theme', iri(t));
    // An unknown sharing class ("chưa xác định") has no access right to state.
    const right = d.sharing === 'open' || d.sharing === 'shared' || d.sharing === 'restricted' ? ACCESS_RIGHTS[d.sharing] : undefined;
    if (right) {
      this.scheme(right.scheme, right.schemeTitle);
      this.g.type(right.iri, 'dct:RightsStatement').add(right.iri, 'skos:inScheme', iri(right.scheme));
      this.g.add(id, 'dct:accessRights', iri(right.iri));
    }
    const freq = d.updateFrequency ? FREQUENCY[d.updateFrequency] : undefined;
    if (freq) {
      this.scheme(FREQUENCY_SCHEME, 'Frequency');
      this.g.type(freq, 'dct:Frequency').add(freq, 'skos:inScheme', iri(FREQUENCY_SCHEME));
      this.g.add(id, 'dct:accrualPeriodicity', iri(freq));
    }
    for (const l of legislationFor(this.model.pack, d, this.asOf)) {
      const lid = legalIri(this.model.pack, l);
      this.g.type(lid, 'eli:LegalResource').add(lid, 'dct:title', text(l.citation));
      this.g.add(id, 'dcatap:applicableLegislation', iri(lid));
    }
    this.language(id);
    if (!pub) for (const tag of d.tags ?? []) this.g.add(id, 'dcat:keyword', text(tag));
    this.openDataDistributions(d, id);
    if (!pub) this.integrationDistributions(d, id);
  }
}

export function buildDcatGraph(input: DcatInput): Graph {
  const { model, edition } = input;
  const agency = model.agency;
  if (!agency) {
    throw new UserError(
      bilingual(
        'Không xuất được danh mục DCAT: kiến trúc chưa khai báo cơ quan (tài liệu kind: Agency), là bên công bố danh mục.',
        'Cannot export the DCAT catalogue: the architecture declares no agency (a kind: Agency document), the publisher of the catalogue.',
      ),
    );
  }
  const b = new DcatBuilder(model, edition, input.base, input.asOf);
  const catalog = b.mint('catalog');
  b.g.type(catalog, 'dcat:Catalog');
  b.g.add(catalog, 'dct:title', text(`Danh mục dữ liệu — ${agency.name}`));
  b.g.add(
    catalog,
    'dct:description',
    text(
      edition.isPublic
        ? `Danh mục cơ sở dữ liệu dùng chung và dữ liệu mở của ${agency.name}, theo mô hình kiến trúc đến ngày ${input.asOf}.`
        : `Danh mục cơ sở dữ liệu, tập dữ liệu của ${agency.name} (bản nội bộ), theo mô hình kiến trúc đến ngày ${input.asOf}.`,
    ),
  );
  const publisher = b.agent(agency.ref);
  if (publisher) b.g.add(catalog, 'dct:publisher', iri(publisher));
  b.language(catalog);
  b.scheme(DATA_THEME_SCHEME.iri, DATA_THEME_SCHEME.title);
  b.g.add(catalog, 'dcat:themeTaxonomy', iri(DATA_THEME_SCHEME.iri));
  for (const d of edition.datasets) {
    if (d.stateSecret === true) continue;
    b.dataset(d, catalog, publisher);
  }
  return b.g;
}

/**
 * The architecture as an ArchiMate model: organisations are business actors, systems application
 * components (infrastructure, layer L1: nodes), national platforms the same, datasets data objects;
 * ownership is an association, an organisation's parent a composition, where a dataset is stored an
 * access, an integration a flow (served by the platform it goes through), the data it carries an access.
 * Business functions are business functions (assigned to their body, composed under their parent),
 * public services business services (realised by their function, associated with the providing body,
 * served by the system that handles them).
 * Everything is keyed and ordered by ref, so the same model gives the same XML.
 */
import { parseRef } from '../../core/ref.js';
import { isUnknown } from '../../core/unknown.js';
import { viCollator } from '../../core/text.js';
import { enumLabel } from '../../framework/types.js';
import type { Model } from '../../model/model.js';
import type { Edition } from '../edition.js';
import { elementId, integrationRelId, relationshipId } from './ids.js';
import type { AmElement, AmFolder, AmModel, AmRelationship, AmView, ElementType, Property, PropertyKey, RelationshipType } from './types.js';
import { layoutViews } from './views.js';

export interface BuildInput {
  readonly model: Model;
  readonly edition: Edition;
  readonly asOf: string;
}

class Builder {
  readonly elements = new Map<string, AmElement>();
  readonly relationships = new Map<string, AmRelationship>();
  /** ArchiMate layer (L1…L4) of the elements that have one, for the layer views. */
  readonly layerOf = new Map<string, string>();

  constructor(
    readonly model: Model,
    readonly edition: Edition,
  ) {}

  label(enumId: string, value: string | number | undefined): string | undefined {
    return value === undefined ? undefined : enumLabel(this.model.pack, enumId, value);
  }

  props(entries: readonly (readonly [PropertyKey, string | undefined, boolean?])[]): Property[] {
    const out: Property[] = [];
    for (const [key, value, internalOnly] of entries) {
      if (value === undefined || value === '') continue;
      if (internalOnly && this.edition.isPublic) continue;
      out.push({ key, value });
    }
    return out;
  }

  addElement(e: AmElement, layer?: string): string {
    if (!this.elements.has(e.id)) this.elements.set(e.id, e);
    if (layer) this.layerOf.set(e.id, layer);
    return e.id;
  }

  /** The element of an organisation ref (the agency, a declared or a pack organisation), created on first use. */
  actor(ref: string): string | undefined {
    const id = elementId(ref);
    if (this.elements.has(id)) return id;
    const org = this.model.org(ref);
    if (!org) return this.external(ref);
    return this.addElement({
      id,
      ref,
      type: 'BusinessActor',
      name: org.name,
      properties: this.props([
        ['ref', ref],
        ['level', this.label('agencyLevel', org.level)],
      ]),
    });
  }

  /** A national platform, database or portal from the framework pack (internal edition only). */
  national(ref: string): string | undefined {
    const id = elementId(ref);
    if (this.elements.has(id)) return id;
    const n = this.model.national(ref);
    if (!n || this.edition.isPublic) return undefined;
    return this.addElement(
      {
        id,
        ref,
        type: n.layer === 'L1' ? 'Node' : 'ApplicationComponent',
        name: n.name,
        documentation: 'Nền tảng, hệ thống quốc gia (bộ khung kientruc).',
        properties: this.props([
          ['ref', ref],
          ['layer', this.label('layer', n.layer)],
        ]),
      },
      n.layer,
    );
  }

  /** A system or body of another agency (`…@<code>`), known only by its ref (internal edition only). */
  external(ref: string): string | undefined {
    const parsed = parseRef(ref);
    if (!parsed?.agency || this.edition.isPublic) return undefined;
    const type: ElementType = parsed.kind === 'org' || parsed.kind === 'agency' ? 'BusinessActor' : 'ApplicationComponent';
    return this.addElement({
      id: elementId(ref),
      ref,
      type,
      name: ref,
      documentation: `Thuộc cơ quan có mã định danh ${parsed.agency}; chỉ biết qua tham chiếu.`,
      properties: this.props([['ref', ref]]),
    });
  }

  /** Any endpoint ref of an integration or a dataset link. */
  endpoint(ref: string): string | undefined {
    const kind = parseRef(ref)?.kind;
    if (kind === 'national') return this.national(ref);
    if (kind === 'org' || kind === 'agency') return this.actor(ref);
    if (kind === 'system') {
      const id = elementId(ref);
      return this.elements.has(id) ? id : this.external(ref);
    }
    if (kind === 'dataset' || kind === 'function' || kind === 'service') {
      const id = elementId(ref);
      return this.elements.has(id) ? id : undefined;
    }
    return undefined;
  }

  /** The application component of a system or platform ref; undefined for a node (L1), which does not serve business behaviour. */
  application(ref: string): string | undefined {
    const id = this.endpoint(ref);
    return id !== undefined && this.elements.get(id)?.type === 'ApplicationComponent' ? id : undefined;
  }

  relate(type: RelationshipType, source: string | undefined, target: string | undefined, extra: Partial<AmRelationship> = {}): void {
    if (source === undefined || target === undefined || source === target) return;
    // ArchiMate allows access only from behaviour or active structure to a passive object.
    if (type === 'Access' && (this.elements.get(target)?.type !== 'DataObject' || this.elements.get(source)?.type === 'DataObject')) return;
    const id = extra.id ?? relationshipId(type, source, target);
    if (this.relationships.has(id)) return;
    this.relationships.set(id, { properties: [], ...extra, id, type, source, target });
  }
}

function byName(a: AmElement, b: AmElement): number {
  return viCollator.compare(a.name, b.name) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
}

export function buildArchimateModel(input: BuildInput): AmModel {
  const { model, edition } = input;
  const b = new Builder(model, edition);
  const pub = edition.isPublic;

  const agency = model.agency;
  if (agency) {
    b.addElement({
      id: elementId(agency.ref),
      ref: agency.ref,
      type: 'BusinessActor',
      name: agency.name,
      ...(agency.description && !pub ? { documentation: agency.description } : {}),
      properties: b.props([
        ['ref', agency.ref],
        ['level', b.label('agencyLevel', agency.level)],
      ]),
    });
  }
  for (const o of model.all('org')) {
    b.addElement({
      id: elementId(o.ref),
      ref: o.ref,
      type: 'BusinessActor',
      name: o.name,
      ...(o.description && !pub ? { documentation: o.description } : {}),
      properties: b.props([
        ['ref', o.ref],
        ['level', b.label('agencyLevel', o.level)],
        ['notes', o.notes, true],
      ]),
    });
  }
  for (const o of model.all('org')) {
    if (o.parent) b.relate('Composition', b.actor(o.parent), elementId(o.ref), { name: 'Trực thuộc' });
  }

  for (const s of edition.systems) {
    b.addElement(
      {
        id: elementId(s.ref),
        ref: s.ref,
        type: s.layer === 'L1' ? 'Node' : 'ApplicationComponent',
        name: s.name,
        ...(s.description && !pub ? { documentation: s.description } : {}),
        properties: b.props([
          ['ref', s.ref],
          ['layer', b.label('layer', s.layer)],
          ['component', model.pack.components.find((c) => c.id === s.component)?.vi ?? s.component, true],
          ['status', b.label('lifecycle', s.status)],
          ['security-level', b.label('securityLevel', s.security?.level), true],
          ['deployment', b.label('deployment', s.hosting?.deployment), true],
          ['public-url', s.network?.publicUrl, true],
          ['internal-url', s.network?.internalUrl, true],
          ['notes', s.notes, true],
        ]),
      },
      s.layer,
    );
  }
  for (const s of edition.systems) {
    const sys = elementId(s.ref);
    b.relate('Association', b.actor(s.owner), sys, { name: 'Chủ quản' });
    if (s.operator && s.operator !== s.owner) b.relate('Association', b.actor(s.operator), sys, { name: 'Vận hành' });
  }

  for (const d of edition.datasets) {
    b.addElement({
      id: elementId(d.ref),
      ref: d.ref,
      type: 'DataObject',
      name: d.name,
      ...(d.description && !pub ? { documentation: d.description } : {}),
      properties: b.props([
        ['ref', d.ref],
        ['scope', b.label('dataScope', d.scope)],
        ['sharing', b.label('sharingClass', d.sharing)],
        ['sync', b.label('syncStatus', d.sync?.status)],
        ['notes', d.notes, true],
      ]),
    });
  }
  for (const d of edition.datasets) {
    const data = elementId(d.ref);
    if (d.owner) b.relate('Association', b.actor(d.owner), data, { name: 'Chủ sở hữu dữ liệu' });
    if (pub) continue;
    if (d.custodian && d.custodian !== d.owner) b.relate('Association', b.actor(d.custodian), data, { name: 'Chủ quản dữ liệu' });
    if (d.system) b.relate('Access', b.endpoint(d.system), data, { name: 'Lưu trữ', accessType: 'ReadWrite' });
    if (d.nationalDatabase) {
      b.relate('Access', b.endpoint(d.nationalDatabase), data, {
        name: b.label('nationalRole', d.nationalRole) ?? 'Cơ sở dữ liệu quốc gia liên kết',
        accessType: 'Access',
      });
    }
  }

  for (const it of edition.integrations) {
    const from = b.endpoint(it.from);
    const to = b.endpoint(it.to);
    if (from === undefined || to === undefined) continue;
    b.relate('Flow', from, to, {
      id: integrationRelId(it.ref),
      name: it.name,
      properties: b.props([
        ['ref', it.ref],
        ['channel', b.label('channel', it.channel)],
        ['status', b.label('integrationStatus', it.status)],
        ['direction', b.label('integrationDirection', it.direction)],
        ['format', b.label('integrationFormat', it.format)],
      ]),
    });
    const platformRef = it.via ?? model.pack.national.find((n) => n.channel === it.channel)?.ref;
    const platform = platformRef ? b.endpoint(platformRef) : undefined;
    if (platform !== undefined) {
      b.relate('Serving', platform, from, { name: 'Kết nối, chia sẻ dữ liệu' });
      b.relate('Serving', platform, to, { name: 'Kết nối, chia sẻ dữ liệu' });
    }
    for (const ds of it.datasets ?? []) {
      const data = b.endpoint(ds);
      b.relate('Access', to, data, { name: 'Khai thác', accessType: 'Read' });
    }
  }

  for (const f of model.all('function')) {
    b.addElement({
      id: elementId(f.ref),
      ref: f.ref,
      type: 'BusinessFunction',
      name: f.name,
      ...(f.description && !pub ? { documentation: f.description } : {}),
      properties: b.props([
        ['ref', f.ref],
        ['field', f.fields?.join('; ')],
        ['notes', f.notes, true],
      ]),
    });
  }
  for (const s of model.all('service')) {
    b.addElement({
      id: elementId(s.ref),
      ref: s.ref,
      type: 'BusinessService',
      name: s.name,
      ...(s.description && !pub ? { documentation: s.description } : {}),
      properties: b.props([
        ['ref', s.ref],
        ['online-level', b.label('serviceOnlineLevel', s.onlineLevel)],
        ['field', s.field],
        ['procedures', s.procedures?.join('; ')],
        ['portal-url', s.portalUrl],
        ['notes', s.notes, true],
      ]),
    });
  }
  for (const f of model.all('function')) {
    const fn = elementId(f.ref);
    if (!isUnknown(f.owner)) b.relate('Assignment', b.actor(f.owner), fn, { name: 'Thực hiện' });
    if (f.parent) b.relate('Composition', b.endpoint(f.parent), fn, { name: 'Chức năng con' });
    for (const sys of f.supportedBy ?? []) b.relate('Serving', b.application(sys), fn, { name: 'Hỗ trợ' });
  }
  for (const s of model.all('service')) {
    const svc = elementId(s.ref);
    if (!isUnknown(s.provider)) b.relate('Association', b.actor(s.provider), svc, { name: 'Cơ quan cung cấp' });
    if (s.function) b.relate('Realization', b.endpoint(s.function), svc, { name: 'Thực hiện dịch vụ' });
    if (s.handledBy && !isUnknown(s.handledBy)) b.relate('Serving', b.application(s.handledBy), svc, { name: 'Giải quyết hồ sơ' });
  }

  const elements = [...b.elements.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const relationships = [...b.relationships.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const views: AmView[] = layoutViews({ model, edition, elements: [...elements].sort(byName), relationships, layerOf: b.layerOf });
  const folder = (label: string, types: readonly ElementType[]): AmFolder => ({
    label,
    refs: elements.filter((e) => types.includes(e.type)).map((e) => e.id),
  });
  const folders: AmFolder[] = [
    folder('Tổ chức', ['BusinessActor']),
    folder('Nghiệp vụ', ['BusinessFunction', 'BusinessService']),
    folder('Hệ thống, nền tảng', ['ApplicationComponent', 'Node']),
    folder('Dữ liệu', ['DataObject']),
    { label: 'Quan hệ', refs: relationships.map((r) => r.id) },
    { label: 'Góc nhìn', refs: views.map((v) => v.id) },
  ].filter((f) => f.refs.length > 0);

  const title = agency ? `Kiến trúc số — ${agency.name}` : 'Kiến trúc số';
  return {
    id: `model-${agency ? elementId(agency.ref).replace(/^id-/, '') : 'kientruc'}`,
    name: pub ? `${title} (bản công khai)` : title,
    documentation: pub
      ? `Xuất từ mô hình kiến trúc kientruc, số liệu đến ngày ${input.asOf}. Bản công khai: lược bỏ thông tin không công bố rộng rãi (như bản công khai của Chiến lược dữ liệu).`
      : `Xuất từ mô hình kiến trúc kientruc, số liệu đến ngày ${input.asOf}. Bản nội bộ.`,
    elements,
    relationships,
    views,
    folders,
  };
}

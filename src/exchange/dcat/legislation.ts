/**
 * `dcatap:applicableLegislation`: the pack's legal documents that govern a dataset (Luật Dữ liệu and
 * its decree for every dataset; the personal-data law for personal data; the mandatory-sharing decree
 * for shared data; the open-data decree for shared and open data), cited only when the pack holds the
 * document as confirmed and it is in force on the reference date.
 */
import type { FrameworkPack, LegalDocument } from '../../framework/types.js';
import type { Dataset } from '../../model/types.js';
import { LEGISLATION_RULES } from './vocab.js';

/** A pack-scoped IRI for a legal document: the same law gets the same IRI in every agency's catalogue. */
export function legalIri(pack: FrameworkPack, doc: LegalDocument): string {
  return `urn:kientruc:${pack.id}:legal:${doc.id}`;
}

function inForce(doc: LegalDocument, asOf: string): boolean {
  if (!doc.confirmed) return false;
  if (doc.date !== undefined && doc.date > asOf) return false;
  if (doc.effective !== undefined && doc.effective > asOf) return false;
  return doc.supersededOn === undefined || doc.supersededOn > asOf;
}

export function legislationFor(pack: FrameworkPack, d: Dataset, asOf: string): LegalDocument[] {
  const personal = d.personalData === 'basic' || d.personalData === 'sensitive';
  const out: LegalDocument[] = [];
  for (const rule of LEGISLATION_RULES) {
    const applies =
      rule.applies === 'all' ||
      (rule.applies === 'personal' && personal) ||
      (rule.applies === 'shared' && d.sharing === 'shared') ||
      (rule.applies === 'published' && (d.sharing === 'shared' || d.sharing === 'open'));
    if (!applies) continue;
    const doc = pack.legal.find((l) => l.id === rule.id);
    if (doc && inForce(doc, asOf)) out.push(doc);
  }
  return out;
}

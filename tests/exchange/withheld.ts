/** Values of a model that the public edition withholds: none may appear in a public export's bytes. */
import { isPublicDataset } from '../../src/exchange/edition.js';
import type { Model } from '../../src/model/model.js';

export interface Withheld {
  readonly what: string;
  readonly value: string;
}

/** `keepUrls`: addresses a format publishes on purpose (open-data landing pages and their portal). */
export function withheldValues(model: Model, keepUrls: readonly string[] = []): Withheld[] {
  const out: Withheld[] = [];
  const add = (what: string, value: string | undefined): void => {
    if (value !== undefined && value.trim().length >= 8) out.push({ what, value });
  };
  for (const d of model.all('dataset')) {
    if (!isPublicDataset(d)) {
      add(`${d.ref} name`, d.name);
      out.push({ what: `${d.ref} id`, value: `dataset.${d.id}"` }, { what: `${d.ref} id`, value: `dataset/${d.id}>` }, { what: `${d.ref} ref`, value: `${d.ref}"` });
    }
    add(`${d.ref} description`, d.description);
    add(`${d.ref} notes`, d.notes);
    add(`${d.ref} protection`, d.protection?.measures);
  }
  for (const s of model.all('system')) {
    add(`${s.ref} description`, s.description);
    add(`${s.ref} notes`, s.notes);
    add(`${s.ref} internalUrl`, s.network?.internalUrl);
    const pub = s.network?.publicUrl;
    if (pub && !keepUrls.some((u) => u.startsWith(pub))) add(`${s.ref} publicUrl`, pub);
    add(`${s.ref} vendor`, s.vendor);
  }
  for (const i of model.all('integration')) {
    add(`${i.ref} name`, i.name);
    add(`${i.ref} description`, i.description);
    out.push({ what: `${i.ref} id`, value: `integration.${i.id}"` }, { what: `${i.ref} ref`, value: `${i.ref}"` });
  }
  for (const o of model.all('org')) add(`${o.ref} description`, o.description);
  add('agency description', model.agency?.description);
  add('agency notes', model.agency?.notes);
  return out;
}

/** Findings as "what: value" lines, empty when nothing leaks. Checks the raw and the XML-escaped form. */
export function leaks(bytes: string, withheld: readonly Withheld[]): string[] {
  const esc = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const json = (v: string): string => JSON.stringify(v).slice(1, -1);
  return withheld.filter((w) => bytes.includes(w.value) || bytes.includes(esc(w.value)) || bytes.includes(json(w.value))).map((w) => `${w.what}: ${w.value}`);
}

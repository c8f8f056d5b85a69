import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/core/dates.js';
import { availablePacks, loadPack } from '../../src/framework/load-pack.js';

describe.each(availablePacks())('framework pack %s', (id) => {
  const pack = loadPack(id);

  it('has unique ids in every list', () => {
    for (const list of [pack.national, pack.targets, pack.organizations, pack.components, pack.legal]) {
      const ids = list.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('points only at things it declares', () => {
    const orgs = new Set<string>(pack.organizations.map((o) => o.ref));
    const national = new Set<string>(pack.national.map((n) => n.ref));
    const layers = new Set(pack.enums['layer']?.values.map((v) => v.value));
    for (const n of pack.national) {
      if (n.owner) expect(orgs.has(n.owner), n.id).toBe(true);
      if (n.hostedAt) expect(national.has(n.hostedAt), n.id).toBe(true);
      expect(layers.has(n.layer), n.id).toBe(true);
      expect(pack.components.some((c) => c.id === n.component), n.id).toBe(true);
      if (n.channel) expect(pack.enums['channel']?.values.some((v) => v.value === n.channel), n.id).toBe(true);
    }
    for (const c of pack.components) {
      expect(layers.has(c.layer), c.id).toBe(true);
      if (c.nationalCounterpart) expect(national.has(c.nationalCounterpart), c.id).toBe(true);
    }
    for (const l of pack.legal) if (l.supersededBy) expect(pack.legal.some((x) => x.id === l.supersededBy), l.id).toBe(true);
  });

  it('gives every target a unit from kpiUnit, a real deadline and a legal source', () => {
    const units = new Set(pack.enums['kpiUnit']?.values.map((v) => v.value));
    for (const t of pack.targets) {
      expect(units.has(t.unit), t.id).toBe(true);
      if (t.deadline !== null) expect(parseDeadline(t.deadline), t.id).toBeDefined();
      expect(t.legalRef.length, t.id).toBeGreaterThan(3);
      if (t.value === null || t.deadline === null) expect(t.note ?? (t.confirmed ? undefined : 'x'), t.id).toBeDefined();
    }
  });

  it('flags unconfirmed facts with a note saying what is unknown', () => {
    const unconfirmed = [...pack.targets, ...pack.national, ...pack.legal].filter((x) => !x.confirmed);
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const x of unconfirmed) expect(x.note, x.id).toBeTruthy();
  });
});

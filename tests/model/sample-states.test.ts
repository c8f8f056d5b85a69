import { describe, expect, it } from 'vitest';
import { TIMED_KINDS } from '../../src/core/time-fields.js';
import { modelAt, parseState, transitionsBetween, transitionsOf } from '../../src/model/states.js';
import type { Model } from '../../src/model/model.js';
import { loadSample } from '../helpers/sample-model.js';

/** What differs between two states of one model: entities removed, added, and fields changed. */
function differences(a: Model, b: Model): { removed: string[]; added: string[]; changed: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  const changed: string[] = [];
  for (const kind of TIMED_KINDS) {
    const refs = [...new Set([...a.all(kind), ...b.all(kind)].map((e) => e.ref as string))].sort();
    for (const ref of refs) {
      const x = a.get(ref) as Record<string, unknown> | undefined;
      const y = b.get(ref) as Record<string, unknown> | undefined;
      if (x && !y) removed.push(ref);
      else if (y && !x) added.push(ref);
      else if (x && y) {
        for (const f of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
          if (JSON.stringify(x[f]) !== JSON.stringify(y[f])) changed.push(`${ref} ${f}`);
        }
      }
    }
  }
  return { removed: removed.sort(), added: added.sort(), changed: changed.sort() };
}

describe('the sample: current state and the 2030 target', () => {
  it('differ exactly by the declared transitions', async () => {
    const r = await loadSample();
    expect(r.structuralErrors).toBe(false);
    const current = modelAt(r.model, parseState('current'));
    const target = modelAt(r.model, parseState('target:2030'));
    expect(current).toBe(r.model); // the pipeline's model is the current state (agency asOf 2026-09-30)
    const steps = transitionsBetween(r.model, parseState('current'), parseState('target:2030'));
    const gone = steps.filter((s) => s.kind === 'end').map((s) => s.entity as string).sort();
    const come = steps.filter((s) => s.kind === 'begin').map((s) => s.entity as string).sort();
    const set = [...new Set(steps.filter((s) => s.kind === 'change' && !gone.includes(s.entity)).flatMap((s) => s.changes.map((c) => `${s.entity} ${c.field}`)))].sort();
    expect(differences(current, target)).toEqual({ removed: gone, added: come, changed: set });
    // A real transition: systems retired and consolidated, data synchronised, links moved to NDOP/NDXP.
    expect(gone).toEqual(['integration:dvc-tinh-tthc', 'system:cong-dvc-tinh', 'system:thi-dua-khen-thuong']);
    expect(set).toEqual(expect.arrayContaining([
      'dataset:dat-dai-dia-chinh sync',
      'dataset:thi-dua-khen-thuong system',
      'integration:y-te-bhxh channel',
      'system:quan-ly-xay-dung hosting',
      'system:soc-tinh status',
    ]));
    expect(steps.length).toBeGreaterThanOrEqual(20);
    expect(target.get<'integration'>('integration:y-te-bhxh')?.channel).toBe('ndop');
    expect(target.get<'system'>('system:quan-ly-xay-dung')?.hosting?.deployment).toBe('provincial-dc');
    expect(target.nameOf('system:cong-dvc-tinh')).toBe('Cổng dịch vụ công tỉnh Sơn Hà');
  });

  it('every planned change names its task, but one (a gap on purpose), due in time', async () => {
    const r = await loadSample();
    const changes = transitionsOf(r.model).filter((t) => t.kind === 'change');
    expect(changes.filter((t) => t.task === undefined).map((t) => `${t.entity} ${t.date}`)).toEqual(['system:csdl-lao-dong-an-sinh 2029-12-31']);
    for (const t of changes) if (t.task) expect(r.model.get(t.task), `${t.entity}: ${t.task}`).toBeDefined();
    // Nothing in the timeline happens before the sample's reference date: the current state is the YAML as written.
    expect(transitionsOf(r.model).filter((t) => t.date <= '2026-09-30' && t.kind !== 'begin')).toEqual([]);
  });
});

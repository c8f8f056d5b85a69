import { describe, expect, it } from 'vitest';
import { isStructural } from '../src/diagnostics/codes.js';
import { runPipeline } from '../src/pipeline.js';
import { AS_OF, REPO } from './helpers/project.js';

describe('the sample province (architecture/)', async () => {
  const result = await runPipeline({ root: 'architecture', cwd: REPO, today: AS_OF, rules: true });
  const m = result.model;

  it('is valid: no YAML, schema or reference error', () => {
    expect(result.diagnostics.filter((d) => isStructural(d.code)).map((d) => `${d.file}:${d.range.start.line} ${d.code} ${d.message.vi}`)).toEqual([]);
  });

  it('is complete enough to exercise every capability', () => {
    const systems = m.all('system');
    expect(systems.length).toBeGreaterThanOrEqual(30);
    expect(new Set(systems.map((s) => s.layer))).toEqual(new Set(['L1', 'L2', 'L3', 'L4']));
    expect(m.all('dataset').length).toBeGreaterThanOrEqual(40);
    expect(m.all('dataset').filter((d) => d.nationalDatabase).length).toBeGreaterThanOrEqual(5);
    expect(m.all('integration').length).toBeGreaterThanOrEqual(30);
    expect(new Set(m.all('integration').map((i) => i.channel))).toEqual(new Set(['lgsp', 'ndxp', 'ndop', 'vdxp', 'direct']));
    const tasks = m.all('task');
    expect(tasks.length).toBeGreaterThanOrEqual(25);
    expect(tasks.filter((t) => (t.budget ?? []).length > 0).length).toBeGreaterThanOrEqual(25);
  });

  it('has a KPI with baseline or measurements for every national target of the pack', () => {
    const covered = new Set(m.all('kpi').map((k) => k.nationalTarget));
    expect(m.pack.targets.map((t) => t.ref).filter((ref) => !covered.has(ref))).toEqual([]);
  });

  it('uses its own report date, so outputs do not depend on the day they are built', () => {
    expect(m.agency?.asOf).toBe('2026-09-30');
    expect(result.asOf).toBe('2026-09-30');
  });

  it('contains realistic gaps for the conformance rules to find', () => {
    expect(result.diagnostics.filter((d) => !isStructural(d.code)).length).toBeGreaterThan(3);
  });
});

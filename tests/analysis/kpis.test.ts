import { describe, expect, it } from 'vitest';
import { assessProgress, plannedValue, projectValue, type Goal } from '../../src/analysis/kpis.js';

const GOAL: Goal = { value: 80, deadline: '2025-12-31', comparator: 'gte' };

describe('projectValue (least squares on dated values)', () => {
  it('matches a hand-computed line', () => {
    // x = days since 2025-01-01: (0, 10), (10, 20), (20, 24). x̄ = 10, ȳ = 18, slope = 140/200 = 0.7.
    const points = [
      { date: '2025-01-01', value: 10 },
      { date: '2025-01-11', value: 20 },
      { date: '2025-01-21', value: 24 },
    ];
    expect(projectValue(points, '2025-01-31', 'percent')).toBe(32); // 18 + 0.7 × 20
    expect(projectValue(points, '2025-01-01', 'percent')).toBe(11); // 18 − 0.7 × 10
  });

  it('is clamped to the unit: 0–100 for percentages, 1–5 for levels, ≥ 1 for ranks', () => {
    const rising = [
      { date: '2025-01-01', value: 50 },
      { date: '2025-07-01', value: 90 },
    ];
    expect(projectValue(rising, '2030-12-31', 'percent')).toBe(100);
    expect(projectValue([{ date: '2025-01-01', value: 2 }, { date: '2026-01-01', value: 3 }], '2035-01-01', 'level')).toBe(5);
    expect(projectValue([{ date: '2025-01-01', value: 20 }, { date: '2026-01-01', value: 10 }], '2030-01-01', 'rank')).toBe(1);
    expect(projectValue([{ date: '2025-01-01', value: 20 }, { date: '2026-01-01', value: 10 }], '2030-01-01', 'count')).toBe(0);
  });

  it('needs two distinct dates', () => {
    expect(projectValue([{ date: '2025-01-01', value: 10 }], '2025-12-31', 'percent')).toBeUndefined();
    expect(projectValue([{ date: '2025-01-01', value: 10 }, { date: '2025-01-01', value: 20 }], '2025-12-31', 'percent')).toBeUndefined();
  });
});

describe('plannedValue (straight path from the baseline to the goal)', () => {
  it('interpolates linearly by days', () => {
    // 2025-01-01 → 2025-12-31 is 364 days; half-way (182 days) from 20 to 80 is 50.
    expect(plannedValue({ date: '2025-01-01', value: 20 }, GOAL, '2025-07-02')).toBe(50);
    expect(plannedValue({ date: '2025-01-01', value: 20 }, GOAL, '2026-06-30')).toBe(80);
    expect(plannedValue(undefined, GOAL, '2025-07-02')).toBeUndefined();
  });
});

describe('assessProgress', () => {
  const base = { date: '2025-01-01', value: 20 };
  const cases: { name: string; asOf: string; measurements: { date: string; value: number }[]; baseline?: typeof base; goal?: Goal | undefined; status: string; projected?: number | null; overdue?: boolean }[] = [
    { name: 'no goal', asOf: '2025-06-30', measurements: [{ date: '2025-06-01', value: 50 }], goal: undefined, status: 'no-data' },
    { name: 'no measurement yet', asOf: '2025-06-30', measurements: [], baseline: base, status: 'no-data' },
    { name: 'latest meets the goal', asOf: '2025-06-30', measurements: [{ date: '2025-06-01', value: 81 }], baseline: base, status: 'achieved' },
    { name: 'deadline passed unmet', asOf: '2026-01-15', measurements: [{ date: '2025-12-31', value: 79 }], baseline: base, status: 'behind', overdue: true, projected: null },
    // Baseline 20 (x=0), 35 at x=180: slope 1/12 per day; at x=364: 20 + 364/12 = 50.33 < 80.
    { name: 'trend misses the goal', asOf: '2025-07-01', measurements: [{ date: '2025-06-30', value: 35 }], baseline: base, status: 'at-risk', projected: 50.33 },
    // 20 → 55 in 180 days: slope 35/180; at x=364: 20 + 364 × 35/180 = 90.78 ≥ 80; path at x=180 is 20 + 60 × 180/364 = 49.67 ≤ 55.
    { name: 'on track', asOf: '2025-07-01', measurements: [{ date: '2025-06-30', value: 55 }], baseline: base, status: 'on-track', projected: 90.78 },
    // (0, 20), (100, 70), (150, 79), (180, 49): slope ≈ 0.229, projection ≈ 113 → 100 ≥ 80; but the
    // latest 49 lies under the path at day 180 (49.67).
    {
      name: 'trend meets the goal but the latest value is below the path',
      asOf: '2025-07-01',
      measurements: [{ date: '2025-04-11', value: 70 }, { date: '2025-05-31', value: 79 }, { date: '2025-06-30', value: 49 }],
      baseline: base,
      status: 'behind',
      projected: 100,
    },
    { name: 'one value, no baseline', asOf: '2025-07-01', measurements: [{ date: '2025-06-30', value: 55 }], status: 'no-data' },
    { name: 'lower is better', asOf: '2025-07-01', measurements: [{ date: '2025-06-30', value: 9 }], goal: { value: 10, deadline: '2025-12-31', comparator: 'lte' }, status: 'achieved' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = assessProgress({ measurements: c.measurements, baseline: c.baseline, goal: 'goal' in c ? c.goal : GOAL, asOf: c.asOf, unit: 'percent' });
      expect(p.status).toBe(c.status);
      if (c.projected !== undefined) expect(p.projected).toBe(c.projected);
      expect(p.overdue).toBe(c.overdue ?? false);
    });
  }
});

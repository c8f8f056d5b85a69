import { describe, expect, it } from 'vitest';
import { kpiTaskCoverage } from '../../../src/rules/kpi/task-coverage.js';
import { runRules } from '../../../src/rules/run-rules.js';
import { describeRule, modelFor } from '../../helpers/rules.js';
import { kpi, task } from '../fixtures.js';

const K = kpi('x', 'nationalTarget: target:ho-so-xu-ly-truc-tuyen\n');

describeRule(kpiTaskCoverage, [
  { name: 'có nhiệm vụ thực hiện chỉ tiêu', files: { 'k.yaml': K, 't.yaml': task('t', 'addresses: [kpi:x]\n') }, expect: [] },
  { name: 'nhiệm vụ thực hiện chỉ tiêu quốc gia tương ứng', files: { 'k.yaml': K, 't.yaml': task('t', 'addresses: [target:ho-so-xu-ly-truc-tuyen]\n') }, expect: [] },
  { name: 'không có nhiệm vụ', files: { 'k.yaml': K, 't.yaml': task('t', 'addresses: [kpi:y]\n') + '---\n' + kpi('y') }, expect: [{ entity: 'kpi:x', at: 'k.yaml:3:1' }] },
]);

describe('kpi.task-coverage message', () => {
  // The gap report prints the national target's status in the same cell ("Chậm … so với chỉ tiêu quốc
  // gia"): a status measured against the KPI's own goal says so, with the goal, or the two read as a contradiction.
  const measured = 'measurements:\n  - { date: 2026-06-30, value: 20, source: BC }\nbaseline: { value: 10, date: 2025-01-01, source: BC }\n';
  it.each([
    ['its own goal', `nationalTarget: target:ho-so-xu-ly-truc-tuyen\ntarget: { value: 80, deadline: 2026-12-31 }\n${measured}`, / so với mục tiêu của chỉ tiêu 80% vào 31\/12\/2026\)/, /against its own goal of 80 by 2026-12-31\)/],
    ['the national goal', `nationalTarget: target:ho-so-xu-ly-truc-tuyen\n${measured}`, / so với mục tiêu quốc gia [\d,]+% vào [\d/]+\)/, /against the national goal of [\d.]+ by \d{4}-\d\d-\d\d\)/],
  ])('names the goal an off-track status is measured against: %s', async (_name, extra, vi, en) => {
    const model = await modelFor({ files: { 'k.yaml': kpi('x', extra) } });
    const [d] = runRules(model, [kpiTaskCoverage], { asOf: '2026-09-30' }).diagnostics.filter((x) => x.code === 'kpi.task-coverage');
    expect(d?.message.vi).toMatch(vi);
    expect(d?.message.en).toMatch(en);
  });
});

import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/analysis/coverage.js';
import { serviceFigures, servicesByProvider } from '../../src/analysis/services.js';
import { targetRows } from '../../src/analysis/targets.js';
import { modelAt, parseState } from '../../src/model/states.js';
import { gapReportMarkdown } from '../../src/render/gap/markdown.js';
import { buildGapReport } from '../../src/analysis/gap-report.js';
import { shownGapReport } from '../../src/render/gap/shown.js';
import { BUILTIN_CODES } from '../../src/diagnostics/codes.js';
import { loadSample } from '../helpers/sample-model.js';
import { AGENCY, pipelineFor, validPipelineFor } from '../helpers/project.js';
import { kpi, org, system } from '../rules/fixtures.js';

const AS_OF = '2026-01-15';

const svc = (id: string, extra: string): string => `apiVersion: kientruc/v1
kind: Service
id: ${id}
name: Dịch vụ ${id}
handledBy: system:tthc
${extra}`;

/**
 * Four services counted by hand: three declared eligible (a, b, c) of which two fully online (a, b);
 * d is not eligible. Dossiers of 2025-Q4 (the latest period ending by AS_OF): a 100 received, 90
 * processed online; b 50 received, 30 received online and no processed figure (received online
 * stands in); c 50, 0. So 120 of 200 online = 60%. 2025-Q3 rows are older and not counted.
 */
const FILES = {
  'architecture/agency.yaml': AGENCY,
  'architecture/orgs.yaml': org('so-tu-phap') + '---\n' + org('xa-a', '', 'commune'),
  'architecture/systems.yaml': system('tthc'),
  'architecture/services.yaml': [
    svc('a', 'provider: org:so-tu-phap\nfield: Hộ tịch\nonlineLevel: full\neligibleFullOnline: true\nchannels: [national-portal]\ndossiers:\n  - { period: 2025-Q3, received: 1000, receivedOnline: 0 }\n  - { period: 2025-Q4, received: 100, receivedOnline: 95, processedOnline: 90, withPersonalId: 100 }\n'),
    svc('b', 'provider: org:so-tu-phap\nfield: Chứng thực\nonlineLevel: full\neligibleFullOnline: true\nchannels: [national-portal]\ndossiers:\n  - { period: 2025-Q4, received: 50, receivedOnline: 30 }\n'),
    svc('c', 'provider: org:xa-a\nfield: Hộ tịch\nonlineLevel: partial\neligibleFullOnline: true\nchannels: [provincial-system]\ndossiers:\n  - { period: 2025-Q4, received: 50, receivedOnline: 0 }\ntransitions:\n  - { at: 2027, task: task:nang-cap, set: { onlineLevel: full, channels: [national-portal] } }\n'),
    svc('d', 'provider: org:xa-a\nfield: Hộ tịch\nonlineLevel: none\neligibleFullOnline: false\n'),
  ].join('---\n'),
  'architecture/tasks.yaml': `apiVersion: kientruc/v1
kind: Task
id: nang-cap
name: Nâng cấp dịch vụ c
area: applications
lead: agency:tinh-thu
deadline: 2027
addresses: [service:c]
`,
};

describe('service figures computed from the model', () => {
  it('counts eligible services fully online and dossiers online in the latest period', async () => {
    const r = await pipelineFor(FILES, { asOf: AS_OF, rules: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const f = serviceFigures(r.model, AS_OF);
    expect(f).toMatchObject({ services: 4, eligible: 3, eligibleFullyOnline: 2, fullOnlineShare: 66.7, eligibleNotFull: ['service:c'], eligibilityUnknown: 0 });
    expect(f.byLevel).toEqual({ full: 2, partial: 1, none: 1, unknown: 0 });
    expect(f.dossiers).toMatchObject({ services: 3, received: 200, receivedOnline: 125, online: 120, onlineShare: 60, withPersonalId: 100 });
    expect(f.dossiers?.period.id).toBe('2025-Q4');
  });

  it('backs the national targets when no KPI measures them, and says from how many services', async () => {
    const r = await validPipelineFor(FILES, { asOf: AS_OF, rules: false });
    const coverage = computeCoverage(r.model, AS_OF);
    const full = coverage.find((c) => c.id === 'services-full-online');
    expect(full).toMatchObject({ numerator: 2, denominator: 3, value: 66.7, missing: ['service:c'] });
    expect(full?.basis?.vi).toBe('tính từ 3 dịch vụ công');
    expect(coverage.find((c) => c.id === 'service-dossiers-online')).toMatchObject({ numerator: 120, denominator: 200, value: 60 });
    // Online services (a, b, c): c is not on the national portal.
    expect(coverage.find((c) => c.id === 'services-on-national-portal')).toMatchObject({ numerator: 2, denominator: 3, missing: ['service:c'] });
    const rows = targetRows(r.model, AS_OF, coverage);
    const t = rows.find((x) => x.ref === 'target:tthc-dvctt-toan-trinh');
    expect(t?.latest).toMatchObject({ value: 66.7, source: 'model' });
    expect(t?.basis?.vi).toBe('tính từ 3 dịch vụ công');
    expect(rows.find((x) => x.ref === 'target:ho-so-xu-ly-truc-tuyen')?.latest?.value).toBe(60);
    const md = gapReportMarkdown(shownGapReport(buildGapReport({ model: r.model, diagnostics: [], codes: BUILTIN_CODES, asOf: AS_OF })));
    expect(md).toContain('66,7% (15/01/2026, tính từ 3 dịch vụ công)');
  });

  it('a declared KPI measurement still wins over the computed value', async () => {
    const files = { ...FILES, 'architecture/kpis.yaml': kpi('dvctt', 'nationalTarget: target:tthc-dvctt-toan-trinh\nmeasurements:\n  - { date: 2025-12-31, value: 97.3, source: HTTT }\n') };
    const r = await pipelineFor(files, { asOf: AS_OF, rules: false });
    const t = targetRows(r.model, AS_OF, computeCoverage(r.model, AS_OF)).find((x) => x.ref === 'target:tthc-dvctt-toan-trinh');
    expect(t?.latest).toMatchObject({ value: 97.3, source: 'kpi' });
    expect(t?.basis).toBeNull();
  });

  it('a model without services has no service rows and no computed value', async () => {
    const { 'architecture/services.yaml': _s, 'architecture/tasks.yaml': _t, ...rest } = FILES;
    const r = await pipelineFor(rest, { asOf: AS_OF, rules: false });
    const coverage = computeCoverage(r.model, AS_OF);
    expect(coverage.some((c) => c.id.startsWith('service'))).toBe(false);
    expect(targetRows(r.model, AS_OF, coverage).find((x) => x.ref === 'target:tthc-dvctt-toan-trinh')?.latest).toBeNull();
  });

  it('follows the planned transitions: in the 2030 target state every eligible service is fully online', async () => {
    const r = await pipelineFor(FILES, { asOf: AS_OF, rules: false });
    const target = modelAt(r.model, parseState('target:2030'));
    expect(serviceFigures(target, '2030-12-31')).toMatchObject({ eligibleFullyOnline: 3, fullOnlineShare: 100, eligibleNotFull: [] });
    expect(serviceFigures(r.model, AS_OF).fullOnlineShare).toBe(66.7);
  });

  it('groups services by providing body, then field', async () => {
    const r = await pipelineFor(FILES, { asOf: AS_OF, rules: false });
    const g = servicesByProvider(r.model);
    expect(g.map((x) => [x.provider, x.fields.map((f) => [f.field, f.services.map((s) => s.id)])])).toEqual([
      ['org:so-tu-phap', [['Chứng thực', ['b']], ['Hộ tịch', ['a']]]],
      ['org:xa-a', [['Hộ tịch', ['c', 'd']]]],
    ]);
  });
});

describe('the sample province', () => {
  it('declares a representative set of services whose dossier share matches its province-wide KPI', async () => {
    const r = await loadSample();
    const asOf = r.model.agency?.asOf as string;
    const f = serviceFigures(r.model, asOf);
    expect(f.services).toBeGreaterThanOrEqual(15);
    expect(f.services).toBeLessThanOrEqual(25);
    expect(f.byLevel.full).toBeGreaterThan(0);
    expect(f.byLevel.partial).toBeGreaterThan(0);
    expect(f.dossiers?.period.id).toBe('2026-Q3');
    // The sample KPI ho-so-xu-ly-truc-tuyen reads 81.5% for 2026-Q3 province-wide; the sample services are within 5 points.
    expect(Math.abs((f.dossiers?.onlineShare ?? 0) - 81.5)).toBeLessThan(5);
    // By the 2030 target every service declared eligible is fully online, each move delivered by a task.
    const target = modelAt(r.model, parseState('target:2030'));
    expect(serviceFigures(target, '2030-12-31').eligibleNotFull).toEqual([]);
    for (const s of r.model.all('service')) for (const t of s.transitions ?? []) expect(t.task, s.ref).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { buildPeriodicReport } from '../../src/analysis/periodic.js';
import { defaultReportPeriod, entriesWithin, latestCompletePeriod, periodContaining } from '../../src/analysis/periods.js';
import { parsePeriod } from '../../src/core/dates.js';
import { AGENCY, pipelineFor, validPipelineFor } from '../helpers/project.js';
import { dataset, integration, system, task } from '../rules/fixtures.js';

describe('report periods', () => {
  it('finds the latest complete period before the report date', () => {
    expect(latestCompletePeriod('quarterly', '2026-01-15').id).toBe('2025-Q4');
    expect(latestCompletePeriod('quarterly', '2026-09-30').id).toBe('2026-Q3'); // ends on the report date
    expect(latestCompletePeriod('monthly', '2026-03-01').id).toBe('2026-02');
    expect(latestCompletePeriod('semiannual', '2026-06-29').id).toBe('2025-H2');
    expect(latestCompletePeriod('annual', '2026-12-31').id).toBe('2026');
    expect(periodContaining('quarterly', '2025-11-30').id).toBe('2025-Q4');
  });

  it('takes entries inside the period without counting a month and its quarter twice', () => {
    const entries = [{ period: '2025-Q4' }, { period: '2025-10' }, { period: '2025-11' }, { period: '2026-01' }, { period: '2025' }];
    expect(entriesWithin(entries, parsePeriod('2025-Q4')!).map((e) => e.period)).toEqual(['2025-Q4']);
    expect(entriesWithin(entries, parsePeriod('2025')!).map((e) => e.period)).toEqual(['2025']);
    expect(entriesWithin([{ period: '2025-10' }, { period: '2025-11' }], parsePeriod('2025-Q4')!).map((e) => e.period)).toEqual(['2025-10', '2025-11']);
  });
});

describe('periodic report view model', async () => {
  const r = await validPipelineFor({
    'architecture/agency.yaml': `${AGENCY}governance:\n  reportingPeriod: quarterly\n`,
    'architecture/s.yaml': system('hsmc'),
    'architecture/i.yaml': [
      // Q4 in one entry and in months too: the quarter counts once (1 000).
      integration('dvcqg', 'system:hsmc', 'national:cong-dvcqg', 'ndxp', 'usage:\n  - { period: 2025-Q4, transactions: 1000, failed: 10, availability: 99 }\n  - { period: 2025-10, transactions: 300 }\n  - { period: 2025-Q3, transactions: 900 }\n'),
      // Months only: 20 + 30.
      integration('dan-cu', 'national:csdlqg-dan-cu', 'system:hsmc', 'ndop', 'usage:\n  - { period: 2025-11, transactions: 20, availability: 98 }\n  - { period: 2025-12, transactions: 30, availability: 100 }\n'),
      // Live but no activity recorded for Q4.
      integration('tong-hop', 'system:hsmc', 'national:csdl-tong-hop-quoc-gia', 'ndop', 'usage:\n  - { period: 2025-Q3, transactions: 5 }\n'),
      integration('dat-dai', 'system:hsmc', 'national:csdlqg-dat-dai', 'ndxp', '', 'planned'),
    ].join('---\n'),
    'architecture/d.yaml': [
      dataset('a', 'sharing: shared\nquality:\n  - { assessedOn: 2025-06-30, correct: 90, complete: 80, clean: 70, live: 60 }\n  - { assessedOn: 2025-11-30, correct: 96, complete: 94, clean: 92, live: 88 }\n  - { assessedOn: 2026-02-01, correct: 99, complete: 99, clean: 99, live: 99 }\nsharingRequests:\n  - { period: 2025-Q4, received: 10, met: 7, refusedInWriting: 1, pending: 1 }\n'),
      dataset('b', 'sharing: shared\nsharingRequests:\n  - { period: 2025-10, received: 4, met: 4 }\n  - { period: 2025-11, received: 6, met: 5 }\n'),
    ].join('---\n'),
    'architecture/t.yaml': [
      task('xong', 'start: 2025-07-01\ndeadline: 2025-11-30\nupdates:\n  - { date: 2025-09-30, progress: 50 }\n  - { date: 2025-11-20, progress: 100, note: Đã ban hành }\n'),
      task('cham', 'start: 2025-07-01\ndeadline: 2025-12-15\nstatus: delayed\nupdates:\n  - { date: 2026-01-10, progress: 70, status: delayed }\n'),
      task('sau', 'start: 2026-03-01\ndeadline: 2026-12-31\n'),
    ].join('---\n'),
  }, { asOf: '2026-01-15' });
  const period = defaultReportPeriod(r.model, r.asOf);
  const rep = buildPeriodicReport(r.model, period, r.asOf);
  const conn = (ref: string) => rep.connections.groups.flatMap((g) => g.rows).find((x) => x.ref === ref)!;

  it('covers the latest complete quarter', () => {
    expect(rep.period).toMatchObject({ id: '2025-Q4', start: '2025-10-01', end: '2025-12-31', complete: true });
  });

  it('counts working connections by counterpart', () => {
    expect(conn('integration:dvcqg')).toMatchObject({ working: true, transactions: 1000, failed: 10, availability: 99 });
    expect(conn('integration:dan-cu')).toMatchObject({ working: true, transactions: 50, availability: 99 });
    expect(conn('integration:tong-hop')).toMatchObject({ working: false, transactions: null });
    expect(conn('integration:tong-hop').note?.vi).toBe('Chưa có số liệu giao dịch trong kỳ');
    expect(conn('integration:dat-dai').note?.vi).toBe('Chưa triển khai');
    const group = (id: string) => rep.connections.groups.find((g) => g.id === id)!;
    expect([group('public-service-portal').working, group('public-service-portal').total]).toEqual([1, 1]);
    expect([group('national-database').working, group('national-database').total]).toEqual([1, 2]);
    expect([group('national-data-center').working, group('national-data-center').total]).toEqual([0, 1]);
    expect([rep.connections.working, rep.connections.total, rep.connections.transactions]).toEqual([2, 4, 1050]);
  });

  it('uses the latest quality assessment up to the end of the period', () => {
    const a = rep.quality.rows.find((x) => x.ref === 'dataset:a')!;
    expect(a).toMatchObject({ assessedOn: '2025-11-30', assessedInPeriod: true, correct: 96, average: 92.5, below: ['Sống'] });
    expect(rep.quality.rows.find((x) => x.ref === 'dataset:b')?.assessedOn).toBeNull();
    expect([rep.quality.datasets, rep.quality.assessed]).toEqual([2, 1]);
  });

  it('adds up sharing requests: met 7 + 4 + 5 of 20 received', () => {
    expect(rep.sharing).toMatchObject({ received: 20, met: 16, refusedInWriting: 1, pending: 1, unanswered: 2, rate: 80 });
  });

  it('reads task progress at the end of the period', () => {
    const t = (ref: string) => rep.tasks.rows.find((x) => x.ref === ref);
    expect(t('task:xong')).toMatchObject({ status: 'done', progress: 100, dueInPeriod: true, overdue: false, note: 'Đã ban hành' });
    // Its only update is after the period: started (per start), progress unknown, overdue at the end of the period.
    expect(t('task:cham')).toMatchObject({ status: 'in-progress', progress: null, dueInPeriod: true, overdue: true });
    expect(t('task:sau')).toBeUndefined();
    expect([rep.tasks.total, rep.tasks.dueInPeriod, rep.tasks.doneOfDue, rep.tasks.overdue]).toEqual([2, 2, 1, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildGapReport } from '../../src/analysis/gap-report.js';
import { BUILTIN_CODES } from '../../src/diagnostics/codes.js';
import { pipelineFor, validPipelineFor } from '../helpers/project.js';
import { dataset, integration, kpi, org, system, task } from '../rules/fixtures.js';

const AS_OF = '2025-11-15';

/** A small province whose coverage figures are easy to count by hand (see each expectation). */
const FILES = {
  'architecture/agency.yaml': `apiVersion: kientruc/v1
kind: Agency
id: tinh-thu
name: Ủy ban nhân dân tỉnh Thử
framework: vn-2025
level: province
code: 000.00.00.H98
staffing:
  itStaff: 35
  itStaffCertified: 30
  itStaffRequired: 40
security:
  internalNetworkRules:
    status: drafting
governance:
  maturityLevel: 3
`,
  'architecture/orgs.yaml': org('so-y-te') + '---\n' + org('so-tu-phap'),
  'architecture/systems.yaml': [
    system('a', 'security:\n  level: 2\n  dossier: approved\n  decision: { number: 1/QĐ-UBND, date: 2025-01-02 }\n', { owner: 'org:so-y-te' }),
    system('b', 'security:\n  level: 2\n  dossier: submitted\n', { owner: 'org:so-tu-phap' }),
    system('c', '', { status: 'building' }),
    system('d', '', { status: 'planned' }),
  ].join('---\n'),
  'architecture/datasets.yaml': [
    dataset('d1', 'sharing: shared\ncriticality: important\npersonalData: basic\nsync:\n  status: live\n'),
    dataset('d2', 'sharing: shared\ncriticality: other\npersonalData: none\nsync:\n  status: partial\n'),
    dataset('d3', 'sharing: open\ncriticality: other\npersonalData: none\nopenData:\n  url: https://data.example.gov.vn/d3\n', 'local'),
    dataset('d4', 'nationalDatabase: national:csdlqg-dan-cu\nnationalRole: replica\n', 'national'),
  ].join('---\n'),
  'architecture/integrations.yaml': [
    integration('i1', 'system:a', 'system:b', 'direct', 'mandatory: true\n'),
    integration('i2', 'system:a', 'system:b', 'lgsp'),
    integration('i3', 'system:a', 'national:csdlqg-dan-cu', 'ndop', 'mandatory: true\n'),
  ].join('---\n'),
  'architecture/kpis.yaml': kpi(
    'phan-loai',
    `nationalTarget: target:phan-loai-du-lieu
baseline: { value: 0, date: 2025-01-01 }
measurements:
  - { date: 2025-07-01, value: 50, source: Báo cáo }
  - { date: 2025-10-01, value: 74, source: Báo cáo }
target: { value: 100, deadline: 2025-12-31 }
`,
  ),
  'architecture/tasks.yaml': task('t1', 'deadline: 2026-03-31\ndeliverable: Quyết định\naddresses: [system:b]\n', 'org:so-tu-phap'),
};

describe('gap report view model', async () => {
  const r = await validPipelineFor(FILES, { asOf: AS_OF });
  const report = buildGapReport({ model: r.model, diagnostics: r.diagnostics, codes: [...r.rules, ...BUILTIN_CODES], asOf: AS_OF });
  const cov = (id: string) => report.coverage.find((c) => c.id === id)!;

  it('counts coverage from the model', () => {
    // Systems a, b, c are in scope (d is planned); only a is approved: 1/3.
    expect([cov('systems-security-approved').numerator, cov('systems-security-approved').denominator, cov('systems-security-approved').value]).toEqual([1, 3, 33.3]);
    // i1, i2 link two departments; i3 goes to a national database of the Ministry of Public Security: 2/3 use a platform.
    expect([cov('integrations-shared-platform').numerator, cov('integrations-shared-platform').denominator]).toEqual([2, 3]);
    // Mandatory: i1 (direct) and i3 (NDOP): 1/2, against the NĐ 278 target of 100% by 31/12/2026.
    expect(cov('mandatory-via-ndop').value).toBe(50);
    expect(cov('mandatory-via-ndop').target?.ref).toBe('target:chia-se-bat-buoc-qua-ndop');
    expect(cov('mandatory-via-ndop').meetsTarget).toBe(false);
    // d1–d3 declare all three classes, d4 none: 3/4.
    expect(cov('datasets-classified').value).toBe(75);
    expect(cov('datasets-classified').missing).toEqual(['dataset:d4']);
    // Sectoral databases the agency creates: d1 (live) and d2 (partial); d4 is a replica: 1/2.
    expect([cov('databases-synchronised').numerator, cov('databases-synchronised').denominator]).toEqual([1, 2]);
    expect(cov('open-datasets-published').value).toBe(100);
    // 30 certified of 40 required.
    expect(cov('it-staff-certified').value).toBe(75);
    expect(cov('internal-network-rules').value).toBe(0);
    expect(cov('governance-maturity').display).toBe('Cấp độ 3');
    expect(cov('governance-maturity').target?.ref).toBe('target:qtdl-cap-do-4');
  });

  it('places the agency against each national target, with a hand-checked projection', () => {
    const t = report.targets.find((x) => x.ref === 'target:phan-loai-du-lieu')!;
    expect(report.targets).toHaveLength(r.model.pack.targets.length);
    expect(t.kpi?.ref).toBe('kpi:phan-loai');
    expect(t.latest).toMatchObject({ value: 74, date: '2025-10-01', source: 'kpi' });
    // Days since 2025-01-01: (0, 0), (181, 50), (273, 74); slope 10486.67 / 38584.67 = 0.27178;
    // at day 364: 41.333 + 0.27178 × (364 − 151.333) = 99.13 < 100.
    expect(t.projected?.value).toBe(99.13);
    expect(t.status).toBe('at-risk');
    expect(t.statusLabel.vi).toBe('Nguy cơ không đạt');
    // A target with a model measure but no KPI uses the coverage value, dated the report day.
    const ndop = report.targets.find((x) => x.ref === 'target:chia-se-bat-buoc-qua-ndop')!;
    expect(ndop.kpi).toBeNull();
    expect(ndop.latest).toMatchObject({ value: 50, date: AS_OF, source: 'model' });
    // Unconfirmed facts are marked as such.
    expect(report.targets.find((x) => x.ref === 'target:quy-che-mang-noi-bo')?.confirmed).toBe(false);
  });

  it('lists gaps no task addresses and orders actions by severity, then deadline', () => {
    const gapEntities = report.gaps.map((g) => g.entity);
    expect(gapEntities).toContain('system:c');
    expect(gapEntities).not.toContain('system:b'); // task t1 addresses it
    expect(gapEntities).toContain('kpi:phan-loai'); // no task carries it
    const b = report.actions.find((a) => a.entity === 'system:b')!;
    expect(b.deadline).toBe('2026-03-31');
    expect(b.responsible?.ref).toBe('org:so-tu-phap');
    const rank = { error: 3, warning: 2, info: 1 } as const;
    for (let i = 1; i < report.actions.length; i++) {
      const [p, q] = [report.actions[i - 1]!, report.actions[i]!];
      expect(rank[p.severity] >= rank[q.severity]).toBe(true);
      if (p.severity === q.severity && p.deadline !== null && q.deadline !== null) expect(p.deadline <= q.deadline).toBe(true);
      if (p.severity === q.severity && p.deadline === null) expect(q.deadline).toBeNull();
    }
  });

  it('groups findings by rule with legal references, and is JSON with every key present', () => {
    const sec = report.findings.find((g) => g.code === 'system.security-level')!;
    expect(sec.legalRef).toBe('Luật An toàn thông tin mạng 2015; NĐ 85/2016/NĐ-CP Điều 12–17');
    expect(sec.items.map((i) => i.entity)).toEqual(['system:b', 'system:c']);
    const undefinedAt: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (v === undefined) undefinedAt.push(path);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(report, 'report');
    expect(undefinedAt).toEqual([]);
  });
});

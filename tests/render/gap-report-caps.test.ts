import { describe, expect, it } from 'vitest';
import { gapReportFor } from '../../src/render/gap/gap-report.js';
import { GAP_TOC, TECHNICAL_NOTE } from '../../src/render/gap/toc.js';
import { renderTemplate } from '../../src/render/handlebars.js';
import { gapReportMarkdown } from '../../src/render/gap/markdown.js';
import { shownGapReport } from '../../src/render/gap/shown.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO, valid } from '../helpers/project.js';

const SAMPLE_AS_OF = '2026-09-30';

describe('gap report of a large model: repetitive lists cut, the cut stated, the JSON whole', async () => {
  const result = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: SAMPLE_AS_OF, asOf: SAMPLE_AS_OF, rules: true }));
  const report = gapReportFor(result);
  // The sample is small: caps of 2 findings per rule and 3 rows stand in for a national model's.
  const shown = shownGapReport(report, { findingsPerRule: 2, rows: 3 });
  const md = gapReportMarkdown(shown);
  const html = renderTemplate('gap-report/report', { ...shown, toc: GAP_TOC, technicalNote: TECHNICAL_NOTE });
  const biggest = [...report.findings].sort((a, b) => b.items.length - a.items.length)[0];

  it('shows at most the cap per rule and says how many findings of which rule it left out, and where they are', () => {
    expect(biggest && biggest.items.length > 2).toBe(true);
    if (!biggest) return;
    const g = shown.findings.find((f) => f.code === biggest.code);
    expect(g?.items).toHaveLength(2);
    const left = biggest.items.length - 2;
    const note = `Còn ${left} phát hiện khác của quy tắc ${biggest.code} (chỉ nêu 2 phát hiện đầu theo thứ tự tệp); danh sách đầy đủ trong gap-report.json (kientruc gap --format json).`;
    expect(g?.more).toBe(note);
    expect(md).toContain(`_${note}_`);
    expect(html).toContain(note);
    // Rules within the cap are shown whole, with no note.
    for (const f of shown.findings.filter((x) => x.count <= 2)) expect(f.more).toBeNull();
  });

  it('cuts the gaps and actions to the first rows, in report order, after a summary per responsible body', () => {
    expect(report.actions.length).toBeGreaterThan(3);
    expect(shown.actions).toEqual(report.actions.slice(0, 3));
    expect(shown.actionList.more).toBe(`Còn ${report.actions.length - 3} đối tượng cần khắc phục khác (chỉ nêu 3 dòng đầu trong ${report.actions.length}); danh sách đầy đủ trong gap-report.json (kientruc gap --format json).`);
    const bodies = shown.actionList.byBody ?? [];
    expect(bodies.length).toBeLessThanOrEqual(3);
    expect(bodies.map((b) => b.count)).toEqual([...bodies.map((b) => b.count)].sort((a, b) => b - a));
    const most = bodies[0];
    expect(most?.count).toBe(report.actions.filter((a) => (a.responsible?.ref ?? null) === most?.ref).length);
    expect(md).toContain('**Tổng hợp theo đơn vị chịu trách nhiệm** (số đối tượng mỗi đơn vị):');
    expect(html).toContain('<strong>Tổng hợp theo đơn vị chịu trách nhiệm</strong> (số đối tượng mỗi đơn vị):');
  });

  it('leaves the report itself (the JSON) whole, and shows a model under the caps unchanged', () => {
    expect(report.findings.reduce((n, g) => n + g.items.length, 0)).toBe(report.findings.reduce((n, g) => n + g.count, 0));
    const whole = shownGapReport(report);
    expect(whole.actions).toBe(report.actions);
    expect(whole.actionList.more).toBeNull();
    expect(whole.findings.every((g) => g.more === null)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { diagramEntries } from '../../src/render/mermaid/diagrams.js';
import { REPO, valid } from '../helpers/project.js';

/** The sample states its data as of this day (agency.yaml). */
const SAMPLE_AS_OF = '2026-09-30';

async function sampleDiagrams(): Promise<{ name: string; mermaid: string }[]> {
  const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: SAMPLE_AS_OF, asOf: SAMPLE_AS_OF, rules: false }));
  return diagramEntries(r.model, { asOf: r.asOf }).map((d) => ({ name: d.name, mermaid: d.mermaid }));
}

/** Node declarations of a flowchart: `id["label"]`, `id(["label"])`, `id[("label")]`… (edges, subgraphs and legend keys excluded). */
function nodeLabels(mermaid: string): string[] {
  return mermaid
    .split('\n')
    .filter((l) => /^\s+[A-Za-z0-9_]+[[({]/.test(l) && !/^\s*(subgraph|legend_)/.test(l))
    .map((l) => /"([^"]*)"/.exec(l)?.[1] ?? '');
}

describe('diagrams of the sample', () => {
  it('draw no "chưa xác định" placeholder as a node (unknown owner, operator or national store)', async () => {
    const diagrams = await sampleDiagrams();
    const placeholders = diagrams.flatMap((d) => nodeLabels(d.mermaid).filter((l) => /^Chưa xác định/i.test(l)).map((l) => `${d.name}: ${l}`));
    expect(placeholders).toEqual([]);
    // What the placeholders said is still on the drawing: on the edge, or in the system's own box.
    const data = diagrams.find((d) => d.name === 'data-architecture')!.mermaid;
    expect(data).toMatch(/\|"[^"]*chưa xác định kho[^"]*"\| grp_national/);
    const camera = diagrams.find((d) => d.name === 'context/camera-giao-thong')!.mermaid;
    expect(camera).toContain('chủ quản, vận hành: chưa xác định');
  });

  it('KPI charts: the title names the level the red line ends on (milestone or target)', async () => {
    const charts = (await sampleDiagrams()).filter((d) => d.name.startsWith('kpi/'));
    expect(charts.length).toBeGreaterThan(20);
    let withMilestone = 0;
    for (const c of charts) {
      const line = /line "Mức phải đạt" \[([^\]]*)\]/.exec(c.mermaid);
      if (!line) continue;
      const title = /title "([^"]*)"/.exec(c.mermaid)![1]!;
      const end = line[1]!.split(', ').pop()!.replace('.', ',');
      const named = [...title.matchAll(/(?:mốc|mục tiêu) ([\d,]+)%?/g)].map((m) => m[1]);
      expect(named, `${c.name}: ${title} / line ends at ${end}`).toContain(end);
      if (title.includes('mốc')) withMilestone++;
    }
    // The sample's level-4 maturity KPI: required level 3 by 2027 (milestone), 4 by 2030 (target).
    const qtdl = charts.find((c) => c.name === 'kpi/qtdl-cap-do-4')!.mermaid;
    expect(qtdl).toContain('mốc 3 năm 2027, mục tiêu 4 năm 2030');
    expect(withMilestone).toBeGreaterThan(0);
  });
});

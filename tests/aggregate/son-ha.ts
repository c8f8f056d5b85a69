import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, runCli } from '../helpers/project.js';

/** A KPI answering to the national online-dossier target, measured once (30/9/2026). */
export function onlineKpi(value: number, numerator: number, denominator: number): string {
  return `---
apiVersion: kientruc/v1
kind: Kpi
id: ho-so-truc-tuyen
name: Tỷ lệ hồ sơ xử lý trực tuyến
nationalTarget: target:ho-so-xu-ly-truc-tuyen
unit: percent
owner: org:don-vi-cntt
area: applications
baseline: { value: 40, date: 2025-01-01, source: "BC 2024" }
measurements:
  - { date: 2026-09-30, value: ${value}, numerator: ${numerator}, denominator: ${denominator}, source: "BC QIII/2026" }
target: { value: 80, deadline: 2027 }
`;
}

/**
 * The province and its health department as `kientruc init` writes them, each with the online-dossier
 * KPI (60 % of 1 000 dossiers, 90 % of 3 000): what a user tester starts an aggregation from.
 */
export async function sonHa(): Promise<string> {
  const dir = makeProject({});
  for (const argv of [
    ['init', 'tinh', '--name', 'Ủy ban nhân dân tỉnh Sơn Hà', '--level', 'province', '--code', '000.00.00.H99', '-q'],
    ['init', 'so-yt', '--name', 'Sở Y tế tỉnh Sơn Hà', '--code', '000.07.00.H99', '-q'],
  ]) {
    const r = await runCli(argv, dir);
    if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  }
  appendFileSync(join(dir, 'tinh/architecture/kpis/chi-tieu.yaml'), onlineKpi(60, 600, 1000));
  appendFileSync(join(dir, 'so-yt/architecture/kpis/chi-tieu.yaml'), onlineKpi(90, 2700, 3000));
  return dir;
}

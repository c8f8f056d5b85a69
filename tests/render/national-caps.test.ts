/**
 * What the readable outputs show of a national model: the site's findings section and the periodic
 * report's tables list their first rows, say how many they left out and where the full list is, and
 * the full lists stay where they say (the report's JSON, each entity's card).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPeriodicReport } from '../../src/analysis/periodic.js';
import { parsePeriod, type Period } from '../../src/core/dates.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { EMPTY_ASSETS } from '../../src/core/project-assets.js';
import { runPipeline, type ValidPipelineResult } from '../../src/pipeline.js';
import { buildReportView, REPORT_TABLE_ROWS } from '../../src/render/documents/kinds/bao-cao.js';
import { renderOfficialMarkdown } from '../../src/render/documents/render.js';
import { SITE_FINDINGS_PER_CODE, siteHtml } from '../../src/render/site/site.js';
import { pieces } from '../../src/render/streamed.js';
import { generateModel, writeModel } from '../bench/generate.js';
import { valid } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const AS_OF = '2026-09-30';
let r: ValidPipelineResult;
let period: Period;

beforeAll(async () => {
  const dir = writeModel(generateModel({ entities: 3000 }), makeTempDir('national-caps-'));
  r = valid(await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: true }));
  period = parsePeriod('2026-Q3') as Period;
}, 120_000);

describe('site findings section', () => {
  it('shows the first findings of each code, says how many it left out, and keeps every finding on its entity card', () => {
    const entity = r.model.all('system')[0]?.ref as string;
    const base = r.diagnostics.find((d) => d.entity === entity) ?? (r.diagnostics[0] as Diagnostic);
    const many: Diagnostic[] = Array.from({ length: SITE_FINDINGS_PER_CODE + 7 }, (_, i) => ({ ...base, code: 'test.repeated', entity, message: { vi: `lặp ${i}`, en: `repeat ${i}` } }));
    const html = siteHtml({ model: r.model, diagnostics: many, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', diagrams: [] });
    const section = html.slice(html.indexOf('<section data-section="finding"'), html.indexOf('</section>', html.indexOf('<section data-section="finding"')) + 10);
    expect(section.match(/data-kind="finding"/g)).toHaveLength(SITE_FINDINGS_PER_CODE);
    expect(section).toContain(`(<span class="sc">${SITE_FINDINGS_PER_CODE}</span>)`);
    expect(section).toContain(`Mỗi mã chỉ hiện ${SITE_FINDINGS_PER_CODE} phát hiện đầu tiên ở đây: còn 7 phát hiện khác của 1 mã`);
    expect(section).toContain('kientruc check --format json');
    // The entity's card lists all of them.
    for (const i of [0, SITE_FINDINGS_PER_CODE + 6]) expect(html).toContain(`lặp ${i}</li>`);
    // The page's count is the cards it holds.
    const cards = html.match(/<article class="card/g)?.length;
    expect(html).toContain(`<span id="count">${cards}</span>`);
  });

  it('shows every finding below the cap, with no sentence about a cut', () => {
    const html = siteHtml({ model: r.model, diagnostics: r.diagnostics.slice(0, 20), asOf: r.asOf, lang: 'en', toolVersion: '0.0.0-test', diagrams: [] });
    expect(html).not.toContain('Only the first');
  });
});

describe('periodic report tables', () => {
  it('list their first rows in the readable formats and say where the full list is; the JSON keeps every row', () => {
    const json = buildPeriodicReport(r.model, period, r.asOf);
    const connections = json.connections.groups.reduce((n, g) => n + g.rows.length, 0);
    expect(connections).toBeGreaterThan(REPORT_TABLE_ROWS);
    expect(json.tasks.rows.length).toBeGreaterThan(REPORT_TABLE_ROWS);
    const view = buildReportView({ model: r.model, asOf: r.asOf, audience: 'internal', assets: EMPTY_ASSETS, generator: 'kientruc test', diagnostics: r.diagnostics, period });
    for (const a of view.appendices) {
      const rows = a.sections.flatMap((s) => s.tables.flatMap((t) => t.rows));
      const numbered = rows.filter((row) => !row.isGroup && !row.isTotal);
      expect(numbered.length, a.title).toBeLessThanOrEqual(REPORT_TABLE_ROWS);
    }
    const md = renderOfficialMarkdown(view);
    expect(md).toContain(`Bảng chỉ nêu ${REPORT_TABLE_ROWS} kết nối đầu tiên trong ${connections.toLocaleString('vi-VN')}`);
    expect(md).toContain(`Bảng chỉ nêu ${REPORT_TABLE_ROWS} nhiệm vụ đầu tiên trong ${json.tasks.rows.length.toLocaleString('vi-VN')}`);
    expect(md).toContain('kientruc report --format json');
  });
});

describe('pieces', () => {
  it('cuts a text into pieces that join back to it and never split a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(5)}😀`;
    const out = [...pieces(text, 10)];
    expect(out.join('')).toBe(text);
    for (const p of out) expect(/[\uD800-\uDBFF]$/.test(p)).toBe(false);
  });
});

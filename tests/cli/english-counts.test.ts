/**
 * English summary lines count with the right number: "1 error", "1 agency merged", never "1 errors"
 * (the console's lines are covered by console-english.test.ts; these are the written site and aggregate).
 */
import { describe, expect, it } from 'vitest';
import { mergeAgencies } from '../../src/aggregate/merge.js';
import { aggregateMarkdown } from '../../src/aggregate/report.js';
import { runPipeline } from '../../src/pipeline.js';
import { siteHtml } from '../../src/render/site/site.js';
import { AS_OF, makeProject, valid } from '../helpers/project.js';

const AGENCY = `apiVersion: kientruc/v1
kind: Agency
id: so
name: Sở Thử
framework: vn-2025
level: department
code: "000.07.00.H99"
`;
const ONE_SYSTEM = `apiVersion: kientruc/v1
kind: System
id: mot
name: Hệ thống một
layer: L3
component: tthc
status: operating
owner: agency:so
`;
const SINGULAR_AS_PLURAL = /\b1 (errors|warnings|systems|datasets|integrations|KPIs|tasks|agencies)\b/;

describe('English counts in written outputs', () => {
  it('the site and the aggregate say "1 system", "1 agency merged", and count findings right', async () => {
    const one = makeProject({ 'so/agency.yaml': AGENCY, 'so/systems/he-thong.yaml': ONE_SYSTEM });
    const b = valid(await runPipeline({ root: 'so', cwd: one, today: AS_OF, rules: true }));
    const html = siteHtml({ model: b.model, diagnostics: b.diagnostics, asOf: b.asOf, lang: 'en', toolVersion: '0.0.0-test', diagrams: [] });
    const summary = /Data as of [^<]*/.exec(html)?.[0] ?? '';
    expect(summary).toContain('1 system ·');
    expect(summary).not.toMatch(SINGULAR_AS_PLURAL);
    const errors = b.diagnostics.filter((d) => d.severity === 'error').length;
    expect(summary).toContain(`findings: ${errors} ${errors === 1 ? 'error' : 'errors'},`);
    const dir = makeProject({ 'so/agency.yaml': AGENCY });
    const r = await runPipeline({ root: 'so', cwd: dir, today: AS_OF, rules: true });
    const merged = mergeAgencies([{ dir: 'so', model: r.model, diagnostics: r.diagnostics, sources: r.loaded.sources, files: r.loaded.files, structuralErrors: r.structuralErrors }], { today: AS_OF });
    const md = aggregateMarkdown(merged, 'en');
    expect(md).toContain('1 agency merged');
    expect(md).not.toMatch(SINGULAR_AS_PLURAL);
  });
});

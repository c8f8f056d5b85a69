import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/pipeline.js';
import { renderDocuments } from '../../../src/render/documents/index.js';
import type { RenderContext } from '../../../src/render/types.js';
import { REPO, valid } from '../../helpers/project.js';

/** The text defects issue #13 saw in the documents, checked on the sample's Markdown of every kind and edition. */
describe('text defects seen in issue #13 stay gone', async () => {
  const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: '2026-09-30', rules: true }));
  const ctx: RenderContext = { model: r.model, diagnostics: r.diagnostics, rules: r.rules, asOf: r.asOf, lang: 'vi', toolVersion: '0.0.0-test', log: () => {}, browser: undefined, assets: r.assets };
  const files = await renderDocuments(ctx, [
    { kind: 'chien-luoc', audience: 'internal', formats: ['md'] },
    { kind: 'chien-luoc', audience: 'public', formats: ['md'] },
    { kind: 'ke-hoach', audience: 'internal', formats: ['md'] },
    { kind: 'bao-cao', audience: 'internal', formats: ['md'] },
  ]);

  it('"Số:" always carries the issuer suffix after the kind (/QĐ-UBND, never a bare /QĐ)', () => {
    expect(files).toHaveLength(4);
    for (const f of files) {
      const lines = String(f.contents).split('\n').filter((l) => /^Số:/.test(l.trim()));
      expect(lines.length, f.path).toBeGreaterThan(0);
      for (const l of lines) expect(l, f.path).toMatch(/\/[A-ZĐ]+-[A-ZĐ0-9]+/);
    }
  });

  it('no empty list item ("; ;") and no "0 nhiệm vụ" count in a sentence', () => {
    for (const f of files) {
      const text = String(f.contents);
      expect(text, f.path).not.toMatch(/;\s*;/);
      expect(text, f.path).not.toMatch(/(^|[^\d,.])0 nhiệm vụ/);
    }
  });

  it('"có N phát hiện chưa có nhiệm vụ khắc phục": N matches the codes listed, or the message says how many rules', () => {
    const gaps = r.diagnostics.filter((d) => d.code === 'task.gap-unaddressed');
    expect(gaps.length).toBeGreaterThan(0);
    for (const d of gaps) {
      const vi = typeof d.message === 'string' ? d.message : d.message.vi;
      const m = /có (\d+) phát hiện chưa có nhiệm vụ khắc phục(?:, theo (\d+) quy tắc)?: (.+)\.$/.exec(vi);
      expect(m, vi).not.toBeNull();
      const codes = m![3]!.split(', ').length;
      if (Number(m![1]) === codes) expect(m![2], vi).toBeUndefined();
      else expect(Number(m![2]), vi).toBe(codes);
    }
  });
});

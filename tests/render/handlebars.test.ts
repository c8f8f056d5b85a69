import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_HELPERS, loadTemplates, renderTemplate } from '../../src/render/handlebars.js';
import { makeTempDir } from '../helpers/tmp.js';

/** A throwaway template folder `<tmp>/<name>/` with templates and partials. */
function folder(name: string, files: Record<string, string>): string {
  const root = makeTempDir('hbs-');
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('render/handlebars', () => {
  it('loads templates and namespaced partials from a folder, with the shared ones', () => {
    const dir = folder('t-basic', { 'page.hbs': '<h1>{{title}}</h1>{{> t-basic/row}}{{> shared/style}}', 'partials/row.hbs': '<p>{{body}}</p>' });
    expect(loadTemplates(dir)).toEqual(['t-basic/page']);
    const html = renderTemplate('t-basic/page', { title: 'Sở <Y tế> & "Dân số"', body: '<script>alert(1)</script>' });
    expect(html).toContain('<h1>Sở &lt;Y tế&gt; &amp; &quot;Dân số&quot;</h1>');
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<style>');
  });

  it('is strict: a key missing from the view model fails instead of printing a blank', () => {
    const dir = folder('t-strict', { 'page.hbs': '{{agency.name}}' });
    loadTemplates(dir);
    expect(() => renderTemplate('t-strict/page', {})).toThrow(/t-strict\/page/);
    expect(renderTemplate('t-strict/page', { agency: { name: 'UBND' } })).toBe('UBND\n');
  });

  it('knows only its registered helpers', () => {
    const dir = folder('t-helpers', { 'bad.hbs': '{{shout name}}', 'good.hbs': '{{fmtNumber n 1}}|{{fmtPercent p}}|{{fmtDate d}}|{{plusOne i}}|{{orDefault x "—"}}|{{joinList l "; "}}|{{#if (and (eq a 1) (not b))}}ok{{/if}}|{{#each items}}{{count}}{{/each}}' });
    loadTemplates(dir);
    expect(() => renderTemplate('t-helpers/bad', { name: 'x' })).toThrow();
    expect(renderTemplate('t-helpers/good', { n: 1234.56, p: 87.5, d: '2026-03-05', i: 0, x: null, l: ['a', 'b'], a: 1, b: false, items: [{ count: 7 }] })).toBe('1.234,6|87,5%|05/3/2026|1|—|a; b|ok|7\n');
    expect(Object.keys(KNOWN_HELPERS)).toContain('fmtPercent');
    // No helper shadows a field name the view models use.
    for (const field of ['count', 'date', 'number', 'name', 'label', 'status', 'value', 'display']) expect(KNOWN_HELPERS[field]).toBeUndefined();
  });

  it('refuses unknown template names', () => {
    expect(() => renderTemplate('gap-report/khong-co', {})).toThrow(/not found/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../../src/load/project-assets.js';
import { agencyDocumentPublicNote, checkPublicNotePlacement } from '../../../src/rules/agency/document-public-note.js';
import { makeProject, runMain } from '../../helpers/project.js';
import { AGENCY_DOC, ENTITIES } from '../../render/strategy/fixture.js';

const builtin = (name: string) => ({ name, file: `templates/strategy/${name}`, text: readFileSync(join(BUILTIN_TEMPLATES, name), 'utf8') });

/** The built-in header template with the note moved between the header table and the tên loại. */
function movedHtml(): string {
  const t = builtin('the-thuc.html.hbs').text;
  const note = '{{#if marks.publicNotice}}<p class="ghi-chu-cong-khai">{{marks.publicNotice}}</p>{{/if}}\n';
  expect(t).toContain(note);
  return t.replace(note, '').replace('<h1 class="ten-loai">', `${note}<h1 class="ten-loai">`);
}

describe('agency.document-public-note', () => {
  it('the built-in header templates keep the note outside the header sequence', () => {
    expect(checkPublicNotePlacement([builtin('the-thuc.md.hbs'), builtin('the-thuc.html.hbs')])).toEqual([]);
  });

  it('flags an override that prints the note between the header block and the trích yếu, at the note', () => {
    const text = movedHtml();
    const found = checkPublicNotePlacement([{ name: 'the-thuc.html.hbs', file: 'templates/strategy/the-thuc.html.hbs', text }]);
    const line = text.split('\n').findIndex((l) => l.includes('<p class="ghi-chu-cong-khai">')) + 1;
    expect(found.map((d) => [d.code, d.severity, d.file, d.range.start.line, d.legalRef])).toEqual([
      ['agency.document-public-note', 'warning', 'templates/strategy/the-thuc.html.hbs', line, agencyDocumentPublicNote.legalRef],
      ['agency.document-public-note', 'warning', 'templates/strategy/the-thuc.html.hbs', line, agencyDocumentPublicNote.legalRef],
    ]);
    expect(text.split('\n')[line - 1]!.slice(found[0]!.range.start.col - 1)).toMatch(/^marks\.publicNotice/);
  });

  it('ignores a mention in a comment, a note after the trích yếu, and templates other than the header', () => {
    const header = builtin('the-thuc.md.hbs').text;
    const cases = [
      { name: 'the-thuc.md.hbs', text: header.replace('{{md header.number}}', '{{!-- marks.publicNotice không in ở đây --}}{{md header.number}}') },
      { name: 'the-thuc.md.hbs', text: `${header.replace(/\{\{#if marks\.publicNotice\}\}[\s\S]*?\{\{\/if\}\}\n/, '')}\n*{{md marks.publicNotice}}*\n` },
      { name: 'can-cu.md.hbs', text: '{{header.number}} {{marks.publicNotice}} {{header.subject}}' },
    ];
    for (const c of cases) expect(checkPublicNotePlacement([{ ...c, file: c.name }]), c.name).toEqual([]);
  });

  it('shows in `kientruc check`, with its legal source, and is switched off like a rule', async () => {
    const files = {
      'architecture/agency.yaml': AGENCY_DOC,
      'architecture/entities.yaml': ENTITIES,
      'templates/strategy/the-thuc.html.hbs': movedHtml(),
    };
    const r = await runMain(['check', '--fail-on', 'none', '-f', 'json'], makeProject(files));
    expect(r.code).toBe(0);
    const found = (JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; legalRef?: string }[] }).diagnostics.filter((d) => d.code === 'agency.document-public-note');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ file: 'templates/strategy/the-thuc.html.hbs', legalRef: 'NĐ 30/2020/NĐ-CP Phụ lục I' });
    const off = await runMain(['check', '--fail-on', 'none', '-f', 'json'], makeProject({
      ...files,
      'kientruc.config.yaml': 'rules:\n  agency.document-public-note: { severity: off, reason: "Mẫu của tỉnh đã được Văn phòng duyệt" }\n',
    }));
    expect(off.stdout).not.toContain('agency.document-public-note');
    expect(off.stdout).not.toContain('config.');
  });

  it('the public edition prints the note before the issuing body in md and html', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY_DOC, 'architecture/entities.yaml': ENTITIES });
    const r = await runMain(['doc', '--format', 'md,html', '--no-render', '--audience', 'public', '--out', 'ra'], dir);
    expect(r.code).toBe(0);
    for (const ext of ['md', 'html']) {
      const out = readFileSync(join(dir, 'ra', `chien-luoc-du-lieu-cong-khai.${ext}`), 'utf8');
      const note = out.indexOf('Bản công khai. ');
      expect(note, ext).toBeGreaterThan(-1);
      expect(note, ext).toBeLessThan(out.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      expect(note, ext).toBeLessThan(out.indexOf('QUYẾT ĐỊNH'));
    }
  });
});

describe('agency.document-public-note: wording', () => {
  it('says "ghi chú của bản công khai" in the sentence; the template variable only in the fix', () => {
    const found = checkPublicNotePlacement([{ name: 'the-thuc.html.hbs', file: 'templates/strategy/the-thuc.html.hbs', text: movedHtml() }]);
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.message.vi).toContain('in ghi chú của bản công khai giữa');
      expect(d.message.vi).not.toContain('marks.publicNotice');
      expect(d.fix?.vi).toContain('marks.publicNotice');
    }
  });
});

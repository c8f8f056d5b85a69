/**
 * Files are validated as the loader hands them over (pipeline.ts `StreamedValidation`), against the
 * schema of the pack the first Agency document names: files read before that document are held and
 * validated once it is known. Whether the Agency document comes first, last, or not at all, each
 * file's findings are those of validating every document at once.
 */
import { describe, expect, it } from 'vitest';
import { AGENCY, pipelineFor } from '../helpers/project.js';

/** A system whose schema error (an unknown field) must be reported whatever pack is chosen. */
const SYSTEM = (id: string) => `apiVersion: kientruc/v1
kind: System
id: ${id}
name: Hệ thống ${id}
owner: org:tinh-thu
lifecycle: production
notAField: 1
`;

const schemaFindings = (diagnostics: readonly { code: string; file: string; range: { start: { line: number } } }[]) =>
  diagnostics.filter((d) => d.code.startsWith('schema.')).map((d) => `${d.file}:${d.range.start.line} ${d.code}`);

describe('streamed validation', () => {
  it('gives the same findings whether the Agency document comes first or after the other files', async () => {
    const first = await pipelineFor({ 'architecture/a-agency.yaml': AGENCY, 'architecture/b/s1.yaml': SYSTEM('s1'), 'architecture/b/s2.yaml': SYSTEM('s2') });
    const last = await pipelineFor({ 'architecture/z-agency.yaml': AGENCY, 'architecture/b/s1.yaml': SYSTEM('s1'), 'architecture/b/s2.yaml': SYSTEM('s2') });
    const found = schemaFindings(first.diagnostics);
    expect(found).toContain('architecture/b/s1.yaml:7 schema.unknown-field');
    expect(found).toContain('architecture/b/s2.yaml:7 schema.unknown-field');
    expect(schemaFindings(last.diagnostics)).toEqual(found);
    const plain = (ds: typeof first.diagnostics) => JSON.stringify(ds.filter((d) => d.file.startsWith('architecture/b/')));
    expect(plain(last.diagnostics)).toBe(plain(first.diagnostics));
  });

  it('names an unknown pack where the Agency document that comes last declares it, and validates the files before it', async () => {
    const r = await pipelineFor({ 'architecture/b/s1.yaml': SYSTEM('s1'), 'architecture/z-agency.yaml': AGENCY.replace('framework: vn-2025', 'framework: vn-1999') });
    const unknown = r.diagnostics.filter((d) => d.code === 'schema.unknown-framework');
    expect(unknown.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.col}`)).toEqual(['architecture/z-agency.yaml:5:12']);
    expect(r.pack.id).toBe('vn-2025');
    expect(schemaFindings(r.diagnostics)).toContain('architecture/b/s1.yaml:7 schema.unknown-field');
  });

  it('validates every file with the default pack when no Agency document is found', async () => {
    const r = await pipelineFor({ 'architecture/b/s1.yaml': SYSTEM('s1'), 'architecture/b/s2.yaml': SYSTEM('s2') });
    expect(r.pack.id).toBe('vn-2025');
    expect(schemaFindings(r.diagnostics)).toContain('architecture/b/s1.yaml:7 schema.unknown-field');
    expect(schemaFindings(r.diagnostics)).toContain('architecture/b/s2.yaml:7 schema.unknown-field');
  });
});

import { describe, expect, it } from 'vitest';
import { matchCandidates, refAt, replacementOf, typedValue, type Candidate } from '../../src/cli/lsp/references.js';
import { text } from '../../src/core/text.js';

const cand = (ref: string, kind: Candidate['kind'], name: string, folded: string): Candidate => ({ ref, kind, name, folded });
const ALL: Candidate[] = [
  cand('dataset:ho-tich', 'dataset', 'Cơ sở dữ liệu hộ tịch', 'dataset:ho-tich co so du lieu ho tich'),
  cand('dataset:dat-dai', 'dataset', 'Dữ liệu đất đai', 'dataset:dat-dai du lieu dat dai'),
  cand('system:lgsp-tinh', 'system', 'Nền tảng LGSP tỉnh', 'system:lgsp-tinh nen tang lgsp tinh'),
  cand('national:csdl-ho-tich', 'national', 'CSDL hộ tịch điện tử', 'national:csdl-ho-tich csdl ho tich dien tu'),
];

describe('language server: references in a line', () => {
  it('finds the ref under the cursor, and nothing on a plain key', () => {
    expect(refAt('via: system:lgsp-tinh', 10)).toEqual({ ref: 'system:lgsp-tinh', start: 5, end: 21 });
    expect(refAt('datasets: [dataset:a, dataset:b-c]', 25)).toEqual({ ref: 'dataset:b-c', start: 22, end: 33 });
    expect(refAt('via: system:lgsp-tinh', 2)).toBeUndefined();
    expect(refAt('note: foo:bar', 8)).toBeUndefined(); // not a kind
  });

  it('reads the value being typed and its field: block, flow, item, flow mapping', () => {
    expect(typedValue(['owner: org:so'], 0, 13)).toEqual({ typed: 'org:so', start: 7, field: 'owner' });
    expect(typedValue(['datasets: [dataset:a, hộ t'], 0, 26)).toEqual({ typed: 'hộ t', start: 22, field: 'datasets' });
    expect(typedValue(['addresses:', '  - kpi:'], 1, 8)).toEqual({ typed: 'kpi:', start: 4, field: 'addresses' });
    expect(typedValue(['quality:', '  - { assessedBy: org:x'], 1, 23)).toMatchObject({ typed: 'org:x', field: 'assessedBy' });
    expect(typedValue(['  own'], 0, 5)).toBeUndefined(); // a key is being typed
    expect(typedValue(['# owner: org:'], 0, 13)).toBeUndefined();
  });

  it('matches by ref or by name, with or without diacritics, within the field kinds', () => {
    expect(matchCandidates(ALL, 'ho tich', ['dataset']).items.map((c) => c.ref)).toEqual(['dataset:ho-tich']);
    expect(matchCandidates(ALL, 'hộ tịch', ['dataset', 'national']).items.map((c) => c.ref)).toEqual(['dataset:ho-tich', 'national:csdl-ho-tich']);
    expect(matchCandidates(ALL, 'system:lg', undefined).items.map((c) => c.ref)).toEqual(['system:lgsp-tinh']);
    expect(matchCandidates(ALL, 'dataset:', ['system']).items).toEqual([]);
    // Refs starting with what was typed come first.
    expect(matchCandidates(ALL, 'dataset:d', ['dataset']).items[0]?.ref).toBe('dataset:dat-dai');
  });

  it('takes mechanical replacements from fix hints, never from prose', () => {
    expect(replacementOf({ message: text('x', 'system "a" does not exist — did you mean "b"?'), fix: text('Sửa thành "system:b".', 'Change it to "system:b".') })).toBe('system:b');
    expect(replacementOf({ message: text('x', 'Field "onwer" is not part of…'), fix: text('Đổi…', 'Rename "onwer" to "owner".') })).toBe('owner');
    expect(replacementOf({ message: text('x', '"operatng" is not a valid status of X — did you mean "operating"?'), fix: text('Dùng…', 'Use one of: a, b.') })).toBe('operating');
    expect(replacementOf({ message: text('x', 'Declare it.'), fix: text('Khai báo…', 'Declare system "x", or fix the reference.') })).toBeUndefined();
  });
});

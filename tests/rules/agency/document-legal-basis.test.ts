import { describe, expect, it } from 'vitest';
import { agencyDocumentLegalBasis, citationDate } from '../../../src/rules/agency/document-legal-basis.js';
import { describeRule } from '../../helpers/rules.js';
import { agency } from '../fixtures.js';

const doc = (basis: string): string => agency(`document:\n  date: 2026-10-15\n  legalBases:\n    - ${basis}\n`);

describeRule(agencyDocumentLegalBasis, [
  { name: 'căn cứ ban hành trước', files: { 'agency.yaml': doc('Quyết định số 2380/QĐ-UBND ngày 26 tháng 12 năm 2025 của UBND tỉnh') }, expect: [] },
  { name: 'căn cứ ban hành sau ngày văn bản', files: { 'agency.yaml': doc('Quyết định số 99/QĐ-UBND ngày 05 tháng 01 năm 2027 của UBND tỉnh') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:11:7', severity: 'error' }] },
  { name: 'căn cứ không ghi ngày: không kiểm tra', files: { 'agency.yaml': doc('Luật Dữ liệu') }, expect: [] },
]);

describe('citationDate', () => {
  it('reads the first Vietnamese long date of a citation', () => {
    expect(citationDate('Quyết định số 1/QĐ-UBND ngày 5 tháng 3 năm 2026 của UBND')).toBe('2026-03-05');
    expect(citationDate('Luật Dữ liệu')).toBeUndefined();
  });
});

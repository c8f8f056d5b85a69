import { integrationRefusalInWriting } from '../../../src/rules/integration/refusal-in-writing.js';
import { describeRule } from '../../helpers/rules.js';
import { integration, system } from '../fixtures.js';

const S = { 's.yaml': system('hsmc') };
const it = (extra: string) => integration('x', 'system:hsmc', 'system:hsmc@000.00.31.H99', 'lgsp', extra, 'suspended');

describeRule(integrationRefusalInWriting, [
  { name: 'không từ chối', files: { ...S, 'i.yaml': it('') }, expect: [] },
  { name: 'từ chối bằng văn bản có căn cứ', files: { ...S, 'i.yaml': it('refusal:\n  written: true\n  legalBasis: Luật Bảo vệ bí mật nhà nước 2018\n  date: 2025-11-02\n') }, expect: [] },
  { name: 'từ chối không có văn bản', files: { ...S, 'i.yaml': it('refusal:\n  written: false\n') }, expect: [{ entity: 'integration:x', at: 'i.yaml:10:12' }] },
  { name: 'có văn bản nhưng không nêu căn cứ', files: { ...S, 'i.yaml': it('refusal:\n  written: true\n') }, expect: [{ entity: 'integration:x', at: 'i.yaml:9:1' }] },
]);

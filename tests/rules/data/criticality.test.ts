import { dataCriticality } from '../../../src/rules/data/criticality.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

describeRule(dataCriticality, [
  { name: 'dữ liệu quan trọng', files: { 'd.yaml': dataset('ho-tich', 'criticality: important\n') }, expect: [] },
  { name: 'dữ liệu khác', files: { 'd.yaml': dataset('van-ban', 'criticality: other\n') }, expect: [] },
  { name: 'chưa xác định', files: { 'd.yaml': dataset('ho-tich', 'sharing: shared\n') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1' }] },
]);

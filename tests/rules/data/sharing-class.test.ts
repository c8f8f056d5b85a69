import { dataSharingClass } from '../../../src/rules/data/sharing-class.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

describeRule(dataSharingClass, [
  { name: 'dữ liệu dùng chung', files: { 'd.yaml': dataset('ho-tich', 'sharing: shared\n') }, expect: [] },
  { name: 'dữ liệu mở', files: { 'd.yaml': dataset('gia-dat', 'sharing: open\n') }, expect: [] },
  { name: 'chưa phân loại', files: { 'd.yaml': dataset('ho-tich', 'criticality: important\n') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1' }] },
]);

import { dataOwner } from '../../../src/rules/data/owner.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset, org } from '../fixtures.js';

describeRule(dataOwner, [
  { name: 'có chủ sở hữu là sở', files: { 'o.yaml': org('so-tu-phap'), 'd.yaml': dataset('ho-tich', 'owner: org:so-tu-phap\n') }, expect: [] },
  { name: 'chủ sở hữu là cơ quan trung ương', files: { 'd.yaml': dataset('dan-cu', 'owner: org:bo-cong-an\n', 'national') }, expect: [] },
  { name: 'chỉ có chủ quản', files: { 'o.yaml': org('so-tu-phap'), 'd.yaml': dataset('ho-tich', 'custodian: org:so-tu-phap\n') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1' }] },
  { name: 'không có chủ sở hữu', files: { 'd.yaml': dataset('ho-tich') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1' }] },
]);

import { dataPersonalDataCategory } from '../../../src/rules/data/personal-data-category.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

describeRule(dataPersonalDataCategory, [
  { name: 'đã khai báo dữ liệu cá nhân cơ bản', files: { 'd.yaml': dataset('ho-tich', 'personalData: basic\n') }, expect: [] },
  { name: 'khai báo không có dữ liệu cá nhân', files: { 'd.yaml': dataset('ho-tich', 'personalData: none\n') }, expect: [] },
  { name: 'chưa khai báo', files: { 'd.yaml': dataset('ho-tich') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1' }] },
]);

import { dataPersonalDataCategory } from '../../../src/rules/data/personal-data-category.js';
import { describeRule } from '../../helpers/rules.js';

const ds = (extra: string) => `apiVersion: kientruc/v1
kind: Dataset
id: ho-tich
name: Cơ sở dữ liệu hộ tịch
scope: sectoral
${extra}`;

describeRule(dataPersonalDataCategory, [
  { name: 'đã khai báo dữ liệu cá nhân cơ bản', files: { 'd.yaml': ds('personalData: basic\n') }, expect: [] },
  { name: 'khai báo không có dữ liệu cá nhân', files: { 'd.yaml': ds('personalData: none\n') }, expect: [] },
  { name: 'chưa khai báo', files: { 'd.yaml': ds('') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:5' }] },
]);

import { systemTtdlqgRoadmap } from '../../../src/rules/system/ttdlqg-roadmap.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset, system } from '../fixtures.js';

const DB = { layer: 'L2', component: 'sectoral-database' };

describeRule(systemTtdlqgRoadmap, [
  { name: 'đã thống nhất lộ trình', files: { 's.yaml': system('csdl', 'hosting:\n  deployment: provincial-dc\n  ttdlqgRoadmap:\n    agreedWithBca: true\n    targetDate: 2027-06-30\n', DB) }, expect: [] },
  { name: 'đã lưu trữ tại TTDLQG', files: { 's.yaml': system('csdl', 'hosting:\n  deployment: ttdlqg\n', DB) }, expect: [] },
  { name: 'chưa khai báo hạ tầng', files: { 's.yaml': system('csdl', '', DB) }, expect: [{ entity: 'system:csdl', at: 's.yaml:3:1' }] },
  { name: 'lộ trình chưa thống nhất', files: { 's.yaml': system('csdl', 'hosting:\n  deployment: provincial-dc\n  ttdlqgRoadmap:\n    agreedWithBca: false\n', DB) }, expect: [{ entity: 'system:csdl', at: 's.yaml:12:20' }] },
  {
    name: 'ứng dụng lưu cơ sở dữ liệu chuyên ngành',
    files: { 's.yaml': system('hsmc', 'hosting:\n  deployment: on-prem\n'), 'd.yaml': dataset('ho-tich', 'system: system:hsmc\n') },
    expect: [{ entity: 'system:hsmc', at: 's.yaml:9:1' }],
  },
  { name: 'ứng dụng không lưu CSDL quốc gia, chuyên ngành', files: { 's.yaml': system('hsmc'), 'd.yaml': dataset('noi-bo', 'system: system:hsmc\n', 'internal') }, expect: [] },
]);

import { systemDuplicatesNational } from '../../../src/rules/system/duplicates-national.js';
import { describeRule } from '../../helpers/rules.js';
import { integration, system } from '../fixtures.js';

const PORTAL = { layer: 'L4', component: 'public-service-portal' };
const IDENTITY = { layer: 'L2', component: 'identity' };

describeRule(systemDuplicatesNational, [
  { name: 'cổng dịch vụ công tỉnh không kết nối Cổng DVCQG', files: { 's.yaml': system('cong-dvc', '', PORTAL) }, expect: [{ entity: 'system:cong-dvc', at: 's.yaml:6:12' }] },
  {
    name: 'cổng tỉnh đồng bộ với Cổng DVCQG',
    files: { 's.yaml': system('cong-dvc', '', PORTAL), 'i.yaml': integration('dong-bo', 'system:cong-dvc', 'national:cong-dvcqg', 'ndxp') },
    expect: [],
  },
  {
    name: 'kết nối đã dừng không tính',
    files: { 's.yaml': system('cong-dvc', '', PORTAL), 'i.yaml': integration('dong-bo', 'system:cong-dvc', 'national:cong-dvcqg', 'ndxp', '', 'retired') },
    expect: [{ entity: 'system:cong-dvc', at: 's.yaml:6:12' }],
  },
  { name: 'có lộ trình chuyển sang nền tảng quốc gia', files: { 's.yaml': system('cong-dvc', 'replacedBy: national:cong-dvcqg\nretireBy: 2026-06-30\n', PORTAL) }, expect: [] },
  { name: 'hệ thống định danh dùng VNeID', files: { 's.yaml': system('sso', 'usesVneid: true\n', IDENTITY) }, expect: [] },
  { name: 'hệ thống định danh riêng', files: { 's.yaml': system('sso', '', IDENTITY) }, expect: [{ entity: 'system:sso', at: 's.yaml:6:12' }] },
  { name: 'thành phần không có nền tảng quốc gia tương ứng', files: { 's.yaml': system('hsmc') }, expect: [] },
  { name: 'hệ thống đã dừng', files: { 's.yaml': system('cong-cu', '', { ...PORTAL, status: 'retired' }) }, expect: [] },
]);

import { systemLevelOneSensitive } from '../../../src/rules/system/level-one-sensitive.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset, system } from '../fixtures.js';

const LEVEL1 = 'security:\n  level: 1\n';

describeRule(systemLevelOneSensitive, [
  { name: 'cấp độ 1, chỉ thông tin công cộng', files: { 's.yaml': system('cong-tt', `${LEVEL1}infoClasses: [public]\n`) }, expect: [] },
  { name: 'cấp độ 2 có thông tin cá nhân', files: { 's.yaml': system('hsmc', 'security:\n  level: 2\ninfoClasses: [personal]\n') }, expect: [] },
  { name: 'cấp độ 1 khai báo thông tin cá nhân', files: { 's.yaml': system('hsmc', `${LEVEL1}infoClasses: [public, personal]\n`) }, expect: [{ entity: 'system:hsmc', at: 's.yaml:10:10' }] },
  { name: 'cấp độ 1 có thông tin bí mật nhà nước', files: { 's.yaml': system('hsmc', `${LEVEL1}infoClasses: [state-secret]\n`) }, expect: [{ entity: 'system:hsmc', at: 's.yaml:10:10' }] },
  {
    name: 'cấp độ 1 lưu tập dữ liệu có dữ liệu cá nhân',
    files: { 's.yaml': system('hsmc', LEVEL1), 'd.yaml': dataset('ho-tich', 'personalData: basic\nsystem: system:hsmc\n') },
    expect: [{ entity: 'system:hsmc', at: 's.yaml:10:10' }],
  },
  { name: 'hệ thống đã dừng: không áp dụng', files: { 's.yaml': system('cu', `${LEVEL1}infoClasses: [personal]\n`, { status: 'retired' }) }, expect: [] },
]);

import { dataSharingClass } from '../../../src/rules/data/sharing-class.js';
import { kpiBaseline } from '../../../src/rules/kpi/baseline.js';
import { systemSecurityLevel } from '../../../src/rules/system/security-level.js';
import { taskDeliverable } from '../../../src/rules/task/deliverable.js';
import { taskGapUnaddressed } from '../../../src/rules/task/gap-unaddressed.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset, kpi, system, task } from '../fixtures.js';

const WITH = [systemSecurityLevel, dataSharingClass, kpiBaseline, taskDeliverable];
const APPROVED = 'security:\n  level: 2\n  dossier: approved\n  decision: { number: 12/QĐ-UBND, date: 2025-03-04 }\n';

describeRule(taskGapUnaddressed, [
  { name: 'không có phát hiện', with: WITH, files: { 's.yaml': system('hsmc', APPROVED), 'd.yaml': dataset('ho-tich', 'sharing: shared\n') }, expect: [] },
  {
    name: 'phát hiện chưa có nhiệm vụ',
    with: WITH,
    files: { 's.yaml': system('hsmc'), 'd.yaml': dataset('ho-tich') },
    expect: [
      { entity: 'dataset:ho-tich', at: 'd.yaml:3:1' },
      { entity: 'system:hsmc', at: 's.yaml:3:1' },
    ],
  },
  {
    name: 'nhiệm vụ khắc phục hệ thống',
    with: WITH,
    files: { 's.yaml': system('hsmc'), 'd.yaml': dataset('ho-tich', 'sharing: open\n'), 't.yaml': task('t', 'addresses: [system:hsmc]\n') },
    expect: [],
  },
  { name: 'phát hiện về chỉ tiêu và nhiệm vụ không tính', with: WITH, files: { 'k.yaml': kpi('x'), 't.yaml': task('t') }, expect: [] },
  { name: 'không có quy tắc nào khác chạy', files: { 's.yaml': system('hsmc'), 'd.yaml': dataset('ho-tich') }, expect: [] },
]);

import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/rules/define-rule.js';
import { runRules } from '../../../src/rules/run-rules.js';
import { AS_OF } from '../../helpers/project.js';
import { taskTransitionUnassigned } from '../../../src/rules/task/transition-unassigned.js';
import { describeRule, modelFor } from '../../helpers/rules.js';
import { dataset, integration, system, task } from '../fixtures.js';

describeRule(taskTransitionUnassigned, [
  { name: 'không có chuyển đổi', files: { 's.yaml': system('a') }, expect: [] },
  {
    name: 'chuyển đổi có nhiệm vụ',
    files: { 's.yaml': system('a', 'transitions:\n  - at: 2027\n    task: task:t\n    set: { status: retired }\n'), 't.yaml': task('t', 'deadline: 2027\n') },
    expect: [],
  },
  {
    name: 'chuyển đổi chưa có nhiệm vụ, kể cả khi đã qua ngày đang xét',
    files: {
      's.yaml': system('a', 'transitions:\n  - at: 2027\n    task: task:t\n    set: { status: retiring }\n  - at: 2025-06-30\n    set: { status: upgrading }\n'),
      't.yaml': task('t', 'deadline: 2027\n'),
    },
    expect: [{ entity: 'system:a', at: 's.yaml:13:5' }],
  },
  {
    name: 'tập dữ liệu và kết nối, cả khi thực thể chưa có ở ngày đang xét',
    files: {
      'd.yaml': dataset('d', 'since: 2028\ntransitions:\n  - at: 2029\n    set: { nationalStore: shared-store }\n'),
      'i.yaml': integration('i', 'system:a', 'national:ndxp', 'direct', 'transitions:\n  - at: 2027\n    set: { channel: ndxp }\n'),
      's.yaml': system('a'),
    },
    expect: [
      { entity: 'dataset:d', at: 'd.yaml:8:5' },
      { entity: 'integration:i', at: 'i.yaml:10:5' },
    ],
  },
]);

async function messagesOf(rule: Rule, files: Record<string, string>): Promise<string[]> {
  const model = await modelFor({ files });
  return runRules(model, [rule], { asOf: AS_OF }).diagnostics.filter((d) => d.code === rule.id).map((d) => `${d.message.vi} | ${d.fix?.vi ?? ''}`);
}

describe('task.transition-unassigned: wording', () => {
  it('names the changed fields in Vietnamese, the YAML keys in the fix', async () => {
    const out = await messagesOf(taskTransitionUnassigned, { 's.yaml': system('a', 'transitions:\n  - at: 2029-12-31\n    set: { hosting: { deployment: provincial-dc } }\n') });
    expect(out).toEqual([
      'Hệ thống a: chuyển đổi có hiệu lực 31/12/2029 (thay đổi hạ tầng triển khai) chưa gắn nhiệm vụ thực hiện. | Thêm "task: task:<nhiệm vụ>" vào chuyển đổi (set: hosting; nhiệm vụ trong architecture/tasks).',
    ]);
  });
});

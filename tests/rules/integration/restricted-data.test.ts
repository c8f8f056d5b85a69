import { integrationRestrictedData } from '../../../src/rules/integration/restricted-data.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset, integration, org, system } from '../fixtures.js';

const BASE = {
  'o.yaml': org('so-y-te'),
  's.yaml': system('his', '', { owner: 'org:so-y-te' }) + '---\n' + system('hsmc'),
  'd.yaml': dataset('benh-an', 'sharing: restricted\n') + '---\n' + dataset('ho-tich', 'sharing: shared\n'),
};

describeRule(integrationRestrictedData, [
  { name: 'dữ liệu dùng chung', files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'system:hsmc', 'lgsp', 'datasets:\n  - dataset:ho-tich\n') }, expect: [] },
  {
    name: 'dữ liệu dùng riêng sang cơ quan khác',
    files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'system:hsmc', 'lgsp', 'datasets:\n  - dataset:ho-tich\n  - dataset:benh-an\n') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:11:5' }],
  },
  {
    name: 'dữ liệu dùng riêng trong cùng cơ quan',
    files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'org:so-y-te', 'direct', 'datasets:\n  - dataset:benh-an\n') },
    expect: [],
  },
]);

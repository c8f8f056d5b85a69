import { integrationRestrictedData } from '../../../src/rules/integration/restricted-data.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset, integration, org, system } from '../fixtures.js';

const BASE = {
  'o.yaml': org('so-y-te') + '---\n' + org('so-tu-phap') + '---\n' + org('bhxh-tinh', '', 'deconcentrated'),
  's.yaml': system('his', '', { owner: 'org:so-y-te' }) + '---\n' + system('hsmc') + '---\n' + system('ho-tich', '', { owner: 'org:so-tu-phap' }) + '---\n' + system('gd', '', { owner: 'org:bhxh-tinh' }),
  'd.yaml': dataset('benh-an', 'sharing: restricted\n') + '---\n' + dataset('ho-tich', 'sharing: shared\n'),
};

describeRule(integrationRestrictedData, [
  { name: 'dữ liệu dùng chung', files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'system:hsmc', 'lgsp', 'datasets:\n  - dataset:ho-tich\n') }, expect: [] },
  {
    name: 'dữ liệu dùng riêng sang sở khác',
    files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'system:ho-tich', 'lgsp', 'datasets:\n  - dataset:ho-tich\n  - dataset:benh-an\n') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:11:5' }],
  },
  {
    name: 'dữ liệu dùng riêng sang cơ quan ngành dọc',
    files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'system:gd', 'direct', 'datasets:\n  - dataset:benh-an\n') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:10:5' }],
  },
  { name: 'báo cáo lên Ủy ban nhân dân tỉnh', files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'system:hsmc', 'lgsp', 'datasets:\n  - dataset:benh-an\n') }, expect: [] },
  { name: 'báo cáo lên bộ quản lý ngành', files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'national:csdl-y-te', 'ndxp', 'datasets:\n  - dataset:benh-an\n') }, expect: [] },
  { name: 'văn bản qua trục liên thông', files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'system:ho-tich', 'vdxp', 'datasets:\n  - dataset:benh-an\n') }, expect: [] },
  {
    name: 'dữ liệu dùng riêng trong cùng cơ quan',
    files: { ...BASE, 'i.yaml': integration('x', 'system:his', 'org:so-y-te', 'direct', 'datasets:\n  - dataset:benh-an\n') },
    expect: [],
  },
]);

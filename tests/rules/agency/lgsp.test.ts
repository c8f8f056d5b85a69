import { agencyLgsp } from '../../../src/rules/agency/lgsp.js';
import { describeRule } from '../../helpers/rules.js';
import { agency, integration, system } from '../fixtures.js';

const LGSP = { layer: 'L2', component: 'integration-platform' };
const UP = integration('lgsp-ndxp', 'system:lgsp', 'national:ndxp', 'ndxp');

describeRule(agencyLgsp, [
  { name: 'một LGSP kết nối NDXP', files: { 's.yaml': system('lgsp', '', LGSP), 'i.yaml': UP }, expect: [] },
  { name: 'sở (không phải tỉnh, bộ): không áp dụng', files: { 'agency.yaml': agency('', 'department') }, expect: [] },
  { name: 'không có LGSP', files: { 's.yaml': system('hsmc') }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:6:8' }] },
  { name: 'LGSP chưa kết nối NDXP', files: { 's.yaml': system('lgsp', '', LGSP) }, expect: [{ entity: 'system:lgsp', at: 's.yaml:6:12' }] },
  { name: 'kết nối NDXP mới dự kiến', files: { 's.yaml': system('lgsp', '', LGSP), 'i.yaml': integration('lgsp-ndxp', 'system:lgsp', 'national:ndxp', 'ndxp', '', 'planned') }, expect: [{ entity: 'system:lgsp', at: 's.yaml:6:12' }] },
  {
    name: 'hai LGSP',
    files: { 's.yaml': system('lgsp', '', LGSP) + '---\n' + system('lgsp-2', '', LGSP), 'i.yaml': UP },
    expect: [{ entity: 'system:lgsp-2', at: 's.yaml:15:12' }],
  },
]);

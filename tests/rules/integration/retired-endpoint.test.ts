import { integrationRetiredEndpoint } from '../../../src/rules/integration/retired-endpoint.js';
import { describeRule } from '../../helpers/rules.js';
import { integration, system } from '../fixtures.js';

const S = { 's.yaml': system('moi') + '---\n' + system('cu', 'replacedBy: system:moi\n', { status: 'retired' }) };

describeRule(integrationRetiredEndpoint, [
  { name: 'hai đầu đang vận hành', files: { ...S, 'i.yaml': integration('x', 'system:moi', 'national:ndxp', 'ndxp') }, expect: [] },
  { name: 'đầu nhận đã dừng', files: { ...S, 'i.yaml': integration('x', 'national:csdlqg-dan-cu', 'system:cu', 'ndxp') }, expect: [{ entity: 'integration:x', at: 'i.yaml:6:5' }] },
  { name: 'kết nối dự kiến tới hệ thống đã dừng', files: { ...S, 'i.yaml': integration('x', 'system:cu', 'national:ndxp', 'ndxp', '', 'planned') }, expect: [{ entity: 'integration:x', at: 'i.yaml:5:7' }] },
  { name: 'kết nối cũng đã dừng', files: { ...S, 'i.yaml': integration('x', 'system:cu', 'national:ndxp', 'ndxp', '', 'retired') }, expect: [] },
]);

import { integrationOutlivesEndpoint } from '../../../src/rules/integration/outlives-endpoint.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset, integration, system } from '../fixtures.js';

const OLD = system('cu', 'until: 2027\nreplacedBy: system:moi\n');
const NEW = system('moi');

describeRule(integrationOutlivesEndpoint, [
  { name: 'đầu kết nối không dừng', files: { 's.yaml': `${NEW}---\n${system('khac')}`, 'i.yaml': integration('i', 'system:moi', 'system:khac', 'lgsp') }, expect: [] },
  {
    name: 'kết nối dừng cùng hệ thống',
    files: { 's.yaml': `${OLD}---\n${NEW}`, 'i.yaml': integration('i', 'system:cu', 'system:moi', 'lgsp', 'until: 2027\n') },
    expect: [],
  },
  {
    name: 'kết nối chuyển sang hệ thống thay thế trước ngày dừng',
    files: { 's.yaml': `${OLD}---\n${NEW}---\n${system('khac')}`, 'i.yaml': integration('i', 'system:cu', 'system:khac', 'lgsp', 'transitions:\n  - at: 2027-06-30\n    set: { from: system:moi }\n') },
    expect: [],
  },
  {
    name: 'kết nối còn sau ngày hệ thống dừng',
    files: { 's.yaml': `${OLD}---\n${NEW}`, 'i.yaml': integration('i', 'system:moi', 'system:cu', 'lgsp') },
    expect: [{ entity: 'integration:i', at: 'i.yaml:6:5' }],
  },
  {
    name: 'chuyển đổi trỏ tới hệ thống đã dừng: chỉ ra chuyển đổi',
    files: { 's.yaml': `${OLD}---\n${NEW}---\n${system('khac')}`, 'i.yaml': integration('i', 'system:moi', 'system:khac', 'lgsp', 'transitions:\n  - at: 2026\n    set: { to: system:cu }\n') },
    expect: [{ entity: 'integration:i', at: 'i.yaml:11:16' }],
  },
  {
    name: 'kết nối đã dừng hoặc tạm dừng thì không xét',
    files: { 's.yaml': `${OLD}---\n${NEW}`, 'i.yaml': integration('i', 'system:moi', 'system:cu', 'lgsp', '', 'retired') },
    expect: [],
  },
  {
    name: 'tập dữ liệu đã dừng vẫn được truyền',
    files: { 's.yaml': NEW, 'd.yaml': dataset('d', 'until: 2028-06-30\n'), 'i.yaml': integration('i', 'system:moi', 'national:ndxp', 'ndxp', 'datasets: [national:csdlqg-dan-cu, dataset:d]\n') },
    expect: [{ entity: 'integration:i', at: 'i.yaml:9:36' }],
  },
]);

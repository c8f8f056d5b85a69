import { serviceDossierFigures } from '../../../src/rules/service/dossier-figures.js';
import { describeRule } from '../../helpers/rules.js';
import { service, system } from '../fixtures.js';

const S = { 's.yaml': system('tthc') };
const rows = (...r: string[]): string => `dossiers:\n${r.map((x) => `  - ${x}\n`).join('')}`;

describeRule(serviceDossierFigures, [
  {
    name: 'số liệu hợp lệ',
    files: { ...S, 'dv.yaml': service('khai-sinh', rows('{ period: 2025-Q3, received: 100, receivedOnline: 90, processedOnline: 88, withPersonalId: 100 }', '{ period: 2025-Q4, received: 120 }')) },
    expect: [],
  },
  {
    name: 'hồ sơ trực tuyến nhiều hơn hồ sơ tiếp nhận',
    files: { ...S, 'dv.yaml': service('khai-sinh', rows('{ period: 2025-Q3, received: 100, receivedOnline: 120, processedOnline: 101 }')) },
    expect: [
      { entity: 'service:khai-sinh', at: 'dv.yaml:9:55' },
      { entity: 'service:khai-sinh', at: 'dv.yaml:9:77' },
    ],
  },
  {
    name: 'một kỳ khai báo hai lần',
    files: { ...S, 'dv.yaml': service('khai-sinh', rows('{ period: 2025-Q3, received: 100 }', '{ period: 2025-Q3, received: 90 }')) },
    expect: [{ entity: 'service:khai-sinh', at: 'dv.yaml:10:15' }],
  },
]);

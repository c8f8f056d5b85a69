import { dataUnknownFact } from '../../../src/rules/data/unknown-fact.js';
import { describeRule } from '../../helpers/rules.js';
import { CLASSIFIED, dataset } from '../fixtures.js';

describeRule(dataUnknownFact, [
  { name: 'đã phân loại, có chủ sở hữu', files: { 'd.yaml': dataset('dat-dai', `${CLASSIFIED}owner: org:bo-nong-nghiep-moi-truong\n`) }, expect: [] },
  {
    name: 'chủ sở hữu và mức quan trọng chưa xác định',
    files: { 'd.yaml': dataset('dat-dai', 'owner: chưa xác định\nsharing: shared\ncriticality: chưa xác định\npersonalData: basic\n') },
    expect: [
      { entity: 'dataset:dat-dai', at: 'd.yaml:6:8' },
      { entity: 'dataset:dat-dai', at: 'd.yaml:8:14' },
    ],
  },
]);

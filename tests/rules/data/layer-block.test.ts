import { dataLayerBlock } from '../../../src/rules/data/layer-block.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

describeRule(dataLayerBlock, [
  { name: 'đủ lớp và khối', files: { 'd.yaml': dataset('ho-tich', 'layer: master\nblock: citizen-business\n') }, expect: [] },
  { name: 'thiếu khối', files: { 'd.yaml': dataset('ho-tich', 'layer: master\n') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1' }] },
  { name: 'thiếu cả lớp và khối', files: { 'd.yaml': dataset('ho-tich') }, expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:3:1' }] },
]);

import type { FrameworkPack } from '../../../src/framework/types.js';
import { integrationReplacedPlatform } from '../../../src/rules/integration/replaced-platform.js';
import { describeRule } from '../../helpers/rules.js';
import { integration, system } from '../fixtures.js';

/** The pack records no replaced platform today; these cases mark NDXP as replaced by NDOP. */
const replaceNdxp =
  (on: string, confirmed = true) =>
  (pack: FrameworkPack): FrameworkPack => ({
    ...pack,
    national: pack.national.map((n) => (n.id === 'ndxp' ? { ...n, replacedBy: 'national:ndop' as const, replacedOn: on, confirmed } : n)),
  });

const S = { 's.yaml': system('hsmc') };

describeRule(integrationReplacedPlatform, [
  { name: 'bộ khung hiện hành: không có nền tảng bị thay thế', files: { ...S, 'i.yaml': integration('x', 'system:hsmc', 'national:ndxp', 'ndxp') }, expect: [] },
  {
    name: 'trỏ tới nền tảng đã bị thay thế',
    pack: replaceNdxp('2025-12-31'),
    files: { ...S, 'i.yaml': integration('x', 'system:hsmc', 'national:ndxp', 'lgsp') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:6:5', severity: 'error' }],
  },
  {
    name: 'đi qua kênh của nền tảng đã bị thay thế',
    pack: replaceNdxp('2025-12-31'),
    files: { ...S, 'i.yaml': integration('x', 'system:hsmc', 'national:csdlqg-dan-cu', 'ndxp') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:7:10', severity: 'error' }],
  },
  {
    name: 'ngày thay thế chưa tới: cảnh báo',
    pack: replaceNdxp('2026-07-01'),
    files: { ...S, 'i.yaml': integration('x', 'system:hsmc', 'national:ndxp', 'ndxp') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:6:5', severity: 'warning' }],
  },
  {
    name: 'thông tin thay thế chưa xác nhận: cảnh báo',
    pack: replaceNdxp('2025-01-01', false),
    files: { ...S, 'i.yaml': integration('x', 'system:hsmc', 'national:ndxp', 'ndxp') },
    expect: [{ entity: 'integration:x', at: 'i.yaml:6:5', severity: 'warning' }],
  },
  { name: 'đã chuyển sang nền tảng thay thế', pack: replaceNdxp('2025-12-31'), files: { ...S, 'i.yaml': integration('x', 'system:hsmc', 'national:ndop', 'ndop') }, expect: [] },
]);

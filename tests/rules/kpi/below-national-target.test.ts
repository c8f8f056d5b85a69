import { kpiBelowNationalTarget } from '../../../src/rules/kpi/below-national-target.js';
import { describeRule } from '../../helpers/rules.js';
import { kpi } from '../fixtures.js';

const k = (target: string, value: number, deadline: string, unit = 'percent') =>
  kpi('x', `nationalTarget: ${target}\ntarget:\n  value: ${value}\n  deadline: ${deadline}\n`, unit);

describeRule(kpiBelowNationalTarget, [
  { name: 'bằng chỉ tiêu quốc gia', files: { 'k.yaml': k('target:ho-so-xu-ly-truc-tuyen', 80, '2025-12-31') }, expect: [] },
  { name: 'cao hơn, sớm hơn', files: { 'k.yaml': k('target:ho-so-xu-ly-truc-tuyen', 85, '2025-09-30') }, expect: [] },
  { name: 'mục tiêu thấp hơn', files: { 'k.yaml': k('target:ho-so-xu-ly-truc-tuyen', 70, '2025-12-31') }, expect: [{ entity: 'kpi:x', at: 'k.yaml:8:10', severity: 'error' }] },
  {
    name: 'thời hạn muộn hơn (năm), thời hạn quốc gia chưa qua',
    asOf: '2025-06-30',
    files: { 'k.yaml': k('target:ho-so-xu-ly-truc-tuyen', 80, '2026') },
    expect: [{ entity: 'kpi:x', at: 'k.yaml:9:13', severity: 'warning' }],
  },
  // The starter written by kientruc init: the national deadline (end-2025) is past, the agency's catch-up
  // year cannot be earlier, so nothing is left to fix in the KPI itself.
  { name: 'thời hạn quốc gia đã qua: thời hạn khắc phục không bị cảnh báo', files: { 'k.yaml': k('target:phan-loai-du-lieu', 100, '2026') }, expect: [] },
  {
    name: 'vừa thấp hơn vừa muộn hơn',
    files: { 'k.yaml': k('target:chia-se-bat-buoc-qua-ndop', 90, '2027-06-30') },
    expect: [
      { entity: 'kpi:x', at: 'k.yaml:8:10', severity: 'error' },
      { entity: 'kpi:x', at: 'k.yaml:9:13', severity: 'warning' },
    ],
  },
  { name: 'chỉ tiêu quốc gia chưa xác nhận: cảnh báo', files: { 'k.yaml': k('target:quy-che-mang-noi-bo', 50, '2025-10-31', 'milestone') }, expect: [{ entity: 'kpi:x', at: 'k.yaml:8:10', severity: 'warning' }] },
  { name: 'chỉ tiêu đo ở cấp quốc gia: không so sánh', files: { 'k.yaml': k('target:du-lieu-con-nguoi-dong-bo', 50, '2026-12-31') }, expect: [] },
  { name: 'khác đơn vị đo: chỉ so thời hạn', files: { 'k.yaml': k('target:ho-so-xu-ly-truc-tuyen', 3, '2025-12-31', 'count') }, expect: [] },
  { name: 'không gắn chỉ tiêu quốc gia', files: { 'k.yaml': kpi('x', 'target:\n  value: 10\n  deadline: 2030\n') }, expect: [] },
]);

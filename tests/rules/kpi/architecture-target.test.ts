import { kpiArchitectureTarget } from '../../../src/rules/kpi/architecture-target.js';
import { describeRule } from '../../helpers/rules.js';
import { agency, CLASSIFIED, dataset, kpi } from '../fixtures.js';

// Measure `datasets-classified` (target:phan-loai-du-lieu): share of datasets with sharing class,
// criticality and personal-data category declared. One dataset is classified today, one is not.
const k = (value: number, deadline: string) => kpi('phan-loai', `nationalTarget: target:phan-loai-du-lieu\ntarget:\n  value: ${value}\n  deadline: ${deadline}\n`);
const CLASSIFIED_ONE = dataset('a', CLASSIFIED);
const UNCLASSIFIED = dataset('b', 'personalData: none\n');
// The same dataset classified from 2027 on, by a planned transition.
const CLASSIFIED_LATER = dataset('b', 'personalData: none\ntransitions:\n  - at: 2027\n    set: { sharing: shared, criticality: important }\n');

describeRule(kpiArchitectureTarget, [
  {
    name: 'kiến trúc mục tiêu đạt 100% nhờ chuyển đổi đã khai báo',
    files: { 'k.yaml': k(100, '2028-12-31'), 'a.yaml': CLASSIFIED_ONE, 'b.yaml': CLASSIFIED_LATER },
    expect: [],
  },
  {
    name: 'kiến trúc mục tiêu chỉ đạt 50%: không thống nhất với chỉ tiêu',
    files: { 'k.yaml': k(100, '2028-12-31'), 'a.yaml': CLASSIFIED_ONE, 'b.yaml': UNCLASSIFIED },
    expect: [{ entity: 'kpi:phan-loai', at: 'k.yaml:8:3', severity: 'warning' }],
  },
  {
    name: 'mục tiêu 50% đã đạt trong kiến trúc mục tiêu',
    files: { 'k.yaml': k(50, '2028-12-31'), 'a.yaml': CLASSIFIED_ONE, 'b.yaml': UNCLASSIFIED },
    expect: [],
  },
  {
    name: 'thời hạn sau năm mục tiêu (2030): ngoài phạm vi của kiến trúc',
    files: { 'k.yaml': k(100, '2032-12-31'), 'a.yaml': CLASSIFIED_ONE, 'b.yaml': UNCLASSIFIED },
    expect: [],
  },
  {
    name: 'năm mục tiêu do cơ quan chọn (document.horizon của Khung kiến trúc số)',
    files: { 'agency.yaml': agency('document:\n  kind: kien-truc\n  horizon: 2035\n'), 'k.yaml': k(100, '2032-12-31'), 'a.yaml': CLASSIFIED_ONE, 'b.yaml': UNCLASSIFIED },
    expect: [{ entity: 'kpi:phan-loai', at: 'k.yaml:8:3', severity: 'warning' }],
  },
  {
    name: 'thời hạn đã qua: là việc của hiện trạng, không phải của kiến trúc mục tiêu',
    asOf: '2029-06-30',
    files: { 'k.yaml': k(100, '2028-12-31'), 'a.yaml': CLASSIFIED_ONE, 'b.yaml': UNCLASSIFIED },
    expect: [],
  },
  {
    name: 'chỉ tiêu không gắn chỉ tiêu quốc gia đo được',
    files: { 'k.yaml': kpi('x', 'target:\n  value: 100\n  deadline: 2028-12-31\n'), 'a.yaml': CLASSIFIED_ONE, 'b.yaml': UNCLASSIFIED },
    expect: [],
  },
]);

import { dataSharingRequests } from '../../../src/rules/data/sharing-requests.js';
import { describeRule } from '../../helpers/rules.js';
import { dataset } from '../fixtures.js';

const req = (period: string, received: number, met: number, refused?: number) =>
  `  - period: ${period}\n    received: ${received}\n    met: ${met}\n${refused === undefined ? '' : `    refusedInWriting: ${refused}\n`}`;

describeRule(dataSharingRequests, [
  { name: 'đáp ứng hết', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nsharingRequests:\n${req('2025-Q4', 12, 12)}`) }, expect: [] },
  { name: 'từ chối có văn bản', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nsharingRequests:\n${req('2025-Q4', 12, 10, 2)}`) }, expect: [] },
  {
    name: 'yêu cầu không được trả lời',
    files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nsharingRequests:\n${req('2025-Q3', 5, 5)}${req('2025-Q4', 12, 9, 1)}`) },
    expect: [{ entity: 'dataset:ho-tich', at: 'd.yaml:13:10' }],
  },
  { name: 'yêu cầu đang xử lý', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nsharingRequests:\n${req('2025-Q4', 12, 9, 1)}    pending: 2\n`) }, expect: [] },
  { name: 'kỳ cũ không còn xử lý được: chỉ xét kỳ gần nhất đã kết thúc', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nsharingRequests:\n${req('2025-Q3', 5, 2)}${req('2025-Q4', 12, 12)}`) }, expect: [] },
  { name: 'kỳ chưa kết thúc', files: { 'd.yaml': dataset('ho-tich', `sharing: shared\nsharingRequests:\n${req('2026-Q1', 4, 1)}`) }, expect: [] },
  { name: 'dữ liệu dùng riêng: không áp dụng', files: { 'd.yaml': dataset('noi-bo', `sharing: restricted\nsharingRequests:\n${req('2025-Q4', 4, 1)}`) }, expect: [] },
]);

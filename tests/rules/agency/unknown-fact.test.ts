import { agencyUnknownFact } from '../../../src/rules/agency/unknown-fact.js';
import { describeRule } from '../../helpers/rules.js';

const agency = (code: string) => `apiVersion: kientruc/v1
kind: Agency
id: xa-an-phu
name: Ủy ban nhân dân xã An Phú
framework: vn-2025
level: commune
code: ${code}
`;

describeRule(agencyUnknownFact, [
  { name: 'có mã định danh', files: { 'agency.yaml': agency('000.00.00.H98') }, expect: [] },
  { name: 'mã định danh chưa xác định (kientruc init không có --code)', files: { 'agency.yaml': agency('"chưa xác định"') }, expect: [{ entity: 'agency:xa-an-phu', at: 'agency.yaml:7:7' }] },
]);

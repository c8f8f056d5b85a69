import { agencyIncidentPlans } from '../../../src/rules/agency/incident-plans.js';
import { describeRule } from '../../helpers/rules.js';
import { agency } from '../fixtures.js';

const plan = (status: string) => `    status: ${status}\n`;

describeRule(agencyIncidentPlans, [
  {
    name: 'đã ban hành cả hai phương án',
    files: { 'agency.yaml': agency(`security:\n  incidentResponsePlan:\n${plan('approved')}  dataRecoveryPlan:\n${plan('approved')}`) },
    expect: [],
  },
  { name: 'không có khối security', files: { 'agency.yaml': agency() }, expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:3:1' }, { entity: 'agency:tinh-thu', at: 'agency.yaml:3:1' }] },
  {
    name: 'phương án khôi phục đang xây dựng',
    files: { 'agency.yaml': agency(`security:\n  incidentResponsePlan:\n${plan('approved')}  dataRecoveryPlan:\n${plan('drafting')}`) },
    expect: [{ entity: 'agency:tinh-thu', at: 'agency.yaml:12:13' }],
  },
]);

/**
 * YAML builders for rule tables. Every builder puts its fixed fields on fixed lines, so positions in
 * expectations can be read off: `extra` starts on the line given in each comment.
 */
import { AGENCY } from '../helpers/project.js';

/** Agency (province); `extra` starts on line 8. */
export const agency = (extra = '', level = 'province'): string => `${AGENCY.replace('level: province', `level: ${level}`)}${extra}`;

/** Organization (department); `extra` starts on line 6. */
export const org = (id: string, extra = '', level = 'department'): string => `apiVersion: kientruc/v1
kind: Organization
id: ${id}
name: Cơ quan ${id}
level: ${level}
${extra}`;

/** System; `extra` starts on line 9. */
export const system = (
  id: string,
  extra = '',
  o: { layer?: string; component?: string; status?: string; owner?: string } = {},
): string => `apiVersion: kientruc/v1
kind: System
id: ${id}
name: Hệ thống ${id}
layer: ${o.layer ?? 'L3'}
component: ${o.component ?? 'tthc'}
status: ${o.status ?? 'operating'}
owner: ${o.owner ?? 'agency:tinh-thu'}
${extra}`;

/** Dataset; `extra` starts on line 6. */
export const dataset = (id: string, extra = '', scope = 'sectoral'): string => `apiVersion: kientruc/v1
kind: Dataset
id: ${id}
name: Dữ liệu ${id}
scope: ${scope}
${extra}`;

/** Integration; `extra` starts on line 9. */
export const integration = (id: string, from: string, to: string, channel: string, extra = '', status = 'live'): string => `apiVersion: kientruc/v1
kind: Integration
id: ${id}
name: Kết nối ${id}
from: ${from}
to: ${to}
channel: ${channel}
status: ${status}
${extra}`;

/** KPI; `extra` starts on line 6. */
export const kpi = (id: string, extra = '', unit = 'percent'): string => `apiVersion: kientruc/v1
kind: Kpi
id: ${id}
name: Chỉ tiêu ${id}
unit: ${unit}
${extra}`;

/** Task; `extra` starts on line 7. */
export const task = (id: string, extra = '', lead = 'agency:tinh-thu'): string => `apiVersion: kientruc/v1
kind: Task
id: ${id}
name: Nhiệm vụ ${id}
area: data
lead: ${lead}
${extra}`;

/** A fully classified dataset block (lines 6–10 of a dataset). */
export const CLASSIFIED = 'sharing: shared\ncriticality: important\npersonalData: none\nlayer: master\nblock: citizen-business\n';

/** Service (dịch vụ công) provided by the agency; `extra` starts on line 8. */
export const service = (id: string, extra = '', o: { onlineLevel?: string; provider?: string } = {}): string => `apiVersion: kientruc/v1
kind: Service
id: ${id}
name: Dịch vụ ${id}
provider: ${o.provider ?? 'agency:tinh-thu'}
onlineLevel: ${o.onlineLevel ?? 'full'}
handledBy: system:tthc
${extra}`;

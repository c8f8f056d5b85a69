import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { modelAt, parseState, stateDate, transitionsBetween, transitionsOf, dateOfState, baseOf } from '../../src/model/states.js';
import { deepFreeze } from '../helpers/freeze.js';
import { AGENCY, pipelineFor, validPipelineFor } from '../helpers/project.js';

const AGENCY_AS_OF = `${AGENCY}asOf: 2026-09-30\n`;

const SYSTEMS = `apiVersion: kientruc/v1
kind: System
id: mot-cua-cu
name: Một cửa cũ
layer: L3
component: sectoral-app
status: operating
owner: agency:tinh-thu
hosting:
  deployment: on-prem
since: 2015
until: 2028
replacedBy: system:tthc
transitions:
  - at: 2027
    task: task:hop-nhat
    set:
      status: retiring
    note: Chuyển dữ liệu sang hệ thống mới
---
apiVersion: kientruc/v1
kind: System
id: tthc
name: Hệ thống thông tin giải quyết TTHC
layer: L3
component: sectoral-app
status: planned
owner: agency:tinh-thu
hosting:
  deployment: on-prem
since: 2027-03-01
transitions:
  - at: 2027-06-30
    task: task:hop-nhat
    set:
      status: operating
  - at: 2028
    set:
      hosting: { deployment: provincial-dc }
`;

const INTEGRATION = `apiVersion: kientruc/v1
kind: Integration
id: tthc-den-dvc
name: TTHC lên Cổng
from: system:tthc
to: national:cong-dvcqg
channel: direct
status: planned
transitions:
  - at: 2028-06-30
    task: task:hop-nhat
    set: { channel: ndxp, status: live }
`;

const TASK = `apiVersion: kientruc/v1
kind: Task
id: hop-nhat
name: Hợp nhất hệ thống một cửa
area: applications
lead: agency:tinh-thu
deadline: 2027
`;

const FILES = {
  'architecture/agency.yaml': AGENCY_AS_OF,
  'architecture/systems.yaml': SYSTEMS,
  'architecture/integration.yaml': INTEGRATION,
  'architecture/task.yaml': TASK,
};

describe('parseState', () => {
  it.each([
    ['current', { kind: 'current', text: 'current' }],
    ['target:2030', { kind: 'target', year: 2030, date: '2030-12-31', text: 'target:2030' }],
    ['2027', { kind: 'date', date: '2027-12-31', text: '2027' }],
    ['2027-06-30', { kind: 'date', date: '2027-06-30', text: '2027-06-30' }],
  ])('%s', (raw, spec) => expect(parseState(raw)).toEqual(spec));

  it.each(['target', 'target:30', '2027-02-30', 'hiện trạng', '27'])('refuses %s with the accepted forms', (raw) => {
    expect(() => parseState(raw)).toThrow(UserError);
    expect(() => parseState(raw)).toThrow(/current.*target:YYYY.*YYYY.*YYYY-MM-DD/);
  });
});

describe('modelAt', () => {
  it('the state at a date: entities that exist, transitions up to it applied, locations kept', async () => {
    const r = await validPipelineFor(FILES, { asOf: undefined, rules: false });
    expect(r.state).toEqual({ spec: { kind: 'current', text: 'current' }, date: '2026-09-30' });
    const base = deepFreeze(baseOf(r.model));
    const ids = (m: typeof base) => m.all('system').map((s) => `${s.id}:${s.status}:${s.hosting?.deployment}`);
    expect(ids(r.model)).toEqual(['system:mot-cua-cu:operating:on-prem'].map((s) => s.replace('system:', '')));
    expect(ids(modelAt(base, parseState('2027-06-30')))).toEqual(['mot-cua-cu:operating:on-prem', 'tthc:operating:on-prem']);
    expect(ids(modelAt(base, parseState('2027')))).toEqual(['mot-cua-cu:retiring:on-prem', 'tthc:operating:on-prem']);
    const target = modelAt(base, parseState('target:2030'));
    expect(ids(target)).toEqual(['tthc:operating:provincial-dc']);
    // Absent entities still resolve and keep their name; `get` leaves them out.
    expect(target.get('system:mot-cua-cu')).toBeUndefined();
    expect(target.isAbsent('system:mot-cua-cu')).toBe(true);
    expect(target.nameOf('system:mot-cua-cu')).toBe('Một cửa cũ');
    // A field a transition set is located at the transition.
    expect(target.locate('system:tthc', ['hosting', 'deployment'])).toEqual({
      file: 'architecture/systems.yaml',
      range: { start: { line: 39, col: 30 }, end: { line: 39, col: 43 } },
    });
    expect(target.locate('system:tthc', ['status']).range.start.line).toBe(36);
    expect(base.locate('system:tthc', ['status']).range.start.line).toBe(27);
    const it = target.get<'integration'>('integration:tthc-den-dvc');
    expect([it?.channel, it?.status]).toEqual(['ndxp', 'live']);
    // Pure and cheap: one derived model per date, the base untouched.
    expect(modelAt(base, '2030-12-31')).toBe(target);
    expect(modelAt(target, '2030-12-31')).toBe(target);
    expect(dateOfState(target)).toBe('2030-12-31');
    expect(base.get<'system'>('system:tthc')?.status).toBe('planned');
  });

  it('a state in which nothing is dated is the model as written, dated, sharing its lists', async () => {
    const plain = SYSTEMS.split('---')[0]!.replace(/^(since|until|replacedBy): .*\n/gm, '').replace(/^transitions:[\s\S]*$/m, '');
    const r = await validPipelineFor({ 'architecture/agency.yaml': AGENCY_AS_OF, 'architecture/systems.yaml': plain, 'architecture/task.yaml': TASK }, { asOf: undefined, rules: false });
    const base = baseOf(r.model);
    expect(r.model).not.toBe(base);
    expect(dateOfState(r.model)).toBe('2026-09-30');
    expect(r.model.contentSource()).toBe(base);
    expect(r.model.all('system')).toBe(base.all('system'));
    expect(r.model.all('system').map((s) => s.id)).toEqual(['mot-cua-cu']);
    const target = modelAt(base, parseState('target:2030'));
    expect(target.contentSource()).toBe(base);
    expect(dateOfState(target)).toBe('2030-12-31');
    expect(target.referencesFrom('system:mot-cua-cu')).toBe(base.referencesFrom('system:mot-cua-cu'));
    // A state that changes something is its own content, and says so.
    const dated = await validPipelineFor(FILES, { asOf: undefined, rules: false });
    expect(dated.model.contentSource()).toBe(dated.model);
    expect(modelAt(baseOf(dated.model), parseState('target:2030')).contentSource()).not.toBe(baseOf(dated.model));
  });

  it('current needs a reference date, never the clock', async () => {
    const r = await validPipelineFor({ ...FILES, 'architecture/agency.yaml': AGENCY }, { asOf: undefined, rules: false });
    expect(r.state).toBeUndefined();
    expect(r.model.all('system')).toHaveLength(2);
    expect(stateDate(r.model, parseState('current'))).toBeUndefined();
    expect(() => modelAt(r.model, parseState('current'))).toThrow(/asOf/);
    expect(modelAt(r.model, parseState('current'), { asOf: '2026-01-15' }).all('system').map((s) => s.id)).toEqual(['mot-cua-cu']);
  });
});

describe('transitionsOf / transitionsBetween', () => {
  it('is the computed roadmap, in date order, with before → after, task and location', async () => {
    const r = await validPipelineFor(FILES, { asOf: undefined, rules: false });
    const all = transitionsOf(r.model);
    expect(all.map((t) => `${t.date} ${t.kind} ${t.entity} ${t.changes.map((c) => `${c.field}:${String(c.before)}→${String(c.after)}`).join(',')} ${t.task ?? '-'}`)).toEqual([
      '2015-01-01 begin system:mot-cua-cu  -',
      '2027-03-01 begin system:tthc  -',
      '2027-06-30 change system:tthc status:planned→operating task:hop-nhat',
      '2027-12-31 change system:mot-cua-cu status:operating→retiring task:hop-nhat',
      '2028-06-30 change integration:tthc-den-dvc channel:direct→ndxp,status:planned→live task:hop-nhat',
      '2028-12-31 change system:tthc hosting:[object Object]→[object Object] -',
      '2028-12-31 end system:mot-cua-cu  -',
    ]);
    expect(all.find((t) => t.kind === 'end')?.replacedBy).toBe('system:tthc');
    expect(all[3]?.location).toEqual({ file: 'architecture/systems.yaml', range: expect.objectContaining({ start: { line: 15, col: 5 } }) });
    const between = transitionsBetween(r.model, parseState('current'), parseState('target:2030'));
    expect(between.map((t) => `${t.kind} ${t.entity}`)).toEqual(all.slice(1).map((t) => `${t.kind} ${t.entity}`));
    expect(transitionsBetween(r.model, '2027-06-30', '2027-12-31').map((t) => t.entity)).toEqual(['system:mot-cua-cu']);
  });
});

describe('time validation', () => {
  it('reports order at file:line:col, and set fields with their own schema', async () => {
    const order = `apiVersion: kientruc/v1
kind: System
id: a
name: A
layer: L3
component: sectoral-app
status: operating
owner: agency:tinh-thu
since: 2020
until: 2019-06-30
transitions:
  - at: 2018
    set: { status: retiring }
  - at: 2031
    set: { status: retired }
`;
    const fields = `apiVersion: kientruc/v1
kind: System
id: b
name: B
layer: L3
component: sectoral-app
status: operating
owner: agency:tinh-thu
transitions:
  - at: 2031-12-31
    set: { status: planned, nonsense: 1 }
  - at: 2031
    task: task:khong-co
    set: { layer: L9 }
  - at: 2031-02-30
    set: {}
`;
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/a.yaml': order, 'architecture/b.yaml': fields }, { rules: false });
    expect(r.structuralErrors).toBe(true);
    expect(r.diagnostics.map((d) => `${d.file.slice(13)}:${d.range.start.line}:${d.range.start.col} ${d.code}`)).toEqual([
      'a.yaml:10:8 model.time-order',
      'a.yaml:12:9 model.time-order',
      'a.yaml:14:9 model.time-order',
      'b.yaml:11:29 schema.unknown-field',
      'b.yaml:13:11 model.unresolved-ref',
      'b.yaml:14:19 schema.enum',
      'b.yaml:15:9 schema.format',
      'b.yaml:16:10 schema.empty',
    ]);
  });

  it('conflicting transitions on one day, and at before since', async () => {
    const sys = `apiVersion: kientruc/v1
kind: System
id: a
name: A
layer: L3
component: sectoral-app
status: operating
owner: agency:tinh-thu
since: 2020-06-01
transitions:
  - at: 2020-01-01
    set: { status: retiring }
  - at: 2027
    set: { status: retiring }
  - at: 2027-12-31
    set: { status: retired }
`;
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/a.yaml': sys }, { rules: false });
    expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.col} ${d.code} ${d.message.en}`)).toEqual([
      '11:9 model.time-order Transition 1 of System "a" takes effect (2020-01-01) before the entity exists (since: 2020-06-01).',
      '16:20 model.transition-conflict Transitions 2 and 3 of System "a" both set "status" on 2027-12-31.',
    ]);
  });
});

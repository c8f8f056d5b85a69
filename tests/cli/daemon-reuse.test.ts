/**
 * What the daemon keeps from one request to the next instead of making it again (docs/speed.md,
 * "Daemon re-check, fifth pass"): the model's maps forked, not copied (`VersionedMap`: the last model
 * still reads them as they were), the documents and validation of unchanged files, the printed block
 * and the sort of a file whose findings are new objects that print and compare the same. Each must
 * give what making it again gives.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/cli/lsp/workspace.js';
import { sortDiagnostics, type Diagnostic } from '../../src/core/diagnostic.js';
import { text } from '../../src/core/text.js';
import { FindingTextMemo, type FormatContext } from '../../src/diagnostics/format/context.js';
import { formatStylish, stylishBytes } from '../../src/diagnostics/format/stylish.js';
import { DiagnosticOrder } from '../../src/diagnostics/order.js';
import { ENTITY_KINDS } from '../../src/core/ref.js';
import type { Model } from '../../src/model/model.js';
import { VersionedMap } from '../../src/model/model.js';
import { runPipeline } from '../../src/pipeline.js';
import { REPO, yamlFiles } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

/** A map's content, order aside. */
const content = (m: ReadonlyMap<string, number>): [string, number][] => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

describe('what the daemon keeps between requests', () => {
  it('a VersionedMap answers, version by version, as a copy of the map taken when it was forked', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), value: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
      fc.record({ kind: fc.constant('fork' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let map = new VersionedMap(new Map([['a', 1]]));
        const versions: { map: VersionedMap<string, number>; copy: Map<string, number> }[] = [];
        const mirror = new Map([['a', 1]]);
        for (const o of ops) {
          if (o.kind === 'fork') {
            versions.push({ map, copy: new Map(mirror) });
            map = map.fork();
          } else if (o.kind === 'set') {
            map.set(o.key, o.value);
            mirror.set(o.key, o.value);
          } else expect(map.delete(o.key)).toBe(mirror.delete(o.key));
        }
        versions.push({ map, copy: mirror });
        for (const v of versions) {
          expect(v.map.size).toBe(v.copy.size);
          expect(content(v.map)).toEqual(content(v.copy));
          for (const k of ['a', 'b', 'c', 'd', 'e']) {
            expect(v.map.get(k)).toBe(v.copy.get(k));
            expect(v.map.has(k)).toBe(v.copy.has(k));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('prints and sorts new objects that say the same as the last run’s exactly as the cold path, and a changed field anew', () => {
    const files = ['architecture/a.yaml', 'architecture/b.yaml'];
    const ctx: FormatContext = { codes: [], toolVersion: '0.0.0-test', color: false, lang: 'en', files };
    const base = (i: number): Diagnostic => ({
      code: i % 2 ? 'x.one' : 'x.two',
      severity: 'warning',
      message: text(`Thiếu ${i % 3}`, `Missing ${i % 3}`),
      file: files[i % 2] as string,
      range: { start: { line: 1 + (i % 4), col: 1 }, end: { line: 1 + (i % 4), col: 2 } },
      path: [],
      ...(i % 5 === 0 ? { fix: text('Sửa', 'Fix') } : {}),
    });
    // Each finding made again as an equal object, or with one printed or compared field changed.
    const change = fc.constantFrom('clone', 'clone', 'line', 'fix', 'message-en', 'message-vi', 'severity', 'waived', 'entity');
    const remake = (d: Diagnostic, how: string): Diagnostic => {
      switch (how) {
        case 'line':
          return { ...d, range: { start: { line: d.range.start.line + 1, col: 1 }, end: d.range.end } };
        case 'fix':
          return { ...d, fix: text('Sửa khác', 'Fix otherwise') };
        case 'message-en':
          return { ...d, message: text(d.message.vi, `${d.message.en}!`) };
        case 'message-vi':
          return { ...d, message: text(`${d.message.vi}!`, d.message.en) };
        case 'severity':
          return { ...d, severity: d.severity === 'warning' ? 'error' : 'warning' };
        case 'waived':
          return { ...d, waived: { reason: 'r', approvedBy: 'a', expires: '2026-12-31' } };
        case 'entity':
          return { ...d, entity: 'system:z' };
        default:
          return { ...d, message: text(d.message.vi, d.message.en) };
      }
    };
    fc.assert(
      fc.property(fc.array(fc.array(change, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.integer(), (steps, seed) => {
        const order = new DiagnosticOrder();
        const memo = new FindingTextMemo().for('stylish en plain');
        let list = Array.from({ length: 12 }, (_, i) => base((i * 7 + seed) & 15));
        const check = (): void => {
          const sorted = order.sort(list);
          const want = sortDiagnostics(list);
          expect(sorted.every((d, i) => d === want[i])).toBe(true);
          expect(Buffer.concat([...stylishBytes(sorted, ctx, memo)]).toString('utf8')).toBe(formatStylish(sorted, ctx));
        };
        check();
        for (const step of steps) {
          list = list.map((d, i) => remake(d, step[i] as string));
          check();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('after edits, the last model still reads as it was, and the new one as a model made from nothing', async () => {
    const dir = makeTempDir('daemon-reuse-');
    cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
    const opts = { cwd: dir, root: 'architecture', today: '2026-12-04', asOf: '2026-06-30', rules: true } as const;
    const ws = new Workspace(opts);
    const file = yamlFiles(join(dir, 'architecture')).find((f) => /\nstatus: (operating|planned)\n/.test(readFileSync(f, 'utf8'))) as string;
    const snapshot = (m: Model) => {
      const refs = [...m.declaredEntities().keys()].sort();
      return JSON.stringify({
        refs,
        entities: refs.map((r) => m.declaredEntities().get(r)),
        size: m.declaredEntities().size,
        got: refs.map((r) => [m.declares(r), m.isValid(r), m.referrers(r), m.referencesFrom(r)]),
        all: ENTITY_KINDS.map((k) => m.all(k).map((e) => e.ref)),
        references: m.references,
      });
    };
    let last = await ws.analyze();
    for (let i = 0; i < 3; i++) {
      const before = last.model.asWritten();
      const was = snapshot(before);
      const t = readFileSync(file, 'utf8');
      writeFileSync(file, t.includes('status: operating') ? t.replace('status: operating', 'status: planned') : t.replace('status: planned', 'status: operating'));
      const next = await ws.analyze();
      // The model this one was patched from answers as before the edit.
      expect(snapshot(before) === was, 'the last model reads otherwise after the patch').toBe(true);
      last = next;
    }
    const cold = await runPipeline({ ...opts, root: join(dir, 'architecture'), parallel: 'off' });
    expect(snapshot(last.model.asWritten()) === snapshot(cold.model.asWritten()), 'the patched model differs from a cold one').toBe(true);
    expect(JSON.stringify(last.diagnostics)).toBe(JSON.stringify(cold.diagnostics));
    // From the second edit on, the model's maps are forked from the last model's.
    expect(last.model.asWritten().declaredEntities()).toBeInstanceOf(VersionedMap);
  });
});

/**
 * The daemon writes what it printed before as the same bytes (docs/daemon.md, docs/speed.md "fourth
 * pass"): `stylishBytes` keeps each file's block of findings encoded while its findings are the same
 * objects in the same order; `DiagnosticOrder` sorts a run's findings file by file, each file's group
 * taken sorted from the last run while it is the same; the
 * output goes out in frames of kept bytes (`frameBatcher`) that the client cuts again (`FrameReader`).
 * Each must give exactly what the cold path gives: the encoded text of `formatStylish`, the list of
 * `sortDiagnostics`, the bytes written — for random runs in a row (findings kept, dropped, new, moved
 * between files, equal ones in another order), and through `main` with the daemon's engine in every
 * format, language and colour, to stdout and to `--output`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frame, FrameReader } from '../../src/cli/daemon/protocol.js';
import { racyEntries } from '../../src/cli/daemon/scan.js';
import { frameBatcher } from '../../src/cli/daemon/server.js';
import { emit } from '../../src/cli/output.js';
import type { App } from '../../src/cli/app.js';
import { sortDiagnostics, type Diagnostic } from '../../src/core/diagnostic.js';
import { text } from '../../src/core/text.js';
import { FindingTextMemo, type FormatContext } from '../../src/diagnostics/format/context.js';
import { formatStylish, stylishBytes } from '../../src/diagnostics/format/stylish.js';
import { DiagnosticOrder } from '../../src/diagnostics/order.js';
import { sampleEngine } from '../helpers/daemon-engine.js';

const FILES = ['architecture/a.yaml', 'architecture/b.yaml', 'architecture/c d.yaml', 'architecture/đ.yaml'];
const words = fc.constantFrom('Hệ thống', 'dữ liệu', 'a\nb', 'esc\u001b[31m', '“ngoặc”', '', '🚧', 'x');
const sentence = fc.array(words, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const diagnostic: fc.Arbitrary<Diagnostic> = fc
  .record({
    code: fc.constantFrom('system.security-level', 'data.classification'),
    severity: fc.constantFrom('error', 'warning', 'info'),
    vi: fc.constantFrom('Thiếu', 'Sai'),
    en: sentence,
    file: fc.constantFrom(...FILES),
    line: fc.integer({ min: 1, max: 6 }),
    fix: fc.option(sentence, { nil: undefined }),
    waived: fc.option(fc.record({ reason: sentence, approvedBy: sentence, expires: fc.constant('2026-12-31') }), { nil: undefined }),
  })
  // Few lines, two Vietnamese messages, no entity: findings that compare equal but print differently are common.
  .map((r) => ({
    code: r.code,
    severity: r.severity,
    message: text(r.vi, r.en),
    file: r.file,
    range: { start: { line: r.line, col: 1 }, end: { line: r.line, col: 2 } },
    path: [],
    ...(r.fix !== undefined ? { fix: text(r.fix, r.fix) } : {}),
    ...(r.waived !== undefined ? { waived: r.waived } : {}),
  }));

/** One run after another: a random share of the last run's findings kept (the same objects), some new, shuffled. */
const runs: fc.Arbitrary<Runs> = fc.record({
  first: fc.array(diagnostic, { maxLength: 120 }),
  steps: fc.array(fc.record({ keep: fc.array(fc.boolean(), { maxLength: 200 }), added: fc.array(diagnostic, { maxLength: 12 }), seed: fc.integer(), sorted: fc.boolean() }), { minLength: 1, maxLength: 5 }),
});

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed | 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    const j = (s >>> 8) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface Runs {
  readonly first: Diagnostic[];
  readonly steps: readonly { readonly keep: boolean[]; readonly added: Diagnostic[]; readonly seed: number; readonly sorted: boolean }[];
}

function* sequence(r: Runs): Generator<{ list: Diagnostic[]; sorted: boolean }> {
  let list = r.first;
  yield { list, sorted: true };
  for (const step of r.steps) {
    list = shuffled([...list.filter((_: Diagnostic, i: number) => step.keep[i] ?? true), ...step.added], step.seed);
    yield { list, sorted: step.sorted };
  }
}

const ctxOf = (lang: 'vi' | 'en', color: boolean): FormatContext => ({ codes: [], toolVersion: '0.0.0-test', color, lang, files: FILES });

describe('the daemon’s kept output', () => {
  it('sorts a run’s findings, file groups kept from the last run, into exactly the list sortDiagnostics gives, equal findings in the list’s order', () => {
    fc.assert(
      fc.property(runs, (r) => {
        const order = new DiagnosticOrder();
        for (const { list } of sequence(r)) {
          const got = order.sort(list);
          const want = sortDiagnostics(list);
          expect(got.length).toBe(want.length);
          // The same objects at the same places (findings that compare equal may print differently).
          expect(got.every((d, i) => d === want[i])).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes the bytes of formatStylish, run after run, on one memo switched between languages and colours', () => {
    fc.assert(
      fc.property(runs, fc.array(fc.tuple(fc.constantFrom<'vi' | 'en'>('vi', 'en'), fc.boolean()), { minLength: 6, maxLength: 6 }), (r, options) => {
        const memo = new FindingTextMemo();
        let i = 0;
        for (const { list, sorted } of sequence(r)) {
          const [lang, color] = options[i++ % options.length] as ['vi' | 'en', boolean];
          // Unsorted lists too: a file whose findings are not together is printed as several blocks.
          const shown = sorted ? sortDiagnostics(list) : list;
          const cold = Buffer.from(formatStylish(shown, ctxOf(lang, color)), 'utf8');
          const warm = Buffer.concat([...stylishBytes(shown, ctxOf(lang, color), memo.for(`stylish ${lang} ${color ? 'color' : 'plain'}`))]);
          expect(warm.toString('utf8')).toBe(cold.toString('utf8'));
          expect(warm.equals(cold)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes a kept block again as the same Buffer, with no text made, while its findings are the same objects (as the same bytes while they print the same)', () => {
    const d = (file: string, line: number): Diagnostic => ({ code: 'x.y', severity: 'warning', message: text('Thiếu', 'Missing'), file, range: { start: { line, col: 1 }, end: { line, col: 2 } }, path: [] });
    const a1 = d('a.yaml', 1);
    const a2 = d('a.yaml', 2);
    const b1 = d('b.yaml', 1);
    const memo = new FindingTextMemo().for('stylish en plain');
    const first = [...stylishBytes([a1, a2, b1], ctxOf('en', false), memo)];
    const second = [...stylishBytes([a1, a2, b1], ctxOf('en', false), memo)];
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    // b.yaml's finding made again (a new object) that prints the same: its kept bytes again (a new view
    // of the same memory, not printed nor encoded again), a.yaml's block kept as it was.
    const third = [...stylishBytes([a1, a2, d('b.yaml', 1)], ctxOf('en', false), memo)];
    expect(third[0]).toBe(first[0]);
    expect(third[1]).not.toBe(first[1]);
    const sameMemory = (x: Uint8Array | undefined, y: Uint8Array | undefined): boolean => x !== undefined && y !== undefined && x.buffer === y.buffer && x.byteOffset === y.byteOffset;
    expect(sameMemory(third[1], first[1])).toBe(true);
    expect(Buffer.concat(third).equals(Buffer.concat(first))).toBe(true);
    // One that prints otherwise (another line) is printed again: new bytes, the cold path's.
    const fourth = [...stylishBytes([a1, a2, d('b.yaml', 3)], ctxOf('en', false), memo)];
    expect(fourth[0]).toBe(first[0]);
    expect(sameMemory(fourth[1], first[1])).toBe(false);
    expect(Buffer.concat(fourth).toString('utf8')).toBe(formatStylish([a1, a2, d('b.yaml', 3)], ctxOf('en', false)));
  });

  it('gathers stdout and stderr into frames that the client cuts back into the same bytes, in the same order, however the socket splits them', () => {
    // Just over the daemon's 1 MiB batch (server.ts BATCH): such a write is sent at once, with what its
    // stream held before it (checked below), as a frame the socket cuts into many chunks. Larger would
    // add nothing but bytes: the runs that cut the stream into 1–9-byte chunks cost by the byte.
    const big = 'Hệ thống 🚧\n'.repeat(58_300);
    let sentAtOnce = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0x6f, 0x65), fc.oneof(fc.string({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 }), fc.constant(big))), { maxLength: 8 }),
        // The socket's chunks: of a few bytes (a header cut in two) up to more than a frame.
        fc.array(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1000, max: 1_200_000 })), { minLength: 1, maxLength: 8 }),
        (writes, cuts) => {
          const sent: Buffer[] = [];
          let corked = 0;
          let frames = 0;
          let socketBytes = 0;
          const socket = {
            destroyed: false,
            cork: () => void (corked++, frames++),
            uncork: () => void corked--,
            write: (c: string | Uint8Array, enc?: BufferEncoding) => {
              const b = typeof c === 'string' ? Buffer.from(c, enc) : Buffer.from(c);
              sent.push(b);
              socketBytes += b.length;
              return true;
            },
          };
          const out = frameBatcher(socket as unknown as Parameters<typeof frameBatcher>[0]);
          let written = 0;
          for (const [type, chunk] of writes) {
            out.write(type, chunk);
            const n = typeof chunk === 'string' ? Buffer.byteLength(chunk, 'utf8') : chunk.length;
            written += n;
            // A megabyte written: everything written so far is on the socket (headers of 5 bytes aside).
            if (n >= 1 << 20) {
              expect(socketBytes - 5 * frames).toBe(written);
              sentAtOnce++;
            }
          }
          out.flush();
          expect(corked).toBe(0);
          const stream = Buffer.concat([...sent, frame(0x78, '0')]);
          const reader = new FrameReader();
          const got: { type: number; payload: Buffer }[] = [];
          for (let at = 0, k = 0; at < stream.length; k++) {
            const n = cuts[k % cuts.length] as number;
            got.push(...reader.push(stream.subarray(at, at + n)));
            at += n;
          }
          expect(got.at(-1)?.type).toBe(0x78);
          const bytesOf = (type: number, list: { type: number; payload: Buffer | string | Uint8Array }[]) =>
            Buffer.concat(list.filter((f) => f.type === type).map((f) => (typeof f.payload === 'string' ? Buffer.from(f.payload, 'utf8') : Buffer.from(f.payload))));
          const writtenFrames = writes.map(([type, payload]) => ({ type, payload }));
          for (const type of [0x6f, 0x65]) expect(bytesOf(type, got).equals(bytesOf(type, writtenFrames))).toBe(true);
          // The order of the streams as written: a frame holds one stream's consecutive writes.
          const runsOf = (types: number[]) => types.filter((t, i) => i === 0 || types[i - 1] !== t);
          const nonEmpty = writes.filter(([, c]) => c.length > 0).map(([t]) => t);
          expect(runsOf(got.slice(0, -1).map((f) => f.type))).toEqual(runsOf(nonEmpty));
        },
      ),
      { numRuns: 60 },
    );
    // The batch's size limit was reached, not only the end of the writes or a change of stream.
    expect(sentAtOnce).toBeGreaterThan(10);
  });

  it('through main with the daemon’s engine, prints what the CLI prints without it, in every format, language and colour, to stdout and to --output', async () => {
    const { dir, file, check } = sampleEngine('daemon-output-bytes-', new Date('2026-06-30T08:00:00Z'));
    const run = async (argv: string[], color: boolean, daemon: boolean): Promise<Buffer> => {
      const { code, stdout } = await check(argv, color, daemon);
      const o = argv.indexOf('-o');
      const written = o >= 0 ? readFileSync(join(dir, argv[o + 1] as string)) : Buffer.alloc(0);
      return Buffer.concat([Buffer.from(`${code}\n`), stdout, Buffer.from('\n--output--\n'), written]);
    };
    const original = readFileSync(file, 'utf8');
    const cases: [string[], boolean][] = [
      [['--lang', 'vi'], false],
      [['--lang', 'en'], true],
      [['--lang', 'vi', '-o', 'out.txt'], false],
      [['--lang', 'en', '-f', 'json'], false],
      [['--lang', 'vi'], true],
      [['--lang', 'en', '-f', 'sarif'], false],
      [['--lang', 'vi', '-f', 'junit'], false],
      [['--lang', 'en', '-f', 'github'], false],
      [['--lang', 'en'], false],
      [['--lang', 'en', '-o', 'out.txt'], true],
      [['--lang', 'vi', '--quiet'], false],
      [['--lang', 'vi'], false],
    ];
    let lines = 0;
    for (const [i, [argv, color]] of cases.entries()) {
      // An edit before every other request: a broken reference comes and goes.
      writeFileSync(file, i % 2 === 0 ? original : original.replace(/(owner: org:[a-z-]*)[a-p]\n/, '$1q\n'));
      const warm = await run(argv, color, true);
      const cold = await run(argv, color, false);
      expect(warm.toString('utf8')).toBe(cold.toString('utf8'));
      expect(warm.equals(cold)).toBe(true);
      lines += cold.toString('utf8').split('\n').length;
    }
    expect(lines).toBeGreaterThan(200);
  }, 180_000);

  it('tells the racy entries of a scan as comparing the times in nanoseconds as numbers does', () => {
    const now = 1_780_000_000_000;
    const ns = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.bigInt({ min: BigInt(now - 4000) * 1_000_000n, max: BigInt(now) * 1_000_000n }));
    const stat = fc.tuple(ns, ns).map(([m, c]) => `${m}:${c}:120:77:33188`);
    fc.assert(
      fc.property(fc.array(fc.tuple(stat, fc.option(fc.oneof(stat, fc.constant('broken')), { nil: undefined })), { maxLength: 20 }), (entries) => {
        const scan = new Map(entries.map(([a, b], i) => [`/f${i}`, b === undefined ? a : `${a}>${b}`]));
        const limit = BigInt(now - 2000) * 1_000_000n;
        const want = [...scan].filter(([, key]) => key.split('>').some((p) => p !== 'broken' && (BigInt(p.split(':')[0] as string) >= limit || BigInt(p.split(':')[1] as string) >= limit))).map(([abs]) => abs);
        expect([...racyEntries(scan, now)].sort()).toEqual(want.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('writes text as it is made and bytes in place, the same bytes as the text joined', async () => {
    const written: (string | Uint8Array)[] = [];
    const app = { io: { stdout: { write: (c: string | Uint8Array) => (written.push(c), true) }, cwd: '/' }, log: { debug: () => undefined } } as unknown as App;
    const seen: number[] = [];
    const kept = Buffer.from('giữ nguyên\n', 'utf8');
    function* pieces(withBytes: boolean): Generator<string | Uint8Array> {
      for (let i = 0; i < 6; i++) {
        seen.push(written.length);
        yield `${'Hệ thống '.repeat(10_000)}\n`;
        if (withBytes && i === 3) yield kept;
      }
    }
    // A national model's findings are never held whole: pieces of about 64k characters are written as they come.
    await emit(app, pieces(false), undefined);
    expect(seen.at(-1)).toBeGreaterThan(2);
    written.length = 0;
    await emit(app, pieces(true), undefined);
    expect(written).toContain(kept);
    const text = written.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
    expect(text).toBe([...Array(6).keys()].map((i) => `${'Hệ thống '.repeat(10_000)}\n${i === 3 ? 'giữ nguyên\n' : ''}`).join(''));
  });
});

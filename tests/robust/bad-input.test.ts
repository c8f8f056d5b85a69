/**
 * The bad-input corpus: every case in tests/fixtures/bad/<case>/ (plus what `setup` generates at run
 * time: huge, deep or special files that must not be committed). Each asserts the exact diagnostics
 * (code, file:line:col, message), the exit code, that no stack trace reaches the user, and a bound on
 * the CPU time. The cases whose danger is the resources they take (alias bombs, deep nesting, huge or
 * long input, a FIFO that could block a read, a `__proto__` key that could pollute the process) go
 * through the BUILT bin, one process each with a small heap; the others (a few lines of YAML each)
 * run `main()` in this process, the code the bin runs, with the same argv, folder and streams.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { BIN, REPO, runCli } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

interface BadCase {
  /** Folder under tests/fixtures/bad/. */
  readonly name: string;
  /** Adds generated files to the copied project (`dir` holds `architecture/`). */
  readonly setup?: (dir: string) => void;
  /** Arguments after the bin; default: validate the architecture folder as JSON. */
  readonly argv?: readonly string[];
  readonly exit: 0 | 1 | 2;
  /** `code file:line:col message` (Vietnamese), in output order. Empty for a clean run. */
  readonly expect: readonly string[];
  /** For exit 2: the one line the user sees on stderr. */
  readonly stderr?: RegExp;
  /** Bound on the bin's CPU time (user + system, all threads) in ms: the work, not the machine's load. */
  readonly maxMs?: number;
  /** Skip when the platform cannot build the case (e.g. no mkfifo). */
  readonly skip?: boolean;
}

const FIXTURES = join(REPO, 'tests', 'fixtures', 'bad');
const HEAP_MB = 160;
const DEFAULT_MS = 20_000;

const SYS = `apiVersion: kientruc/v1
kind: System
id: cong-dvc
name: Cổng dịch vụ công tỉnh
layer: L4
component: public-service-portal
status: operating
owner: agency:tinh-thu
`;

const NESTED = 'Đối tượng hoặc danh sách lồng nhau phải bắt đầu ở dòng mới, thụt lề sâu hơn khóa.';

function write(dir: string, rel: string, contents: string | Uint8Array): void {
  const target = join(dir, rel);
  mkdirSync(join(target, '..'), { recursive: true });
  writeFileSync(target, contents);
}

/** Writes `total` bytes by repeating `chunk`, without holding the whole file in memory. */
function writeRepeated(path: string, head: string, chunk: string, total: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const buf = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))));
    for (let written = head.length; written < total; written += buf.length) writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

export const CASES: readonly BadCase[] = [
  { name: 'yaml-syntax', exit: 1, expect: ['yaml.syntax architecture/systems/bad.yaml:5:1 Khóa kéo dài nhiều dòng hoặc thiếu dấu ":" sau khóa.'] },
  { name: 'tab-indent', exit: 1, expect: ['yaml.tab-indent architecture/systems/tab.yaml:6:1 Dùng ký tự Tab để thụt lề; YAML chỉ cho phép dấu cách.'] },
  { name: 'unclosed-quote', exit: 1, expect: ['yaml.unclosed architecture/systems/quote.yaml:4:7 Dấu nháy hoặc dấu ngoặc mở ở đây chưa được đóng.'] },
  { name: 'unclosed-bracket', exit: 1, expect: ['yaml.unclosed architecture/systems/bracket.yaml:9:14 Dấu nháy hoặc dấu ngoặc mở ở đây chưa được đóng.'] },
  { name: 'duplicate-key', exit: 1, expect: ['yaml.duplicate-key architecture/systems/dup.yaml:9:1 Khóa "status" xuất hiện hai lần trong cùng một đối tượng.'] },
  { name: 'long-key', exit: 1, expect: ['yaml.syntax architecture/systems/key.yaml:9:1 Khóa dài quá 1024 ký tự, hoặc thiếu dấu ":" sau khóa.'], setup: (dir) => write(dir, 'architecture/systems/key.yaml', `${SYS}${'k'.repeat(2000)}: 1\n`) },
  { name: 'complex-key', exit: 1, expect: ['yaml.complex-key architecture/systems/key.yaml:9:1 Khóa phải là một chuỗi văn bản; khóa dạng danh sách, đối tượng hoặc bí danh không được hỗ trợ.'] },
  {
    name: 'merge-key',
    exit: 1,
    expect: ['yaml.merge-key architecture/systems/merge.yaml:2:1 Khóa gộp "<<" (YAML 1.1) không được hỗ trợ: kientruc đọc YAML 1.2, nên các trường trong "<<" không được gộp vào tài liệu.'],
  },
  { name: 'proto-key', exit: 1, expect: ['schema.unknown-field architecture/systems/proto.yaml:9:1 Trường "__proto__" không có trong lược đồ của Hệ thống "cong-dvc".'] },
  { name: 'unknown-tag', exit: 1, expect: ['yaml.unknown-tag architecture/systems/tag.yaml:9:17 Thẻ YAML "!!binary" không được hỗ trợ.'] },
  {
    name: 'garbage',
    exit: 1,
    // 20 listed (one per line, `k10:` shifts the column), then one summary for the other 180.
    expect: [
      ...Array.from({ length: 20 }, (_, i) => `yaml.syntax architecture/noise.yaml:${i + 1}:${i < 10 ? 5 : 6} ${NESTED}`),
      'yaml.too-many-errors architecture/noise.yaml:21:6 Tệp còn 180 lỗi YAML khác từ vị trí này (không liệt kê); sửa các lỗi trên rồi chạy lại.',
    ],
    setup: (dir) => write(dir, 'architecture/noise.yaml', Array.from({ length: 200 }, (_, i) => `k${i}: a: b\n`).join('')),
  },
  { name: 'alias-bomb', exit: 1, expect: ['yaml.alias-limit architecture/bomb.yaml:1:1 Tài liệu dùng bí danh (alias *…) sao chép quá nhiều dữ liệu (giới hạn 200 lần, 20000 phần tử); có thể là tấn công "billion laughs".'] },
  {
    name: 'alias-wide',
    exit: 1,
    expect: ['yaml.alias-limit architecture/systems/wide.yaml:1:1 Tài liệu dùng bí danh (alias *…) sao chép quá nhiều dữ liệu (giới hạn 200 lần, 20000 phần tử); có thể là tấn công "billion laughs".'],
    setup: (dir) =>
      write(dir, 'architecture/systems/wide.yaml', `${SYS}tags: &t [${Array.from({ length: 10_000 }, (_, i) => `t${i}`).join(', ')}]\nnotes:\n  - *t\n  - *t\n  - *t\n`),
  },
  { name: 'alias-unknown', exit: 1, expect: ['yaml.unknown-alias architecture/systems/alias.yaml:9:11 Bí danh "*chu-quan" không trỏ tới neo "&chu-quan" nào đứng trước nó.'] },
  { name: 'alias-cycle', exit: 1, expect: ['yaml.alias-cycle architecture/systems/cycle.yaml:9:14 Bí danh "*t" nằm bên trong chính neo "&t" mà nó trỏ tới (vòng lặp vô hạn).'] },
  {
    name: 'deep-flow-5000',
    exit: 1,
    expect: ['yaml.too-deep architecture/systems/deep.yaml:9:70 Dữ liệu lồng nhau quá 64 cấp; kientruc không đọc tài liệu này.'],
    setup: (dir) => write(dir, 'architecture/systems/deep.yaml', `${SYS}tags: ${'['.repeat(5000)}${']'.repeat(5000)}\n`),
  },
  {
    name: 'deep-flow-100000',
    exit: 1,
    expect: ['yaml.too-deep architecture/systems/deep.yaml:9:166 Dữ liệu lồng nhau quá 64 cấp; kientruc không đọc tài liệu này.'],
    setup: (dir) => write(dir, 'architecture/systems/deep.yaml', `${SYS}tags: ${'{a: ['.repeat(50_000)}x${']}'.repeat(50_000)}\n`),
  },
  {
    name: 'deep-block',
    exit: 1,
    expect: ['yaml.too-deep architecture/systems/deep.yaml:73:65 Dữ liệu lồng nhau quá 64 cấp; kientruc không đọc tài liệu này.'],
    setup: (dir) => write(dir, 'architecture/systems/deep.yaml', `${SYS}security:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('')}${' '.repeat(3001)}x\n`),
  },
  { name: 'deep-compact', exit: 1, expect: ['yaml.too-deep architecture/systems/deep.yaml:1:129 Dữ liệu lồng nhau quá 64 cấp; kientruc không đọc tài liệu này.'], setup: (dir) => write(dir, 'architecture/systems/deep.yaml', `${'- '.repeat(100_000)}x\n`) },
  {
    name: 'huge-file',
    exit: 1,
    expect: ['load.file-too-large architecture/huge.yaml:1:1 Tệp lớn hơn 8 MB; kientruc không đọc tệp này.'],
    maxMs: 15_000,
    setup: (dir) => writeRepeated(join(dir, 'architecture', 'huge.yaml'), '', `${SYS}---\n`, 50 * 1024 * 1024),
  },
  { name: 'invalid-utf8', exit: 1, expect: ['load.invalid-utf8 architecture/systems.yaml:4:8 Tệp không phải UTF-8 hợp lệ (có thể lưu bằng bảng mã TCVN3/VNI hoặc Windows-1258).'] },
  { name: 'binary', exit: 1, expect: ['load.binary architecture/logo.yaml:3:1 Tệp chứa byte NUL: không phải tệp văn bản YAML (ảnh, tệp nén, hoặc văn bản lưu bằng UTF-16).'] },
  { name: 'bom-crlf', exit: 0, expect: [] },
  { name: 'trailing-separator', exit: 0, expect: [] },
  { name: 'empty-file', exit: 1, expect: ['yaml.empty-file architecture/systems/empty.yaml:1:1 Tệp không có tài liệu YAML nào (rỗng hoặc chỉ có chú thích).'] },
  { name: 'comment-only', exit: 1, expect: ['yaml.empty-file architecture/systems/notes.yaml:1:1 Tệp không có tài liệu YAML nào (rỗng hoặc chỉ có chú thích).'] },
  { name: 'only-separators', exit: 1, expect: ['yaml.empty-file architecture/systems/dashes.yaml:1:1 Tệp không có tài liệu YAML nào (rỗng hoặc chỉ có chú thích).'] },
  { name: 'not-a-mapping', exit: 1, expect: ['schema.not-a-mapping architecture/systems/list.yaml:1:1 Tài liệu phải là một đối tượng (các cặp khóa: giá trị) bắt đầu bằng apiVersion, kind, id.'] },
  { name: 'unknown-kind', exit: 1, expect: ['schema.unknown-kind architecture/systems/kind.yaml:2:7 Loại thực thể "Sytem" không tồn tại — ý bạn là "System"?'] },
  { name: 'unknown-api-version', exit: 1, expect: ['schema.unknown-api-version architecture/systems/api.yaml:1:13 apiVersion "kientruc/v2" không được hỗ trợ; phiên bản hiện tại là "kientruc/v1".'] },
  { name: 'id-path-traversal', exit: 1, expect: ['schema.id-format architecture/systems/traversal.yaml:3:5 Mã định danh "../../etc/passwd" của Hệ thống "../../etc/passwd" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu "-".'] },
  { name: 'id-shell-markup', exit: 1, expect: ['schema.id-format architecture/systems/markup.yaml:3:5 Mã định danh "$(rm -rf ~); <script>alert(1)</script>" của Hệ thống "$(rm -rf ~); <script>alert(1)</script>" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu "-".'] },
  { name: 'ref-traversal', exit: 1, expect: ['schema.ref-format architecture/systems/ref.yaml:8:8 "org:../../secret" không phải tham chiếu hợp lệ cho "owner" (Chủ quản hệ thống) của Hệ thống "cong-dvc" — ý bạn là "org:secret"?'] },
  { name: 'reference-cycle', exit: 1, expect: ['model.reference-cycle architecture/organizations/orgs.yaml:6:9 Tham chiếu vòng qua "parent": org:so-a → org:so-b → org:so-a.'] },
  { name: 'self-reference', exit: 1, expect: ['model.reference-cycle architecture/systems/self.yaml:9:13 Tham chiếu vòng qua "replacedBy": system:cong-dvc → system:cong-dvc.'] },
  {
    name: 'long-strings',
    exit: 1,
    expect: ['schema.too-long architecture/systems/long.yaml:4:7 "name" (Tên) của Hệ thống "cong-dvc" dài quá 500 ký tự.', 'schema.too-long architecture/systems/long.yaml:12:5 "id" (Mã định danh) của Hệ thống "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" dài quá 80 ký tự.', 'schema.enum architecture/systems/long.yaml:14:8 Giá trị "L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L4L…" không hợp lệ cho "layer" (Lớp kiến trúc (QĐ 3090)) của Hệ thống "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…".'],
    setup: (dir) =>
      write(
        dir,
        'architecture/systems/long.yaml',
        `${SYS.replace('name: Cổng dịch vụ công tỉnh', `name: ${'Cổng '.repeat(200_000)}`)}---\n${SYS.replace('id: cong-dvc', `id: ${'x'.repeat(1 << 20)}`).replace('L4', `"${'L4'.repeat(1000)}"`)}`,
      ),
  },
  {
    name: 'symlink-outside',
    exit: 1,
    expect: ['load.symlink-outside architecture/leak.yaml:1:1 Liên kết tượng trưng trỏ ra ngoài thư mục kiến trúc; không được đọc.'],
    setup: (dir) => {
      write(dir, 'secret.yaml', 'password: hunter2\n');
      symlinkSync(join(dir, 'secret.yaml'), join(dir, 'architecture', 'leak.yaml'));
    },
  },
  {
    name: 'symlink-dir-outside',
    exit: 1,
    expect: ['load.symlink-outside architecture/shared:1:1 Liên kết tượng trưng trỏ ra ngoài thư mục kiến trúc; không được đọc.'],
    setup: (dir) => {
      write(dir, 'elsewhere/x.yaml', 'password: hunter2\n');
      symlinkSync(join(dir, 'elsewhere'), join(dir, 'architecture', 'shared'));
    },
  },
  {
    name: 'symlink-broken',
    exit: 1,
    expect: ['load.symlink-broken architecture/dangling.yaml:1:1 Liên kết tượng trưng hỏng (đích không tồn tại hoặc lặp vòng); không được đọc.', 'load.symlink-broken architecture/loop.yaml:1:1 Liên kết tượng trưng hỏng (đích không tồn tại hoặc lặp vòng); không được đọc.'],
    setup: (dir) => {
      symlinkSync(join(dir, 'architecture', 'missing.yaml'), join(dir, 'architecture', 'dangling.yaml'));
      symlinkSync(join(dir, 'architecture', 'loop.yaml'), join(dir, 'architecture', 'loop.yaml'));
    },
  },
  {
    name: 'fifo',
    exit: 1,
    expect: ['load.not-a-file architecture/pipe.yaml:1:1 Không phải tệp thông thường (FIFO, socket hoặc thiết bị); không được đọc.'],
    skip: !hasMkfifo,
    setup: (dir) => {
      spawnSync('mkfifo', [join(dir, 'architecture', 'pipe.yaml')]);
    },
  },
  { name: 'yaml-syntax', argv: ['validate', 'khong-co'], exit: 2, expect: [], stderr: /^kientruc: Không tìm thấy thư mục kiến trúc "khong-co"/ },
  { name: 'yaml-syntax', argv: ['validate', 'architecture/agency.yaml'], exit: 2, expect: [], stderr: /^kientruc: "architecture\/agency.yaml" không phải là thư mục/ },
  { name: 'yaml-syntax', argv: ['validate', '--max-file-size', 'abc'], exit: 2, expect: [], stderr: /^kientruc: --max-file-size "abc"/ },
];

const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The bin's CPU time comes back on fd 3 (see the preload). */
const CPU_PRELOAD = join(REPO, 'tests', 'helpers', 'cpu-usage-preload.mjs');

/** At most two bins at once on a 2-core machine. */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Cases a process of their own with a bounded heap is for: what they guard is memory, stack depth,
 * a read that could block, or the process's own objects. The rest run in-process.
 */
const OWN_PROCESS = /^(alias-|deep-|huge-file$|long-strings$|long-key$|garbage$|fifo$|proto-key$)/;

function run(c: BadCase): Promise<{ code: number; cpuMs: number | undefined; stdout: string; stderr: string }> {
  const dir = makeTempDir(`bad-${c.name}-`);
  made.push(dir);
  cpSync(join(FIXTURES, c.name), dir, { recursive: true });
  c.setup?.(dir);
  const argv = c.argv ?? ['validate', 'architecture', '-f', 'json'];
  if (!OWN_PROCESS.test(c.name)) {
    // The worker's CPU time over the run bounds the command's (other tests of this file may run
    // meanwhile, which only adds to it).
    const t0 = process.cpuUsage();
    return runCli(argv, dir).then((r) => {
      const used = process.cpuUsage(t0);
      return { ...r, cpuMs: (used.user + used.system) / 1000 };
    });
  }
  return slot(
    () =>
      new Promise((resolve) => {
        // Only a hang is cut off by the clock; the bound the test asserts is CPU time.
        const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', pathToFileURL(CPU_PRELOAD).href, BIN, ...argv], {
          cwd: dir,
          // One process (no memory guard), so the preload's CPU time is the command's own.
          env: { ...process.env, NO_COLOR: '1', KIENTRUC_MEMORY_GUARD: '0' },
          timeout: 300_000,
          stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        let cpu = '';
        child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        (child.stdio[3] as Readable).setEncoding('utf8').on('data', (d: string) => (cpu += d));
        child.on('close', (code) => {
          const used = cpu ? (JSON.parse(cpu) as { user: number; system: number }) : undefined;
          resolve({ code: code ?? -1, cpuMs: used ? (used.user + used.system) / 1000 : undefined, stdout, stderr });
        });
      }),
  );
}

interface JsonDiagnostic {
  code: string;
  message: string;
  file: string;
  range: { start: { line: number; col: number } };
}

describe.concurrent('bad-input corpus (bounded time; the resource cases in the built bin with a bounded heap)', () => {
  for (const c of CASES) {
    it.skipIf(c.skip === true)(`${c.name}${c.argv ? ` (${c.argv.join(' ')})` : ''}`, async ({ expect }) => {
      const r = await run(c);
      expect(r.stderr, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|Maximum call stack/);
      expect(r.cpuMs, 'the bin reported its CPU time (it exited normally)').toBeDefined();
      expect(r.cpuMs, `used ${r.cpuMs?.toFixed(0)} ms of CPU`).toBeLessThan(c.maxMs ?? DEFAULT_MS);
      if (c.exit === 2) {
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(c.stderr ?? /^kientruc: /);
      } else {
        const out = JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] };
        const got = out.diagnostics.map((d) => `${d.code} ${d.file}:${d.range.start.line}:${d.range.start.col} ${d.message}`);
        expect(got).toEqual(c.expect);
        expect(r.stdout.length, 'messages stay short whatever the input').toBeLessThan(20_000);
      }
      expect(r.code).toBe(c.exit);
    });
  }
});

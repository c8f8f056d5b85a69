import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.js';
import { sonHa } from './son-ha.js';

const BAD_TASK = `---
apiVersion: kientruc/v1
kind: Task
id: ket-noi-lgsp
name: Kết nối LGSP
area: data
lead: org:don-vi-cntt
deadline: 2027
deliverable: Kết nối
status: planned
`;

describe('kientruc aggregate: an agency folder with a schema error', () => {
  it('prints the error like check, counts it, exits 1 and writes nothing (as site, gap and report refuse)', async () => {
    const dir = await sonHa();
    // A first, clean aggregation: its output must be left exactly as it was.
    const first = await runCli(['aggregate', 'tinh/architecture', 'so-yt/architecture', '--out', 'agg', '--as-of', '2026-10-15', '--no-render', '-q'], dir);
    expect(first.code, first.stderr).toBe(0);
    const before = readFileSync(join(dir, 'agg', 'aggregate.md'), 'utf8');

    appendFileSync(join(dir, 'so-yt/architecture/tasks/nhiem-vu.yaml'), BAD_TASK);
    const r = await runCli(['aggregate', 'tinh/architecture', 'so-yt/architecture', '--out', 'agg', '--as-of', '2026-10-15', '--no-render'], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/so-yt\/architecture\/tasks\/nhiem-vu\.yaml:\d+:\d+ +error +Giá trị "planned" không hợp lệ cho "status"[^\n]*schema\.enum/);
    expect(r.stdout).toContain('Cách sửa: Dùng một trong: not-started');
    expect(r.stdout).toMatch(/✖ 1 lỗi, 1 cảnh báo/);
    expect(r.stderr).not.toContain('✓ Đã tổng hợp');
    expect(r.stderr).toContain('Không tạo tổng hợp: Sở Y tế tỉnh Sơn Hà (so-yt/architecture) có 1 lỗi cú pháp, lược đồ hoặc tham chiếu');
    expect(readFileSync(join(dir, 'agg', 'aggregate.md'), 'utf8')).toBe(before);

    // The same in SARIF/JSON for CI: the agency's error is part of the result.
    const json = await runCli(['aggregate', 'tinh/architecture', 'so-yt/architecture', '--out', 'agg2', '--as-of', '2026-10-15', '--no-render', '-f', 'json', '-q'], dir);
    expect(json.code).toBe(1);
    const codes = (JSON.parse(json.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes).toContain('schema.enum');
    expect(existsSync(join(dir, 'agg2'))).toBe(false);
  });
});

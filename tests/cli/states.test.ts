/**
 * States on the command line: every command in-process (main(), what the bin runs); the bin itself is
 * tested in tests/cli/cli.test.ts.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runMain } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

/** A copy of the sample (architecture/ only), so outputs land in a throwaway folder. */
function sampleCopy(): string {
  const dir = makeTempDir('states-');
  cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
  return dir;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('states on the command line (--state, --as-of)', () => {
  const dir = sampleCopy();

  it('--state target:2030 and --as-of 2030-12-31 change what the diagrams show', async () => {
    for (const [out, args] of [['now', []], ['target', ['--state', 'target:2030']], ['asof', ['--as-of', '2030-12-31']]] as const) {
      const r = await runMain(['diagram', '--no-render', '--out', `out/${out}`, ...args], dir);
      expect(r.code, r.stderr).toBe(0);
    }
    const now = read(dir, 'out/now/landscape.mmd');
    const target = read(dir, 'out/target/landscape.mmd');
    expect(now).toContain('system__cong_dvc_tinh');
    expect(now).toContain('SOC tỉnh<br/>Đang nâng cấp');
    expect(target).not.toContain('system__cong_dvc_tinh');
    expect(target).not.toContain('system__thi_dua_khen_thuong');
    expect(target).toContain('SOC tỉnh<br/>Đang vận hành');
    expect(existsSync(join(dir, 'out/now/context/cong-dvc-tinh.mmd'))).toBe(true);
    expect(existsSync(join(dir, 'out/target/context/cong-dvc-tinh.mmd'))).toBe(false);
    // --as-of dates the current state: at 31/12/2030 it is the 2030 target.
    expect(read(dir, 'out/asof/landscape.mmd')).toBe(target);
  });

  it('the gap report and the rules run on the state', async () => {
    const gap = async (out: string, args: readonly string[]) => {
      const r = await runMain(['gap', '--format', 'json', '--out', out, ...args], dir);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(read(dir, `${out}/gap-report.json`)) as { summary: { errors: number; warnings: number }; findings: unknown[] };
    };
    const now = await gap('gap/now', []);
    const target = await gap('gap/target', ['--state', 'target:2030']);
    expect(now.summary).toMatchObject({ errors: 18, warnings: 96 });
    expect(target.summary.errors + target.summary.warnings).toBeLessThan(now.summary.errors + now.summary.warnings);
    const check = await runMain(['check', '--state', 'target:2030', '-f', 'json', '--fail-on', 'none'], dir);
    expect(check.code).toBe(0);
    const entities = (JSON.parse(check.stdout) as { diagnostics: { entity?: string }[] }).diagnostics.map((d) => d.entity);
    expect(entities).not.toContain('system:thi-dua-khen-thuong');
  });

  it('a bad state is one line naming the accepted forms, exit 2', async () => {
    const r = await runMain(['check', '--state', 'muc-tieu'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/current.*target:YYYY.*YYYY-MM-DD/);
  });
});

describe('kientruc diff --from current --to target:2030', () => {
  const dir = sampleCopy();

  it('lists the roadmap between the two states of one architecture, with the diff engine', async () => {
    const r = await runMain(['diff', '--from', 'current', '--to', 'target:2030', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      base: { label: string };
      head: { label: string };
      entities: { removed: { ref: string }[]; added: unknown[]; changed: { ref: string }[] };
      roadmap: { date: string; ref: string; task?: string; kind: string }[];
    };
    expect(report.base.label).toBe('current (30/9/2026)');
    expect(report.head.label).toBe('target:2030 (31/12/2030)');
    expect(report.entities.removed.map((e) => e.ref)).toEqual(['system:cong-dvc-tinh', 'system:thi-dua-khen-thuong', 'integration:dvc-tinh-tthc']);
    expect(report.entities.changed.map((e) => e.ref)).toContain('integration:y-te-bhxh');
    const dates = report.roadmap.map((s) => s.date);
    expect(dates).toEqual([...dates].sort());
    expect(report.roadmap.filter((s) => s.kind === 'change' && s.task === undefined).map((s) => s.ref)).toEqual(['system:csdl-lao-dong-an-sinh']);
    const md = await runMain(['diff', '--from', 'current', '--to', 'target:2030', 'architecture'], dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('### Lộ trình: các bước chuyển đổi');
    expect(md.stdout).toContain('**chưa có nhiệm vụ**');
    expect(md.stdout.indexOf('Lộ trình')).toBeLessThan(md.stdout.indexOf('<details>'));
  });

  it('--from/--to take one folder, not two sides', async () => {
    const r = await runMain(['diff', 'architecture', 'architecture', '--to', 'target:2030'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from/--to');
  });
});

import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/diff/compare.js';
import { formatDiffJson, formatDiffMarkdown } from '../../src/diff/format.js';
import type { DiffSide } from '../../src/diff/types.js';
import { AGENCY, pipelineFor } from '../helpers/project.js';

/** A system with no security level: `system.security-level` reports it. */
const SYSTEM = `apiVersion: kientruc/v1
kind: System
id: mot-cua
name: Hệ thống một cửa điện tử
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
`;

const waiver = (expires: string) => `waivers:
  - rule: system.security-level
    entity: system:mot-cua
    reason: "Hồ sơ đề xuất cấp độ | trình quý IV"
    approvedBy: Phó Giám đốc Sở
    expires: ${expires}
`;

async function side(config: string | undefined, asOf = '2026-01-15'): Promise<DiffSide> {
  const r = await pipelineFor(
    { 'architecture/agency.yaml': AGENCY, 'architecture/s.yaml': SYSTEM, ...(config === undefined ? {} : { 'kientruc.config.yaml': config }) },
    { asOf },
  );
  return { label: config === undefined ? 'a' : 'b', model: r.model, diagnostics: r.diagnostics, asOf: r.asOf, root: r.loaded.root, structuralErrors: r.structuralErrors };
}

const keyed = (list: readonly { code: string; entity?: string | undefined }[]) => list.map((f) => `${f.code} ${f.entity ?? ''}`);

describe('diff: a waiver is neither a fix nor a new finding', () => {
  it('a finding waived on the head side only is "newly waived", with the waiver as the configuration holds it, not "resolved"', async () => {
    const base = await side(undefined);
    expect(keyed(base.diagnostics.filter((d) => !d.waived))).toContain('system.security-level system:mot-cua');
    const r = compareSides(base, await side(waiver('2026-12-31')));
    expect(keyed(r.findings.resolved)).toEqual([]);
    expect(keyed(r.findings.introduced)).toEqual([]);
    expect(r.findings.waived).toEqual([
      expect.objectContaining({
        code: 'system.security-level',
        entity: 'system:mot-cua',
        waiver: { reason: 'Hồ sơ đề xuất cấp độ | trình quý IV', approvedBy: 'Phó Giám đốc Sở', expires: '2026-12-31' },
        wasOpen: true,
      }),
    ]);
    expect(r.findings.unwaived).toEqual([]);
    const md = formatDiffMarkdown(r, 'vi');
    expect(md).toContain('phát hiện: +0 mới, −0 đã khắc phục, 1 mới miễn trừ');
    expect(md).not.toContain('Phát hiện đã khắc phục');
    expect(md).toContain('<details><summary>Phát hiện mới được miễn trừ (1)</summary>');
    expect(md).toMatch(/\| lỗi \| `system\.security-level` \| [^\n]* \| Hồ sơ đề xuất cấp độ \\\| trình quý IV \| Phó Giám đốc Sở \| 31\/12\/2026 \| trước đây chưa miễn trừ \| `architecture\/s\.yaml:3` \|/);
    const en = formatDiffMarkdown(r, 'en');
    expect(en).toContain('<details><summary>Newly waived findings (1)</summary>');
    expect(en).toContain('findings: +0 new, −0 resolved, 1 newly waived');
    const json = JSON.parse(formatDiffJson(r)) as { findings: Record<string, unknown[]> };
    expect(Object.keys(json.findings).sort()).toEqual(['introduced', 'resolved', 'unchanged', 'unwaived', 'waived']);
    expect(json.findings['waived']).toHaveLength(1);
  });

  it('a waiver withdrawn, or expired by the head side\'s date, lists its finding as no longer waived, not as new', async () => {
    const waived = await side(waiver('2026-06-30'));
    const withdrawn = compareSides(waived, await side(undefined));
    expect(keyed(withdrawn.findings.introduced)).toEqual([]);
    expect(withdrawn.findings.unwaived).toEqual([
      expect.objectContaining({ code: 'system.security-level', entity: 'system:mot-cua', why: 'withdrawn', waiver: expect.objectContaining({ expires: '2026-06-30' }) }),
    ]);
    // The same configuration read at a later date: the waiver ran out (and says so itself: waiver.expired).
    const expired = compareSides(waived, await side(waiver('2026-06-30'), '2026-09-30'));
    expect(keyed(expired.findings.introduced)).toEqual(['waiver.expired ']);
    expect(expired.findings.unwaived).toEqual([expect.objectContaining({ code: 'system.security-level', why: 'expired' })]);
    const md = formatDiffMarkdown(expired, 'vi');
    expect(md).toContain('phát hiện: +1 mới, −0 đã khắc phục, 1 hết miễn trừ');
    expect(md).toContain('<details><summary>Miễn trừ hết hạn hoặc bị gỡ bỏ (1)</summary>');
    expect(md).toContain('| Phó Giám đốc Sở | 30/6/2026 | hết hạn |');
    expect(formatDiffMarkdown(withdrawn, 'en')).toContain('| Phó Giám đốc Sở | 2026-06-30 | withdrawn |');
  });

  it('a waiver kept on both sides changes nothing', async () => {
    const r = compareSides(await side(waiver('2026-12-31')), await side(waiver('2026-12-31')));
    expect([r.findings.introduced, r.findings.resolved, r.findings.waived, r.findings.unwaived]).toEqual([[], [], [], []]);
  });
});

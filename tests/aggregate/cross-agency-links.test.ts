import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.js';
import { sonHa } from './son-ha.js';

const integration = (id: string, to: string) => `---
apiVersion: kientruc/v1
kind: Integration
id: ${id}
name: Kết nối ${id}
from: system:quan-ly-van-ban
to: ${to}
channel: lgsp
format: rest
direction: push
status: planned
`;

describe('kientruc aggregate: integrations across agencies', () => {
  it('lists every cross-agency integration in the table, the JSON and the diagram, marking ends that do not exist or were not checked', async () => {
    const dir = await sonHa();
    appendFileSync(join(dir, 'so-yt/architecture/integrations/ket-noi.yaml'), integration('len-tthc-tinh', 'system:he-thong-tthc-tinh@000.00.00.H99'));
    appendFileSync(join(dir, 'so-yt/architecture/integrations/ket-noi.yaml'), integration('len-bo-y-te', 'system:csdl-y-te@000.99.00.H99'));
    const r = await runCli(['aggregate', 'tinh/architecture', 'so-yt/architecture', '--out', 'agg', '--as-of', '2026-10-15', '--no-render', '--fail-on', 'none', '-q'], dir);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'agg', 'aggregate.json'), 'utf8')) as { links: { integration: string; toAgency: string; end: string }[] };
    expect(json.links.map((l) => `${l.integration} → ${l.toAgency} ${l.end}`)).toEqual([
      'integration:len-bo-y-te@000.07.00.H99 → 000.99.00.H99 unchecked',
      'integration:len-tthc-tinh@000.07.00.H99 → 000.00.00.H99 missing',
    ]);
    const md = readFileSync(join(dir, 'agg', 'aggregate.md'), 'utf8');
    const table = md.slice(md.indexOf('## Kết nối giữa các cơ quan'));
    expect(table).toContain('`system:he-thong-tthc-tinh@000.00.00.H99`<br>Ủy ban nhân dân tỉnh Sơn Hà |');
    expect(table).toMatch(/len-tthc-tinh@000\.07\.00\.H99`[^\n]*\| \*\*Không tồn tại\*\* \|/);
    expect(table).toMatch(/len-bo-y-te@000\.07\.00\.H99`[^\n]*Cơ quan `000\.99\.00\.H99` \(ngoài lần tổng hợp\)[^\n]*\| Chưa kiểm tra \|/);
    const mmd = readFileSync(join(dir, 'agg', 'diagrams', 'lien-co-quan.mmd'), 'utf8');
    expect(mmd).toContain('(không tồn tại)');
    expect(mmd).toContain('(ngoài lần tổng hợp)');
    expect(mmd).toContain('csdl-y-te<br/>(chưa kiểm tra)');
  });
  it('suggests the other agency\'s id that the written one extends or shortens (whole words)', async () => {
    const dir = await sonHa();
    appendFileSync(join(dir, 'so-yt/architecture/integrations/ket-noi.yaml'), integration('len-van-ban-tinh', 'system:quan-ly-van-ban-tinh@000.00.00.H99'));
    const r = await runCli(['aggregate', 'tinh/architecture', 'so-yt/architecture', '--out', 'agg', '--as-of', '2026-10-15', '--no-render', '--fail-on', 'none', '-q', '-f', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const found = (JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] }).diagnostics.filter((d) => d.code === 'aggregate.unresolved-ref');
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('ý bạn là "system:quan-ly-van-ban@000.00.00.H99"?')]);
  });
});

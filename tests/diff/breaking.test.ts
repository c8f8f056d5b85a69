import { describe, expect, it } from 'vitest';
import { compareSides } from '../../src/diff/compare.js';
import type { DiffSide } from '../../src/diff/types.js';
import { AGENCY, pipelineFor } from '../helpers/project.js';

const SYSTEM = `apiVersion: kientruc/v1
kind: System
id: mot-cua
name: Hệ thống một cửa điện tử
layer: L3
component: tthc
status: operating
owner: agency:tinh-thu
security: { level: 3, dossier: approved, decision: { number: 1/QĐ-UBND, date: 2025-01-02 } }
`;
const DATASET = `apiVersion: kientruc/v1
kind: Dataset
id: ho-tich
name: Dữ liệu hộ tịch
scope: sectoral
sharing: open
personalData: basic
system: system:mot-cua
sync: { status: live }
`;
const INTEGRATION = `apiVersion: kientruc/v1
kind: Integration
id: mot-cua-dvcqg
name: Đồng bộ hồ sơ với Cổng DVCQG
from: system:mot-cua
to: national:cong-dvcqg
channel: ndxp
status: live
`;
const KPI = `apiVersion: kientruc/v1
kind: Kpi
id: phan-loai
name: Tỷ lệ dữ liệu đã phân loại
nationalTarget: target:phan-loai-du-lieu
unit: percent
target: { value: 100, deadline: 2025-12-31 }
`;

async function side(files: Record<string, string>, label: string): Promise<DiffSide> {
  const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, ...files });
  return { label, model: r.model, diagnostics: r.diagnostics, asOf: r.asOf, root: r.loaded.root, structuralErrors: r.structuralErrors };
}

const BASE = { 'architecture/s.yaml': SYSTEM, 'architecture/d.yaml': DATASET, 'architecture/i.yaml': INTEGRATION, 'architecture/k.yaml': KPI };

describe('breaking changes', () => {
  it('none when nothing changes', async () => {
    const r = compareSides(await side(BASE, 'a'), await side(BASE, 'b'));
    expect(r.breaking).toEqual([]);
    expect(r.entities).toEqual({ added: [], removed: [], changed: [], renamed: [] });
  });

  it('open → shared data, security level removed, live integration suspended, KPI deadline past the national one', async () => {
    const head = await side(
      {
        'architecture/s.yaml': SYSTEM.replace('security: { level: 3, dossier: approved, decision: { number: 1/QĐ-UBND, date: 2025-01-02 } }\n', ''),
        'architecture/d.yaml': DATASET.replace('sharing: open', 'sharing: shared'),
        'architecture/i.yaml': INTEGRATION.replace('status: live', 'status: suspended'),
        'architecture/k.yaml': KPI.replace('deadline: 2025-12-31', 'deadline: 2026'),
      },
      'b',
    );
    const r = compareSides(await side(BASE, 'a'), head);
    expect(r.breaking.map((b) => [b.code, b.ref, b.message.vi])).toEqual([
      ['sharing-withdrawn', 'dataset:ho-tich', 'Tập dữ liệu "Dữ liệu hộ tịch": phân loại chia sẻ Dữ liệu mở → Dữ liệu dùng chung.'],
      ['integration-stopped', 'integration:mot-cua-dvcqg', 'Kết nối "Đồng bộ hồ sơ với Cổng DVCQG": trạng thái Đang hoạt động → Tạm dừng.'],
      ['security-level-lowered', 'system:mot-cua', 'Hệ thống "Hệ thống một cửa điện tử": cấp độ an toàn 3 → không khai báo.'],
      [
        'deadline-past-national',
        'kpi:phan-loai',
        'Chỉ tiêu "Tỷ lệ dữ liệu đã phân loại": thời hạn 31/12/2025 → 31/12/2026, sau thời hạn 31/12/2025 của chỉ tiêu quốc gia "Hoàn thành phân loại dữ liệu theo quy định của pháp luật về dữ liệu và bảo vệ dữ liệu cá nhân" (QĐ 1751/QĐ-TTg Điều 1 mục IV.2.a, mục VII.3.đ).',
      ],
    ]);
  });

  it('removing a live integration, and an unreferenced restricted dataset', async () => {
    const restricted = DATASET.replace('sharing: open', 'sharing: restricted').replace('sync: { status: live }\n', '');
    const r = compareSides(
      await side({ ...BASE, 'architecture/d2.yaml': restricted.replace('id: ho-tich', 'id: noi-bo') }, 'a'),
      await side({ 'architecture/s.yaml': SYSTEM, 'architecture/d.yaml': DATASET, 'architecture/k.yaml': KPI }, 'b'),
    );
    expect(r.breaking.map((b) => [b.code, b.ref, b.side])).toEqual([['integration-stopped', 'integration:mot-cua-dvcqg', 'base']]);
    expect(r.entities.removed.map((e) => e.ref)).toEqual(['dataset:noi-bo', 'integration:mot-cua-dvcqg']);
  });

  it('moving a deadline earlier, or keeping it before the national deadline, is not breaking', async () => {
    const r = compareSides(await side(BASE, 'a'), await side({ ...BASE, 'architecture/k.yaml': KPI.replace('deadline: 2025-12-31', 'deadline: 2025-09') }, 'b'));
    expect(r.breaking).toEqual([]);
    expect(r.entities.changed[0]?.fields.map((f) => [f.beforeText.vi, f.afterText.vi])).toEqual([['31/12/2025', '2025-09']]);
  });
});

import { describe, expect, it } from 'vitest';
import { fenceFor } from '../../../src/render/strategy/diagrams.js';
import { localOrgName, viLetter } from '../../../src/render/strategy/wording.js';
import { documentNumber } from '../../../src/render/documents/frame.js';
import { AGENCY_DOC, viewFor } from './fixture.js';

describe('strategy view model', async () => {
  const { view } = await viewFor();

  it('prints the header block with NĐ 30 leading zeros', () => {
    expect(view.header.issuerLines).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH THỬ']);
    expect(view.header.number).toBe('Số: 05/QĐ-UBND');
    expect(view.header.placeDate).toBe('Thử, ngày 05 tháng 3 năm 2026');
    expect(view.header.nationalTitle).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(view.header.motto).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(view.header.docType).toBe('QUYẾT ĐỊNH');
    expect(view.marks.draft).toBe('DỰ THẢO');
  });

  it('has every key present, with null for absent values (Handlebars strict mode)', () => {
    const walk = (v: unknown, path: string): string[] =>
      v === undefined
        ? [path]
        : v !== null && typeof v === 'object'
          ? Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => walk(x, `${path}.${k}`))
          : [];
    expect(walk(view, 'view')).toEqual([]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('lists the căn cứ in pack order, skipping superseded, later and excluded documents, then the agency bases', () => {
    const bases = view.preamble.bases;
    expect(bases[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;');
    // Superseded only from 01/7/2026, so still a basis on 05/3/2026.
    expect(bases.some((b) => b.includes('Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015'))).toBe(true);
    expect(bases.some((b) => b.includes('214/NQ-CP'))).toBe(false);
    expect(bases.some((b) => b.includes('Tổ chức Chính phủ'))).toBe(false);
    expect(bases[bases.length - 1]).toBe('Căn cứ Nghị quyết số 1-NQ/TU ngày 02 tháng 01 năm 2026 của Tỉnh ủy Thử;');
    expect(bases.every((b) => b.startsWith('Căn cứ ') && b.endsWith(';'))).toBe(true);
    expect(view.preamble.proposal).toBe('Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.');
  });

  it('drops bases superseded before the document date', async () => {
    const later = AGENCY_DOC.replace('date: 2026-03-05', 'date: 2026-08-01');
    const { view: v } = await viewFor({ 'architecture/agency.yaml': later });
    expect(v.preamble.bases.some((b) => b.includes('Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015'))).toBe(false);
    expect(v.preamble.bases.some((b) => b.includes('Luật An ninh mạng số 116/2025/QH15'))).toBe(true);
  });

  it('does not cite documents issued after the document date', async () => {
    const early = AGENCY_DOC.replace('date: 2026-03-05', 'date: 2025-10-01');
    const { view: v } = await viewFor({ 'architecture/agency.yaml': early });
    expect(v.preamble.bases.some((b) => b.includes('278/2025/NĐ-CP'))).toBe(false);
    expect(v.preamble.bases.some((b) => b.includes('2439/QĐ-TTg'))).toBe(false);
    expect(v.preamble.bases.some((b) => b.includes('1751/QĐ-TTg'))).toBe(true);
  });

  it('places every KPI line by deadline: this year, to 2030, with earlier milestones as lộ trình', () => {
    const [a, b] = view.objectives.horizons;
    expect(a?.heading).toBe('Đến hết năm 2026');
    expect(b?.heading).toBe('Đến năm 2030');
    expect(a?.items.map((i) => i.ref)).toEqual(['kpi:phan-loai', 'kpi:dong-bo']);
    expect(a?.items[0]?.text).toBe('Tỷ lệ cơ sở dữ liệu đã phân loại: đạt 100%, thời hạn 31/12/2026');
    expect(a?.items[0]?.detail).toContain('đến 1/3/2026 đạt 50%'.replace('1/3', '01/3'));
    expect(a?.items[0]?.detail).toContain('chỉ tiêu quốc gia 100% đến 31/12/2025 theo QĐ 1751/QĐ-TTg');
    expect(b?.items[0]?.text).toBe('Tỷ lệ cơ sở dữ liệu đồng bộ: đạt 100%, thời hạn 2030 (lộ trình: 50% năm 2027)');
  });

  it('groups tasks by area in QĐ 1751 order, letters rows, and leaves out cancelled tasks', () => {
    expect(view.tasks.areas.map((a) => `${a.label} ${a.heading}`)).toEqual([
      'a) Xây dựng và hoàn thiện cơ sở pháp lý',
      'b) Phát triển thu thập, tạo lập dữ liệu',
    ]);
    const table = view.appendices[0]?.sections[0]?.tables[0];
    expect(table?.columns.map((c) => c.title)).toEqual(['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm', 'Ghi chú']);
    expect(table?.rows.map((r) => r.cells.slice(0, 5).join(' | '))).toEqual([
      '1 | Xây dựng và hoàn thiện cơ sở pháp lý',
      'a | Ban hành quy chế dữ liệu | Sở Khoa học và Công nghệ |  | Thực hiện thường xuyên',
      '2 | Phát triển thu thập, tạo lập dữ liệu',
      'a | Phân loại dữ liệu | Sở Khoa học và Công nghệ | Công an tỉnh, Ủy ban nhân dân xã Một | 31/12/2026',
    ]);
    expect(JSON.stringify(view)).not.toContain('Nhiệm vụ đã dừng');
  });

  it('totals the budget by source and year', () => {
    const t = view.budget.table;
    expect(t?.columns.map((c) => c.title)).toEqual(['Nguồn kinh phí', '2026', '2027', 'Tổng']);
    expect(t?.rows.map((r) => r.cells.join(' | '))).toEqual([
      'Ngân sách nhà nước theo phân cấp | 120 | 0 | 120',
      'Vốn lồng ghép | 0 | 50,5 | 50,5',
      'Tổng cộng | 120 | 50,5 | 170,5',
    ]);
  });

  it('writes one implementation subsection per body, computed from the model', () => {
    const names = view.implementation.bodies.map((b) => `${b.label} ${b.name}`);
    // Công an tỉnh is a central body's local office the province does not direct: asked, after every duty.
    expect(names).toEqual(['1. Sở Khoa học và Công nghệ', '2. Ủy ban nhân dân các xã, phường', '3. Các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường', '4. Đề nghị Công an tỉnh']);
    const khcn = view.implementation.bodies[0]?.items.map((i) => i.text) ?? [];
    expect(khcn[0]).toBe('Chủ trì tham mưu cập nhật Chiến lược dữ liệu.');
    expect(khcn).toContain('Chủ trì thực hiện các nhiệm vụ 1.a, 2.a tại Phụ lục I.');
    expect(khcn.some((t) => t.includes('Cổng dịch vụ công tỉnh Thử; LGSP tỉnh'))).toBe(true);
    expect(view.implementation.bodies[0]?.items.map((i) => i.label)).toEqual(['a)', 'b)', 'c)', 'd)', 'đ)']);
  });

  it('ends every recipient with ";" and the closing "Lưu" line with "."', () => {
    expect(view.signature.recipients).toEqual(['Như Điều 3;', 'Bộ Công an (để b/c);', 'Lưu: VT, KGVX.']);
    expect([view.signature.authority, view.signature.delegation, view.signature.title, view.signature.name]).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn Ký',
    ]);
    expect(view.articles.map((a) => a.label)).toEqual(['Điều 2.', 'Điều 3.']);
  });

  it('numbers the appendices and attaches each to the decision', () => {
    expect(view.appendices.map((a) => `${a.label} ${a.title}`)).toEqual([
      'PHỤ LỤC I BẢNG TỔNG HỢP CÁC NHIỆM VỤ',
      'PHỤ LỤC II HIỆN TRẠNG KIẾN TRÚC SỐ VÀ DỮ LIỆU',
      'PHỤ LỤC III DANH MỤC CƠ SỞ DỮ LIỆU',
      'PHỤ LỤC IV DANH MỤC HỆ THỐNG THÔNG TIN',
      'PHỤ LỤC V TỔNG HỢP KHOẢNG CÁCH SO VỚI MỤC TIÊU',
    ]);
    expect(view.appendices[0]?.attachment).toBe('(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Thử)');
  });

  it('uses the framework defaults when the agency writes no prose', () => {
    expect(view.viewpoints.origin).toBe('default');
    expect(view.viewpoints.items[0]?.text).toMatch(/^Chiến lược dữ liệu tỉnh Thử bám sát/);
    expect(view.vision.items[0]?.text).toMatch(/^Đến năm 2030, tỉnh Thử/);
  });

  it('prefers the Markdown prose files, then the YAML, and says so', async () => {
    const yaml = `${AGENCY_DOC}strategy:\n  vision: Tầm nhìn trong YAML.\n  principles: [Nguyên tắc trong YAML]\n`;
    const { view: v, warnings } = await viewFor({
      'architecture/agency.yaml': yaml,
      'architecture/strategy/tam-nhin.md': '# Tầm nhìn\n\nTỉnh Thử **số** vào năm 2030,\ndữ liệu [mở](http://x).\n',
      'architecture/strategy/quan-diem.md': '- Quan điểm một\n- Quan điểm *hai*\n',
    });
    expect(v.vision.origin).toBe('markdown');
    expect(v.vision.items.map((i) => i.text)).toEqual(['Tỉnh Thử số vào năm 2030, dữ liệu mở.']);
    expect(v.viewpoints.items.map((i) => `${i.label} ${i.text}`)).toEqual(['1. Quan điểm một.', '2. Quan điểm hai.']);
    expect(v.principles.origin).toBe('yaml');
    expect(v.principles.items[0]?.text).toBe('Nguyên tắc trong YAML.');
    expect(warnings.some((w) => w.vi.includes('tam-nhin.md') && w.en.includes('tam-nhin.md'))).toBe(true);
  });

  it('leaves restricted data, security levels and hosting out of the public edition', async () => {
    const { view: pub } = await viewFor({}, { audience: 'public' });
    const text = JSON.stringify(pub);
    for (const secret of ['nhật ký giám sát an ninh mạng tuyệt mật', 'Cấp độ 3', '77/QĐ-UBND', 'Trung tâm dữ liệu của tỉnh', 'Phòng máy tầng 5', 'lgsp.thu.local', 'Nhà Cung Cấp Bí Mật', 'máy chủ số 7', 'Kết nối nội bộ cổng với trục tích hợp']) {
      expect(text, secret).not.toContain(secret);
    }
    expect(pub.marks.publicLabel).toBe('BẢN CÔNG KHAI');
    expect(pub.marks.publicNotice).toMatch(/^Bản công khai\./);
    const internal = JSON.stringify(view);
    expect(internal).toContain('nhật ký giám sát an ninh mạng tuyệt mật');
    expect(internal).toContain('Cấp độ 3');
  });

  it('marks an issued document without "DỰ THẢO"', async () => {
    const { view: v } = await viewFor({ 'architecture/agency.yaml': AGENCY_DOC.replace('status: draft', 'status: issued') });
    expect(v.marks.draft).toBeNull();
    expect(v.marks.isDraft).toBe(false);
  });
});

describe('wording helpers', () => {
  it('letters sub-items the Vietnamese way (đ after d, no f, j, w, z)', () => {
    expect(Array.from({ length: 12 }, (_, i) => viLetter(i)).join('')).toBe('abcdđeghiklm');
    expect(viLetter(23)).toBe('a1');
  });

  it('pads a single-digit document number and keeps a draft blank', () => {
    expect(documentNumber('7/QĐ-UBND', 'QĐ-UBND')).toBe('07/QĐ-UBND');
    expect(documentNumber('123/QĐ-UBND', 'QĐ-UBND')).toBe('123/QĐ-UBND');
    expect(documentNumber('   /QĐ-UBND', 'QĐ-UBND')).toBe(`${'\u00a0'.repeat(8)}/QĐ-UBND`);
  });

  it('fences Mermaid sources with more backticks than they contain', () => {
    expect(fenceFor('flowchart TB')).toBe('```');
    expect(fenceFor('a ```` b ` c')).toBe('`````');
  });

  it('names the agency\'s own bodies without the province name', () => {
    expect(localOrgName('Sở Tài chính tỉnh Sơn Hà', 'Sơn Hà')).toBe('Sở Tài chính');
    expect(localOrgName('Công an tỉnh Sơn Hà', 'Sơn Hà')).toBe('Công an tỉnh');
    expect(localOrgName('Ủy ban nhân dân phường Sơn Hà', 'Sơn Hà')).toBe('Ủy ban nhân dân phường Sơn Hà');
  });
});

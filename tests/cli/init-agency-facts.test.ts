import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeNameOf } from '../../src/cli/scaffold.js';
import { makeProject, runMain } from '../helpers/project.js';

describe('kientruc init: the place name', () => {
  it.each([
    ['Sở Y tế tỉnh Sơn Hà', 'Sơn Hà'],
    ['Ban Quản lý các khu công nghiệp tỉnh Sơn Hà', 'Sơn Hà'],
    ['Ủy ban nhân dân tỉnh Sơn Hà', 'Sơn Hà'],
    ['Ủy ban nhân dân xã An Phú', 'An Phú'],
    ['Ủy ban nhân dân Thành phố Hà Nội', 'Hà Nội'],
    ['Sở Tài chính thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
    ['Ủy ban nhân dân phường 12', 'Phường 12'],
    ['Sở Lao động - Thương binh và Xã hội tỉnh Sơn Hà', 'Sơn Hà'],
    ['Ủy ban nhân dân xã Lâm Nguyên, tỉnh Sơn Hà', 'Lâm Nguyên'],
    ['Bộ Y tế', undefined],
    ['Sở Lao động - Thương binh và Xã hội', undefined],
  ])('%s → %s', (name, place) => {
    expect(placeNameOf(name)).toBe(place);
  });

  it('writes the place, or no location at all (with a note) when the name holds none', async () => {
    const dir = makeProject({});
    expect((await runMain(['init', 'a', '--name', 'Sở Y tế tỉnh Sơn Hà', '-q'], dir)).code).toBe(0);
    expect((await runMain(['init', 'b', '--name', 'Ban Quản lý các khu công nghiệp tỉnh Sơn Hà', '-q'], dir)).code).toBe(0);
    expect((await runMain(['init', 'c', '--name', 'Bộ Y tế', '--level', 'ministry', '-q'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'a/architecture/agency.yaml'), 'utf8')).toContain('\nlocation: "Sơn Hà"\n');
    expect(readFileSync(join(dir, 'b/architecture/agency.yaml'), 'utf8')).toContain('\nlocation: "Sơn Hà"\n');
    const c = readFileSync(join(dir, 'c/architecture/agency.yaml'), 'utf8');
    expect(c).not.toMatch(/^location:/m);
    expect(c).toContain('# location: "<địa danh>"');
    // Still a valid starter.
    expect((await runMain(['check', 'c/architecture', '-q'], dir)).code).toBe(0);
  });
});

describe('kientruc init --code', () => {
  it('refuses a code that is not QCVN 102-shaped, at once (exit 2), and writes nothing', async () => {
    const dir = makeProject({});
    const r = await runMain(['init', 'x', '--name', 'Sở Y tế tỉnh Sơn Hà', '--code', 'abc'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--code "abc" không đúng dạng mã định danh cơ quan theo QCVN 102 (ví dụ 000.00.00.H99)');
    expect(existsSync(join(dir, 'x'))).toBe(false);
    const ok = await runMain(['init', 'y', '--name', 'Sở Y tế tỉnh Sơn Hà', '--code', '000.07.00.H99', '-q'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(dir, 'y/architecture/agency.yaml'), 'utf8')).toContain('code: "000.07.00.H99"');
  });
});

describe('kientruc init --name with "UBND"', () => {
  it('writes the same agency as the name in full: name, id, issuer (so the documents print "…/QĐ-UBND")', async () => {
    const dir = makeProject({});
    const short = await runMain(['init', 'a', '--name', 'UBND xã Tân Phú', '--level', 'commune', '--code', '001.25.31.H26'], dir);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stderr).toContain('Tên cơ quan ghi đầy đủ: "Ủy ban nhân dân xã Tân Phú".');
    expect((await runMain(['init', 'b', '--name', 'Ủy ban nhân dân xã Tân Phú', '--level', 'commune', '--code', '001.25.31.H26', '-q'], dir)).code).toBe(0);
    const a = readFileSync(join(dir, 'a/architecture/agency.yaml'), 'utf8');
    expect(a).toBe(readFileSync(join(dir, 'b/architecture/agency.yaml'), 'utf8'));
    expect(a).toContain('\nid: uy-ban-nhan-dan-xa-tan-phu\n');
    expect(a).toContain('\n  issuer: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"\n');
    const doc = await runMain(['doc', 'a/architecture', '--out', 'a/generated', '--format', 'md', '--no-render', '--no-cache', '-q'], dir);
    expect(doc.code, doc.stderr).toBe(0);
    const md = readFileSync(join(dir, 'a/generated/chien-luoc-du-lieu.md'), 'utf8');
    expect(md).toContain('**ỦY BAN NHÂN DÂN**\\\n**XÃ TÂN PHÚ**');
    expect(md).toMatch(/Số: \s+\/QĐ-UBND/u);
  });
});

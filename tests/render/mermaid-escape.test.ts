import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mmdGanttText, mmdId, mmdLabel, mmdText, truncate, wrapText } from '../../src/render/mermaid/escape.js';

const J = '\u2060';

describe('mmdId: node ids come from refs, never from names', () => {
  it.each([
    ['system:lgsp-tinh', 'system__lgsp_tinh'],
    ['national:csdlqg-dan-cu', 'national__csdlqg_dan_cu'],
    ['system:his@000.00.31.H99', 'system__his__000_00_31_H99'],
    ['org:end', 'org__end'],
  ])('%s → %s', (ref, id) => expect(mmdId(ref)).toBe(id));

  it('always gives a plain identifier', () => {
    fc.assert(fc.property(fc.string(), (s) => /^[A-Za-z0-9_]*$/.test(mmdId(s))));
  });
});

describe('mmdText / mmdLabel', () => {
  it.each([
    ['Ủy ban nhân dân tỉnh Sơn Hà', 'Ủy ban nhân dân tỉnh Sơn Hà'],
    ['A"]-->B[', 'A”]--#gt;B['],
    ['<script>alert(1)</script>', '#lt;script#gt;alert(1)#lt;/script#gt;'],
    ['%%{init: {"theme":"dark"}}%%', `%${J}%{init: {“theme”:“dark”}}%${J}%`],
    ['C# ; x; `code` y', 'C# ; x; ‘code’ y'],
    ['#quot; và #35;', `#${J}quot; và #${J}35;`],
    ['# tiêu đề', `${J}# tiêu đề`],
    ['30/6/2025 và 100%', '30/6/2025 và 100%'],
    ['2) mục hai', `${J}2) mục hai`],
    ['style:#fff;', `st${J}yle:#${J}fff;`],
    ['dòng 1\ndòng 2\r\ndòng 3', 'dòng 1<br/>dòng 2<br/>dòng 3'],
    ['1. mục một', `${J}1. mục một`],
    ['- gạch đầu dòng', `${J}- gạch đầu dòng`],
    ['a & b', 'a #amp; b'],
    ['tab\there', 'tab here'],
  ])('%j → %j', (input, expected) => expect(mmdText(input)).toBe(expected));

  it('decomposed Vietnamese is normalised to NFC', () => {
    expect(mmdText('Hô\u0323 ti\u0323ch')).toBe('Hộ tịch');
  });

  it('a label is one quoted token whatever the input (no quote, newline, %%, raw markup or entity inside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const label = mmdLabel(s);
        const body = label.slice(1, -1);
        expect(label.startsWith('"') && label.endsWith('"')).toBe(true);
        expect(body).not.toMatch(/["\n\r`]/);
        expect(body).not.toContain('%%');
        expect(body.replace(/<br\/>/g, '')).not.toMatch(/[<>]/);
        // the only entity codes left are the three we emit
        expect(body.match(/#[\p{L}\p{N}_]+;/gu)?.filter((e) => !['#lt;', '#gt;', '#amp;'].includes(e)) ?? []).toEqual([]);
        expect(body).not.toMatch(/style/);
      }),
    );
  });
});

describe('mmdGanttText', () => {
  it.each([
    ['Nâng cấp LGSP: kết nối NDOP (100% dịch vụ)', 'Nâng cấp LGSP#58; kết nối NDOP (100#37; dịch vụ)'],
    ['section Ban hành quy chế', `${J}section Ban hành quy chế`],
    ['Title x', `${J}Title x`],
    ['2025-01-01 mốc', `${J}2025-01-01 mốc`],
    ['5% dân số', `${J}5#37; dân số`],
    ['hai\ndòng', 'hai dòng'],
  ])('%j → %j', (input, expected) => expect(mmdGanttText(input)).toBe(expected));

  it('never holds a colon, percent sign or newline', () => {
    fc.assert(fc.property(fc.string(), (s) => !/[:%\n]/.test(mmdGanttText(s))));
  });
});

describe('wrapText / truncate', () => {
  it('wraps at spaces, keeps long words whole', () => {
    expect(wrapText('Hệ thống thông tin giải quyết thủ tục hành chính', 20)).toBe('Hệ thống thông tin\ngiải quyết thủ tục\nhành chính');
    expect(wrapText('Siêuuuuuuuuuuuuuuuuuudài x', 10)).toBe('Siêuuuuuuuuuuuuuuuuuudài\nx');
  });

  it('no line is longer than the width unless a single word is', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zà-ỹ]{1,12}$/), { maxLength: 30 }), fc.integer({ min: 12, max: 40 }), (words, width) => {
        for (const line of wrapText(words.join(' '), width).split('\n')) expect(line.length <= width || !line.includes(' ')).toBe(true);
      }),
    );
  });

  it('truncates with an ellipsis near a word boundary', () => {
    expect(truncate('Xây dựng, trình ban hành Chiến lược dữ liệu tỉnh', 30)).toBe('Xây dựng, trình ban hành…');
    expect(truncate('ngắn', 30)).toBe('ngắn');
  });
});

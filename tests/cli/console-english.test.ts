import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/cli/app.js';
import { step } from '../../src/cli/progress.js';
import { findChromium } from '../../src/render/browser.js';
import { makeProject, runCli, runMain, type RunResult } from '../helpers/project.js';

/** Letters only Vietnamese uses (as in help-lang.test.ts): their presence means untranslated text. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]/;

/** Points the browser lookup at nothing: a command that tried to launch Chromium would fail. */
const NO_CHROMIUM = { NO_COLOR: '1', KIENTRUC_CHROMIUM: '/nonexistent/chromium' };

/** The agency's data written without diacritics, so that any Vietnamese letter on the console is kientruc's own. */
function withoutDiacritics(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

function rewriteYaml(dir: string): void {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) rewriteYaml(p);
    else if (e.endsWith('.yaml')) writeFileSync(p, withoutDiacritics(readFileSync(p, 'utf8')));
  }
}

/**
 * Console lines with Vietnamese-only letters. Legal citations (`[CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW]`,
 * QĐ, NĐ) are names of Vietnamese documents in both languages.
 */
function vietnameseLines(r: RunResult): string[] {
  return `${r.stdout}\n${r.stderr}`
    .split('\n')
    .map((l) => l.replace(/\s\[[^\]]*\]$/, '').replace(/QĐ|NĐ/g, ''))
    .filter((l) => VIETNAMESE.test(l));
}

/** A spreadsheet to import: its headings are the Vietnamese ones kientruc reads (never printed), its values ASCII. */
function systemsCsv(status: string): string {
  return `Tên hệ thống;Lớp;Thành phần kiến trúc;Tình trạng;Đơn vị chủ quản\nCong thong tin dien tu tinh;Lop 4;Cong thong tin dien tu;${status};So Tu phap tinh Son Ha\n`;
}

describe('--lang en: what the writing commands print', () => {
  let dir = '';
  beforeAll(async () => {
    dir = makeProject({});
    // init itself is one of the commands, in English too.
    const init = await runMain(['--lang', 'en', 'init', '.', '--name', 'So Tu phap tinh Son Ha', '--code', '000.00.31.H99'], dir, NO_CHROMIUM);
    expect(init.code).toBe(0);
    expect(vietnameseLines(init)).toEqual([]);
    rewriteYaml(join(dir, 'architecture'));
    cpSync(join(dir, 'architecture'), join(dir, 'base'), { recursive: true });
  });

  const csv = (status: string) => () => writeFileSync(join(dir, 'he-thong-moi.csv'), systemsCsv(status));
  // In order; a function prepares the next command. Imports go into the diff's copy, so that the
  // architecture the other tests read stays the starter's.
  const commands: readonly (readonly string[] | (() => void))[] = [
    ['build', '--no-render', '--out', 'out/build'],
    ['build', '--check', '--no-render', '--out', 'out/build'],
    ['diagram', '--no-render', '--verbose', '--out', 'out/diagrams'],
    ['doc', '--no-render', '--format', 'md,html', '--out', 'out/doc'],
    ['gap', '--out', 'out/gap'],
    ['report', '--as-of', '2026-02-15', '--period', '2026-Q1', '--format', 'md,json', '--out', 'out/report'],
    ['site', '--no-render', '--out', 'out/site'],
    ['schema', '--out', 'out/schema'],
    ['aggregate', 'architecture', '--no-render', '--out', 'out/aggregate'],
    ['diff', 'base', 'architecture'],
    ['diff', '--from', 'current', '--to', 'target:2030'],
    ['export', '--format', 'dcat', '--out', 'out/export'],
    csv('Dang su dung'),
    ['import', 'he-thong-moi.csv', '--into', 'base', '--dry-run'],
    ['import', 'he-thong-moi.csv', '--into', 'base'],
    ['import', 'he-thong-moi.csv', '--into', 'base'],
    csv('Dang xay dung'),
    ['import', 'he-thong-moi.csv', '--into', 'base'],
    ['import', 'he-thong-moi.csv', '--into', 'base', '--update'],
  ];

  it('no Vietnamese-only letters outside legal citations', async () => {
    const left: Record<string, string[]> = {};
    for (const argv of commands) {
      if (typeof argv === 'function') {
        argv();
        continue;
      }
      const r = await runMain(['--lang', 'en', ...argv], dir, NO_CHROMIUM);
      const name = argv.join(' ');
      expect(r.code, `${name}\n${r.stderr}`).toBeLessThanOrEqual(1);
      expect(r.stderr, name).not.toBe('');
      const lines = vietnameseLines(r);
      if (lines.length) left[name] = [...(left[name] ?? []), ...lines];
    }
    expect(left).toEqual({});
  });

  it('the lines read as English', async () => {
    const build = await runMain(['--lang', 'en', 'build', '--no-render', '--out', 'out/again'], dir, NO_CHROMIUM);
    expect(build.stderr).toContain('[1/8] JSON Schema for editors (schema/kientruc.schema.json, kientruc.config.schema.json)\n');
    expect(build.stderr).toMatch(/^✓ Wrote \d+ files to out\/again\/\.$/m);
    expect(build.stderr).toContain('  Conformance: 0 errors, 7 warnings, 1 info — details: kientruc check architecture\n');
    const report = await runMain(['--lang', 'en', 'report', '--as-of', '2026-02-15', '--period', '2026-Q1', '--format', 'json', '--out', 'out/report-en'], dir, NO_CHROMIUM);
    expect(report.stderr).toContain('Q1 2026 has not ended by the data date 2026-02-15');
    expect(report.stderr).toMatch(/^ {2}Q1 2026: \d+\/\d+ connections with successful transactions/m);
  });

  it('Vietnamese stays the default, word for word', async () => {
    const build = await runMain(['build', '--no-render', '--out', 'out/vi'], dir, NO_CHROMIUM);
    expect(build.stderr).toContain('[1/8] Lược đồ JSON cho trình soạn thảo (schema/kientruc.schema.json, kientruc.config.schema.json)\n');
    expect(build.stderr).toMatch(/^✓ Đã ghi \d+ tệp vào out\/vi\/\.$/m);
    expect(build.stderr).toContain('  Kiểm tra tuân thủ: 0 lỗi, 7 cảnh báo, 1 thông tin — xem chi tiết: kientruc check architecture\n');
    const gap = await runMain(['gap', '--out', 'out/gap-vi'], dir, NO_CHROMIUM);
    expect(gap.stderr).toMatch(/^ {2}\d+ chỉ tiêu quốc gia \(\d+ chậm hoặc có nguy cơ không đạt\), 0 lỗi, 7 cảnh báo, \d+ tồn tại chưa có nhiệm vụ\.$/m);
    const report = await runMain(['report', '--as-of', '2026-02-15', '--period', '2026-Q1', '--format', 'json', '--out', 'out/report-vi'], dir, NO_CHROMIUM);
    expect(report.stderr).toContain('Quý I năm 2026 chưa kết thúc ở ngày số liệu 15/02/2026: báo cáo chỉ có số liệu đến ngày đó.\n');
  });

  // Diagrams drawn in Chromium: the count of drawn and cached diagrams, and the step's progress.
  it.skipIf(!findChromium(process.env))('with the browser', async () => {
    const r = await runCli(['--lang', 'en', 'diagram', '--format', 'svg', '--no-cache', '--out', 'out/pictures'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^✓ \d+ diagrams \(\d+ drawn, 0 from the cache\): \d+ files in out\/pictures\/$/m);
    expect(vietnameseLines(r)).toEqual([]);
  });
});

describe('--lang en: a long step', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says it is running in English', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
    let err = '';
    const app = createApp({ stdout: { write: () => true }, stderr: { write: (s: string) => ((err += s), true), isTTY: false }, cwd: '/', today: new Date('2026-01-15T00:00:00Z'), env: {} });
    app.lang = 'en';
    const running = step(app, 'Rendering the document', () => new Promise((r) => setTimeout(r, 2300)));
    await vi.advanceTimersByTimeAsync(2300);
    await running;
    expect(err).toBe('… Rendering the document (running)\n✓ Rendering the document 2.3 s\n');
  });
});

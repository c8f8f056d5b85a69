import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { text } from '../../src/core/text.js';
import type { FormatContext } from '../../src/diagnostics/format/context.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/diagnostics/format/github.js';
import { FORMATTERS } from '../../src/diagnostics/format/index.js';
import { REPO } from '../helpers/project.js';

const EVIL = 'Hệ thống "<script>alert(1)</script>" | **đậm** ]]> 100%\nxuống dòng, a:b';

const DIAGS: Diagnostic[] = [
  {
    code: 'system.security-level',
    severity: 'error',
    message: text(`${EVIL} chưa có cấp độ.`, `${EVIL} has no level.`),
    file: 'architecture/systems/a b.yaml',
    range: { start: { line: 3, col: 5 }, end: { line: 3, col: 5 } },
    entity: 'system:a',
    path: ['security'],
    legalRef: 'NĐ 85/2016/NĐ-CP Điều 12–17',
    fix: text('Khai báo security.level.', 'Declare security.level.'),
  },
  {
    code: 'data.personal-data-category',
    severity: 'warning',
    message: text('Tập dữ liệu "x" thiếu loại dữ liệu cá nhân.', 'Dataset "x" lacks its personal-data category.'),
    file: 'architecture/datasets/x.yaml',
    range: { start: { line: 1, col: 1 }, end: { line: 2, col: 1 } },
    entity: 'dataset:x',
    path: [],
    legalRef: 'Luật 91/2025/QH15',
    waived: { reason: 'Đang rà soát', approvedBy: 'Giám đốc Sở', expires: '2026-06-30' },
  },
];

const CTX: FormatContext = {
  codes: [{ id: 'system.security-level', severity: 'error', description: text('Hệ thống phải có cấp độ.', 'Systems need a level.'), legalRef: 'NĐ 85/2016/NĐ-CP' }],
  toolVersion: '0.0.0-test',
  color: false,
  lang: 'vi',
  files: ['architecture/agency.yaml', 'architecture/datasets/x.yaml', 'architecture/systems/a b.yaml'],
};

describe('formatters', () => {
  for (const [name, format] of Object.entries(FORMATTERS)) {
    it(`${name} matches its golden file`, async () => {
      const ext = name === 'json' || name === 'sarif' ? 'json' : name === 'junit' ? 'xml' : 'txt';
      await expect(format(DIAGS, CTX)).toMatchFileSnapshot(`${REPO}tests/golden/format/diagnostics.${name}.${ext}`);
    });
  }

  it('json and sarif parse; SARIF lists every known code and marks the waiver', () => {
    const sarif = JSON.parse(FORMATTERS.sarif(DIAGS, CTX)) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleIndex: number; ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { region: { startColumn: number; endColumn: number } } }[] }[] }[] };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['data.personal-data-category', 'system.security-level']);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(run.results[1]?.suppressions).toHaveLength(1);
    const region = run.results[0]!.locations[0]!.physicalLocation.region;
    expect(region.endColumn).toBeGreaterThan(region.startColumn);
    expect(JSON.parse(FORMATTERS.json(DIAGS, CTX)).summary).toEqual({ error: 1, warning: 0, info: 0, waived: 1, files: 3 });
  });

  it('junit escapes markup and never leaves a raw CDATA terminator', () => {
    const xml = FORMATTERS.junit(DIAGS, CTX);
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain('<script>');
    expect(xml.split('<![CDATA[').slice(1).every((part) => part.indexOf(']]>') === part.lastIndexOf(']]>'))).toBe(true);
    expect(xml).toContain('<skipped message="waived: Đang rà soát"');
    expect(xml).toContain('name="architecture/agency.yaml"');
  });

  it('github escapes data and properties, and skips waived findings', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    const out = formatGithub(DIAGS, CTX);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^::error file=architecture\/systems\/a b\.yaml,line=3,col=5,/);
    expect(out).not.toMatch(/\n(?!$)/);
  });

  it('stylish speaks English with --lang en', () => {
    expect(FORMATTERS.stylish(DIAGS, { ...CTX, lang: 'en' })).toContain('has no level.');
  });

  it('stylish: a finding reads the same among many, clean or holding line breaks and escapes', () => {
    // Findings are formatted a block at a time, the cheap way unless a text of the block holds a control character.
    const many: Diagnostic[] = Array.from({ length: 700 }, (_, i) => ({
      ...(DIAGS[i % 2] as Diagnostic),
      message: i === 300 ? text(`Dòng\nmới \u001b[31m ${i}\r`, 'x') : text(`Phát hiện số ${i}.`, `Finding ${i}.`),
      range: { start: { line: i + 1, col: 1 }, end: { line: i + 1, col: 2 } },
    }));
    const body = (list: Diagnostic[]) => {
      const all = FORMATTERS.stylish(list, CTX);
      return all.slice(0, all.lastIndexOf('\n\n') + 1);
    };
    expect(body(many)).toBe(many.map((d) => body([d])).join(''));
    expect(FORMATTERS.stylish(many, CTX)).toContain('  error  Dòng mới  [31m 300   system.security-level');
    expect(FORMATTERS.stylish(many, CTX)).toMatch(/350 lỗi, 0 cảnh báo, 0 thông tin, 350 đã miễn trừ trong 2\/3 tệp\.\n$/);
  });
});

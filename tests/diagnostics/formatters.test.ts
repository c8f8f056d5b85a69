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

describe('sarif: locations, identities and links', () => {
  type Sarif = {
    runs: {
      tool: { driver: { informationUri?: string; rules: { id: string; helpUri?: string }[] } };
      originalUriBaseIds: Record<string, { uri?: string; description: { text: string } }>;
      results: { partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    }[];
  };
  const sarifOf = (diags: readonly Diagnostic[], ctx: FormatContext = CTX) => (JSON.parse(FORMATTERS.sarif(diags, ctx)) as Sarif).runs[0]!;
  const syntax = (file: string, line: number, en: string): Diagnostic => ({
    code: 'yaml.syntax',
    severity: 'error',
    message: text(`Lỗi cú pháp ${line}.`, en),
    file,
    range: { start: { line, col: 1 }, end: { line, col: 2 } },
    path: [],
  });

  it('each path segment is encoded whole: "#" and "?" do not cut the path, "/" stays', () => {
    const files = ['architecture/systems/quy hoạch #2, bản 50%.yaml', 'architecture/systems/hạ tầng?v=2[a].yaml'];
    const run = sarifOf(files.map((f) => syntax(f, 1, 'Bad.')));
    const uris = run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual([
      'architecture/systems/quy%20ho%E1%BA%A1ch%20%232%2C%20b%E1%BA%A3n%2050%25.yaml',
      'architecture/systems/h%E1%BA%A1%20t%E1%BA%A7ng%3Fv%3D2%5Ba%5D.yaml',
    ]);
    for (const [i, uri] of uris.entries()) {
      const url = new URL(uri, 'file:///repo/');
      expect(url.hash).toBe('');
      expect(url.search).toBe('');
      expect(decodeURIComponent(url.pathname)).toBe(`/repo/${files[i]}`);
    }
  });

  it('findings with no entity get distinct fingerprints, from file and message, stable when lines move', () => {
    const four = [syntax('a.yaml', 4, 'Key spans lines.'), syntax('a.yaml', 4, 'Nested mapping.'), syntax('a.yaml', 5, 'Key spans lines.'), syntax('a.yaml', 5, 'Nested mapping.')];
    const other = syntax('b.yaml', 4, 'Key spans lines.');
    const prints = sarifOf([...four, other]).results.map((r) => r.partialFingerprints['kientruc/v1']);
    expect(new Set(prints).size).toBe(5);
    const moved = [...four, other].map((d) => ({ ...d, range: { start: { line: d.range.start.line + 10, col: 1 }, end: { line: d.range.start.line + 10, col: 2 } } }));
    expect(sarifOf(moved).results.map((r) => r.partialFingerprints['kientruc/v1'])).toEqual(prints);
    // A message that names its line ("Line 12 is indented…") keeps its identity when the line moves.
    const indent = (line: number): Diagnostic => ({ ...syntax('a.yaml', line, `Line ${line} is indented 3 spaces, which does not match "id" on line ${line - 2}.`), code: 'yaml.indent' });
    expect(sarifOf([indent(12)]).results[0]!.partialFingerprints).toEqual(sarifOf([indent(40)]).results[0]!.partialFingerprints);
    // A finding on an entity keeps the identity it had: code, entity and field path.
    expect(sarifOf([DIAGS[0]!]).results[0]!.partialFingerprints['kientruc/v1']).toBe('system.security-level|system:a|security');
  });

  it('helpUri points at the rule in docs/check.md only when kientruc has a public address; none is invented', () => {
    const plain = sarifOf(DIAGS);
    expect(plain.tool.driver.rules.some((r) => r.helpUri !== undefined)).toBe(false);
    expect(plain.tool.driver.informationUri).toBeUndefined();
    const linked = sarifOf(DIAGS, { ...CTX, links: { home: 'https://example.org/kientruc', checkDocs: 'https://example.org/kientruc/blob/HEAD/docs/check.md' } });
    expect(linked.tool.driver.informationUri).toBe('https://example.org/kientruc');
    const byId = new Map(linked.tool.driver.rules.map((r) => [r.id, r.helpUri]));
    expect(byId.get('system.security-level')).toBe('https://example.org/kientruc/blob/HEAD/docs/check.md#system.security-level');
    // A code with no legal source (a built-in code; here one the context does not list) is in the "Diagnostic codes" section.
    expect(byId.get('data.personal-data-category')).toBe('https://example.org/kientruc/blob/HEAD/docs/check.md#diagnostic-codes');
  });

  it('%SRCROOT% says what paths are relative to, with no machine path', () => {
    const base = sarifOf(DIAGS).originalUriBaseIds['%SRCROOT%']!;
    expect(base.uri).toBeUndefined();
    expect(base.description.text).toContain('git repository');
    expect(base.description.text).not.toContain('working directory');
  });
});

describe('junit follows --fail-on', () => {
  const at = (severity: Diagnostic['severity'], line: number, code = 'system.security-level'): Diagnostic => ({ ...(DIAGS[0] as Diagnostic), code, severity, range: { start: { line, col: 1 }, end: { line, col: 2 } } });
  const list = [at('warning', 1), at('warning', 2), at('info', 3)];
  const count = (xml: string, tag: string) => xml.split(`<${tag}`).length - 1;

  it('only findings at or above the threshold fail; the others pass with their text in <system-out>', () => {
    const xml = FORMATTERS.junit(list, CTX);
    expect(count(xml, 'failure')).toBe(0);
    expect(count(xml, 'system-out')).toBe(3);
    expect(xml).toContain('failures="0" errors="0">');
    expect(xml).toContain('architecture/systems/a b.yaml:1:1  warning');
    const strict = FORMATTERS.junit(list, { ...CTX, failOn: 'warning' });
    expect(count(strict, 'failure')).toBe(2);
    expect(count(strict, 'system-out')).toBe(1);
    expect(count(FORMATTERS.junit(list, { ...CTX, failOn: 'info' }), 'failure')).toBe(3);
    expect(count(FORMATTERS.junit(list, { ...CTX, failOn: 'none' }), 'failure')).toBe(0);
  });

  it('an internal error is an <error> whatever the threshold (exit 2)', () => {
    const xml = FORMATTERS.junit([at('error', 1, 'internal.rule-crashed')], { ...CTX, failOn: 'none' });
    expect(count(xml, 'error type=')).toBe(1);
    expect(xml).toContain('tests="3" failures="0" errors="1">');
  });
});

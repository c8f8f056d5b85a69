import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';

const at = (src: string) => parseYamlFile('f.yaml', src).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.col} ${d.code}`);

const SYSTEM = `apiVersion: kientruc/v1
kind: System
id: he-thong
name: Hệ thống thử
security:
  level: 3
  dossier: approved
  decision: { number: 12/QĐ-UBND, date: 2025-03-04 }
  lastAssessment: 2026-06-19
  monitoredBy: system:soc-tinh
  backup: true
hosting:
  deployment: provincial-dc
`;

describe('YAML problems after a tab are not echoed', () => {
  it('one tab: the tab error and at most one other error after it', () => {
    const found = at(SYSTEM.replace('  level: 3', '\tlevel: 3'));
    expect(found[0]).toBe('6:1 yaml.tab-indent');
    expect(found.length).toBeLessThanOrEqual(2);
    expect(found.filter((f) => f.endsWith('yaml.indent'))).toEqual([]);
  });
  it('an error before the tab is kept', () => {
    const found = at(SYSTEM.replace('name: Hệ thống thử', 'name: "Hệ thống thử').replace('  level: 3', '\tlevel: 3'));
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('an alias naming an anchor of another document', () => {
  it('says anchors do not cross "---"', () => {
    const r = parseYamlFile('f.yaml', 'apiVersion: kientruc/v1\nsecurity: &sec { level: 3 }\n---\napiVersion: kientruc/v1\nsecurity: *sec\n');
    expect(r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.col} ${d.code}`)).toEqual(['5:11 yaml.unknown-alias']);
    expect(r.diagnostics[0]?.message.en).toMatch(/anchors do not cross "---" document boundaries/);
    expect(r.diagnostics[0]?.message.vi).toMatch(/"---"/);
  });
  it('an alias with no anchor anywhere keeps "no anchor before it"', () => {
    const r = parseYamlFile('f.yaml', 'a: 1\n---\nb: *sec\n');
    expect(r.diagnostics[0]?.message.en).toBe('Alias "*sec" names no anchor "&sec" written before it.');
  });
});

/** Every YAML finding of a file: `line:col code`, with its message and fix. */
const findings = (src: string) => parseYamlFile('f.yaml', src).diagnostics.map((d) => ({ at: `${d.range.start.line}:${d.range.start.col} ${d.code}`, message: d.message, fix: d.fix }));

describe('a misindented line: one error, on that line, naming the key it should line up with', () => {
  it('three spaces under a two-space "level: 2": one yaml.indent at the line, not two syntax errors at "2"', () => {
    const found = findings(SYSTEM.replace('  dossier: approved', '   dossier: approved'));
    expect(found.map((f) => f.at)).toEqual(['7:4 yaml.indent']);
    expect(found[0]?.message).toEqual({
      vi: 'Dòng 7 thụt lề 3 dấu cách, không khớp với "level" ở dòng 6 (2 dấu cách).',
      en: 'Line 7 is indented 3 spaces, which does not match "level" on line 6 (2 spaces).',
    });
    expect(found[0]?.fix?.vi).toMatch(/^Thụt lề "dossier" đúng 2 dấu cách, thẳng với "level" \(nếu dòng này viết tiếp giá trị của "level", đặt cả giá trị trong dấu nháy kép\)\.$/);
  });
  it('a line between two levels, after a comment line: at that line, not at the comment', () => {
    const found = findings(SYSTEM.replace('  dossier: approved', '  # ghi chú\n   dossier: approved'));
    expect(found.map((f) => f.at)).toEqual(['8:4 yaml.indent']);
    expect(found[0]?.message.en).toBe('Line 8 is indented 3 spaces, which does not match "level" on line 6 (2 spaces).');
  });
  it('a line less indented than its siblings: said against the sibling it falls short of', () => {
    const found = findings(SYSTEM.replace('  level: 3', '    level: 3').replace(/\n  (dossier|decision|lastAssessment|monitoredBy|backup):/g, '\n    $1:').replace('    dossier: approved', '  dossier: approved'));
    expect(found.map((f) => f.at)).toEqual(['7:3 yaml.indent']);
    expect(found[0]?.fix?.vi).toBe('Thụt lề "dossier" đúng 4 dấu cách, thẳng với "level".');
  });
  it('the tester\'s "lỗi cú pháp.yaml": one error per cause (two misindented lines, one unclosed bracket), each at its place', () => {
    const found = findings('apiVersion: kientruc/v1\nkind: Dataset\nid: loi-cu-phap\nname: Lỗi\n  scope: provincial\n owner: [org:so-khcn\n');
    expect(found.map((f) => f.at)).toEqual(['5:3 yaml.indent', '6:2 yaml.indent', '6:9 yaml.unclosed']);
    // The second line lines up with "name", not with the misindented "scope" above it.
    expect(found[1]?.message.vi).toBe('Dòng 6 thụt lề 1 dấu cách, không khớp với "name" ở dòng 4 (không thụt lề).');
    expect(found[1]?.fix?.en).toMatch(/^Start "owner" at the left margin, in line with "name"/);
  });
  it('a key written on one line with a nested mapping ("a: b: c") keeps its own message', () => {
    expect(findings('apiVersion: kientruc/v1\nname: a: b\n').map((f) => f.at)).not.toContain('2:7 yaml.indent');
  });
});

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

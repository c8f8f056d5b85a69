import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CODES } from '../../src/diagnostics/codes.js';
import { ALL_RULE_METAS, RULES, TEMPLATE_CHECKS } from '../../src/rules/index.js';
import { REPO } from '../helpers/project.js';

const camel = (id: string) => id.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());

describe('rule registry (§4, §6.5)', () => {
  it('ids are unique, well formed, sorted, and mirror their file paths', async () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const all = ALL_RULE_METAS.map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(RULES.length + TEMPLATE_CHECKS.length);
    // Template checks (rules/index.ts TEMPLATE_CHECKS) follow the same naming, file and test layout.
    for (const rule of ALL_RULE_METAS) {
      expect(rule.id).toMatch(/^(agency|system|data|integration|kpi|task|service)\.[a-z0-9]+(-[a-z0-9]+)*$/);
      const [domain, name] = rule.id.split('.') as [string, string];
      const file = join(REPO, 'src', 'rules', domain, `${name}.ts`);
      expect(existsSync(file), file).toBe(true);
      const mod = (await import(file)) as Record<string, unknown>;
      expect(mod[camel(rule.id)], `export ${camel(rule.id)}`).toBe(rule);
      expect(existsSync(join(REPO, 'tests', 'rules', domain, `${name}.test.ts`)), `test for ${rule.id}`).toBe(true);
    }
  });

  it('every rule cites a legal document and explains itself in both languages', () => {
    for (const rule of ALL_RULE_METAS) {
      expect(rule.legalRef, rule.id).toMatch(/^(Luật|NĐ|TT|QĐ|NQ|Quy định|CV|Thông báo|Seed|Nghị quyết)/);
      for (const t of [rule.description, rule.help]) {
        expect(t.vi.length, rule.id).toBeGreaterThan(15);
        expect(t.en.length, rule.id).toBeGreaterThan(15);
      }
    }
  });

  it('every rule file is registered and every rule test has a rule', () => {
    const registered = new Set(ALL_RULE_METAS.map((r) => r.id));
    for (const domain of readdirSync(join(REPO, 'src', 'rules'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(join(REPO, 'src', 'rules', domain.name))) {
        expect(registered.has(`${domain.name}.${f.replace(/\.ts$/, '')}`), `src/rules/${domain.name}/${f}`).toBe(true);
      }
    }
    const testsDir = join(REPO, 'tests', 'rules');
    for (const domain of readdirSync(testsDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const f of readdirSync(join(testsDir, domain.name))) {
        expect(registered.has(`${domain.name}.${f.replace(/\.test\.ts$/, '')}`), `tests/rules/${domain.name}/${f}`).toBe(true);
      }
    }
  });

  it('built-in codes are sorted, unique and never collide with rule ids', () => {
    const ids = BUILTIN_CODES.map((c) => c.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULE_METAS) expect(ids).not.toContain(r.id);
  });
});

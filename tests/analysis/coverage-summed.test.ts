/**
 * The coverage the two KPI rules compare (`computeCoverage(…, { summed: true })`) is summed entity by
 * entity across the models of one architecture, re-counting only the entities that changed and the
 * integrations whose ends read one of them. After every edit of a random sequence — statuses, owners,
 * parents, channels, sharing classes, security dossiers, services' online levels, each a value the
 * sample itself uses elsewhere — the summed rows must equal the rows counted over every entity, at the
 * report date and in the target state. The edits go through the language server's engine (Workspace:
 * the model patched per file), so unchanged entities stay the same objects and the sums are really
 * carried from model to model (checked: some edits re-count a handful of entities, not all of them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetStateOf } from '../../src/analysis/architecture.js';
import { computeCoverage, shareSumsRecounted } from '../../src/analysis/coverage.js';
import { Workspace } from '../../src/cli/lsp/workspace.js';
import type { Model } from '../../src/model/model.js';
import { AS_OF, REPO, yamlFiles } from '../helpers/project.js';
import { prng } from '../bench/generate.js';

const ROOT = join(REPO, 'architecture');
/** Fields that decide what a share counts (populations and numerators), and the owners and bodies an integration's ends resolve through. */
const FIELD = /^( *)(status|owner|parent|channel|mandatory|sharing|dossier|personalData|scope|standardised|onlineLevel|eligibleFullOnline|nationalRole|level|from|to): ([^#{[\n]+)$/gm;


const rowsOf = (model: Model, date: string, summed: boolean) =>
  computeCoverage(model, date, { summed }).map((r) => ({ id: r.id, numerator: r.numerator, denominator: r.denominator, value: r.value, display: r.display, meetsTarget: r.meetsTarget }));

describe('coverage summed entity by entity across edits', () => {
  it('equals the coverage counted over every entity, at the report date and in the target state', async () => {
    const files = yamlFiles(ROOT).filter((f) => /\/(systems|integrations|datasets|organizations|services)\//.test(f));
    // Every value the sample gives each field: an edit sets one of them.
    const values = new Map<string, Set<string>>();
    const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    for (const text of texts.values()) for (const m of text.matchAll(FIELD)) (values.get(m[2] as string) ?? values.set(m[2] as string, new Set()).get(m[2] as string))?.add((m[3] as string).trim());
    const ws = new Workspace({ cwd: REPO, today: AS_OF, asOf: AS_OF });
    const next = prng(20261204);
    let partial = 0;
    const check = async (step: string): Promise<void> => {
      const result = await ws.analyze();
      const model = result.model;
      for (const [name, m, date] of [['report date', model, AS_OF], ['target state', targetStateOf(model).model, targetStateOf(model).date]] as const) {
        const summed = rowsOf(m, date, true);
        const recounted = shareSumsRecounted();
        const total = m.all('system').length + m.all('dataset').length + m.all('integration').length + m.all('service').length;
        if (recounted < total / 4) partial++;
        expect(summed, `${step}, ${name}`).toEqual(rowsOf(m, date, false));
      }
    };
    await check('first run');
    for (let step = 0; step < 40; step++) {
      const file = files[Math.floor(next() * files.length)] as string;
      const text = texts.get(file) as string;
      const fields = [...text.matchAll(FIELD)];
      const m = fields[Math.floor(next() * fields.length)];
      if (!m || m.index === undefined) continue;
      const choices = [...(values.get(m[2] as string) ?? [])];
      const value = choices[Math.floor(next() * choices.length)] as string;
      const edited = `${text.slice(0, m.index)}${m[1]}${m[2]}: ${value}${text.slice(m.index + m[0].length)}`;
      texts.set(file, edited);
      ws.setText(file, edited);
      await check(`step ${step}: ${file.slice(ROOT.length + 1)} ${m[2]}: ${(m[3] as string).trim()} → ${value}`);
    }
    // The sums were carried, not counted anew every time (or this proves nothing about the summing).
    expect(partial).toBeGreaterThan(20);
  }, 300_000);
});
